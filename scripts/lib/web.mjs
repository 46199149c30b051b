// The partner center web app (web/, its own package and lockfile): installed and built by set-up
// when its sources changed, served from web/dist by the Hosting emulator. The browser tier and the
// screenshots need Debian's chromium and a Korean font, installed here when missing.
// Node built-ins only (set-up imports this before any package is installed).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WEB_DIR = join(ROOT, 'web');
const BUILT = join(WEB_DIR, 'dist', 'index.html');
export const CHROMIUM = '/usr/bin/chromium';
const log = (message) => console.log(`[setup] ${message}`);

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** What the bundle is made of: the app, the client package's sources, the domain rules it imports. */
const SOURCES = [
  join(WEB_DIR, 'src'),
  join(WEB_DIR, 'public'),
  join(WEB_DIR, 'index.html'),
  join(WEB_DIR, 'vite.config.ts'),
  join(WEB_DIR, 'package-lock.json'),
  join(ROOT, 'client', 'src'),
  join(ROOT, 'functions', 'src', 'domain', 'carriers.ts'),
];

export function webBuildStale() {
  return !existsSync(BUILT) || Math.max(...SOURCES.map(newestMtime)) > statSync(BUILT).mtimeMs;
}

/** Builds web/dist (type-check + vite) unless it is newer than every source. */
export function ensureWebApp({ force = false } = {}) {
  if (!force && !webBuildStale()) return false;
  log('building the partner center web app (web/dist)');
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: WEB_DIR, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`building web/ failed with exit code ${result.status}`);
  return true;
}

const hasPackage = (name) =>
  spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' }).stdout?.includes('install ok installed');

/** Debian's chromium and fonts-nanum (Korean glyphs in screenshots), installed with apt when missing. */
export function ensureBrowser() {
  const missing = ['chromium', 'fonts-nanum'].filter((name) => !hasPackage(name));
  if (missing.length === 0 && existsSync(CHROMIUM)) return CHROMIUM;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `the browser tier needs ${missing.join(' and ')}: run  sudo apt-get update && sudo apt-get install -y chromium fonts-nanum`,
    );
  }
  log(`installing ${missing.join(', ')} with apt-get (first run only, about a minute)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', ...missing],
  ]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed with exit code ${result.status}`);
  }
  return CHROMIUM;
}
