// @gocafein/client as published: compiled from client/src in memory with its own tsconfig, the
// JavaScript imports nothing but 'firebase/*' and its own files (no zod, no firebase-admin, no
// server code), every module has its .d.ts, and README states its size truthfully.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import ts from 'typescript-api'; // TypeScript 5.9's compiler API: TypeScript 7 (the build's tsc) ships none

const CLIENT = join(__dirname, '..', '..', '..', 'client');

function emitClient(): Map<string, string> {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(CLIENT, 'tsconfig.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  )!;
  const program = ts.createProgram(config.fileNames, config.options);
  const out = new Map<string, string>();
  const result = program.emit(undefined, (fileName, text) => out.set(fileName.slice(config.options.outDir!.length + 1), text));
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics];
  assert.equal(diagnostics.length, 0, diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('\n'));
  return out;
}

describe('client: the package as built', function () {
  this.timeout(120_000);
  let files: Map<string, string>;
  before(() => {
    files = emitClient();
  });

  it('imports only the Firebase JS SDK and its own modules', () => {
    const js = [...files].filter(([name]) => name.endsWith('.js'));
    assert.ok(js.length >= 5, `${js.length} modules`);
    for (const [name, text] of js) {
      const specifiers = [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
        (m) => m[1] ?? m[2],
      );
      for (const specifier of specifiers) {
        if (specifier.startsWith('.')) {
          const target = join(dirname(name), specifier);
          assert.ok(files.has(target), `${name} imports ${specifier}, which is not in the package`);
        } else {
          assert.match(specifier, /^firebase\/(functions|firestore|app)$/, `${name} imports ${specifier}`);
        }
      }
      assert.doesNotMatch(text, /require\(|firebase-admin|['"]zod['"]/, name);
      assert.ok(files.has(name.replace(/\.js$/, '.d.ts')), `${name} has declarations`);
    }
    const manifest = JSON.parse(readFileSync(join(CLIENT, 'package.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(manifest.name, '@gocafein/client');
    assert.equal(manifest.type, 'module');
    assert.equal(manifest.dependencies, undefined, 'no runtime dependencies besides the peer');
    assert.deepEqual(Object.keys(manifest.peerDependencies as object), ['firebase']);
  });

  it('README states its size (KiB of JS and gzipped) within 2 KiB', () => {
    const js = [...files].filter(([name]) => name.endsWith('.js')).map(([, text]) => Buffer.from(text));
    const kib = js.reduce((sum, buffer) => sum + buffer.length, 0) / 1024;
    const gzipped = gzipSync(Buffer.concat(js)).length / 1024;
    for (const readme of [join(CLIENT, 'README.md'), join(CLIENT, '..', 'README.md')]) {
      const stated = /(\d+) KiB of JavaScript|(\d+) KiB of JS/.exec(readFileSync(readme, 'utf8'));
      const statedGzip = /\((\d+) KiB gzipped\)/.exec(readFileSync(readme, 'utf8'));
      assert.ok(stated && statedGzip, `${readme} states the size`);
      assert.ok(Math.abs(Number(stated[1] ?? stated[2]) - kib) <= 2, `${readme}: ${stated[0]}, actual ${kib.toFixed(1)} KiB`);
      assert.ok(Math.abs(Number(statedGzip[1]) - gzipped) <= 2, `${readme}: ${statedGzip[0]}, actual ${gzipped.toFixed(1)} KiB`);
    }
  });
});
