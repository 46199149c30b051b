#!/usr/bin/env node
// The local-stack check that `npm test` runs: starts the stack in its offline mode (hidane in place
// of the official Firestore emulator), seeds it, runs the demo against it, checks the final states,
// the triggers and the timers, stops everything, and verifies that no process or file was left
// behind.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FUNCTIONS_DIR, ROOT, setUp } from './lib/setup.mjs';
import { PORTS, stackEnv, startStack } from './lib/stack.mjs';
import { checkTimers, checkTriggers } from './lib/stackChecks.mjs';

const portOpen = (port) =>
  new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

const busy = [];
for (const [name, port] of Object.entries(PORTS)) if (await portOpen(port)) busy.push(`${name} ${port}`);
if (busy.length) {
  console.error(`stack check: ports already in use (${busy.join(', ')}); stop \`npm start\` first.`);
  process.exit(2);
}

const secretsFile = join(FUNCTIONS_DIR, '.secret.local');
const hadSecrets = existsSync(secretsFile);
const logsBefore = new Set(readdirSync(ROOT).filter((f) => f.endsWith('.log')));
const home = mkdtempSync(join(tmpdir(), 'gocafein-stack-'));
Object.assign(process.env, stackEnv());

// The emulated functions write their pushes here instead of FCM (src/infra/messaging.ts).
const outbox = join(home, 'push-outbox.jsonl');
process.env.GOCAFEIN_PUSH_OUTBOX = outbox;

let stack;
let failure;
try {
  // Under `npm test` the functions were just built; build only when lib/ is missing.
  const { hidane } = setUp({ rootPackages: true, build: false });
  stack = await startStack({ hidaneBin: hidane, mode: 'hidane', quiet: true, isolatedHome: home });
  const { seed } = await import('./lib/seed.mjs');
  await seed({ log: (line) => console.log(`  seed: ${line}`) });
  const { runDemo } = await import('./lib/demo.mjs');
  const result = await runDemo();
  if (result.pickup !== 'completed' || result.delivery !== 'completed') {
    throw new Error(`final states: pickup ${result.pickup}, delivery ${result.delivery}; both must be completed`);
  }
  console.log(`  ${checkTimers(result, stack.output())}`);
  // Triggers run asynchronously: give them a moment to settle before counting.
  for (let attempt = 0; ; attempt += 1) {
    try {
      console.log(`  ${checkTriggers(result, stack.output(), outbox)}`);
      break;
    } catch (error) {
      if (attempt >= 30) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
} catch (error) {
  failure = error;
  if (stack) console.error(stack.output().slice(-4000));
} finally {
  await stack?.stop();
  for (const file of readdirSync(ROOT)) if (file.endsWith('.log') && !logsBefore.has(file)) rmSync(join(ROOT, file));
  if (!hadSecrets) rmSync(secretsFile, { force: true });
  rmSync(home, { recursive: true, force: true });
}

const stillOpen = [];
for (const [name, port] of Object.entries(PORTS)) if (await portOpen(port)) stillOpen.push(`${name} ${port}`);
if (stillOpen.length) failure ??= new Error(`ports still open after stop: ${stillOpen.join(', ')}`);

if (failure) {
  console.error(`stack check failed: ${failure.stack ?? failure}`);
  process.exit(1);
}
console.log('stack check passed: demo completed both orders; no process or file left behind');
process.exit(0);
