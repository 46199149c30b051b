// Keeps the daily sales aggregate (stores/{storeId}/salesDays/{day}) in step with the orders.
// At-least-once and in any order: each run re-reads the order in a transaction and moves its day
// to the order's current facts (infra/salesDays.ts), so a redelivered event changes nothing.
import * as logger from 'firebase-functions/logger';
import type { DocumentSnapshot } from 'firebase-admin/firestore';
import { Change, FirestoreEvent, onDocumentWritten } from 'firebase-functions/v2/firestore';
import { factsOf } from '../domain/sales';
import { orderFromSnapshot } from '../infra/orders';
import { reconcileSalesDay } from '../app/salesDays';
import { salesOrderOf } from '../infra/salesDays';
import { LOG_EVENTS } from '../logEvents';
import { FUNCTION_MEMORY } from '../memory';

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

export async function handleOrderWrittenForSales(
  event: Pick<FirestoreEvent<Change<DocumentSnapshot> | undefined, { orderId: string }>, 'data' | 'params' | 'id'>,
): Promise<void> {
  if (!changesSalesFacts(event.data)) return;
  const orderId = event.params.orderId;
  const result = await reconcileSalesDay(orderId);
  logger.info(LOG_EVENTS.salesDayReconciled, {
    orderId,
    storeId: result.storeId,
    businessDate: result.businessDate,
    outcome: result.outcome,
    eventId: event.id,
  });
}

export const onOrderWrittenSales = onDocumentWritten(
  { document: 'orders/{orderId}', retry: true, timeoutSeconds: 60, memory: FUNCTION_MEMORY.trigger },
  handleOrderWrittenForSales,
);
