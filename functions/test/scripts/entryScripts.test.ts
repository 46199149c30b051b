// The entry scripts (scripts/*.mjs, what `npm start`, `npm test`, `npm run …` run) must work as the
// first command on a fresh clone, before anything is installed: their static imports may reach
// only Node built-ins and the project's own files whose static imports do the same. Everything
// else loads with import() after set-up. (The fresh-clone test in test/stack runs them for real.)
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const SCRIPTS = join(ROOT, 'scripts');

/** Static import/export-from specifiers of an ES module (dynamic import() is not matched). */
export function staticImports(source: string): string[] {
  const specifiers: string[] = [];
  for (const match of source.matchAll(/^(?:import|export)\s(?:[^;'"]*?\sfrom\s)?\s*['"]([^'"]+)['"]/gm)) specifiers.push(match[1]);
  return specifiers;
}

/** Chains from `file` to each import that is neither a built-in nor a built-in-only own file. */
function violations(file: string, chain: string[] = [], seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const out: string[] = [];
  const here = [...chain, relative(ROOT, file)];
  const source = readFileSync(file, 'utf8');
  for (const specifier of staticImports(source)) {
    if (specifier.startsWith('node:')) continue;
    if (specifier.startsWith('.')) out.push(...violations(resolve(dirname(file), specifier), here, seen));
    else out.push(`${here.join(' → ')} → ${specifier}`);
  }
  return out;
}

describe('entry scripts load only built-ins before set-up', () => {
  const entries = readdirSync(SCRIPTS).filter((name) => name.endsWith('.mjs'));

  it('finds the entry scripts of package.json', () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    for (const command of Object.values(scripts)) {
      const file = command.match(/node scripts\/(\S+\.mjs)/)?.[1];
      if (file) assert.ok(entries.includes(file), `${file} of package.json is not in scripts/`);
    }
    assert.ok(entries.length >= 8, entries.join(', '));
  });

  for (const name of readdirSync(SCRIPTS).filter((n) => n.endsWith('.mjs'))) {
    it(`scripts/${name}`, () => {
      assert.deepEqual(violations(join(SCRIPTS, name)), []);
    });
  }

  it('the import scan sees packages, multi-line imports and re-exports (it can fail)', () => {
    const source =
      "import { a,\n  b } from 'firebase-admin/app';\nimport 'side-effect';\nexport { x } from './lib/x.mjs';\nconst later = await import('firebase');\n";
    assert.deepEqual(staticImports(source), ['firebase-admin/app', 'side-effect', './lib/x.mjs']);
  });
});
