// First-run set-up shared by `npm test`, `npm start` and the other entry points: installs the npm
// packages and the offline Firestore (hidane) when they are missing or stale, and builds the
// functions. Every step is skipped when already done, so later runs start at once.
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureClientPackage } from './clientPackage.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FUNCTIONS_DIR = join(ROOT, 'functions');

/** hidane, the Java-less Firestore emulator, pinned; built from the Rust crate registry. */
export const HIDANE_VERSION = '0.6.0';
// Kept outside the checkout so that fresh clones on the same machine reuse one build.
export const HIDANE_ROOT = join(
  process.env.GOCAFEIN_TOOLS_DIR ?? join(homedir(), '.cache', 'gocafein'),
  `hidane-${HIDANE_VERSION}`,
);
export const HIDANE_BIN = join(HIDANE_ROOT, 'bin', 'hidane');

const log = (message) => console.log(`[setup] ${message}`);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
  }
}

/** `npm ci` in a package folder unless node_modules matches its package-lock.json. */
export function ensureNpmPackages(dir) {
  const lock = join(dir, 'package-lock.json');
  const stamp = join(dir, 'node_modules', '.gocafein-install-stamp');
  const wanted = createHash('sha256').update(readFileSync(lock)).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return;
  log(`installing npm packages in ${dir === ROOT ? '.' : dir.slice(ROOT.length + 1)} (first run)`);
  run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir });
  writeFileSync(stamp, wanted);
}

function installedHidaneVersion() {
  if (!existsSync(HIDANE_BIN)) return null;
  try {
    return execFileSync(HIDANE_BIN, ['--version'], { encoding: 'utf8' }).trim().split(/\s+/)[1] ?? null;
  } catch {
    return null;
  }
}

/** Builds hidane with cargo into ~/.cache/gocafein (about 4 minutes on 2 cores, once). */
export function ensureHidane() {
  if (process.env.HIDANE_BIN && existsSync(process.env.HIDANE_BIN)) return process.env.HIDANE_BIN;
  if (installedHidaneVersion() === HIDANE_VERSION) return HIDANE_BIN;
  log(`building hidane ${HIDANE_VERSION} with cargo (first run only, a few minutes)`);
  mkdirSync(HIDANE_ROOT, { recursive: true });
  run('cargo', ['install', 'hidane', '--version', HIDANE_VERSION, '--locked', '--root', HIDANE_ROOT, '--quiet']);
  return HIDANE_BIN;
}

export function buildFunctions() {
  run('npm', ['run', '--silent', 'build'], { cwd: FUNCTIONS_DIR });
}

export function setUp({ rootPackages = false } = {}) {
  if (rootPackages) ensureNpmPackages(ROOT);
  ensureNpmPackages(FUNCTIONS_DIR);
  const hidane = ensureHidane();
  buildFunctions();
  if (rootPackages) ensureClientPackage(); // client/ (@gocafein/client) needs the root's firebase
  return { hidane };
}
