#!/usr/bin/env node
// `npm run rush` (also part 5 of `npm run bench`): the lunch rush against the local stack. Starts
// the stack in its offline mode with the push outbox and the local task delay (as `npm start`
// does), seeds it, runs scripts/lib/rush.mjs (100 orders from 20 concurrent customers, 2 racing
// partners) and checks: every call answered before the SDK's timeout, every order completed,
// order numbers unique and consecutive, no worker killed, no task delivered early, and the
// trigger deliveries queued behind the calls caught up. Stops everything; exit code 0 when all of
// it held.
//
// `npm run rush -- --running` runs the same rush against a stack `npm start` already runs (same
// GOCAFEIN_PORT_OFFSET), seeded with the demo store; it can't read that stack's log, so the worker
// and timer checks are left to the caller (the fresh-clone check reads npm start's output). Its
// last line, `rush result: {…}`, is JSON for scripts. `--logs DIR` keeps the emulators' logs.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FUNCTIONS_DIR, ROOT, setUp } from './lib/setup.mjs';
import { PORTS, stackEnv, startStack } from './lib/stack.mjs';
import { checkRushLog, executionsBetween, rushTriggerExecutions, waitForExecutions } from './lib/stackChecks.mjs';
import { portOpen, takenPorts } from './lib/stackProcesses.mjs';

const running = process.argv.includes('--running');
// `--logs DIR` keeps the emulators' output and their *.log files there (they are removed otherwise).
const logsDir = process.argv.includes('--logs') ? process.argv[process.argv.indexOf('--logs') + 1] : null;
const started = Date.now();
if (running) {
  if (!(await portOpen(PORTS.functions))) {
    console.error(
      `rush --running: nothing answers on the functions port ${PORTS.functions}; run \`npm start\` first (same GOCAFEIN_PORT_OFFSET).`,
    );
    process.exit(2);
  }
} else {
  const taken = await takenPorts(PORTS);
  if (taken.length) {
    console.error(`rush: ${taken.join('; ')}; stop \`npm start\` first (or use \`npm run rush -- --running\` against it).`);
    process.exit(2);
  }
}
const { hidane } = setUp({ rootPackages: true, build: !running && !process.argv.includes('--no-build') });
const secretsFile = join(FUNCTIONS_DIR, '.secret.local');
const hadSecrets = existsSync(secretsFile);
const logsBefore = new Set(readdirSync(ROOT).filter((f) => f.endsWith('.log')));
const home = running ? null : mkdtempSync(join(tmpdir(), 'gocafein-rush-'));
Object.assign(process.env, stackEnv());
if (home) process.env.GOCAFEIN_PUSH_OUTBOX = join(home, 'push-outbox.jsonl');

let stack;
let failures = [];
let report;
try {
  let storeId;
  let items;
  if (running) {
    ({ storeId, items } = await demoStore());
  } else {
    stack = await startStack({ hidaneBin: hidane, mode: 'hidane', quiet: true, isolatedHome: home });
    const { seed } = await import('./lib/seed.mjs');
    ({ storeId, items } = await seed({ log: () => {} }));
  }
  const { getAuth } = await import('firebase-admin/auth');
  const { getFirestore } = await import('firebase-admin/firestore');
  const { checkRush, runRush } = await import('./lib/rush.mjs');
  const logBefore = stack?.output().length ?? 0;
  report = await runRush({ admin: { auth: getAuth(), db: getFirestore() }, storeId, items });
  const { placements: p, transitions: t } = report;
  console.log(
    `rush: placements ${p.accepted}/${p.attempted} in ${p.seconds.toFixed(1)} s, p50 ${p.p50} ms, p99 ${p.p99} ms, max ${p.max} ms`,
  );
  console.log(
    `rush: transitions ${t.calls} calls in ${t.seconds.toFixed(1)} s, p50 ${t.p50} ms, p99 ${t.p99} ms, max ${t.max} ms, refused ${JSON.stringify(t.refusals)}`,
  );
  console.log(`rush: orders ${JSON.stringify(report.statuses)}, numbers ${report.numbers.first}…${report.numbers.last}`);
  let during;
  if (stack) {
    // Trigger events are delivered one at a time after the calls: wait until the rush's have run.
    const backlog = await waitForExecutions(stack.output, logBefore, rushTriggerExecutions(p.accepted));
    during = executionsBetween(stack.output(), logBefore);
    report.backlogSeconds = backlog.seconds;
    const backlogLine = `${backlog.done ? 'done' : 'not done'} ${backlog.seconds.toFixed(1)} s after the last call`;
    const { held, forwarded } = stack.timers.stats;
    console.log(
      `rush: executions ${JSON.stringify(during.counts)}, workers killed ${during.killed}, trigger backlog ${backlogLine}, tasks held ${held}, dispatched ${forwarded}`,
    );
    if (stack.queue)
      console.log(
        `rush: functions queue: ${stack.queue.stats.requests} calls, at most ${stack.queue.stats.maxQueued} waiting, longest wait ${stack.queue.stats.maxWaitMs} ms`,
      );
    if (!backlog.done) failures.push(`the rush's trigger events had not all run ${backlog.seconds.toFixed(0)} s after the last call`);
    try {
      checkRushLog(stack.output(), logBefore);
    } catch (error) {
      failures.push(error.message);
    }
  }
  failures.push(...checkRush(report, during));
} catch (error) {
  failures.push(error.stack ?? String(error));
  if (stack) console.error(stack.output().slice(-4000));
} finally {
  await stack?.stop();
  if (logsDir && stack) {
    mkdirSync(logsDir, { recursive: true });
    writeFileSync(join(logsDir, 'emulators.log'), stack.output());
    for (const file of readdirSync(ROOT))
      if (file.endsWith('.log') && !logsBefore.has(file)) copyFileSync(join(ROOT, file), join(logsDir, file));
    console.log(`rush: the emulators' logs are in ${logsDir}`);
  }
  if (!running) {
    for (const file of readdirSync(ROOT)) if (file.endsWith('.log') && !logsBefore.has(file)) rmSync(join(ROOT, file));
    if (!hadSecrets) rmSync(secretsFile, { force: true });
    rmSync(home, { recursive: true, force: true });
  }
}
const seconds = ((Date.now() - started) / 1000).toFixed(0);
if (running) {
  const summary = (part) => part && { ...part, errors: part.errors.length };
  const result = {
    passed: !failures.length,
    seconds: Number(seconds),
    failures,
    placements: summary(report?.placements),
    transitions: summary(report?.transitions),
  };
  console.log(`rush result: ${JSON.stringify(result)}`);
}
if (failures.length) {
  console.error(`rush failed (${seconds} s):\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `rush passed (${seconds} s): every call answered before the SDK timeout, every order completed, numbers unique and consecutive`,
);
process.exit(0);

/** The demo store `npm start` seeded, and its menu items by name (as seed() returns them). */
async function demoStore() {
  const { initializeApp, getApps } = await import('firebase-admin/app');
  if (!getApps().length) initializeApp({ projectId: process.env.GCLOUD_PROJECT });
  const { getFirestore } = await import('firebase-admin/firestore');
  const { DEMO_STORE_NAME } = await import('./lib/seed.mjs');
  const db = getFirestore();
  const stores = await db.collection('stores').where('name', '==', DEMO_STORE_NAME).get();
  if (stores.empty) throw new Error(`store ${DEMO_STORE_NAME} not found: is \`npm start\` running and seeded?`);
  const storeId = stores.docs[0].id;
  const menu = await db.collection(`stores/${storeId}/menuItems`).get();
  return { storeId, items: Object.fromEntries(menu.docs.map((d) => [d.get('name'), d.id])) };
}
