// What one sales summary costs, measured (docs/sales.md "Why stored days"): a store with 300
// orders a day for 31 days (9,300 orders) on hidane, three ways:
//   A. request time, reading the orders and summing in the function;
//   B. request time, Firestore aggregation queries (count + sum) per day and channel;
//   C. the stored per-day aggregates (what getSalesSummary does).
// Plus the upkeep of C: one trigger run per sales fact of an order. Not part of `npm test` (it seeds
// 9,300 orders); run it with
//   cd functions && npx mocha --no-config --require tsx/cjs --require test/support/hooks.ts --timeout 0 test/bench/salesCost.bench.ts
// SALES_COST_OUT=<file> also writes the figures as JSON.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { AggregateField } from 'firebase-admin/firestore';
import { salesSummaryHandler } from '../../src/app/sales';
import { businessDateOf, datesInRange } from '../../src/domain/businessDay';
import { Channel, CHANNELS, Order } from '../../src/domain/order';
import { daysFromOrders, summarizeDays } from '../../src/domain/sales';
import { db } from '../../src/infra/firestore';
import { orderFromSnapshot, orderToStored } from '../../src/infra/orders';
import { reconcileSalesDay } from '../../src/app/salesDays';
import { salesOrderOf } from '../../src/infra/salesDays';
import { seedStore, STORE_ID } from '../support/fixtures';
import { countOperations } from '../support/opCounter';

const PER_DAY = 300;
const FROM = '2026-03-01';
const TO = '2026-03-31';
const RUNS = 5;
const OWNER = { uid: 'owner-1', token: {} };

function buildOrder(date: string, n: number): Order {
  const createdAt = Date.parse(`${date}T08:00:00+09:00`) + n * 2 * 60_000; // 08:00 to 18:00
  const channel: Channel = CHANNELS[n % 3];
  const fate = n % 10; // 0: cancelled, 1: auto-completed, 2: still open, else completed by the store
  const lines = 1 + (n % 3);
  const items = Array.from({ length: lines }, (_, i) => ({
    menuItemId: ['americano', 'latte', 'beans', 'cake'][(n + i) % 4],
    name: ['아메리카노', '카페라떼', '원두 200g', '치즈케이크'][(n + i) % 4],
    unitPrice: 4500,
    quantity: 1 + (i % 2),
    options: [],
    lineTotal: 4500 * (1 + (i % 2)),
  }));
  const subtotal = items.reduce((s, l) => s + l.lineTotal, 0);
  const pickup = channel !== 'delivery';
  const startedAt = createdAt + (30 + (n % 7) * 20) * 1000;
  const prep = pickup && fate !== 0 && fate !== 1 ? { minutes: 10, startedAt } : null;
  return {
    orderId: `${date}-${String(n).padStart(4, '0')}`,
    storeId: STORE_ID,
    storeName: '고카페인 테스트점',
    customerUid: `c-${n % 50}`,
    requestId: `r-${date}-${n}`,
    channel,
    status: fate === 0 ? 'cancelled' : fate === 2 ? (pickup ? 'preparing' : 'shipped') : 'completed',
    items,
    subtotal,
    deliveryFee: pickup ? 0 : 3000,
    total: subtotal + (pickup ? 0 : 3000),
    orderNumber: n + 1,
    businessDate: businessDateOf(createdAt),
    customerNote: null,
    delivery: null,
    createdAt,
    updatedAt: createdAt,
    autoCompleteAt: pickup ? createdAt + 3_600_000 : null,
    prep,
    shipmentPreparingAt: null,
    shipment: null,
    cancellation: fate === 0 ? { by: 'partner', uid: 'owner-1', reason: 'sold_out', note: null, at: createdAt + 60_000 } : null,
    completion:
      fate === 0 || fate === 2
        ? null
        : { by: fate === 1 || !pickup ? 'system' : 'partner', uid: null, at: (prep?.startedAt ?? createdAt) + 300_000 },
    version: 3,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = process.hrtime.bigint();
  const result = await work();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

describe('sales summary cost: 300 orders a day over 31 days', function () {
  const figures: Record<string, unknown> = {};
  const dates = datesInRange(FROM, TO);
  let orders: Order[] = [];

  before(async function () {
    // The root hook empties the database before each test; this suite seeds once and runs its
    // measurements inside one test so the data stays.
  });

  it('measures A, B and C, and C equals A', async function () {
    await seedStore(STORE_ID);
    await db().doc(`stores/${STORE_ID}/members/owner-1`).set({ storeId: STORE_ID, uid: 'owner-1', role: 'owner' });
    orders = dates.flatMap((date) => Array.from({ length: PER_DAY }, (_, n) => buildOrder(date, n)));
    const seeding = await timed(async () => {
      for (let i = 0; i < orders.length; i += 500) {
        const batch = db().batch();
        for (const order of orders.slice(i, i + 500)) batch.set(db().doc(`orders/${order.orderId}`), orderToStored(order));
        await batch.commit();
      }
    });
    figures.seedMs = Math.round(seeding.ms);

    // Upkeep of C: the trigger's transaction for every order of the first day (each at its final
    // state: one run; an order seen at each step runs once per fact, see docs).
    const upkeep = await countOperations(async () => {
      for (const order of orders.filter((o) => o.businessDate === FROM)) await reconcileSalesDay(order.orderId);
    });
    const upkeepTime = await timed(async () => {
      for (const order of orders.filter((o) => o.businessDate === FROM)) await reconcileSalesDay(order.orderId); // unchanged now
    });
    figures.upkeepPerRun = { reads: upkeep.reads / PER_DAY, writes: upkeep.writes / PER_DAY };
    figures.upkeepNoopRunMs = +(upkeepTime.ms / PER_DAY).toFixed(2);
    // The other 30 days: the aggregates the trigger would have written (checked equal below).
    const rest = daysFromOrders(orders.filter((o) => o.businessDate !== FROM).map(salesOrderOf));
    for (const [date, sales] of rest) {
      const facts = Object.fromEntries(orders.filter((o) => o.businessDate === date).map((o) => [o.orderId, 0]));
      await db().doc(`stores/${STORE_ID}/salesDays/${date}`).set({ storeId: STORE_ID, businessDate: date, sales, facts, version: 1 });
    }

    // A: read every order of the range and summarize in the function.
    const aRuns: number[] = [];
    let aCount = { reads: 0 };
    let aSummary: unknown;
    for (let run = 0; run < RUNS; run += 1) {
      const measured = await countOperations(() =>
        timed(async () => {
          const snapshot = await db()
            .collection('orders')
            .where('storeId', '==', STORE_ID)
            .where('businessDate', '>=', FROM)
            .where('businessDate', '<=', TO)
            .get();
          return summarizeDays(FROM, TO, daysFromOrders(snapshot.docs.map((d) => salesOrderOf(orderFromSnapshot(d)))));
        }),
      );
      aRuns.push(measured.result.ms);
      aCount = measured;
      aSummary = measured.result.result;
    }
    figures.A = { reads: aCount.reads, medianMs: Math.round(median(aRuns)), runsMs: aRuns.map(Math.round) };

    // B: count + sum per day and channel (93 aggregation queries). Firestore bills an aggregation
    // one read per 1,000 index entries it matches, at least one per query. It answers counts and
    // sums only: no 90th percentile, no hours, no best sellers, no reasons.
    const bRuns: number[] = [];
    let bReads = 0;
    for (let run = 0; run < RUNS; run += 1) {
      bReads = 0;
      const { ms } = await timed(async () => {
        await Promise.all(
          dates.flatMap((date) =>
            CHANNELS.map(async (channel) => {
              const snapshot = await db()
                .collection('orders')
                .where('storeId', '==', STORE_ID)
                .where('businessDate', '==', date)
                .where('channel', '==', channel)
                .where('status', '==', 'completed')
                .aggregate({ orders: AggregateField.count(), sales: AggregateField.sum('total') })
                .get();
              bReads += Math.max(1, Math.ceil(snapshot.data().orders / 1000));
            }),
          ),
        );
      });
      bRuns.push(ms);
    }
    figures.B = {
      billedReads: bReads,
      queries: dates.length * CHANNELS.length,
      medianMs: Math.round(median(bRuns)),
      runsMs: bRuns.map(Math.round),
    };

    // C: getSalesSummary's handler (membership + store + one query over the stored days).
    const cRuns: number[] = [];
    let cCount = { reads: 0 };
    let cSummary: Record<string, unknown> = {};
    for (let run = 0; run < RUNS; run += 1) {
      const measured = await countOperations(() => timed(() => salesSummaryHandler({ storeId: STORE_ID, from: FROM, to: TO }, OWNER)));
      cRuns.push(measured.result.ms);
      cCount = measured;
      cSummary = measured.result.result as unknown as Record<string, unknown>;
    }
    figures.C = { reads: cCount.reads, medianMs: Math.round(median(cRuns)), runsMs: cRuns.map(Math.round) };

    const { storeId: _s, closeoutHour: _c, ...cFigures } = cSummary;
    assert.deepEqual(cFigures, aSummary, 'the stored days give the same summary as reading every order');
    assert.equal(cCount.reads, 2 + dates.length);
    assert.equal(aCount.reads, orders.length);

    console.log(JSON.stringify(figures, null, 2));
    if (process.env.SALES_COST_OUT) writeFileSync(process.env.SALES_COST_OUT, JSON.stringify(figures, null, 2));
  });
});
