// Keeping the daily sales aggregates (infra/salesDays.ts) up to date: one transaction per order
// change, reading the order as it is now (not as the event saw it), so redelivered and out-of-order
// events converge; and the backfill for orders placed before the trigger existed.
import type { DocumentSnapshot } from 'firebase-admin/firestore';
import * as logger from 'firebase-functions/logger';
import type { Change } from 'firebase-functions/v2/firestore';
import { factsOf, reconcileOrder } from '../domain/sales';
import { now } from '../infra/clock';
import { db, firestore } from '../infra/firestore';
import { orderFromSnapshot, orderRef } from '../infra/orders';
import { ordersOfBusinessDays, salesDayFromSnapshot, salesDayRef, salesOrderOf } from '../infra/salesDays';
import { LOG_EVENTS } from '../logEvents';

export type ReconcileOutcome = 'applied' | 'unchanged' | 'order_missing';

/**
 * Brings the order's business day up to the order's current facts, in one transaction: read the
 * order and its day, apply the difference, write the day. Running it again changes nothing.
 */
export async function reconcileSalesDay(orderId: string): Promise<{ outcome: ReconcileOutcome; storeId?: string; businessDate?: string }> {
  return db().runTransaction(
    async (tx) => {
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
    },
    { maxAttempts: 10 },
  );
}

/**
 * Brings the stored days up to date with every order of the range, one order at a time: the
 * backfill for orders placed before the trigger existed. Idempotent, so it is safe to run again
 * (and alongside the trigger).
 */
export async function backfillSalesDays(
  storeId: string,
  from: string,
  to: string,
  limit = 30_000,
): Promise<{ orders: number; applied: number }> {
  const snapshot = await ordersOfBusinessDays(storeId, from, to, limit).get();
  let applied = 0;
  for (const doc of snapshot.docs) {
    if ((await reconcileSalesDay(doc.id)).outcome === 'applied') applied += 1;
  }
  return { orders: snapshot.size, applied };
}

const factsIn = (snapshot: DocumentSnapshot | undefined): number | null =>
  snapshot?.exists ? factsOf(salesOrderOf(orderFromSnapshot(snapshot))) : null;

/**
 * A write that changes none of the order's facts (a tracking refresh, a poll) costs nothing: the
 * event that did change them is delivered (and redelivered) on its own and does the work.
 */
export function changesSalesFacts(change: Change<DocumentSnapshot> | undefined): boolean {
  if (!change) return false;
  const after = factsIn(change.after);
  return after !== null && after !== factsIn(change.before);
}

/** One written order (the onOrderWrittenSales trigger): reconciles its day when its sales facts changed. */
export async function reconcileSalesDayAfterWrite(
  change: Change<DocumentSnapshot> | undefined,
  orderId: string,
  eventId: string,
): Promise<void> {
  if (!changesSalesFacts(change)) return;
  const result = await reconcileSalesDay(orderId);
  logger.info(LOG_EVENTS.salesDayReconciled, {
    orderId,
    storeId: result.storeId,
    businessDate: result.businessDate,
    outcome: result.outcome,
    eventId,
  });
}
