// docs/configuration.md's table renders as one table (no blank line or short row breaks it) and has
// exactly one row per param and secret the code declares (firebase-functions/params in src/).
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const FUNCTIONS = join(__dirname, '..', '..');
const CONFIG_DOC = join(FUNCTIONS, '..', 'docs', 'configuration.md');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every `defineString('NAME'` … `defineSecret('NAME'` in src/, with its kind. */
export function declaredConfig(files = sourceFiles(join(FUNCTIONS, 'src'))): Map<string, 'param' | 'secret'> {
  const declared = new Map<string, 'param' | 'secret'>();
  for (const file of files) {
    for (const [, kind, name] of readFileSync(file, 'utf8').matchAll(
      /\bdefine(String|Int|Float|Boolean|List|Secret)\(\s*['"]([A-Z0-9_]+)['"]/g,
    )) {
      declared.set(name, kind === 'Secret' ? 'secret' : 'param');
    }
  }
  return declared;
}

/** The rows of the first table whose header starts `| name | kind |`, as cells; throws if it does not render. */
export function configTable(markdown: string): string[][] {
  const lines = markdown.split('\n');
  const header = lines.findIndex((line) => /^\|\s*name\s*\|\s*kind\s*\|/.test(line));
  if (header < 0) throw new Error('no | name | kind | table');
  const cellsOf = (line: string) =>
    line
      .replace(/\\\|/g, '\u0000')
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
  const width = cellsOf(lines[header]).length;
  if (!/^\|(\s*-+\s*\|)+$/.test(lines[header + 1] ?? '')) throw new Error('the header is not followed by a | --- | line');
  const rows: string[][] = [];
  let at = header + 2;
  for (; at < lines.length && lines[at].startsWith('|'); at += 1) {
    const cells = cellsOf(lines[at]);
    if (cells.length !== width) throw new Error(`row ${at + 1} has ${cells.length} cells, the header ${width}: ${lines[at]}`);
    rows.push(cells);
  }
  // A row after a blank line renders as a paragraph of pipes, not as part of the table.
  const stray = lines.slice(at).findIndex((line) => /^\|\s*`[A-Z0-9_]+`\s*\|/.test(line));
  if (stray >= 0) throw new Error(`line ${at + stray + 1} is a row cut off from the table: ${lines[at + stray]}`);
  return rows;
}

describe('docs: configuration.md', () => {
  it('has one table row per declared param and secret, with its kind', () => {
    const declared = declaredConfig();
    assert.ok(declared.size >= 20, `found only ${declared.size} declarations: is the pattern still right?`);
    const rows = configTable(readFileSync(CONFIG_DOC, 'utf8'));
    const documented = new Map(rows.map(([name, kind]) => [name.replace(/`/g, ''), kind]));
    const missing = [...declared.keys()].filter((name) => !documented.has(name));
    assert.deepEqual(missing, [], `${relative(FUNCTIONS, CONFIG_DOC)} lacks rows for these`);
    const unknown = [...documented.keys()].filter((name) => !declared.has(name));
    assert.deepEqual(unknown, [], 'rows for names the code does not declare');
    for (const [name, kind] of declared) assert.equal(documented.get(name), kind, `${name} is a ${kind}`);
    assert.equal(rows.length, documented.size, 'one row per name');
  });

  it('notices a table cut by a blank line, a short row, and an undocumented declaration', () => {
    const table = '| name | kind | x |\n| --- | --- | --- |\n| `A` | param | 1 |';
    assert.deepEqual(configTable(table), [['`A`', 'param', '1']]);
    assert.throws(() => configTable(`${table}\n\n| \`B\` | param | 2 |`), /cut off/);
    assert.throws(() => configTable(`${table}\n| \`B\` | param |`), /2 cells/);
    assert.deepEqual(configTable('| name | kind | x |\n| --- | --- | --- |\n| `A` | a \\| b | 1 |').length, 1);
    const src = join(FUNCTIONS, 'src', 'config.ts');
    assert.ok(declaredConfig([src]).has('FUNCTIONS_REGION'));
  });
});
