// The hot-spot simulation of scripts/bench.mjs (issue 18 "Scale and cost"): many stores ordering at
// once. In one process, against the Firestore at FIRESTORE_EMULATOR_HOST (a standalone hidane),
// through the exported placeOrder (its `run`, past the HTTP layer; Auth is a fake):
//   node scripts/lib/benchStores.cjs <functionsDir> <stores> <ordersPerStore> <concurrentStores> <burst>
// Each order has its own customer. burst=1: a store's orders are placed at once (a lunch burst);
// burst=0: one after another. <concurrentStores> stores order at the same time.
//   node scripts/lib/benchStores.cjs <functionsDir> lockcheck
// checks the emulator's lock granularity: 3 transactions on unrelated documents, without and with
// a query in each (hidane, like the official emulator, locks every collection a transaction queries). Prints `BENCH_RESULT {json}`: per order the
// Firestore RPCs and transaction attempts (counted at the client, scripts/lib/firestoreCounter.cjs),
// per store the wall time of its burst, and whether every store's numbers are 1..n.
const { join } = require('node:path');

const [functionsDir, storesArg, perStoreArg, concurrentArg] = process.argv.slice(2);
const STORES = Number(storesArg);
const PER_STORE = Number(perStoreArg);
const CONCURRENT_STORES = Number(concurrentArg || storesArg);
const BURST = process.argv[6] !== '0';
const lib = (path) => require(join(functionsDir, 'lib', path));
const counter = require('./firestoreCounter.cjs');

counter.install(require(require.resolve('@google-cloud/firestore', { paths: [functionsDir] })).Firestore);

const storeId = (s) => `sim-${String(s).padStart(4, '0')}`;

async function seed() {
  const { db } = lib('infra/firestore.js');
  const stores = Array.from({ length: STORES + 1 }, (_, s) => s); // the last one is the warm-up's
  for (let start = 0; start < stores.length; start += 200) {
    const batch = db().batch();
    for (const s of stores.slice(start, start + 200)) {
      batch.set(db().doc(`stores/${storeId(s)}`), {
        name: `시뮬레이션 ${s}호점`,
        active: true,
        open: true,
        pausedUntil: null,
        channels: ['dine_in', 'takeout'],
        deliveryFee: 0,
        defaultPrepMinutes: 10,
      });
      batch.set(db().doc(`stores/${storeId(s)}/menuItems/latte`), { name: '카페라떼', price: 4500, soldOut: false, options: [] });
    }
    await batch.commit();
  }
}

async function main() {
  lib('deps.js').setDependenciesForTest({
    auth: {
      async getUser(uid) {
        return { uid, email: `${uid}@bench.test`, customClaims: {}, disabled: false, emailVerified: true };
      },
      async getUserByEmail() {
        return null;
      },
      async setCustomUserClaims() {},
    },
  });
  await seed();
  const { placeOrder } = require(join(functionsDir, 'lib', 'index.js'));
  // Warm-up (connection, first module loads), not counted: one order at a store of its own.
  await placeOrder.run({
    data: { storeId: storeId(STORES), channel: 'takeout', requestId: 'simulated-warm-up', items: [{ menuItemId: 'latte', quantity: 1 }] },
    auth: { uid: 'customer-warm-up', token: {} },
    rawRequest: {},
    acceptsStreaming: false,
  });
  counter.reset();

  const latencies = [];
  const storeResults = [];
  const burst = async (s) => {
    const started = process.hrtime.bigint();
    const placeOne = async (k) => {
      const t = process.hrtime.bigint();
      try {
        const result = await placeOrder.run({
          data: {
            storeId: storeId(s),
            channel: 'takeout',
            requestId: `simulated-${s}-${k}`,
            items: [{ menuItemId: 'latte', quantity: 1 }],
          },
          auth: { uid: `customer-${s}-${k}`, token: {} },
          rawRequest: {},
          acceptsStreaming: false,
        });
        latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
        return result.orderNumber;
      } catch (error) {
        return `error ${error.code ?? ''} ${error.message}`.slice(0, 120);
      }
    };
    const placed = [];
    if (BURST) placed.push(...(await Promise.all(Array.from({ length: PER_STORE }, (_, k) => placeOne(k)))));
    else for (let k = 0; k < PER_STORE; k += 1) placed.push(await placeOne(k));
    const numbers = placed.filter((n) => typeof n === 'number').sort((a, b) => a - b);
    storeResults.push({
      store: s,
      ms: Number(process.hrtime.bigint() - started) / 1e6,
      placed: numbers.length,
      consecutive: numbers.length === PER_STORE && numbers.every((n, i) => n === i + 1),
      errors: placed.filter((n) => typeof n !== 'number'),
    });
  };
  const started = process.hrtime.bigint();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENT_STORES, STORES) }, async () => {
      while (next < STORES) await burst(next++);
    }),
  );
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const counts = counter.counters();
  const placedOrders = storeResults.reduce((sum, r) => sum + r.placed, 0);
  const sorted = (values) => [...values].sort((a, b) => a - b);
  const pick = (values, p) => sorted(values)[Math.min(values.length - 1, Math.max(0, Math.ceil(p * values.length) - 1))];
  const storeMs = storeResults.map((r) => r.ms);
  const rpcTotal = Object.values(counts.rpcs).reduce((a, b) => a + b, 0);
  process.stdout.write(
    `\nBENCH_RESULT ${JSON.stringify({
      stores: STORES,
      perStore: PER_STORE,
      concurrentStores: Math.min(CONCURRENT_STORES, STORES),
      burst: BURST,
      wallMs,
      placed: placedOrders,
      storesConsecutive: storeResults.filter((r) => r.consecutive).length,
      errors: [...new Set(storeResults.flatMap((r) => r.errors))].slice(0, 3),
      rpcsPerOrder: rpcTotal / Math.max(1, placedOrders),
      rpcs: counts.rpcs,
      abortedCommits: counts.abortedCommits,
      transactions: counter.summarize(counts.transactions),
      orderMs: { p50: pick(latencies, 0.5), p99: pick(latencies, 0.99), max: pick(latencies, 1) },
      storeMs: { min: pick(storeMs, 0), p50: pick(storeMs, 0.5), p99: pick(storeMs, 0.99), max: pick(storeMs, 1) },
    })}\n`,
  );
}

async function lockCheck() {
  const { Firestore } = require(require.resolve('@google-cloud/firestore', { paths: [functionsDir] }));
  const db = new Firestore({ projectId: process.env.GCLOUD_PROJECT });
  const run = (withQuery) => {
    counter.reset();
    return Promise.all(
      [1, 2, 3].map((i) =>
        db.runTransaction(async (tx) => {
          await tx.get(db.doc(`lockStores/s${i}`));
          if (withQuery) await tx.get(db.collection('lockThings').where('store', '==', `s${i}`).limit(3));
          tx.set(db.doc(`lockThings/t${i}-${Date.now()}`), { store: `s${i}` });
        }),
      ),
    ).then(() => counter.summarize(counter.counters().transactions));
  };
  await run(false); // warm the connection
  const withoutQuery = await run(false);
  const withQuery = await run(true);
  process.stdout.write(`\nBENCH_RESULT ${JSON.stringify({ withoutQuery, withQuery })}\n`);
}

(storesArg === 'lockcheck' ? lockCheck() : main()).then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
