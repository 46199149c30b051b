// An interrupted first install is repaired by the next run (scripts/lib/setup.mjs):
//   - npm: node_modules without the install stamp (Ctrl-C during `npm ci`), or with a stale one, is
//     installed again from scratch; a failed `npm ci` writes no stamp; a finished one is not redone.
//   - hidane: cargo builds into a temporary root that is renamed into place only when the binary
//     answers; a build that fails or is killed leaves no half-done root, its temporary root is
//     cleaned up by the next run, and a broken root (binary that doesn't run) is replaced.
// The real cargo build takes minutes, so a fake build stands in for it; npm runs for real on a
// package without dependencies (offline, a second or two).
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SETUP = join(__dirname, '..', '..', '..', 'scripts', 'lib', 'setup.mjs');
const env = { ...process.env };
delete env.HIDANE_BIN;

/** Runs `body` (an async function's source, given the setup module as `setup`) in a fresh Node. */
function inNode(body: string): { status: number | null; output: string; value: unknown } {
  const script = `const setup = await import(${JSON.stringify(SETUP)});\nconst value = await (async () => { ${body} })();\nconsole.log('VALUE ' + JSON.stringify(value ?? null));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8', timeout: 120_000 });
  const output = `${result.stdout}${result.stderr}`;
  const line = result.stdout.split('\n').find((l) => l.startsWith('VALUE '));
  return { status: result.status, output, value: line ? JSON.parse(line.slice(6)) : undefined };
}

describe('interrupted first install is repaired by the next run', function () {
  this.timeout(180_000);
  let scratch: string;
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'interrupted-install-'));
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  describe('npm packages', () => {
    const lock = (name: string) =>
      JSON.stringify({ name, version: '1.0.0', lockfileVersion: 3, requires: true, packages: { '': { name, version: '1.0.0' } } });
    const makePackage = (dir: string) => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'pkg', version: '1.0.0', private: true }));
      writeFileSync(join(dir, 'package-lock.json'), lock('pkg'));
    };
    const stampOf = (dir: string) => join(dir, 'node_modules', '.gocafein-install-stamp');
    const lockHash = (dir: string) =>
      createHash('sha256')
        .update(readFileSync(join(dir, 'package-lock.json')))
        .digest('hex');

    it('installs again over a node_modules that has no stamp (an interrupted npm ci)', () => {
      const dir = join(scratch, 'pkg');
      makePackage(dir);
      mkdirSync(join(dir, 'node_modules', 'half-extracted'), { recursive: true });
      writeFileSync(join(dir, 'node_modules', 'half-extracted', 'index.js'), '');
      const first = inNode(`return setup.ensureNpmPackages(${JSON.stringify(dir)});`);
      assert.equal(first.status, 0, first.output);
      assert.equal(first.value, true, 'expected an install');
      assert.equal(readFileSync(stampOf(dir), 'utf8'), lockHash(dir));
      assert.ok(!existsSync(join(dir, 'node_modules', 'half-extracted')), 'npm ci should start from an empty node_modules');
      const second = inNode(`return setup.ensureNpmPackages(${JSON.stringify(dir)});`);
      assert.equal(second.value, false, 'a finished install must not be redone');
    });

    it('installs again when the stamp belongs to another package-lock.json', () => {
      const dir = join(scratch, 'pkg');
      makePackage(dir);
      mkdirSync(join(dir, 'node_modules'), { recursive: true });
      writeFileSync(stampOf(dir), 'hash-of-an-older-lock');
      const run = inNode(`return setup.ensureNpmPackages(${JSON.stringify(dir)});`);
      assert.equal(run.value, true, run.output);
      assert.equal(readFileSync(stampOf(dir), 'utf8'), lockHash(dir));
    });

    it('writes no stamp when npm ci fails, so the next run tries again', () => {
      const dir = join(scratch, 'pkg');
      makePackage(dir);
      // package.json asks for a dependency the lock doesn't have: npm ci refuses.
      writeFileSync(
        join(dir, 'package.json'),
        JSON.stringify({ name: 'pkg', version: '1.0.0', private: true, dependencies: { 'left-pad': '1.3.0' } }),
      );
      mkdirSync(join(dir, 'node_modules'), { recursive: true });
      writeFileSync(stampOf(dir), 'stale');
      const run = inNode(`return setup.ensureNpmPackages(${JSON.stringify(dir)});`);
      assert.notEqual(run.status, 0, run.output);
      assert.ok(!existsSync(stampOf(dir)) || readFileSync(stampOf(dir), 'utf8') !== lockHash(dir), 'a failed install left a valid stamp');
    });
  });

  describe('hidane', () => {
    // A stand-in for `cargo install`: writes a hidane that answers --version like the real one.
    const goodBuild = `(root) => {
      const fs = require('node:fs');
      fs.mkdirSync(root + '/bin', { recursive: true });
      fs.writeFileSync(root + '/.crates.toml', '[v1]\\n');
      fs.writeFileSync(root + '/bin/hidane', '#!/bin/sh\\necho "hidane ' + setup.HIDANE_VERSION + '"\\n', { mode: 0o755 });
    }`;
    const ensure = (root: string, build = goodBuild) =>
      inNode(`const { createRequire } = await import('node:module'); const require = createRequire(import.meta.url);
        return setup.ensureHidane({ root: ${JSON.stringify(root)}, build: ${build} });`);
    const version = (bin: string) => spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim();

    it('a failed build leaves neither the root nor its temporary root', () => {
      const root = join(scratch, 'tools', 'hidane-0.6.0');
      const failing = `(root) => { require('node:fs').mkdirSync(root + '/bin', { recursive: true }); throw new Error('cargo interrupted'); }`;
      const run = ensure(root, failing);
      assert.notEqual(run.status, 0);
      assert.match(run.output, /cargo interrupted/);
      assert.deepEqual(readdirSync(join(scratch, 'tools')), []);
      const next = ensure(root);
      assert.equal(next.status, 0, next.output);
      assert.equal(next.value, join(root, 'bin', 'hidane'));
      assert.equal(version(join(root, 'bin', 'hidane')), 'hidane 0.6.0');
    });

    it('a build killed mid-way (Ctrl-C, SIGKILL) is cleaned up and redone by the next run', async () => {
      const root = join(scratch, 'tools', 'hidane-0.6.0');
      const hanging = `(root) => { require('node:fs').mkdirSync(root + '/bin', { recursive: true }); require('node:fs').writeFileSync(root + '/bin/hidane', 'half'); console.log('BUILDING'); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60000); }`;
      const script = `const setup = await import(${JSON.stringify(SETUP)}); const { createRequire } = await import('node:module'); const require = createRequire(import.meta.url); setup.ensureHidane({ root: ${JSON.stringify(root)}, build: ${hanging} });`;
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { env, stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => child.stdout.on('data', (chunk) => chunk.toString().includes('BUILDING') && resolve()));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      assert.deepEqual(
        readdirSync(join(scratch, 'tools')),
        [`hidane-0.6.0.partial-${child.pid}`],
        'the killed build should have left only its temporary root',
      );
      assert.ok(!existsSync(root));
      const next = ensure(root);
      assert.equal(next.status, 0, next.output);
      assert.deepEqual(readdirSync(join(scratch, 'tools')), ['hidane-0.6.0']);
      assert.equal(version(join(root, 'bin', 'hidane')), 'hidane 0.6.0');
    });

    it('replaces a broken root (cargo metadata and a binary that does not run)', () => {
      const root = join(scratch, 'tools', 'hidane-0.6.0');
      mkdirSync(join(root, 'bin'), { recursive: true });
      writeFileSync(
        join(root, '.crates.toml'),
        '[v1]\n"hidane 0.6.0 (registry+https://github.com/rust-lang/crates.io-index)" = ["hidane"]\n',
      );
      writeFileSync(join(root, 'bin', 'hidane'), '#!/bin/sh\nexit 3\n');
      chmodSync(join(root, 'bin', 'hidane'), 0o755);
      const run = ensure(root);
      assert.equal(run.status, 0, run.output);
      assert.match(run.output, /building hidane/);
      assert.equal(version(join(root, 'bin', 'hidane')), 'hidane 0.6.0');
    });

    it('keeps a working root without building', () => {
      const root = join(scratch, 'tools', 'hidane-0.6.0');
      assert.equal(ensure(root).status, 0);
      const never = `() => { throw new Error('rebuilt a working hidane'); }`;
      const run = ensure(root, never);
      assert.equal(run.status, 0, run.output);
      assert.doesNotMatch(run.output, /building hidane/);
    });
  });
});
