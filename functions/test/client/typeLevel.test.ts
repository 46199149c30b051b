// The type-level test of @gocafein/client: client/test/typeLevel.ts and README's app example compile
// with the package's compiler settings, and every `@ts-expect-error` line in the test is an error
// (checked twice: as written, an unused directive fails; with the directives removed, each of
// those lines must report its own error).
import { strict as assert } from 'node:assert';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript-api'; // TypeScript 5.9's compiler API: TypeScript 7 (the build's tsc) ships none

const CLIENT = join(__dirname, '..', '..', '..', 'client');
const TYPE_TEST = join(CLIENT, 'test', 'typeLevel.ts');
const README = join(CLIENT, '..', 'README.md');
const EXAMPLE_START = '<!-- client-example:start -->';

function compile(files: Record<string, string>): readonly ts.Diagnostic[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(CLIENT, 'tsconfig.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  )!;
  const options = { ...config.options, rootDir: CLIENT, noEmit: true, noUnusedLocals: false };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => files[name] ?? readFile(name);
  host.fileExists = (
    (exists) => (name: string) =>
      name in files || exists(name)
  )(host.fileExists.bind(host));
  const program = ts.createProgram(Object.keys(files), options, host);
  return ts.getPreEmitDiagnostics(program);
}

const text = (diagnostics: readonly ts.Diagnostic[]) =>
  diagnostics
    .map(
      (d) =>
        `${d.file?.fileName ?? ''}:${d.file ? d.file.getLineAndCharacterOfPosition(d.start!).line + 1 : ''} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
    )
    .join('\n');

describe('client: type-level test', function () {
  this.timeout(120_000);
  const source = readFileSync(TYPE_TEST, 'utf8');
  const isDirective = (line: string) => line.trim().startsWith('// @ts-expect-error');

  it('compiles as written (so every @ts-expect-error line is an error)', () => {
    const directives = source.split('\n').filter(isDirective).length;
    assert.ok(directives >= 4, `${directives} @ts-expect-error lines`);
    const diagnostics = compile({ [TYPE_TEST]: source });
    assert.equal(diagnostics.length, 0, text(diagnostics));
  });

  it('without the directives, each marked line reports its own error', () => {
    const lines = source.split('\n');
    const marked = lines.flatMap((line, index) => (isDirective(line) ? [index + 2] : [])); // 1-based line after
    const stripped = lines.map((line) => (isDirective(line) ? '' : line)).join('\n');
    const diagnostics = compile({ [TYPE_TEST]: stripped });
    const errorLines = new Set(diagnostics.map((d) => d.file!.getLineAndCharacterOfPosition(d.start!).line + 1));
    for (const line of marked) assert.ok(errorLines.has(line), `line ${line} (${lines[line - 1].trim()}) compiles: ${text(diagnostics)}`);
    assert.deepEqual(
      [...errorLines].filter((line) => !marked.includes(line)),
      [],
      'no errors on other lines',
    );
  });

  it("README's app example compiles", () => {
    const readme = readFileSync(README, 'utf8');
    const start = readme.indexOf(EXAMPLE_START);
    assert.ok(start >= 0, 'README has the client example');
    const block = /```ts\n([\s\S]*?)```/.exec(readme.slice(start))![1];
    const file = join(CLIENT, 'test', '.readme-example.ts');
    writeFileSync(file, `${block.replace("'@gocafein/client'", "'../src/index.js'")}\nexport {};\n`);
    try {
      const diagnostics = compile({ [file]: readFileSync(file, 'utf8') });
      assert.equal(diagnostics.length, 0, text(diagnostics));
    } finally {
      rmSync(file, { force: true });
    }
  });
});
