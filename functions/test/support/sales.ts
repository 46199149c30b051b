// Order histories for the sales tests, and the brute-force summary they are checked against: a
// second, deliberately naive implementation (lists, sorts, Intl for the hour) that shares nothing
// with domain/sales.ts but the definitions written in docs/sales.md.
import fc from 'fast-check';
import { businessDateOf } from '../../src/domain/businessDay';
import { ACTOR_ROLES, ActorRole, Channel, CHANNELS } from '../../src/domain/order';
import type { SalesOrder, SalesSummary } from '../../src/domain/sales';

const MENU = [
  { menuItemId: 'americano', name: '아메리카노', price: 4000 },
  { menuItemId: 'americano', name: '아메리카노(리뉴얼)', price: 4300 },
  { menuItemId: 'latte', name: '카페라떼', price: 4500 },
  { menuItemId: 'beans', name: '원두 200g', price: 12000 },
  { menuItemId: 'cake', name: '치즈케이크', price: 6500 },
];
const REASONS = ['changed_mind', 'sold_out', 'store_busy', 'other'];

/** 2026-03-01 00:00 KST. Orders fall within the four days after it. */
export const HISTORY_START = Date.parse('2026-03-01T00:00:00+09:00');
export const HISTORY_DAYS = 4;

/** Each stage an order goes through, oldest first; the last is where it ends up. */
export type OrderStages = SalesOrder[];

const line = fc
  .record({ menu: fc.constantFrom(...MENU), quantity: fc.integer({ min: 1, max: 5 }), extra: fc.constantFrom(0, 500, 800) })
  .map(({ menu, quantity, extra }) => ({
    menuItemId: menu.menuItemId,
    name: menu.name,
    quantity,
    lineTotal: (menu.price + extra) * quantity,
  }));

const MINUTE = 60_000;

/** One order's life: placed, maybe 준비시작 / ready, then maybe completed or cancelled. */
export function orderStagesArb(closeoutHour: number, index: number): fc.Arbitrary<OrderStages> {
  return fc
    .record({
      channel: fc.constantFrom<Channel>(...CHANNELS),
      createdAt: fc.integer({ min: HISTORY_START, max: HISTORY_START + HISTORY_DAYS * 24 * 60 * MINUTE }),
      items: fc.array(line, { minLength: 1, maxLength: 4 }),
      deliveryFee: fc.constantFrom(0, 3000),
      startAfterMs: fc.integer({ min: 0, max: 30 * MINUTE }),
      readyAfterMs: fc.option(fc.integer({ min: 0, max: 40 * MINUTE }), { nil: null }),
      endAfterMs: fc.integer({ min: 0, max: 90 * MINUTE }),
      path: fc.constantFrom('open', 'started', 'completed', 'auto_completed', 'cancelled_early', 'cancelled_late'),
      completedBy: fc.constantFrom<ActorRole>('partner', 'admin'),
      cancelledBy: fc.constantFrom<ActorRole>('customer', 'partner', 'admin'),
      reason: fc.constantFrom(...REASONS),
    })
    .map((g) => {
      const pickup = g.channel !== 'delivery';
      const subtotal = g.items.reduce((sum, item) => sum + item.lineTotal, 0);
      const placed: SalesOrder = {
        orderId: `order-${String(index).padStart(4, '0')}`,
        channel: g.channel,
        status: 'received',
        total: subtotal + (pickup ? 0 : g.deliveryFee),
        businessDate: businessDateOf(g.createdAt, closeoutHour),
        createdAt: g.createdAt,
        items: g.items,
        prep: null,
        readyAt: null,
        completion: null,
        cancellation: null,
      };
      const stages: SalesOrder[] = [placed];
      let current = placed;
      const next = (patch: Partial<SalesOrder>) => {
        current = { ...current, ...patch };
        stages.push(current);
      };
      const startedAt = g.createdAt + g.startAfterMs;
      const wantsStart =
        ['started', 'completed', 'cancelled_late'].includes(g.path) || (g.path === 'auto_completed' && g.startAfterMs % 2 === 0);
      if (pickup && wantsStart) {
        next({ status: 'preparing', prep: { startedAt } });
        if (g.readyAfterMs !== null) next({ readyAt: startedAt + g.readyAfterMs });
      } else if (!pickup && wantsStart) {
        next({ status: 'preparing_shipment' });
      }
      const endAt = (current.prep?.startedAt ?? g.createdAt) + g.endAfterMs;
      if (g.path === 'completed') next({ status: 'completed', completion: { by: pickup ? g.completedBy : 'system', at: endAt } });
      if (g.path === 'auto_completed') next({ status: 'completed', completion: { by: 'system', at: g.createdAt + 60 * MINUTE } });
      if (g.path === 'cancelled_early' || g.path === 'cancelled_late') {
        const by = g.path === 'cancelled_late' && g.cancelledBy === 'customer' ? 'partner' : g.cancelledBy;
        next({ status: 'cancelled', cancellation: { by, reason: g.reason, at: endAt } });
      }
      return stages;
    });
}

export const historyArb = fc
  .record({ closeoutHour: fc.integer({ min: 0, max: 6 }), size: fc.integer({ min: 0, max: 60 }) })
  .chain(({ closeoutHour, size }) =>
    fc.tuple(fc.constant(closeoutHour), fc.tuple(...Array.from({ length: size }, (_, i) => orderStagesArb(closeoutHour, i)))),
  )
  .map(([closeoutHour, orders]) => ({ closeoutHour, orders: orders as OrderStages[] }));

// ---- The brute force.

const seoulHour = (ms: number): number =>
  Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Seoul', hour: '2-digit', hourCycle: 'h23' }).format(new Date(ms)));

function stats(values: number[]) {
  if (values.length === 0) return { count: 0, averageSeconds: null, p90Seconds: null };
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return { count: sorted.length, averageSeconds: Math.round(sum / sorted.length), p90Seconds: sorted[Math.ceil(0.9 * sorted.length) - 1] };
}

const secs = (from: number, to: number) => Math.max(0, Math.floor((to - from) / 1000));

function figures(orders: SalesOrder[]) {
  const of = (list: SalesOrder[]) => ({
    orders: list.length,
    completedOrders: list.filter((o) => o.status === 'completed').length,
    completedSales: list.filter((o) => o.status === 'completed').reduce((s, o) => s + o.total, 0),
    cancelledOrders: list.filter((o) => o.status === 'cancelled').length,
    cancelledAmount: list.filter((o) => o.status === 'cancelled').reduce((s, o) => s + o.total, 0),
  });
  return {
    ...of(orders),
    byChannel: Object.fromEntries(CHANNELS.map((c) => [c, of(orders.filter((o) => o.channel === c))])) as Record<
      Channel,
      ReturnType<typeof of>
    >,
  };
}

/** The summary of `from`..`to`, recomputed from the final orders alone. */
export function bruteForceSummary(orders: readonly SalesOrder[], from: string, to: string): SalesSummary {
  const inRange = orders.filter((o) => o.businessDate >= from && o.businessDate <= to);
  const dates: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d = new Date(d.getTime() + 86_400_000)) {
    dates.push(d.toISOString().slice(0, 10));
  }
  const cancelled = inRange.filter((o) => o.status === 'cancelled');
  const byReason: Record<string, number> = {};
  for (const o of [...cancelled].sort((a, b) => (a.cancellation!.reason < b.cancellation!.reason ? -1 : 1))) {
    byReason[o.cancellation!.reason] = (byReason[o.cancellation!.reason] ?? 0) + 1;
  }
  const items = new Map<string, { menuItemId: string; name: string; quantity: number; amount: number }>();
  for (const o of inRange.filter((x) => x.status === 'completed')) {
    for (const l of o.items) {
      const key = JSON.stringify([l.menuItemId, l.name]);
      const row = items.get(key) ?? { menuItemId: l.menuItemId, name: l.name, quantity: 0, amount: 0 };
      row.quantity += l.quantity;
      row.amount += l.lineTotal;
      items.set(key, row);
    }
  }
  const tie = (a: { menuItemId: string; name: string }, b: { menuItemId: string; name: string }) =>
    (a.menuItemId < b.menuItemId ? -1 : a.menuItemId > b.menuItemId ? 1 : 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const all = [...items.values()];
  const started = inRange.filter((o) => o.prep);
  return {
    from,
    to,
    days: dates.map((date) => ({ businessDate: date, ...figures(inRange.filter((o) => o.businessDate === date)) })),
    total: figures(inRange),
    cancellations: {
      byActor: Object.fromEntries(ACTOR_ROLES.map((r) => [r, cancelled.filter((o) => o.cancellation!.by === r).length])) as Record<
        ActorRole,
        number
      >,
      byReason,
    },
    durations: {
      receiptToStart: stats(started.map((o) => secs(o.createdAt, o.prep!.startedAt))),
      startToReady: stats(started.filter((o) => o.readyAt != null).map((o) => secs(o.prep!.startedAt, o.readyAt!))),
      startToComplete: stats(
        started
          .filter((o) => o.status === 'completed' && o.completion!.by !== 'system')
          .map((o) => secs(o.prep!.startedAt, o.completion!.at)),
      ),
    },
    ordersByHour: Array.from({ length: 24 }, (_, h) => inRange.filter((o) => seoulHour(o.createdAt) === h).length),
    topItemsByQuantity: [...all].sort((a, b) => b.quantity - a.quantity || b.amount - a.amount || tie(a, b)).slice(0, 10),
    topItemsByAmount: [...all].sort((a, b) => b.amount - a.amount || b.quantity - a.quantity || tie(a, b)).slice(0, 10),
  };
}
