// Peak memory of one function kind under load, for scripts/bench.mjs (memory part). Two phases,
// each in a fresh process, against the Firestore at FIRESTORE_EMULATOR_HOST (a standalone hidane):
//   node scripts/lib/benchMemory.cjs <functionsDir> <kind> seed     writes what the load needs
//   node scripts/lib/benchMemory.cjs <functionsDir> <kind> measure  loads functions/lib/index.js,
//       reads the one export the instance serves (as the Cloud Functions runtime does with its
//       function target), runs the load through the function's own entry (`run` of a callable,
//       trigger, task or schedule; the request handler of the webhook) and prints
//       `BENCH_RESULT {json}` with the process's peak RSS (getrusage maxRSS and /proc VmHWM).
// Seeding runs in its own process so that its allocations don't count in the measured peak.
// Auth, FCM and Cloud Tasks are fakes (no network here), but the real client modules a kind uses
// are loaded, so their code is in the measured memory.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const [functionsDir, kind, phase] = process.argv.slice(2);
const lib = (path) => require(join(functionsDir, 'lib', path));
const { overdueOrder } = require('./benchOrders.cjs');
const CONCURRENT = 20; // the bench's load: 20 customers at one store, 20 partners
const SWEEP_ORDERS = 10_000;
// About MAX_EXPORT_ORDERS (30,000, callables/sales.ts) over the longest range (92 days).
const EXPORT_DAYS = 92;
const EXPORT_PER_DAY = 326;
const EXPORT_ORDERS = EXPORT_DAYS * EXPORT_PER_DAY;
const STORE_ID = 'store-memory';
const HOUR = 60 * 60_000;
const WEBHOOK_SECRET = 'whsec_bench_memory';
process.env.TRACKING_WEBHOOK_SECRET = WEBHOOK_SECRET;

const KINDS = {
  // callables: 20 concurrent customers placing at one store, twice (40 orders)
  placeOrder: { fn: 'placeOrder', preload: ['firebase-admin/auth'], seed: seedStore, load: loadPlaceOrder },
  // callables: 20 partners moving their own order through startPreparing and completeOrder at once
  orderCommands: { fn: 'startPreparing', preload: [], seed: seedOrders('takeout'), load: loadTransitions },
  // Firestore trigger: 20 order-created events at once (2 members × 3 devices each: 6 pushes, 2 tasks)
  onOrderCreated: {
    fn: 'onOrderCreated',
    preload: ['firebase-admin/messaging', '@google-cloud/tasks'],
    seed: seedOrders('takeout'),
    load: loadCreatedEvents,
  },
  // task handler: 20 due auto-complete tasks at once
  autoCompleteOrder: {
    fn: 'autoCompleteOrder',
    preload: ['firebase-admin/messaging'],
    seed: seedOrders('takeout'),
    load: loadAutoCompleteTasks,
  },
  // scheduled: the auto-complete sweep over 10,000 overdue orders (its deployed bounds)
  autoCompleteSweep: { fn: 'autoCompleteSweep', preload: [], seed: seedOverdue, load: loadSweep },
  // callables: the largest orders export a store may ask for (29,992 orders: 92 days of 326), twice at once
  exportOrders: { fn: 'exportOrders', preload: ['@google-cloud/storage'], seed: seedExportable, load: loadExport },
  // webhook: 20 signed courier events at once for 20 shipped orders
  trackingWebhook: { fn: 'trackingWebhook', preload: [], seed: seedOrders('delivery'), load: loadWebhook },
};

const activeAccounts = {
  async getUser(uid) {
    return { uid, email: `${uid}@bench.test`, customClaims: {}, disabled: false, emailVerified: true };
  },
  async getUserByEmail() {
    return null;
  },
  async setCustomUserClaims() {},
};
const fakeMessaging = {
  async sendEachForMulticast(message) {
    const responses = message.tokens.map((_, i) => ({ success: true, messageId: `m-${i}` }));
    return { responses, successCount: responses.length, failureCount: 0 };
  },
};
const fakeTasks = {
  async createTask(request) {
    return [{ name: request.task.name }];
  },
  async deleteTask() {
    return [{}];
  },
};

function useFakes() {
  lib('deps.js').setDependenciesForTest({ auth: activeAccounts, messaging: fakeMessaging, tasks: fakeTasks });
  process.env.TASKS_SERVICE_ACCOUNT ??= 'tasks@demo-bench.iam.gserviceaccount.com';
}

const customer = (i) => ({ uid: `customer-${i}`, token: {} });
const partner = (i) => ({ uid: `partner-${i}`, token: { stores: { [STORE_ID]: 'owner' } } });
const callRequest = (data, auth) => ({ data, auth, rawRequest: {}, acceptsStreaming: false });
let requests = 0;
const placement = (channel) => ({
  storeId: STORE_ID,
  channel,
  requestId: `mem-${process.pid}-${(requests += 1)}`,
  ...(channel === 'delivery'
    ? {
        items: [{ menuItemId: 'beans', quantity: 1 }],
        delivery: { recipient: '김고객', phone: '010-1234-5678', postalCode: '06236', address1: '서울 강남구 테헤란로 123' },
      }
    : { items: [{ menuItemId: 'americano', quantity: 1, options: [{ groupId: 'size', choiceIds: ['regular'] }] }] }),
});

// ------------------------------------------------------------------ seeding
async function seedStore() {
  const { db } = lib('infra/firestore.js');
  const batch = db().batch();
  batch.set(db().doc(`stores/${STORE_ID}`), {
    name: '고카페인 메모리점',
    active: true,
    open: true,
    pausedUntil: null,
    channels: ['dine_in', 'takeout', 'delivery'],
    deliveryFee: 3000,
    defaultPrepMinutes: 10,
  });
  batch.set(db().doc(`stores/${STORE_ID}/menuItems/americano`), {
    name: '아메리카노',
    price: 4000,
    soldOut: false,
    options: [{ groupId: 'size', name: '사이즈', required: true, maxSelect: 1, choices: [{ id: 'regular', name: '레귤러', price: 0 }] }],
  });
  batch.set(db().doc(`stores/${STORE_ID}/menuItems/beans`), { name: '원두 200g', price: 12000, soldOut: false, options: [] });
  for (let i = 0; i < CONCURRENT; i += 1) {
    batch.set(db().doc(`stores/${STORE_ID}/members/partner-${i}`), {
      storeId: STORE_ID,
      uid: `partner-${i}`,
      role: 'owner',
      addedBy: 'seed',
      createdAt: 0,
      updatedAt: 0,
    });
  }
  // Two members with three devices between them (as the op-count test's onOrderCreated row).
  for (const [uid, tokens] of [
    ['partner-0', ['t-a', 't-b']],
    ['partner-1', ['t-c']],
  ]) {
    for (const token of tokens) {
      batch.set(db().doc(`users/${uid}/devices/${token}`), { token, platform: 'android', refreshedAt: Date.now(), createdAt: Date.now() });
    }
  }
  await batch.commit();
}

function seedOrders(channel) {
  return async () => {
    await seedStore();
    const index = require(join(functionsDir, 'lib', 'index.js'));
    const ids = [];
    for (let i = 0; i < CONCURRENT; i += 1) {
      const placed = await index.placeOrder.run(callRequest(placement(channel), customer(i)));
      if (channel === 'delivery') {
        await index.prepareShipment.run(callRequest({ orderId: placed.orderId }, partner(i)));
        await index.shipOrder.run(
          callRequest({ orderId: placed.orderId, carrier: 'cj', trackingNumber: `5${String(i).padStart(11, '0')}` }, partner(i)),
        );
      }
      ids.push(placed.orderId);
    }
    return { orderIds: ids };
  };
}

/** An open takeout order placed 2 hours ago (overdue for auto-complete), as the sweep finds it. */
function storedOrder(i, overrides = {}, prefix = 'bench') {
  const order = overdueOrder(i, { now: Date.now(), orderId: orderIdOf(prefix, i), storeId: STORE_ID, storeName: '고카페인 메모리점' });
  return lib('infra/orders.js').orderToStored({ ...order, ...overrides });
}

const orderIdOf = (prefix, i) => `${prefix}-${String(i).padStart(6, '0')}`;

async function seedMany(count, overridesOf, prefix = 'bench') {
  const { db } = lib('infra/firestore.js');
  for (let start = 0; start < count; start += 500) {
    const batch = db().batch();
    for (let i = start; i < Math.min(count, start + 500); i += 1) {
      batch.set(db().doc(`orders/${orderIdOf(prefix, i)}`), storedOrder(i, overridesOf(i), prefix));
    }
    await batch.commit();
  }
}

async function seedExportable() {
  await seedStore();
  const day = (i) => new Date(Date.UTC(2026, 0, 1) + Math.floor(i / EXPORT_PER_DAY) * 24 * HOUR).toISOString().slice(0, 10);
  await seedMany(EXPORT_ORDERS, (i) => ({
    status: 'completed',
    businessDate: day(i),
    orderNumber: (i % EXPORT_PER_DAY) + 1,
    autoCompleteAt: null,
    completion: { by: 'system', uid: null, at: Date.now() - HOUR },
  }));
  return { orders: EXPORT_ORDERS, from: day(0), to: day(EXPORT_ORDERS - 1) };
}

async function seedOverdue() {
  // Its own ids: the export's completed orders share this hidane.
  await seedMany(SWEEP_ORDERS, () => ({}), 'sweep');
  return { orders: SWEEP_ORDERS };
}

// ------------------------------------------------------------------ loads
async function loadPlaceOrder(fn) {
  let accepted = 0;
  for (let round = 0; round < 2; round += 1) {
    const results = await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => fn.run(callRequest(placement('takeout'), customer(i)))));
    accepted += results.filter((r) => r?.orderId).length;
  }
  return { calls: 2 * CONCURRENT, accepted };
}

async function loadTransitions(fn, index, seeded) {
  await Promise.all(
    seeded.orderIds.map(async (orderId, i) => {
      await fn.run(callRequest({ orderId, prepMinutes: 10 }, partner(i)));
      await index.completeOrder.run(callRequest({ orderId }, partner(i)));
    }),
  );
  return { calls: 2 * seeded.orderIds.length };
}

async function loadCreatedEvents(fn, _index, seeded) {
  const { db } = lib('infra/firestore.js');
  const snapshots = await Promise.all(seeded.orderIds.map((id) => db().doc(`orders/${id}`).get()));
  await Promise.all(snapshots.map((data, i) => fn.run({ data, params: { orderId: data.id }, id: `created-${process.pid}-${i}` })));
  return { events: snapshots.length };
}

async function loadAutoCompleteTasks(fn, _index, seeded) {
  lib('deps.js').setDependenciesForTest({ clock: () => Date.now() + 2 * HOUR }); // the tasks are due
  const outcomes = await Promise.all(seeded.orderIds.map((orderId) => fn.run({ data: { orderId } })));
  return { tasks: outcomes.length };
}

async function loadSweep(fn) {
  const { db } = lib('infra/firestore.js');
  await fn.run({ scheduleTime: new Date().toISOString(), jobName: 'bench' });
  const left = await db().collection('orders').where('status', '==', 'received').count().get();
  return { overdue: SWEEP_ORDERS, leftOpen: left.data().count };
}

async function loadExport(fn, _index, seeded) {
  let stored = 0;
  lib('deps.js').setDependenciesForTest({
    exportStorage: {
      async saveForDownload({ content }) {
        stored = content.length;
        return 'https://storage.example/export.csv';
      },
    },
  });
  const results = await Promise.all(
    [0, 1].map(() => fn.run(callRequest({ storeId: STORE_ID, from: seeded.from, to: seeded.to }, partner(0)))),
  );
  return { exports: results.length, rows: results[0].rows, bytes: stored };
}

async function loadWebhook(fn, _index, seeded) {
  const { signWebhookBody } = lib('domain/webhookSignature.js');
  const answers = await Promise.all(
    seeded.orderIds.map(async (_, i) => {
      const body = {
        eventId: `evt-${process.pid}-${i}`,
        carrier: 'cj',
        trackingNumber: `5${String(i).padStart(11, '0')}`,
        status: 'in_transit',
        occurredAt: new Date().toISOString(),
        location: '서울',
        description: '간선하차',
      };
      const raw = Buffer.from(JSON.stringify(body));
      const timestamp = Math.floor(Date.now() / 1000);
      const answer = { status: 200 };
      const res = {
        headersSent: false,
        status(code) {
          answer.status = code;
          return res;
        },
        set() {
          return res;
        },
        json() {
          res.headersSent = true;
          return res;
        },
        send() {
          res.headersSent = true;
          return res;
        },
        end() {
          res.headersSent = true;
          return res;
        },
        on() {
          return res;
        },
      };
      const headers = {
        'content-type': 'application/json',
        'x-gocafein-timestamp': String(timestamp),
        'x-gocafein-signature': signWebhookBody(raw, timestamp, WEBHOOK_SECRET),
      };
      await fn({ method: 'POST', headers, rawBody: raw, body: undefined }, res);
      return answer.status;
    }),
  );
  return { posts: answers.length, ok: answers.filter((s) => s === 200).length };
}

// ------------------------------------------------------------------ main
function vmHwmBytes() {
  try {
    const line = readFileSync('/proc/self/status', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmHWM:'));
    return line ? Number(line.match(/(\d+)/)[1]) * 1024 : null;
  } catch {
    return null;
  }
}

async function main() {
  const spec = KINDS[kind];
  if (!spec) throw new Error(`unknown kind ${kind}`);
  if (phase === 'seed') {
    useFakes();
    const seeded = await spec.seed();
    process.stdout.write(`\nBENCH_RESULT ${JSON.stringify(seeded ?? {})}\n`);
    return;
  }
  const seeded = JSON.parse(process.env.BENCH_SEEDED ?? '{}');
  const beforeLoad = process.memoryUsage().rss;
  // As the runtime does: the package's main, then the export named by the function target.
  const index = require(join(functionsDir, 'lib', 'index.js'));
  const fn = index[spec.fn];
  for (const name of spec.preload) require(require.resolve(name, { paths: [functionsDir] }));
  useFakes();
  const afterLoad = process.memoryUsage().rss;
  const started = process.hrtime.bigint();
  const outcome = await spec.load(fn, index, seeded);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const maxRss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(
    `\nBENCH_RESULT ${JSON.stringify({ kind, fn: spec.fn, ms, outcome, rssBeforeLoad: beforeLoad, rssAfterLoad: afterLoad, maxRss, vmHwm: vmHwmBytes(), heapUsed: process.memoryUsage().heapUsed })}\n`,
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
