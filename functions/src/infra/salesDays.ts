// Firestore layout of the daily sales aggregates (docs/sales.md):
//   stores/{storeId}/salesDays/{YYYY-MM-DD}   { storeId, businessDate, sales: DaySales, facts: {orderId: bits}, version, updatedAt }
// Maintained by the onOrderWrittenSales trigger, one transaction per order change, reading the
// order as it is now (not as the event saw it), so redelivered and out-of-order events converge.
import type { DocumentReference, DocumentSnapshot, Query } from 'firebase-admin/firestore';
import { DaySales, emptyDaySales, reconcileOrder, SalesOrder } from '../domain/sales';
import { Order } from '../domain/order';
import { now } from './clock';
import { db, firestore } from './firestore';
import { orderFromSnapshot, orderRef, ORDERS } from './orders';
import { storeRef } from './stores';

export const SALES_DAYS = 'salesDays';

export function salesDayRef(storeId: string, businessDate: string): DocumentReference {
  return storeRef(storeId).collection(SALES_DAYS).doc(businessDate);
}

/** The order as the sales figures see it; `readyAt` is read when a stored order has one. */
export function salesOrderOf(order: Order & { readyAt?: number | null }): SalesOrder {
  return {
    orderId: order.orderId,
    channel: order.channel,
    status: order.status,
    total: order.total,
    businessDate: order.businessDate,
    createdAt: order.createdAt,
    items: order.items,
    prep: order.prep,
    readyAt: order.readyAt ?? null,
    completion: order.completion,
    cancellation: order.cancellation,
  };
}

export interface StoredSalesDay {
  sales: DaySales;
  facts: Record<string, number>;
  version: number;
}

/** Stored without the `...At` time conversion: the aggregate holds counts and seconds, not times. */
export function salesDayFromSnapshot(snapshot: DocumentSnapshot): StoredSalesDay {
  if (!snapshot.exists) return { sales: emptyDaySales(), facts: {}, version: 0 };
  const data = snapshot.data() as Partial<StoredSalesDay>;
  return { sales: { ...emptyDaySales(), ...(data.sales ?? {}) }, facts: data.facts ?? {}, version: data.version ?? 0 };
}

export type ReconcileOutcome = 'applied' | 'unchanged' | 'order_missing';

/**
 * Brings the order's business day up to the order's current facts, in one transaction: read the
 * order and its day, apply the difference, write the day. Running it again changes nothing.
 */
export async function reconcileSalesDay(orderId: string): Promise<{ outcome: ReconcileOutcome; storeId?: string; businessDate?: string }> {
  return db().runTransaction(async (tx) => {
    const orderSnapshot = await tx.get(orderRef(orderId));
    if (!orderSnapshot.exists) return { outcome: 'order_missing' as const };
    const order = salesOrderOf(orderFromSnapshot(orderSnapshot));
    const storeId = orderSnapshot.get('storeId') as string;
    const ref = salesDayRef(storeId, order.businessDate);
    const stored = salesDayFromSnapshot(await tx.get(ref));
    const { day, facts, changed } = reconcileOrder(stored.sales, stored.facts[orderId] ?? 0, order);
    if (!changed) return { outcome: 'unchanged' as const, storeId, businessDate: order.businessDate };
    tx.set(ref, {
      storeId,
      businessDate: order.businessDate,
      sales: day,
      facts: { ...stored.facts, [orderId]: facts },
      version: stored.version + 1,
      updatedAt: firestore().Timestamp.fromMillis(now()),
    });
    return { outcome: 'applied' as const, storeId, businessDate: order.businessDate };
    // Every order of a store and day contends on its day document (a busy lunch hour); past
    // these attempts the trigger fails and Eventarc redelivers it (retry: true).
  }, { maxAttempts: 10 });
}

/** The stored days of a store from `from` to `to` (one query; a day without orders has no document). */
export async function readSalesDays(storeId: string, from: string, to: string): Promise<Map<string, DaySales>> {
  const snapshot = await storeRef(storeId)
    .collection(SALES_DAYS)
    .where('businessDate', '>=', from)
    .where('businessDate', '<=', to)
    .select('businessDate', 'sales')
    .get();
  const days = new Map<string, DaySales>();
  for (const doc of snapshot.docs) days.set(doc.get('businessDate') as string, salesDayFromSnapshot(doc).sales);
  return days;
}

/** A store's orders of business days `from`..`to`, in day and number order (the export's query). */
export function ordersOfBusinessDays(storeId: string, from: string, to: string, limit: number): Query {
  return db()
    .collection(ORDERS)
    .where('storeId', '==', storeId)
    .where('businessDate', '>=', from)
    .where('businessDate', '<=', to)
    .orderBy('businessDate')
    .orderBy('orderNumber')
    .limit(limit);
}

/**
 * Brings the stored days up to date with every order of the range, one order at a time: the
 * backfill for orders placed before the trigger existed. Idempotent, so it is safe to run again
 * (and alongside the trigger).
 */
export async function backfillSalesDays(storeId: string, from: string, to: string, limit = 30_000): Promise<{ orders: number; applied: number }> {
  const snapshot = await ordersOfBusinessDays(storeId, from, to, limit).get();
  let applied = 0;
  for (const doc of snapshot.docs) {
    if ((await reconcileSalesDay(doc.id)).outcome === 'applied') applied += 1;
  }
  return { orders: snapshot.size, applied };
}
