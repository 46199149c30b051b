// Daily sales (매출) of a store: what an owner checks at closing time. Pure: no Firebase imports.
//
// Each business day has one aggregate (DaySales) built from the orders of that day. An order adds
// to it in steps ("facts"): placed, 준비시작 (prep started), ready, completed, cancelled. Every
// fact depends only on fields that never change once set (createdAt, channel, total, items,
// prep.startedAt, readyAt, completion, cancellation), so the aggregate can record which facts of
// each order it holds and move from any recorded set to the order's current set exactly: a
// redelivered or out-of-order trigger changes nothing twice (infra/salesDays.ts).
// The summary of a range merges the days. All amounts are integer KRW; durations whole seconds.
import { businessDateOf, datesInRange, seoulHourOf } from './businessDay';
import { ACTOR_ROLES, ActorRole, Channel, CHANNELS, OrderItem, OrderStatus } from './order';

/** What the sales figures read of an order. `readyAt` is optional until a 준비완료 step exists. */
export interface SalesOrder {
  orderId: string;
  channel: Channel;
  status: OrderStatus;
  total: number;
  businessDate: string;
  createdAt: number;
  items: readonly Pick<OrderItem, 'menuItemId' | 'name' | 'quantity' | 'lineTotal'>[];
  prep: { startedAt: number } | null;
  readyAt?: number | null;
  completion: { by: ActorRole; at: number } | null;
  cancellation: { by: ActorRole; reason: string; at: number } | null;
}

export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = { dine_in: '매장', takeout: '포장', delivery: '배송' };

/** Bits of the facts an aggregate holds for one order. */
export const FACTS = { placed: 1, started: 2, ready: 4, completed: 8, cancelled: 16 } as const;
type FactName = keyof typeof FACTS;
const FACT_NAMES = Object.keys(FACTS) as FactName[];

export const DURATIONS = ['receiptToStart', 'startToReady', 'startToComplete'] as const;
export type DurationName = (typeof DURATIONS)[number];

/** The facts an order in this state contributes. */
export function factsOf(order: SalesOrder): number {
  let facts = FACTS.placed;
  if (order.prep) facts |= FACTS.started;
  if (order.prep && order.readyAt != null) facts |= FACTS.ready;
  if (order.status === 'completed' && order.completion) facts |= FACTS.completed;
  if (order.status === 'cancelled' && order.cancellation) facts |= FACTS.cancelled;
  return facts;
}

const seconds = (fromMs: number, toMs: number): number => Math.max(0, Math.floor((toMs - fromMs) / 1000));

/**
 * The durations an order contributes, by fact. 준비시작→완료 leaves out orders the system completed
 * (the one-hour auto-complete measures the timer, not the kitchen). Only pickup orders have 준비시작.
 */
export function durationsOf(order: SalesOrder): Partial<Record<DurationName, number>> {
  const out: Partial<Record<DurationName, number>> = {};
  if (!order.prep) return out;
  out.receiptToStart = seconds(order.createdAt, order.prep.startedAt);
  if (order.readyAt != null) out.startToReady = seconds(order.prep.startedAt, order.readyAt);
  if (order.status === 'completed' && order.completion && order.completion.by !== 'system') {
    out.startToComplete = seconds(order.prep.startedAt, order.completion.at);
  }
  return out;
}

export interface ChannelFigures {
  orders: number;
  completedOrders: number;
  completedSales: number;
  cancelledOrders: number;
  cancelledAmount: number;
}

export interface ItemSales {
  menuItemId: string;
  /** The name as ordered: an item renamed mid-range appears once per name. */
  name: string;
  quantity: number;
  amount: number;
}

/** One business day's aggregate, as stored (JSON-safe). Histograms map whole seconds to counts. */
export interface DaySales {
  byChannel: Record<Channel, ChannelFigures>;
  cancelledByActor: Record<string, number>;
  cancelledByReason: Record<string, number>;
  durations: Record<DurationName, Record<string, number>>;
  ordersByHour: number[];
  items: ItemSales[];
}

const zeroFigures = (): ChannelFigures => ({ orders: 0, completedOrders: 0, completedSales: 0, cancelledOrders: 0, cancelledAmount: 0 });

export function emptyDaySales(): DaySales {
  return {
    byChannel: Object.fromEntries(CHANNELS.map((channel) => [channel, zeroFigures()])) as Record<Channel, ChannelFigures>,
    cancelledByActor: {},
    cancelledByReason: {},
    durations: Object.fromEntries(DURATIONS.map((name) => [name, {}])) as Record<DurationName, Record<string, number>>,
    ordersByHour: new Array<number>(24).fill(0),
    items: [],
  };
}

function bump(map: Record<string, number>, key: string, by: number): void {
  const next = (map[key] ?? 0) + by;
  if (next === 0) delete map[key];
  else map[key] = next;
}

function compareItems(a: ItemSales, b: ItemSales): number {
  if (a.menuItemId !== b.menuItemId) return a.menuItemId < b.menuItemId ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Adds (sign 1) or removes (sign -1) the given facts of one order. Returns a new aggregate. */
export function applyFacts(day: DaySales, order: SalesOrder, facts: number, sign: 1 | -1): DaySales {
  const next: DaySales = structuredClone(day);
  const figures = next.byChannel[order.channel];
  const durations = durationsOf(order);
  for (const fact of FACT_NAMES) {
    if ((facts & FACTS[fact]) === 0) continue;
    switch (fact) {
      case 'placed':
        figures.orders += sign;
        next.ordersByHour[seoulHourOf(order.createdAt)] += sign;
        break;
      case 'started':
        if (durations.receiptToStart !== undefined) bump(next.durations.receiptToStart, String(durations.receiptToStart), sign);
        break;
      case 'ready':
        if (durations.startToReady !== undefined) bump(next.durations.startToReady, String(durations.startToReady), sign);
        break;
      case 'completed':
        figures.completedOrders += sign;
        figures.completedSales += sign * order.total;
        if (durations.startToComplete !== undefined) bump(next.durations.startToComplete, String(durations.startToComplete), sign);
        for (const line of order.items) addItem(next.items, line, sign);
        break;
      case 'cancelled':
        figures.cancelledOrders += sign;
        figures.cancelledAmount += sign * order.total;
        bump(next.cancelledByActor, order.cancellation!.by, sign);
        bump(next.cancelledByReason, order.cancellation!.reason, sign);
        break;
    }
  }
  next.items.sort(compareItems);
  return next;
}

function addItem(items: ItemSales[], line: SalesOrder['items'][number], sign: 1 | -1): void {
  const index = items.findIndex((item) => item.menuItemId === line.menuItemId && item.name === line.name);
  const row = index >= 0 ? items[index] : { menuItemId: line.menuItemId, name: line.name, quantity: 0, amount: 0 };
  row.quantity += sign * line.quantity;
  row.amount += sign * line.lineTotal;
  if (index < 0) items.push(row);
  else if (row.quantity === 0 && row.amount === 0) items.splice(index, 1);
}

/**
 * Moves a day from the facts it holds for this order to the order's current facts. `changed` is
 * false when it already holds them (a redelivered trigger), and then `day` is the input unchanged.
 */
export function reconcileOrder(day: DaySales, heldFacts: number, order: SalesOrder): { day: DaySales; facts: number; changed: boolean } {
  const facts = factsOf(order);
  if (facts === heldFacts) return { day, facts, changed: false };
  const removed = heldFacts & ~facts; // none in the lifecycle as it is; kept exact if one is ever undone
  const added = facts & ~heldFacts;
  let next = day;
  if (removed) next = applyFacts(next, order, removed, -1);
  if (added) next = applyFacts(next, order, added, 1);
  return { day: next, facts, changed: true };
}

// ---- The summary of a range of days.

export interface SalesFigures extends ChannelFigures {
  byChannel: Record<Channel, ChannelFigures>;
}

export interface DurationStats {
  count: number;
  averageSeconds: number | null;
  /** Nearest-rank 90th percentile: the smallest value at or above 90% of the orders. */
  p90Seconds: number | null;
}

export interface SalesSummary {
  from: string;
  to: string;
  days: (SalesFigures & { businessDate: string })[];
  total: SalesFigures;
  cancellations: { byActor: Record<ActorRole, number>; byReason: Record<string, number> };
  durations: Record<DurationName, DurationStats>;
  ordersByHour: number[];
  topItemsByQuantity: ItemSales[];
  topItemsByAmount: ItemSales[];
}

export const TOP_ITEMS = 10;

function figuresOf(byChannel: Record<Channel, ChannelFigures>): SalesFigures {
  const total = zeroFigures();
  for (const channel of CHANNELS) {
    for (const key of Object.keys(total) as (keyof ChannelFigures)[]) total[key] += byChannel[channel][key];
  }
  return { ...total, byChannel: structuredClone(byChannel) };
}

export function durationStats(histogram: Readonly<Record<string, number>>): DurationStats {
  const buckets = Object.entries(histogram)
    .map(([value, count]) => [Number(value), count] as const)
    .filter(([, count]) => count > 0)
    .sort((a, b) => a[0] - b[0]);
  const count = buckets.reduce((sum, [, n]) => sum + n, 0);
  if (count === 0) return { count: 0, averageSeconds: null, p90Seconds: null };
  const sum = buckets.reduce((total, [value, n]) => total + value * n, 0);
  const rank = Math.ceil(0.9 * count);
  let seen = 0;
  let p90 = buckets[buckets.length - 1][0];
  for (const [value, n] of buckets) {
    seen += n;
    if (seen >= rank) {
      p90 = value;
      break;
    }
  }
  return { count, averageSeconds: Math.round(sum / count), p90Seconds: p90 };
}

function rankItems(items: ItemSales[], by: 'quantity' | 'amount'): ItemSales[] {
  const other = by === 'quantity' ? 'amount' : 'quantity';
  return [...items].sort((a, b) => b[by] - a[by] || b[other] - a[other] || compareItems(a, b)).slice(0, TOP_ITEMS);
}

/** The summary of `from`..`to` from the days' aggregates; a day without one had no orders. */
export function summarizeDays(from: string, to: string, days: ReadonlyMap<string, DaySales>): SalesSummary {
  const merged = emptyDaySales();
  const perDay: SalesSummary['days'] = [];
  for (const date of datesInRange(from, to)) {
    const day = days.get(date) ?? emptyDaySales();
    perDay.push({ businessDate: date, ...figuresOf(day.byChannel) });
    for (const channel of CHANNELS) {
      for (const key of Object.keys(merged.byChannel[channel]) as (keyof ChannelFigures)[]) {
        merged.byChannel[channel][key] += day.byChannel[channel][key];
      }
    }
    for (const [actor, n] of Object.entries(day.cancelledByActor)) bump(merged.cancelledByActor, actor, n);
    for (const [reason, n] of Object.entries(day.cancelledByReason)) bump(merged.cancelledByReason, reason, n);
    for (const name of DURATIONS) {
      for (const [value, n] of Object.entries(day.durations[name] ?? {})) bump(merged.durations[name], value, n);
    }
    day.ordersByHour.forEach((n, hour) => (merged.ordersByHour[hour] += n));
    for (const item of day.items) {
      addItem(merged.items, { menuItemId: item.menuItemId, name: item.name, quantity: item.quantity, lineTotal: item.amount }, 1);
    }
  }
  const byActor = Object.fromEntries(ACTOR_ROLES.map((role) => [role, merged.cancelledByActor[role] ?? 0])) as Record<ActorRole, number>;
  const byReason = Object.fromEntries(Object.entries(merged.cancelledByReason).sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    from,
    to,
    days: perDay,
    total: figuresOf(merged.byChannel),
    cancellations: { byActor, byReason },
    durations: Object.fromEntries(DURATIONS.map((name) => [name, durationStats(merged.durations[name])])) as Record<
      DurationName,
      DurationStats
    >,
    ordersByHour: merged.ordersByHour,
    topItemsByQuantity: rankItems(merged.items, 'quantity'),
    topItemsByAmount: rankItems(merged.items, 'amount'),
  };
}

/** The aggregate of each business day, straight from a set of orders (each at its current facts). */
export function daysFromOrders(orders: readonly SalesOrder[]): Map<string, DaySales> {
  const days = new Map<string, DaySales>();
  for (const order of orders) {
    days.set(order.businessDate, applyFacts(days.get(order.businessDate) ?? emptyDaySales(), order, factsOf(order), 1));
  }
  return days;
}

/** The business day an order placed at this instant belongs to (re-exported for callers of sales). */
export { businessDateOf };
