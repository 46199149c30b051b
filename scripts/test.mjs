#!/usr/bin/env node
// `npm test`: installs what is missing, builds, type-checks the tests and runs every offline test
// (mocha, in functions/) against hidane started on 127.0.0.1. Ends with one plain summary line,
// "N passed, N failed", for CI.
import { spawn, spawnSync } from 'node:child_process';
import { FUNCTIONS_DIR, setUp } from './lib/setup.mjs';

const { hidane } = setUp({ rootPackages: true });
const typecheck = spawnSync('npm', ['run', '--silent', 'typecheck'], { cwd: FUNCTIONS_DIR, stdio: 'inherit' });
if (typecheck.status !== 0) process.exit(typecheck.status ?? 1);

const mocha = spawn('npx', ['mocha', ...process.argv.slice(2)], {
  cwd: FUNCTIONS_DIR,
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, HIDANE_BIN: hidane },
});
let tail = '';
mocha.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  tail = (tail + chunk.toString()).slice(-4000);
});
mocha.on('close', (code) => {
  const count = (word) => Number(tail.match(new RegExp(`(\\d+) ${word}`))?.[1] ?? 0);
  const [passed, failed, pending] = [count('passing'), count('failing'), count('pending')];
  console.log(`\n${passed} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`);
  // A run that executed no test is not a pass.
  process.exit(code === 0 && passed === 0 ? 1 : (code ?? 1));
});
