// The sales figures (domain/sales.ts) against a brute-force recomputation from the orders
// (test/support/sales.ts), over random order histories; and the business-day edges.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  businessDateOf,
  datesInRange,
  daysInRange,
  isCalendarDate,
  normalizedCloseoutHour,
  seoulDateTime,
  seoulHourOf,
} from '../../src/domain/businessDay';
import {
  applyFacts,
  DaySales,
  daysFromOrders,
  durationStats,
  emptyDaySales,
  factsOf,
  FACTS,
  reconcileOrder,
  SalesOrder,
  summarizeDays,
} from '../../src/domain/sales';
import { bruteForceSummary, historyArb } from '../support/sales';

const kst = (local: string): number => Date.parse(`${local}+09:00`);

describe('business day', () => {
  it('midnight in Seoul starts a new day: 23:59:59.999 and 00:00 belong to different days', () => {
    assert.equal(businessDateOf(kst('2026-03-01T23:59:59.999')), '2026-03-01');
    assert.equal(businessDateOf(kst('2026-03-02T00:00:00.000')), '2026-03-02');
    // 15:00 UTC is midnight in Seoul: the UTC date is no guide.
    assert.equal(businessDateOf(Date.parse('2026-03-01T14:59:59.999Z')), '2026-03-01');
    assert.equal(businessDateOf(Date.parse('2026-03-01T15:00:00.000Z')), '2026-03-02');
  });

  it('a closeout hour moves the instants before it to the previous day, and not one millisecond more', () => {
    assert.equal(businessDateOf(kst('2026-03-02T00:00:00.000'), 2), '2026-03-01');
    assert.equal(businessDateOf(kst('2026-03-02T01:59:59.999'), 2), '2026-03-01');
    assert.equal(businessDateOf(kst('2026-03-02T02:00:00.000'), 2), '2026-03-02');
    assert.equal(businessDateOf(kst('2026-03-01T23:59:59.999'), 2), '2026-03-01');
    assert.equal(businessDateOf(kst('2026-03-02T05:59:59.999'), 6), '2026-03-01');
    assert.equal(businessDateOf(kst('2026-03-02T06:00:00.000'), 6), '2026-03-02');
    // Across a month and a year end.
    assert.equal(businessDateOf(kst('2026-03-01T03:00:00.000'), 4), '2026-02-28');
    assert.equal(businessDateOf(kst('2027-01-01T00:30:00.000'), 1), '2026-12-31');
  });

  it('for every instant and closeout hour: the Seoul date of (instant - closeout hours)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2035-01-01') }),
        fc.integer({ min: 0, max: 6 }),
        (ms, hour) => {
          const seoul = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', dateStyle: 'short' }).format(
            new Date(ms - hour * 3_600_000),
          );
          assert.equal(businessDateOf(ms, hour), seoul);
        },
      ),
    );
  });

  it('a stored closeout hour outside 0..6 counts as midnight', () => {
    for (const bad of [7, -1, 2.5, '2', null, undefined]) assert.equal(normalizedCloseoutHour(bad), 0, String(bad));
    for (const good of [0, 3, 6]) assert.equal(normalizedCloseoutHour(good), good);
  });

  it('hours and times on the Seoul clock', () => {
    assert.equal(seoulHourOf(kst('2026-03-02T00:00:00')), 0);
    assert.equal(seoulHourOf(kst('2026-03-01T23:59:59.999')), 23);
    assert.equal(seoulDateTime(kst('2026-03-02T07:08:09.999')), '2026-03-02 07:08:09');
  });

  it('calendar dates and ranges', () => {
    for (const good of ['2026-03-01', '2028-02-29', '2026-12-31']) assert.ok(isCalendarDate(good), good);
    for (const bad of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-3-1', '20260301', '2026-03-01T00:00', ' 2026-03-01', '']) {
      assert.ok(!isCalendarDate(bad), bad);
    }
    assert.equal(daysInRange('2026-03-01', '2026-03-01'), 1);
    assert.equal(daysInRange('2026-01-01', '2026-04-02'), 92);
    assert.equal(daysInRange('2026-03-02', '2026-03-01'), 0);
    assert.deepEqual(datesInRange('2026-02-27', '2026-03-02'), ['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });
});

describe('sales summary', function () {
  // Property runs are CPU-bound; on a shared 2-core machine they need more than mocha's 30 s.
  this.timeout(180_000);
  const finals = (orders: SalesOrder[][]) => orders.map((stages) => stages[stages.length - 1]);

  it('equals the brute-force recomputation over random order histories, for random ranges', () => {
    fc.assert(
      fc.property(historyArb, fc.integer({ min: -1, max: 4 }), fc.integer({ min: 0, max: 5 }), ({ orders }, start, length) => {
        const from = datesInRange('2026-02-28', '2026-03-05')[start + 1];
        const to = datesInRange(from, '2026-03-10')[length];
        const final = finals(orders);
        assert.deepEqual(summarizeDays(from, to, daysFromOrders(final)), bruteForceSummary(final, from, to));
      }),
      { numRuns: 150 },
    );
  });

  it('trigger-style reconciliation converges to the same days, whatever the delivery order and redeliveries', () => {
    // Each delivery reconciles an order at whatever stage it has reached by then (as the trigger
    // reads the order now); stale and repeated deliveries included; the last change is delivered.
    fc.assert(
      fc.property(historyArb, fc.array(fc.nat(), { maxLength: 300 }), ({ orders }, noise) => {
        const progress = orders.map(() => 0);
        const days = new Map<string, DaySales>();
        const held = new Map<string, number>();
        const deliver = (index: number) => {
          const order = orders[index][progress[index]];
          const day = days.get(order.businessDate) ?? emptyDaySales();
          const result = reconcileOrder(day, held.get(order.orderId) ?? 0, order);
          days.set(order.businessDate, result.day);
          held.set(order.orderId, result.facts);
        };
        for (const n of noise) {
          if (orders.length === 0) break;
          const index = n % orders.length;
          if ((n >> 3) % 2 === 0 && progress[index] < orders[index].length - 1) progress[index] += 1;
          deliver(index);
        }
        orders.forEach((stages, index) => {
          progress[index] = stages.length - 1;
          deliver(index);
          deliver(index); // a redelivery of the last event
        });
        const expected = daysFromOrders(finals(orders));
        assert.deepEqual(new Map([...days].filter(([, day]) => JSON.stringify(day) !== JSON.stringify(emptyDaySales()))), expected);
      }),
      { numRuns: 120 },
    );
  });

  it('removing facts undoes adding them exactly', () => {
    fc.assert(
      fc.property(historyArb, ({ orders }) => {
        for (const stages of orders) {
          const order = stages[stages.length - 1];
          const added = applyFacts(emptyDaySales(), order, factsOf(order), 1);
          assert.deepEqual(applyFacts(added, order, factsOf(order), -1), emptyDaySales());
        }
      }),
      { numRuns: 50 },
    );
  });

  it('facts: placed always; 준비시작, ready, completed and cancelled as the order has them', () => {
    const base: SalesOrder = {
      orderId: 'o',
      channel: 'takeout',
      status: 'received',
      total: 4000,
      businessDate: '2026-03-01',
      createdAt: kst('2026-03-01T10:00:00'),
      items: [],
      prep: null,
      readyAt: null,
      completion: null,
      cancellation: null,
    };
    assert.equal(factsOf(base), FACTS.placed);
    const started = { ...base, status: 'preparing' as const, prep: { startedAt: base.createdAt + 60_000 } };
    assert.equal(factsOf(started), FACTS.placed | FACTS.started);
    assert.equal(factsOf({ ...started, readyAt: started.prep.startedAt + 1 }), FACTS.placed | FACTS.started | FACTS.ready);
    assert.equal(factsOf({ ...base, readyAt: base.createdAt }), FACTS.placed, 'ready without 준비시작 is not counted');
    assert.equal(
      factsOf({ ...started, status: 'completed', completion: { by: 'partner', at: 1 } }),
      FACTS.placed | FACTS.started | FACTS.completed,
    );
    assert.equal(
      factsOf({ ...base, status: 'cancelled', cancellation: { by: 'customer', reason: 'changed_mind', at: 1 } }),
      FACTS.placed | FACTS.cancelled,
    );
  });

  it('a worked day: per channel, cancellations, durations (auto-complete excluded), hours and best sellers', () => {
    const at = kst('2026-03-01T09:30:00');
    const order = (id: string, patch: Partial<SalesOrder>): SalesOrder => ({
      orderId: id,
      channel: 'takeout',
      status: 'received',
      total: 0,
      businessDate: '2026-03-01',
      createdAt: at,
      items: [],
      prep: null,
      readyAt: null,
      completion: null,
      cancellation: null,
      ...patch,
    });
    const latte = (quantity: number) => ({ menuItemId: 'latte', name: '카페라떼', quantity, lineTotal: 4500 * quantity });
    const orders = [
      order('a', {
        total: 9000,
        items: [latte(2)],
        status: 'completed',
        prep: { startedAt: at + 120_000 },
        completion: { by: 'partner', at: at + 420_000 },
      }),
      order('b', {
        channel: 'dine_in',
        total: 4500,
        items: [latte(1)],
        status: 'completed',
        prep: { startedAt: at + 60_000 },
        completion: { by: 'system', at: at + 3_600_000 },
      }),
      order('c', {
        channel: 'delivery',
        total: 15000,
        status: 'cancelled',
        cancellation: { by: 'partner', reason: 'sold_out', at: at + 1 },
      }),
      order('d', { createdAt: kst('2026-03-01T13:05:00'), total: 4000 }),
    ];
    const summary = summarizeDays('2026-03-01', '2026-03-01', daysFromOrders(orders));
    assert.deepEqual(summary.total, {
      orders: 4,
      completedOrders: 2,
      completedSales: 13500,
      cancelledOrders: 1,
      cancelledAmount: 15000,
      byChannel: {
        dine_in: { orders: 1, completedOrders: 1, completedSales: 4500, cancelledOrders: 0, cancelledAmount: 0 },
        takeout: { orders: 2, completedOrders: 1, completedSales: 9000, cancelledOrders: 0, cancelledAmount: 0 },
        delivery: { orders: 1, completedOrders: 0, completedSales: 0, cancelledOrders: 1, cancelledAmount: 15000 },
      },
    });
    assert.deepEqual(summary.cancellations, { byActor: { customer: 0, partner: 1, system: 0, admin: 0 }, byReason: { sold_out: 1 } });
    assert.deepEqual(summary.durations.receiptToStart, { count: 2, averageSeconds: 90, p90Seconds: 120 });
    assert.deepEqual(summary.durations.startToComplete, { count: 1, averageSeconds: 300, p90Seconds: 300 });
    assert.deepEqual(summary.durations.startToReady, { count: 0, averageSeconds: null, p90Seconds: null });
    assert.equal(summary.ordersByHour[9], 3);
    assert.equal(summary.ordersByHour[13], 1);
    assert.deepEqual(summary.topItemsByQuantity, [{ menuItemId: 'latte', name: '카페라떼', quantity: 3, amount: 13500 }]);
  });

  it('p90 is the nearest rank: of 1..10 it is 9, of 1..20 it is 18, of one value that value', () => {
    const histogram = (values: number[]) => values.reduce<Record<string, number>>((h, v) => ({ ...h, [v]: (h[v] ?? 0) + 1 }), {});
    assert.equal(durationStats(histogram([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).p90Seconds, 9);
    assert.equal(durationStats(histogram(Array.from({ length: 20 }, (_, i) => 20 - i))).p90Seconds, 18);
    assert.deepEqual(durationStats(histogram([42])), { count: 1, averageSeconds: 42, p90Seconds: 42 });
    assert.deepEqual(durationStats(histogram([1, 2])), { count: 2, averageSeconds: 2, p90Seconds: 2 });
  });
});
