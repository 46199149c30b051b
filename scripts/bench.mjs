#!/usr/bin/env node
// `npm run bench` (issue 7): one table of ratios and counts measured side by side in this run,
// printed and written to bench/results.md with the machine and versions. Seven parts (the fifth,
// the lunch rush of issue 10, is scripts/rush.mjs; docs/bench.md explains each):
//   1. Firestore operations per command: the exact-count test (functions/test/bench/operationCounts.test.ts)
//   2. cold start: every deployed function as its instance loads it (lib/index.js, then its bundle
//      lib/fn/<name>.js) against a bare firebase-functions onCall module, median CPU time of
//      interleaved fresh processes (scripts/lib/coldStart.mjs)
//   3. latency under load against the local stack (started here, hidane mode), through the JS SDK
//   4. auto-complete sweep over 1k and 10k overdue orders in a standalone hidane
//   3 also counts transaction attempts per commit in the emulator's workers (contention)
//   6. peak memory of each function kind under load (scripts/lib/benchMemory.cjs) against src/memory.ts
//   7. many stores ordering at once: cost per order and per-store spread (scripts/lib/benchStores.cjs)
// Everything it starts is stopped in `finally`.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { cpus, release, tmpdir, type as osType, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import { createRequire } from 'node:module';
import { FUNCTIONS_DIR, ROOT, setUp } from './lib/setup.mjs';

const COLD_START_RUNS = 7;
const PARTNERS = 20;
const PICKUPS_PER_PARTNER = 3;
const DELIVERIES_PER_PARTNER = 2;
const CUSTOMERS = 20;
const RACED_ORDERS = 20;
const SWEEP_SIZES = [1_000, 10_000];

const log = (line) => console.log(`[bench] ${line}`);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const ms = (value) => `${value.toFixed(1)} ms`;
const rows = [];
const row = (part, measure, value, target, met) => rows.push({ part, measure, value, target, met });
const verdict = (ok) => (ok === null ? '—' : ok ? 'met' : '**missed**');

// ---------------------------------------------------------------- 1. operation counts
function operationCounts() {
  log('1/7 Firestore operations per command (mocha, exact counts)');
  const out = join(mkdtempSync(join(tmpdir(), 'bench-ops-')), 'ops.json');
  const result = spawnSync(
    join(FUNCTIONS_DIR, 'node_modules', '.bin', 'mocha'),
    [
      '--no-config',
      '--require',
      'tsx/cjs',
      '--require',
      'test/support/hooks.ts',
      '--timeout',
      '30000',
      '--reporter',
      'dot',
      'test/bench/operationCounts.test.ts',
    ],
    { cwd: FUNCTIONS_DIR, env: { ...process.env, OP_COUNTS_OUT: out }, encoding: 'utf8' },
  );
  if (!existsSync(out)) throw new Error(`operation-count run wrote nothing:\n${result.stdout}\n${result.stderr}`);
  const measured = JSON.parse(readFileSync(out, 'utf8'));
  const testsPassed = result.status === 0;
  if (!testsPassed) console.error(result.stdout.slice(-4000));
  // The test decides each row's verdict against its target (issue 18) and asserts the exact counts.
  for (const [name, { reads, writes, rpcs, target, met }] of Object.entries(measured)) {
    const value = name.startsWith('partner live tab')
      ? `${reads} rule read${reads === 1 ? '' : 's'}`
      : `${reads} R / ${writes} W; RPCs: ${rpcs}`;
    row('ops', name, value, target, typeof met === 'boolean' ? met : null);
  }
  row('ops', 'exact-count test (in npm test)', testsPassed ? 'passes' : 'FAILS', 'passes', testsPassed);
}

// ---------------------------------------------------------------- 2. cold start
// Every deployed function as an instance loads it (lib/index.js, then its export's bundle
// lib/fn/<name>.js), against a bare onCall module in the same interleaved rounds (scripts/lib/coldStart.mjs).
async function coldStart() {
  log(`2/7 cold start (${COLD_START_RUNS} interleaved fresh processes per function, CPU time of the load)`);
  const { measureColdStart } = await import('./lib/coldStart.mjs');
  const { bare, results } = measureColdStart({ runs: COLD_START_RUNS });
  row('cold start', 'bare firebase-functions onCall module', `1.00× (${ms(bare.cpu)} CPU, ${ms(bare.wall)} wall)`, 'reference', null);
  for (const { label, ratio, cpu } of results) {
    const measure = label === 'lib/index.js' ? 'lib/index.js alone' : label;
    row('cold start', measure, `${ratio.toFixed(2)}× (${ms(cpu)})`, '≤ 1.3× bare', ratio <= 1.3);
  }
  const best = Math.min(...results.filter((r) => r.label !== 'lib/index.js').map((r) => r.ratio));
  row('cold start', 'best function', `${best.toFixed(2)}×`, 'well under 1.0×', best <= 0.5);
}

// ---------------------------------------------------------------- 3. latency under load
const portOpen = (port) =>
  new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

async function timed(samples, errors, work) {
  const started = process.hrtime.bigint();
  try {
    const value = await work();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    return value;
  } catch (error) {
    errors.push(`${error.code ?? ''} ${error.message}`.trim());
    return undefined;
  }
}

async function latencyUnderLoad(hidane) {
  log('3/7 latency under load (starting the local stack in hidane mode)');
  const { PORTS, stackEnv, startStack } = await import('./lib/stack.mjs');
  const busy = [];
  for (const [name, port] of Object.entries(PORTS)) if (await portOpen(port)) busy.push(`${name} ${port}`);
  if (busy.length) throw new Error(`ports already in use (${busy.join(', ')}); stop \`npm start\` first`);
  Object.assign(process.env, stackEnv());
  // Contention: every functions-emulator worker counts its transaction attempts into one file
  // (scripts/lib/firestoreCounter.cjs, preloaded through NODE_OPTIONS; restored in `finally`).
  const countsFile = join(mkdtempSync(join(tmpdir(), 'bench-tx-')), 'transactions.jsonl');
  writeFileSync(countsFile, '');
  const savedNodeOptions = process.env.NODE_OPTIONS;
  process.env.NODE_OPTIONS = `${savedNodeOptions ?? ''} --require ${join(ROOT, 'scripts', 'lib', 'firestoreCounter.cjs')}`.trim();
  process.env.GOCAFEIN_FIRESTORE_COUNTS = countsFile;
  const { summarize } = createRequire(import.meta.url)('./lib/firestoreCounter.cjs');
  const transactionsSince = (offset, names) =>
    readFileSync(countsFile, 'utf8')
      .slice(offset)
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
      .filter((entry) => names.includes(entry.fn));
  const offsetNow = () => readFileSync(countsFile, 'utf8').length;
  const contentionRow = (measure, offset, names) => {
    const summary = summarize(transactionsSince(offset, names));
    row(
      'contention',
      measure,
      `${summary.abortedPerCommit.toFixed(2)} (${summary.abortedAttempts} aborted attempts / ${summary.committed} commits; most attempts of one: ${summary.maxAttempts}; ${summary.failed} failed)`,
      'reported',
      null,
    );
    return summary;
  };
  const secretsFile = join(FUNCTIONS_DIR, '.secret.local');
  const hadSecrets = existsSync(secretsFile);
  const logsBefore = new Set(readdirSync(ROOT).filter((f) => f.endsWith('.log')));
  const home = mkdtempSync(join(tmpdir(), 'bench-stack-'));
  let stack;
  const clients = [];
  try {
    stack = await startStack({ hidaneBin: hidane, mode: 'hidane', quiet: true, isolatedHome: home });
    const { seed } = await import('./lib/seed.mjs');
    const { signIn } = await import('./lib/client.mjs');
    const { storeId, items } = await seed({ log: (line) => log(`  seed: ${line}`) });
    const { getAuth } = await import('firebase-admin/auth');
    const { getFirestore } = await import('firebase-admin/firestore');
    const auth = getAuth();
    const db = getFirestore();

    const account = async (email, claims) => {
      const password = 'bench-pass-1234';
      const user = await auth.createUser({ email, password });
      if (claims) await auth.setCustomUserClaims(user.uid, claims);
      const client = await signIn(email, password);
      clients.push(client);
      return client;
    };
    // Authority is the membership document (stores/{storeId}/members/{uid}), not the claim alone.
    const partners = [];
    for (let i = 0; i < PARTNERS; i += 1) {
      const email = `partner${i}@bench.test`;
      partners.push(await account(email, { stores: { [storeId]: 'owner' } }));
      const { uid } = await auth.getUserByEmail(email);
      await db
        .doc(`stores/${storeId}/members/${uid}`)
        .set({ storeId, uid, role: 'owner', addedBy: 'bench', createdAt: Date.now(), updatedAt: Date.now() });
    }
    const customers = [];
    for (let i = 0; i < CUSTOMERS; i += 1) customers.push(await account(`customer${i}@bench.test`));

    let requestCounter = 0;
    const pickupLine = { menuItemId: items['아메리카노'], quantity: 1, options: [{ groupId: 'size', choiceIds: ['regular'] }] };
    const place = (customer, channel) =>
      customer.call('placeOrder', {
        storeId,
        channel,
        requestId: `bench-${Date.now()}-${(requestCounter += 1)}`,
        items: channel === 'delivery' ? [{ menuItemId: items['원두 200g (배송 가능)'], quantity: 1 }] : [pickupLine],
        ...(channel === 'delivery'
          ? { delivery: { recipient: '박고객', phone: '010-2345-6789', postalCode: '04524', address1: '서울 중구 세종대로 110' } }
          : {}),
      });

    // Warm-up: a burst of refused calls per callable, so the functions emulator has its workers up.
    const callables = ['placeOrder', 'startPreparing', 'completeOrder', 'prepareShipment', 'shipOrder', 'updateTracking'];
    for (const name of callables) await Promise.all(partners.map((p) => p.call(name, {}).catch(() => undefined)));

    // Each partner's own orders, placed beforehand (not timed).
    const own = [];
    for (let i = 0; i < PARTNERS; i += 1) {
      const customer = customers[i % customers.length];
      const pickups = [];
      const deliveries = [];
      for (let k = 0; k < PICKUPS_PER_PARTNER; k += 1) pickups.push((await place(customer, 'takeout')).orderId);
      for (let k = 0; k < DELIVERIES_PER_PARTNER; k += 1) deliveries.push((await place(customer, 'delivery')).orderId);
      own.push({ pickups, deliveries });
    }

    log(`  ${PARTNERS} partners moving their own orders through whole lifecycles`);
    const lifecycleOffset = offsetNow();
    const samples = [];
    const errors = [];
    await Promise.all(
      partners.map(async (partner, i) => {
        for (const orderId of own[i].pickups) {
          await timed(samples, errors, () => partner.call('startPreparing', { orderId, prepMinutes: 10 }));
          await timed(samples, errors, () => partner.call('completeOrder', { orderId }));
        }
        for (const orderId of own[i].deliveries) {
          await timed(samples, errors, () => partner.call('prepareShipment', { orderId }));
          await timed(samples, errors, () =>
            partner.call('shipOrder', { orderId, carrier: 'cj', trackingNumber: `5${String(i).padStart(11, '0')}` }),
          );
          await timed(samples, errors, () =>
            partner.call('updateTracking', { orderId, carrier: 'cj', trackingNumber: `6${String(i).padStart(11, '0')}` }),
          );
        }
      }),
    );
    const p50 = percentile(samples, 50);
    const p99 = percentile(samples, 99);
    // Raw emulator latencies, as information only: on 2 cores they measure the functions emulator
    // starting a worker per concurrent request, not this code (docs/bench.md "Contention").
    row('load', `partners: ${samples.length + errors.length} transition calls, p50 (emulator)`, ms(p50), '—', null);
    row('load', 'partners: p99 (emulator)', ms(p99), '—', null);
    contentionRow('partners: aborted attempts per committed transition', lifecycleOffset, [
      'startPreparing',
      'completeOrder',
      'prepareShipment',
      'shipOrder',
      'updateTracking',
    ]);
    row(
      'load',
      'partners: errors',
      `${errors.length}${errors.length ? ` (${[...new Set(errors)].slice(0, 2).join('; ')})` : ''}`,
      '0',
      errors.length === 0,
    );

    log(`  ${CUSTOMERS} customers ordering at one store at once`);
    const placeOffset = offsetNow();
    const placeSamples = [];
    const placeErrors = [];
    const placed = await Promise.all(customers.map((customer) => timed(placeSamples, placeErrors, () => place(customer, 'takeout'))));
    const numbers = placed
      .filter(Boolean)
      .map((result) => result.orderNumber)
      .sort((a, b) => a - b);
    const unique = new Set(numbers).size === numbers.length;
    const consecutive = numbers.length > 0 && numbers.every((n, k) => n === numbers[0] + k);
    row(
      'load',
      `customers: accepted of ${CUSTOMERS}`,
      `${numbers.length}${placeErrors.length ? ` (${[...new Set(placeErrors)].slice(0, 2).join('; ')})` : ''}`,
      `${CUSTOMERS}`,
      numbers.length === CUSTOMERS,
    );
    row(
      'load',
      'customers: order numbers unique and consecutive',
      `${unique && consecutive ? 'yes' : 'no'} (${numbers[0]}…${numbers.at(-1)})`,
      'yes',
      unique && consecutive,
    );
    row(
      'load',
      'customers: placeOrder p99 (p50) (emulator)',
      `${ms(percentile(placeSamples, 99))} (${ms(percentile(placeSamples, 50))})`,
      '—',
      null,
    );
    const placing = contentionRow(`customers: aborted attempts per committed placeOrder (${CUSTOMERS} at once, one store)`, placeOffset, [
      'placeOrder',
    ]);
    // Lost: an accepted order (the customer got its number) that is not stored. Calls that failed
    // (a client deadline on an overloaded emulator) are in the "accepted" row, not here.
    const accepted = placed.filter(Boolean);
    const stored = await Promise.all(accepted.map((result) => db.doc(`orders/${result.orderId}`).get()));
    const lost = accepted.length - stored.filter((snapshot) => snapshot.exists).length;
    row(
      'contention',
      `customers: lost orders of ${accepted.length} accepted (${placing.committed} placements committed)`,
      `${lost}`,
      '0',
      lost === 0,
    );

    log(`  two partners racing on each of ${RACED_ORDERS} orders`);
    const raced = [];
    for (let k = 0; k < RACED_ORDERS; k += 1) raced.push((await place(customers[k % customers.length], 'takeout')).orderId);
    const raceOffset = offsetNow();
    const raceErrors = [];
    await Promise.all(
      raced.map((orderId, k) => {
        const [a, b] = [partners[k % PARTNERS], partners[(k + 1) % PARTNERS]];
        return Promise.all(
          [a, b].map((p) => p.call('startPreparing', { orderId, prepMinutes: 10 }).catch((error) => raceErrors.push(error.code))),
        );
      }),
    );
    let exactlyOne = 0;
    for (const orderId of raced) {
      const events = await db.collection(`orders/${orderId}/events`).get();
      const order = await db.doc(`orders/${orderId}`).get();
      const transitions = events.docs.filter((doc) => doc.get('command') === 'start_preparing').length;
      if (transitions === 1 && order.get('status') === 'preparing' && order.get('version') === 2) exactlyOne += 1;
    }
    row(
      'load',
      'race: orders with exactly one effective transition',
      `${exactlyOne}/${RACED_ORDERS} (${raceErrors.length} refused calls)`,
      `${RACED_ORDERS}/${RACED_ORDERS}`,
      exactlyOne === RACED_ORDERS,
    );
    contentionRow(`race: aborted attempts per committed startPreparing (2 partners × ${RACED_ORDERS} orders)`, raceOffset, [
      'startPreparing',
    ]);
    // The triggers the load set off (pushes, timers, sales days), as far as they have run by now.
    const triggers = ['onOrderCreated', 'onOrderUpdated', 'onOrderWrittenSales', 'autoCompleteOrder', 'remindUnansweredOrder'];
    contentionRow('triggers and tasks during the load: aborted attempts per commit', lifecycleOffset, triggers);
  } finally {
    await Promise.all(clients.map((client) => client.close().catch(() => undefined)));
    await stack?.stop();
    if (savedNodeOptions === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = savedNodeOptions;
    delete process.env.GOCAFEIN_FIRESTORE_COUNTS;
    for (const file of readdirSync(ROOT)) if (file.endsWith('.log') && !logsBefore.has(file)) rmSync(join(ROOT, file));
    if (!hadSecrets) rmSync(secretsFile, { force: true });
    rmSync(home, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- 4. sweep scaling
async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function sweepScaling(hidane) {
  log(`4/7 auto-complete sweep over ${SWEEP_SIZES.join(' and ')} overdue orders (standalone hidane)`);
  const port = await freePort();
  const firestore = spawn(hidane, ['--host', '127.0.0.1', '--port', String(port)], { stdio: 'ignore' });
  const results = {};
  try {
    const deadline = Date.now() + 10_000;
    while (!(await portOpen(port))) {
      if (Date.now() > deadline) throw new Error('standalone hidane did not start');
      await new Promise((r) => setTimeout(r, 50));
    }
    for (const count of SWEEP_SIZES) {
      const child = spawnSync(
        process.execPath,
        ['--expose-gc', join(ROOT, 'scripts', 'lib', 'benchSweep.cjs'), FUNCTIONS_DIR, String(count)],
        {
          cwd: FUNCTIONS_DIR,
          env: {
            ...process.env,
            FIRESTORE_EMULATOR_HOST: `127.0.0.1:${port}`,
            GCLOUD_PROJECT: `demo-bench-sweep-${count}`,
            GOOGLE_CLOUD_PROJECT: `demo-bench-sweep-${count}`,
          },
          encoding: 'utf8',
          maxBuffer: 256 * 1024 * 1024,
        },
      );
      const line = child.stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
      if (!line) throw new Error(`sweep of ${count} failed:\n${child.stderr.slice(-3000)}`);
      results[count] = JSON.parse(line.slice('BENCH_RESULT '.length));
      log(`  ${count}: ${ms(results[count].ms)}, ${JSON.stringify(results[count].report)}`);
    }
  } finally {
    firestore.kill('SIGTERM');
    await new Promise((resolve) => (firestore.exitCode !== null ? resolve() : firestore.once('exit', resolve)));
  }
  const [small, large] = SWEEP_SIZES.map((n) => results[n]);
  const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
  for (const r of [small, large]) {
    const all = r.report.completed === r.count && r.report.failed === 0;
    row('sweep', `${r.count} overdue orders: completed`, `${r.report.completed} (${ms(r.ms)})`, `${r.count}`, all);
  }
  const ratio = large.ms / small.ms;
  row('sweep', `time ratio ${large.count / 1000}k/${small.count / 1000}k`, ratio.toFixed(2), '≤ 12', ratio <= 12);
  const heapRatio = large.peakHeap / small.peakHeap;
  row(
    'sweep',
    `peak heapUsed ${small.count / 1000}k → ${large.count / 1000}k`,
    `${mb(small.peakHeap)} → ${mb(large.peakHeap)} (${heapRatio.toFixed(2)}×)`,
    'bounded (< 2× for 10× orders)',
    heapRatio < 2,
  );
  row('sweep', `peak RSS ${small.count / 1000}k → ${large.count / 1000}k`, `${mb(small.peakRss)} → ${mb(large.peakRss)}`, '—', null);
}

// ---------------------------------------------------------------- 6. memory per function kind
async function withStandaloneHidane(hidane, work) {
  const port = await freePort();
  const firestore = spawn(hidane, ['--host', '127.0.0.1', '--port', String(port)], { stdio: 'ignore' });
  try {
    const deadline = Date.now() + 10_000;
    while (!(await portOpen(port))) {
      if (Date.now() > deadline) throw new Error('standalone hidane did not start');
      await new Promise((r) => setTimeout(r, 50));
    }
    return await work(port);
  } finally {
    firestore.kill('SIGTERM');
    await new Promise((resolve) => (firestore.exitCode !== null ? resolve() : firestore.once('exit', resolve)));
  }
}

function childResult(script, args, env) {
  const child = spawnSync(process.execPath, [join(ROOT, 'scripts', 'lib', script), FUNCTIONS_DIR, ...args], {
    cwd: FUNCTIONS_DIR,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 10 * 60_000,
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  if (!line) throw new Error(`${script} ${args.join(' ')} failed:\n${child.stderr.slice(-3000)}`);
  return JSON.parse(line.slice('BENCH_RESULT '.length));
}

// Each kind's load (scripts/lib/benchMemory.cjs) and the FUNCTION_MEMORY entry (src/memory.ts) it sizes.
const MEMORY_KINDS = [
  ['placeOrder', 'placeOrder', 'callable placeOrder: 20 customers at one store at once, twice'],
  ['orderCommands', 'callable', 'callables startPreparing + completeOrder: 20 partners at once'],
  ['exportOrders', 'largeExport', 'callable exportOrders: 2 exports of 29,992 orders at once'],
  ['onOrderCreated', 'trigger', 'trigger onOrderCreated: 20 events at once'],
  ['autoCompleteOrder', 'task', 'task autoCompleteOrder: 20 due tasks at once'],
  ['autoCompleteSweep', 'sweep', 'scheduled autoCompleteSweep: 10,000 overdue orders'],
  ['trackingWebhook', 'webhook', 'webhook trackingWebhook: 20 signed events at once'],
];
const HEADROOM = 2; // src/memory.ts: the smallest size that leaves 2× the measured peak

async function memoryPerKind(hidane) {
  log('6/7 peak memory of each function kind under load (standalone hidane, one process per kind)');
  const { FUNCTION_MEMORY } = createRequire(import.meta.url)(join(FUNCTIONS_DIR, 'lib', 'memory.js'));
  const mib = (option) => (option.endsWith('GiB') ? Number(option.slice(0, -3)) * 1024 : Number(option.slice(0, -3)));
  await withStandaloneHidane(hidane, async (port) => {
    for (const [kind, setting, what] of MEMORY_KINDS) {
      const project = `demo-bench-memory-${kind.toLowerCase()}`;
      const env = {
        FIRESTORE_EMULATOR_HOST: `127.0.0.1:${port}`,
        GCLOUD_PROJECT: project,
        GOOGLE_CLOUD_PROJECT: project,
        APP_CHECK_ENFORCED: 'false',
      };
      const seeded = childResult('benchMemory.cjs', [kind, 'seed'], env);
      const result = childResult('benchMemory.cjs', [kind, 'measure'], { ...env, BENCH_SEEDED: JSON.stringify(seeded) });
      const peak = Math.max(result.maxRss, result.vmHwm ?? 0) / 2 ** 20;
      const configured = FUNCTION_MEMORY[setting];
      log(`  ${kind}: peak ${peak.toFixed(0)} MiB in ${ms(result.ms)} ${JSON.stringify(result.outcome)}`);
      row(
        'memory',
        what,
        `peak ${peak.toFixed(0)} MiB (${(result.rssAfterLoad / 2 ** 20).toFixed(0)} MiB after load)`,
        `${configured} (${setting}) ≥ ${HEADROOM}× peak`,
        mib(configured) >= HEADROOM * peak,
      );
    }
  });
}

// ---------------------------------------------------------------- 7. many stores at once
async function manyStores(hidane) {
  log('7/7 many stores ordering (placeOrder in-process against a standalone hidane)');
  await withStandaloneHidane(hidane, async (port) => {
    const run = (name, args) => {
      const project = `demo-bench-stores-${name}`;
      const result = childResult('benchStores.cjs', args, {
        FIRESTORE_EMULATOR_HOST: `127.0.0.1:${port}`,
        GCLOUD_PROJECT: project,
        GOOGLE_CLOUD_PROJECT: project,
        APP_CHECK_ENFORCED: 'false',
      });
      if (result.placed !== undefined)
        log(
          `  ${name}: ${result.placed} placed in ${ms(result.wallMs)}, ${result.rpcsPerOrder.toFixed(2)} RPCs/order, ${result.transactions.abortedPerCommit.toFixed(2)} aborted/commit`,
        );
      return result;
    };
    const lock = run('lockcheck', ['lockcheck']);
    row(
      'stores',
      'emulator lock check: 3 transactions on unrelated documents at once',
      `aborted attempts: ${lock.withoutQuery.abortedAttempts} without a query, ${lock.withQuery.abortedAttempts} with a query in each`,
      'explains the rows below',
      null,
    );
    const alone = run('alone', ['1', '5', '1', '0']);
    const many = run('many', ['200', '5', '1', '0']);
    const perOrder = (r) => `${r.rpcsPerOrder.toFixed(2)} RPCs, p50 ${ms(r.orderMs.p50)}`;
    row('stores', '1 store, 5 orders one after another: per order', perOrder(alone), 'baseline', null);
    const flat = many.rpcsPerOrder / alone.rpcsPerOrder;
    row(
      'stores',
      `200 stores × 5 orders (${many.placed} orders, ${many.storesConsecutive}/200 stores numbered 1…5): per order`,
      `${perOrder(many)} (${flat.toFixed(2)}× the RPCs, ${(many.orderMs.p50 / alone.orderMs.p50).toFixed(2)}× the time)`,
      'flat: ≤ 1.1× baseline RPCs',
      flat <= 1.1 && many.placed === 1000 && many.storesConsecutive === 200,
    );
    const burst = run('burst', ['1', '5', '1', '1']);
    const four = run('four', ['4', '5', '4', '1']);
    const burstRow = (r) =>
      `${r.transactions.abortedPerCommit.toFixed(2)} aborted/commit; store burst ${ms(r.storeMs.min)}…${ms(r.storeMs.max)}; ${r.rpcsPerOrder.toFixed(2)} RPCs/order`;
    row('stores', '1 store, 5 orders at once', burstRow(burst), 'reported', null);
    row(
      'stores',
      '4 stores, 5 orders each, all at once',
      burstRow(four),
      'reported (the emulator couples stores, see the lock check)',
      four.placed === 20 && four.storesConsecutive === 4 ? null : false,
    );
  });
}

// ---------------------------------------------------------------- 5. lunch rush
function lunchRush() {
  log('5/7 lunch rush: 100 orders from 20 concurrent customers, 2 racing partners (scripts/rush.mjs)');
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'rush.mjs'), '--no-build'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 15 * 60_000,
  });
  const output = `${result.stdout}${result.stderr}`;
  for (const line of output.split('\n').filter((l) => l.startsWith('rush: '))) log(`  ${line}`);
  const passed = result.status === 0;
  if (!passed) console.error(output.slice(-4000));
  const placements = output.match(/rush: placements (\d+)\/(\d+) in ([\d.]+) s, p50 (\d+) ms, p99 (\d+) ms, max (\d+) ms/);
  const transitions = output.match(/rush: transitions (\d+) calls in ([\d.]+) s, p50 (\d+) ms, p99 (\d+) ms, max (\d+) ms/);
  if (placements)
    row(
      'rush',
      `placements accepted (p50 / p99 / max)`,
      `${placements[1]}/${placements[2]} (${placements[4]} / ${placements[5]} / ${placements[6]} ms)`,
      'all, max < 70 s',
      placements[1] === placements[2],
    );
  if (transitions)
    row(
      'rush',
      `racing transitions: ${transitions[1]} calls (p50 / p99 / max)`,
      `${transitions[3]} / ${transitions[4]} / ${transitions[5]} ms`,
      'max < 70 s',
      Number(transitions[5]) < 70_000,
    );
  row(
    'rush',
    'every order completed, numbers unique and consecutive, no worker killed, no early task',
    passed ? 'yes' : 'no',
    'yes',
    passed,
  );
  if (!passed) throw new Error('the rush failed');
}

// ---------------------------------------------------------------- main
const started = Date.now();
const failures = [];
let hidane;
try {
  ({ hidane } = setUp({ rootPackages: true }));
} catch (error) {
  console.error(`[bench] set-up failed: ${error.message}`);
  process.exit(1);
}
// `npm run bench -- --only=memory,many stores` runs some parts and prints their rows without
// writing bench/results.md (a partial table would replace the whole one).
const only = process.argv
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
for (const [name, part] of [
  ['operation counts', () => operationCounts()],
  ['cold start', () => coldStart()],
  ['latency under load', () => latencyUnderLoad(hidane)],
  ['sweep scaling', () => sweepScaling(hidane)],
  ['lunch rush', () => lunchRush()],
  ['memory', () => memoryPerKind(hidane)],
  ['many stores', () => manyStores(hidane)],
].filter(([name]) => !only || only.includes(name))) {
  try {
    await part();
  } catch (error) {
    failures.push(name);
    console.error(`[bench] ${name} failed: ${error.stack ?? error}`);
    row(name, 'run', `FAILED: ${String(error.message).split('\n')[0].slice(0, 120)}`, 'runs', false);
  }
}

const version = (command, args) => {
  try {
    return execFileSync(command, args, { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};
const cpuList = cpus();
const machine = [
  `- date: ${new Date().toISOString()}`,
  `- os: ${osType()} ${release()}; ${cpuList.length} × ${cpuList[0]?.model ?? 'cpu'}; ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
  `- node ${process.version}; ${version(hidane, ['--version'])}; firebase-tools ${version(join(ROOT, 'node_modules', '.bin', 'firebase'), ['--version'])}; ` +
    `firebase-functions ${JSON.parse(readFileSync(join(FUNCTIONS_DIR, 'node_modules', 'firebase-functions', 'package.json'), 'utf8')).version}; ` +
    `firebase-admin ${JSON.parse(readFileSync(join(FUNCTIONS_DIR, 'node_modules', 'firebase-admin', 'package.json'), 'utf8')).version}`,
  `- total bench time: ${((Date.now() - started) / 1000).toFixed(0)} s`,
];
const table = [
  '| part | measure | value | target | |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.part} | ${r.measure} | ${r.value} | ${r.target} | ${verdict(r.met)} |`),
];
const markdown = ['# Benchmark results (`npm run bench`)', '', ...machine, '', ...table, ''].join('\n');
console.log(`\n${markdown}`);
if (!only) {
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results.md'), markdown);
  console.log(`[bench] written to ${join(basename(ROOT), 'bench', 'results.md')}`);
}
process.exit(failures.length ? 1 : 0);
