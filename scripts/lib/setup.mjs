// First-run set-up shared by `npm test`, `npm start` and the other entry points: installs the npm
// packages and the offline Firestore (hidane) when they are missing or stale, and builds the
// functions. Every step is skipped when already done, so later runs start at once.
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync, renameSync, rmSync, unlinkSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureClientPackage } from './clientPackage.mjs';
import { ensureWebApp, WEB_DIR } from './web.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FUNCTIONS_DIR = join(ROOT, 'functions');

/** hidane, the Java-less Firestore emulator, pinned; built from the Rust crate registry. */
export const HIDANE_VERSION = '0.6.0';
// Kept outside the checkout so that fresh clones on the same machine reuse one build.
export const HIDANE_ROOT = join(process.env.GOCAFEIN_TOOLS_DIR ?? join(homedir(), '.cache', 'gocafein'), `hidane-${HIDANE_VERSION}`);
export const HIDANE_BIN = join(HIDANE_ROOT, 'bin', 'hidane');

const log = (message) => console.log(`[setup] ${message}`);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
  }
}

export const INSTALL_STAMP = '.gocafein-install-stamp';

/**
 * `npm ci` in a package folder unless node_modules matches its package-lock.json. The stamp (the
 * lock's hash) is written only after `npm ci` succeeded, so an interrupted install (Ctrl-C, a
 * failure) leaves node_modules without a stamp, and the next run installs again from scratch
 * (`npm ci` removes whatever is there first). `--prefer-offline` uses npm's cache when it can.
 */
export function ensureNpmPackages(dir) {
  const lock = join(dir, 'package-lock.json');
  const stamp = join(dir, 'node_modules', INSTALL_STAMP);
  const wanted = createHash('sha256').update(readFileSync(lock)).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return false;
  log(`installing npm packages in ${dir === ROOT ? '.' : dir.slice(ROOT.length + 1)} (first run)`);
  if (existsSync(stamp)) unlinkSync(stamp);
  run('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: dir });
  writeFileSync(stamp, wanted);
  return true;
}

function hidaneVersionAt(bin) {
  if (!existsSync(bin)) return null;
  try {
    return (
      execFileSync(bin, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
        .trim()
        .split(/\s+/)[1] ?? null
    );
  } catch {
    return null;
  }
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function cargoInstallHidane(root) {
  run('cargo', ['install', 'hidane', '--version', HIDANE_VERSION, '--locked', '--root', root, '--quiet']);
}

/**
 * Builds hidane with cargo into ~/.cache/gocafein (about 4 minutes on 2 cores, once). cargo installs
 * into a fresh temporary root next to the final one, which is renamed into place only after the
 * binary answers `--version`: an interrupted build leaves no half-done root, and a broken root (a
 * binary that doesn't run, or cargo's metadata without a binary) is replaced. `build` and
 * `root` are for tests.
 */
export function ensureHidane({ build = cargoInstallHidane, root = HIDANE_ROOT } = {}) {
  if (process.env.HIDANE_BIN && existsSync(process.env.HIDANE_BIN)) return process.env.HIDANE_BIN;
  const bin = join(root, 'bin', 'hidane');
  if (hidaneVersionAt(bin) === HIDANE_VERSION) return bin;
  // A binary that is there but didn't answer may just be busy (a copy in progress, a loaded
  // machine): ask again before spending minutes on a rebuild.
  for (let attempt = 0; attempt < 3 && existsSync(bin); attempt += 1) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
    if (hidaneVersionAt(bin) === HIDANE_VERSION) return bin;
  }
  log(`building hidane ${HIDANE_VERSION} with cargo (first run only, a few minutes)`);
  mkdirSync(dirname(root), { recursive: true });
  // Temporary roots of builds that were interrupted (their process is gone) are removed.
  for (const name of readdirSync(dirname(root))) {
    const pid = Number(name.startsWith(`${basename(root)}.partial-`) && name.split('-').at(-1));
    if (pid && !processAlive(pid)) rmSync(join(dirname(root), name), { recursive: true, force: true });
  }
  const partial = `${root}.partial-${process.pid}`;
  try {
    build(partial);
    const built = hidaneVersionAt(join(partial, 'bin', 'hidane'));
    if (built !== HIDANE_VERSION) throw new Error(`the hidane build gave version ${built}, expected ${HIDANE_VERSION}`);
    rmSync(root, { recursive: true, force: true });
    renameSync(partial, root);
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
  return bin;
}

export function buildFunctions() {
  run('npm', ['run', '--silent', 'build'], { cwd: FUNCTIONS_DIR });
}

export function setUp({ rootPackages = false, build = true } = {}) {
  if (rootPackages) ensureNpmPackages(ROOT);
  ensureNpmPackages(FUNCTIONS_DIR);
  const hidane = ensureHidane();
  if (build || !existsSync(join(FUNCTIONS_DIR, 'lib', 'index.js'))) buildFunctions();
  if (rootPackages) ensureClientPackage(); // client/ (@gocafein/client) needs the root's firebase
  if (rootPackages) {
    // The partner center (web/): its own lockfile; built only when its sources changed.
    ensureNpmPackages(WEB_DIR);
    ensureWebApp();
  }
  return { hidane };
}
