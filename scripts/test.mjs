#!/usr/bin/env node
// `npm test`: installs what is missing, builds, type-checks the tests and runs every offline test
// (mocha, in functions/) against hidane started on 127.0.0.1, then the browser tier (the partner
// center in headless Chromium against one local stack). Ends with one plain summary line,
// "N passed, N failed", for CI.
import { spawn, spawnSync } from 'node:child_process';
import { FUNCTIONS_DIR, ROOT, setUp } from './lib/setup.mjs';

const { hidane } = setUp({ rootPackages: true });
const typecheck = spawnSync('npm', ['run', '--silent', 'typecheck'], { cwd: FUNCTIONS_DIR, stdio: 'inherit' });
if (typecheck.status !== 0) process.exit(typecheck.status ?? 1);
// Lint (eslint.config.mjs, typescript-eslint type-checked) and the formatting check (.prettierrc.json).
for (const step of [
  ['eslint', ['.']],
  ['prettier', ['--check', '--cache', '--log-level', 'warn', '.']],
]) {
  const result = spawnSync('npx', ['--no-install', step[0], ...step[1]], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n${step[0]} failed: \`npm run lint\` / \`npm run format\` (writes) show and fix it`);
    process.exit(result.status ?? 1);
  }
}

const mocha = spawn('npx', ['mocha', ...process.argv.slice(2)], {
  cwd: FUNCTIONS_DIR,
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, HIDANE_BIN: hidane },
});
// The whole report is kept: with many failures, mocha's "N passing" line is far from the end.
let report = '';
mocha.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  report += chunk.toString();
});
mocha.on('close', (code) => {
  const count = (word) => Number(report.match(new RegExp(`^\\s*(\\d+) ${word}`, 'm'))?.[1] ?? 0);
  let [passed, failed, pending] = [count('passing'), count('failing'), count('pending')];
  // The browser tier (the partner center in Chromium, scripts/test-browser.mjs) on a full run.
  if (process.argv.length <= 2 && process.env.GOCAFEIN_BROWSER_TIER !== '0') {
    const browser = spawnSync(process.execPath, ['scripts/test-browser.mjs'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    process.stdout.write(browser.stdout ?? '');
    const counts = browser.stdout?.match(/browser: (\d+) passed, (\d+) failed/);
    passed += Number(counts?.[1] ?? 0);
    failed += counts ? Number(counts[2]) : 1;
    if (browser.status !== 0 && code === 0) code = browser.status ?? 1;
  }
  console.log(`\n${passed} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`);
  // A run that executed no test is not a pass.
  process.exit(code === 0 && passed === 0 ? 1 : (code ?? 1));
});
