#!/usr/bin/env node
// `npm run rush` (also part 5 of `npm run bench`): the lunch rush against the local stack. Starts
// the stack in its offline mode with the push outbox and the local task delay (as `npm start`
// does), seeds it, runs scripts/lib/rush.mjs (100 orders from 20 concurrent customers, 2 racing
// partners) and checks: every call answered before the SDK's timeout, every order completed,
// order numbers unique and consecutive, no worker killed, no task delivered early. Stops
// everything; exit code 0 when all of it held.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FUNCTIONS_DIR, ROOT, setUp } from './lib/setup.mjs';
import { PORTS, stackEnv, startStack } from './lib/stack.mjs';
import { takenPorts } from './lib/stackProcesses.mjs';

const taken = await takenPorts(PORTS);
if (taken.length) {
  console.error(`rush: ${taken.join('; ')}; stop \`npm start\` first.`);
  process.exit(2);
}
const started = Date.now();
const { hidane } = setUp({ rootPackages: true, build: !process.argv.includes('--no-build') });
const secretsFile = join(FUNCTIONS_DIR, '.secret.local');
const hadSecrets = existsSync(secretsFile);
const logsBefore = new Set(readdirSync(ROOT).filter((f) => f.endsWith('.log')));
const home = mkdtempSync(join(tmpdir(), 'gocafein-rush-'));
Object.assign(process.env, stackEnv(), { GOCAFEIN_PUSH_OUTBOX: join(home, 'push-outbox.jsonl') });

let stack;
let failures = [];
try {
  stack = await startStack({ hidaneBin: hidane, mode: 'hidane', quiet: true, isolatedHome: home });
  const { seed } = await import('./lib/seed.mjs');
  const { storeId, items } = await seed({ log: () => {} });
  const { getAuth } = await import('firebase-admin/auth');
  const { getFirestore } = await import('firebase-admin/firestore');
  const { checkRush, executionCounts, runRush } = await import('./lib/rush.mjs');
  const before = executionCounts(stack.output());
  const report = await runRush({ admin: { auth: getAuth(), db: getFirestore() }, storeId, items });
  const after = executionCounts(stack.output());
  const during = { killed: after.killed - before.killed, counts: {} };
  for (const [name, n] of Object.entries(after.counts)) if (n - (before.counts[name] ?? 0)) during.counts[name] = n - (before.counts[name] ?? 0);
  const { placements: p, transitions: t } = report;
  console.log(`rush: placements ${p.accepted}/${p.attempted} in ${p.seconds.toFixed(1)} s, p50 ${p.p50} ms, p99 ${p.p99} ms, max ${p.max} ms`);
  console.log(`rush: transitions ${t.calls} calls in ${t.seconds.toFixed(1)} s, p50 ${t.p50} ms, p99 ${t.p99} ms, max ${t.max} ms, refused ${JSON.stringify(t.refusals)}`);
  console.log(`rush: orders ${JSON.stringify(report.statuses)}, numbers ${report.numbers.first}…${report.numbers.last}`);
  console.log(`rush: executions during the rush ${JSON.stringify(during.counts)}, workers killed ${during.killed}, tasks held ${stack.timers.stats.held}, dispatched ${stack.timers.stats.forwarded}`);
  failures = checkRush(report, during);
} catch (error) {
  failures.push(error.stack ?? String(error));
  if (stack) console.error(stack.output().slice(-4000));
} finally {
  await stack?.stop();
  for (const file of readdirSync(ROOT)) if (file.endsWith('.log') && !logsBefore.has(file)) rmSync(join(ROOT, file));
  if (!hadSecrets) rmSync(secretsFile, { force: true });
  rmSync(home, { recursive: true, force: true });
}
const seconds = ((Date.now() - started) / 1000).toFixed(0);
if (failures.length) {
  console.error(`rush failed (${seconds} s):\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(`rush passed (${seconds} s): every call answered before the SDK timeout, every order completed, numbers unique and consecutive`);
process.exit(0);
