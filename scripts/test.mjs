#!/usr/bin/env node
// `npm test`: installs what is missing, builds, type-checks the tests and runs every offline test
// (mocha, in functions/) against hidane started on 127.0.0.1.
import { spawnSync } from 'node:child_process';
import { FUNCTIONS_DIR, setUp } from './lib/setup.mjs';

const { hidane } = setUp({ rootPackages: true });
const typecheck = spawnSync('npm', ['run', '--silent', 'typecheck'], { cwd: FUNCTIONS_DIR, stdio: 'inherit' });
if (typecheck.status !== 0) process.exit(typecheck.status ?? 1);
const mocha = spawnSync('npx', ['mocha', ...process.argv.slice(2)], {
  cwd: FUNCTIONS_DIR,
  stdio: 'inherit',
  env: { ...process.env, HIDANE_BIN: hidane },
});
process.exit(mocha.status ?? 1);
