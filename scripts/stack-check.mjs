#!/usr/bin/env node
// The local-stack check that `npm test` runs: starts the stack in its offline mode (hidane in place
// of the official Firestore emulator), seeds it, runs the demo against it, checks the final states,
// stops everything, and verifies that no process or file was left behind.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureHidane, FUNCTIONS_DIR, ROOT } from './lib/setup.mjs';
import { PORTS, stackEnv, startStack } from './lib/stack.mjs';
import { DEMO_DEVICE_TOKENS } from './lib/seed.mjs';

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

/**
 * Triggers, end to end under the emulators: the demo's pickup order, placed through the callable,
 * produced exactly one new-order send to the store's devices (at the messaging boundary) and one
 * auto-complete task; the delivery order got its new-order send and no auto-complete task.
 */
function checkTriggersEndToEnd({ pickupId, deliveryId }, output) {
  const sends = existsSync(outbox)
    ? readFileSync(outbox, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line))
    : [];
  for (const orderId of [pickupId, deliveryId]) {
    const received = sends.filter((m) => m.data?.type === 'order.received' && m.data.orderId === orderId);
    if (received.length !== 1) throw new Error(`order ${orderId}: ${received.length} new-order sends, expected exactly 1`);
    const tokens = [...received[0].tokens].sort();
    const expected = [DEMO_DEVICE_TOKENS.owner, DEMO_DEVICE_TOKENS.staff].sort();
    if (JSON.stringify(tokens) !== JSON.stringify(expected)) throw new Error(`new-order send went to ${tokens}`);
  }
  const scheduled = (orderId) =>
    output.split('\n').filter((line) => line.includes('"tasks.auto_complete_scheduled"') && line.includes(`"orderId":"${orderId}"`) && line.includes('"outcome":"created"')).length;
  if (scheduled(pickupId) !== 1) throw new Error(`pickup order: ${scheduled(pickupId)} auto-complete tasks created, expected 1`);
  if (scheduled(deliveryId) !== 0) throw new Error(`delivery order: ${scheduled(deliveryId)} auto-complete tasks, expected 0`);
  console.log(`  triggers: one new-order push per order (${sends.length} pushes in all), one auto-complete task for the pickup order`);
}

let stack;
let failure;
try {
  stack = await startStack({ hidaneBin: ensureHidane(), mode: 'hidane', quiet: true, isolatedHome: home });
  const { seed } = await import('./lib/seed.mjs');
  await seed({ log: (line) => console.log(`  seed: ${line}`) });
  const { runDemo } = await import('./demo.mjs');
  const result = await runDemo();
  if (result.pickup !== 'completed' || result.delivery !== 'completed') {
    throw new Error(`final states: pickup ${result.pickup}, delivery ${result.delivery}; both must be completed`);
  }
  // Triggers run asynchronously: give them a moment to settle before counting.
  for (let attempt = 0; ; attempt += 1) {
    try {
      checkTriggersEndToEnd(result, stack.output());
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
