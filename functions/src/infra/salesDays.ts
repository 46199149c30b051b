// Firestore layout of the daily sales aggregates (docs/sales.md):
//   stores/{storeId}/salesDays/{YYYY-MM-DD}   { storeId, businessDate, sales: DaySales, facts: {orderId: bits}, version, updatedAt }
// Maintained by the onOrderWrittenSales trigger through app/salesDays.ts.
import type { DocumentReference, DocumentSnapshot, Query } from 'firebase-admin/firestore';
import { DaySales, emptyDaySales, SalesOrder } from '../domain/sales';
import { Order } from '../domain/order';
import { db } from './firestore';
import { ORDERS } from './orders';
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
