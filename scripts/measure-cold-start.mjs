#!/usr/bin/env node
// Module-load time of the functions entry point (functions/lib/index.js), compared with a bare
// firebase-functions entry point and with the entry point plus the two heavy modules loaded
// eagerly. Each sample is a fresh Node process; the median of N runs is printed.
// Usage: npm run build && node scripts/measure-cold-start.mjs [runs]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const FUNCTIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'functions');
const runs = Number(process.argv[2] ?? 9);
if (!existsSync(join(FUNCTIONS_DIR, 'lib', 'index.js'))) {
  console.error('functions/lib/index.js is missing: run `npm run build` first');
  process.exit(1);
}

const scratch = mkdtempSync(join(tmpdir(), 'cold-start-'));
const bare = join(scratch, 'bare.js');
writeFileSync(
  bare,
  `const { onCall } = require(${JSON.stringify(join(FUNCTIONS_DIR, 'node_modules', 'firebase-functions', 'lib', 'v2', 'providers', 'https.js'))});\n` +
    `exports.hello = onCall(() => 'hi');\n`,
);

const cases = {
  'bare firebase-functions onCall entry': [bare],
  'functions/lib/index.js': ['./lib/index.js'],
  'lib/index.js + @google-cloud/tasks + firebase-admin/messaging (eager)': [
    './lib/index.js',
    '@google-cloud/tasks',
    'firebase-admin/messaging',
  ],
};

function sample(modules) {
  const code =
    `const t = process.hrtime.bigint();` +
    modules.map((m) => `require(${JSON.stringify(m)});`).join('') +
    `process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));`;
  const env = { ...process.env, GCLOUD_PROJECT: 'demo-cold-start' };
  return Number(execFileSync(process.execPath, ['-e', code], { cwd: FUNCTIONS_DIR, env, encoding: 'utf8' }));
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`node ${process.version}, ${runs} runs each, median module-load time`);
for (const [name, modules] of Object.entries(cases)) {
  sample(modules); // warm the file-system cache
  const times = Array.from({ length: runs }, () => sample(modules));
  console.log(`${median(times).toFixed(1).padStart(8)} ms  ${name}`);
}
