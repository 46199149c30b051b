// Builds the typed client package (client/, published as @gocafein/client) into client/dist: ESM
// and .d.ts, compiled with the functions' TypeScript. Skipped when dist is newer than every source.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const CLIENT_DIR = join(ROOT, 'client');
const STAMP = join(CLIENT_DIR, 'dist', 'index.js');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function ensureClientPackage({ force = false } = {}) {
  const sourcesChanged = () =>
    Math.max(newestMtime(join(CLIENT_DIR, 'src')), statSync(join(CLIENT_DIR, 'tsconfig.json')).mtimeMs) > statSync(STAMP).mtimeMs;
  if (!force && existsSync(STAMP) && !sourcesChanged()) return;
  rmSync(join(CLIENT_DIR, 'dist'), { recursive: true, force: true });
  const tsc = join(ROOT, 'functions', 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(CLIENT_DIR, 'tsconfig.json')], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`building client/ failed with exit code ${result.status}`);
}
