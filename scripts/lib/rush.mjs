// The lunch rush against a running, seeded local stack, through the JS SDK as the apps call:
// 20 customers place 5 pickup orders each at the demo store at the same time (100 placements),
// then the store's two partners (the seeded owner and staff) race to start and complete every
// order. Returns the measurements; `checkRush` says what held. Loaded after set-up (firebase).
import { randomUUID } from 'node:crypto';
import { ACCOUNTS } from './accounts.mjs';
import { signIn } from './client.mjs';

export const RUSH = { customers: 20, ordersPerCustomer: 5, partners: 2, partnerConcurrency: 5 };
/** The JS SDK's httpsCallable default timeout: a call slower than this fails on the phone. */
export const SDK_TIMEOUT_MS = 70_000;

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
};

async function timed(samples, errors, work, expectedRefusals = []) {
  const started = Date.now();
  try {
    const value = await work();
    samples.push(Date.now() - started);
    return value;
  } catch (error) {
    const code = String(error.code ?? '').replace(/^functions\//, '');
    samples.push(Date.now() - started);
    // The loser of a race is refused with a standard code and reason: an answer, not a failure.
    if (expectedRefusals.includes(code)) return { refused: error.details?.reason ?? code };
    errors.push(`${code || 'error'}: ${error.message}`);
    return undefined;
  }
}

async function poolAll(items, concurrency, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const index = next;
        next += 1;
        await work(items[index], index);
      }
    }),
  );
}

/**
 * `admin` is { auth, db } of firebase-admin pointed at the stack; `storeId` and `items` come from
 * the seed. Customers are created in the Auth emulator (rush-customerN@gocafein.test).
 */
export async function runRush({ admin, storeId, items, log = console.log }) {
  const clients = [];
  try {
    const customers = await Promise.all(
      Array.from({ length: RUSH.customers }, async (_, i) => {
        const email = `rush-customer${i}@gocafein.test`;
        const password = 'rush-pass-1234';
        await admin.auth.createUser({ email, password }).catch((error) => {
          if (error.code !== 'auth/email-already-exists') throw error;
        });
        const client = await signIn(email, password);
        clients.push(client);
        return client;
      }),
    );
    const partners = [
      await signIn(ACCOUNTS.owner.email, ACCOUNTS.owner.password),
      await signIn(ACCOUNTS.staff.email, ACCOUNTS.staff.password),
    ];
    clients.push(...partners);

    const line = { menuItemId: items['아메리카노'], quantity: 1, options: [{ groupId: 'size', choiceIds: ['regular'] }] };
    log(`rush: ${RUSH.customers} customers placing ${RUSH.ordersPerCustomer} orders each at once`);
    const placeSamples = [];
    const placeErrors = [];
    const placed = [];
    const placeStarted = Date.now();
    await Promise.all(
      customers.map(async (customer) => {
        for (let k = 0; k < RUSH.ordersPerCustomer; k += 1) {
          const result = await timed(placeSamples, placeErrors, () =>
            customer.call('placeOrder', { storeId, channel: 'takeout', requestId: randomUUID(), items: [line] }),
          );
          if (result?.orderId) placed.push(result);
        }
      }),
    );
    const placeSeconds = (Date.now() - placeStarted) / 1000;

    log(`rush: ${RUSH.partners} partners racing to start and complete ${placed.length} orders`);
    const moveSamples = [];
    const moveErrors = [];
    const refusals = new Map();
    const orderIds = placed.map((p) => p.orderId);
    const moveStarted = Date.now();
    await Promise.all(
      partners.map((partner) =>
        poolAll(orderIds, RUSH.partnerConcurrency, async (orderId) => {
          for (const [name, data] of [
            ['startPreparing', { orderId, prepMinutes: 10 }],
            ['completeOrder', { orderId }],
          ]) {
            const result = await timed(moveSamples, moveErrors, () => partner.call(name, data), ['failed-precondition', 'aborted']);
            if (result?.refused) refusals.set(result.refused, (refusals.get(result.refused) ?? 0) + 1);
          }
        }),
      ),
    );
    const moveSeconds = (Date.now() - moveStarted) / 1000;

    const snapshots = await Promise.all(orderIds.map((id) => admin.db.doc(`orders/${id}`).get()));
    const statuses = {};
    for (const s of snapshots) statuses[s.get('status')] = (statuses[s.get('status')] ?? 0) + 1;
    const numbers = placed.map((p) => p.orderNumber).sort((a, b) => a - b);
    return {
      placements: {
        attempted: RUSH.customers * RUSH.ordersPerCustomer,
        accepted: placed.length,
        errors: placeErrors,
        seconds: placeSeconds,
        p50: percentile(placeSamples, 50),
        p99: percentile(placeSamples, 99),
        max: Math.max(...placeSamples),
      },
      transitions: {
        calls: moveSamples.length,
        errors: moveErrors,
        refusals: Object.fromEntries(refusals),
        seconds: moveSeconds,
        p50: percentile(moveSamples, 50),
        p99: percentile(moveSamples, 99),
        max: Math.max(...moveSamples),
      },
      statuses,
      numbers: {
        count: numbers.length,
        unique: new Set(numbers).size === numbers.length,
        consecutive: numbers.every((n, k) => n === numbers[0] + k),
        first: numbers[0],
        last: numbers.at(-1),
      },
    };
  } finally {
    await Promise.all(clients.map((client) => client.close().catch(() => undefined)));
  }
}

/** Every condition of the rush; returns the failures (empty when it held). */
export function checkRush(report, executions) {
  const failures = [];
  const { placements, transitions, statuses, numbers } = report;
  if (placements.accepted !== placements.attempted)
    failures.push(
      `${placements.accepted}/${placements.attempted} placements accepted (${[...new Set(placements.errors)].slice(0, 3).join('; ')})`,
    );
  if (transitions.errors.length)
    failures.push(`${transitions.errors.length} transition calls failed (${[...new Set(transitions.errors)].slice(0, 3).join('; ')})`);
  if (!(placements.max < SDK_TIMEOUT_MS) || !(transitions.max < SDK_TIMEOUT_MS))
    failures.push(`a call took ${Math.max(placements.max, transitions.max)} ms (SDK timeout ${SDK_TIMEOUT_MS} ms)`);
  if (statuses.completed !== placements.attempted) failures.push(`orders completed: ${JSON.stringify(statuses)}`);
  if (!numbers.unique || !numbers.consecutive || numbers.count !== placements.attempted)
    failures.push(`order numbers ${numbers.first}…${numbers.last}: unique ${numbers.unique}, consecutive ${numbers.consecutive}`);
  // Timers that come due during the rush (the seed's orders' auto-complete) run as they should;
  // an early task is found by its handler's log line (stackChecks.mjs checkRushLog).
  if (executions?.killed) failures.push(`${executions.killed} function workers killed by unhandled errors`);
  return failures;
}
