// Keeps the daily sales aggregate (stores/{storeId}/salesDays/{day}) in step with the orders.
// At-least-once and in any order: each run re-reads the order in a transaction and moves its day
// to the order's current facts (app/salesDays.ts), so a redelivered event changes nothing.
import type { DocumentSnapshot } from 'firebase-admin/firestore';
import { Change, FirestoreEvent, onDocumentWritten } from 'firebase-functions/v2/firestore';
import { reconcileSalesDayAfterWrite } from '../app/salesDays';
import { FUNCTION_MEMORY } from '../memory';

export async function handleOrderWrittenForSales(
  event: Pick<FirestoreEvent<Change<DocumentSnapshot> | undefined, { orderId: string }>, 'data' | 'params' | 'id'>,
): Promise<void> {
  await reconcileSalesDayAfterWrite(event.data, event.params.orderId, event.id);
}

export const onOrderWrittenSales = onDocumentWritten(
  { document: 'orders/{orderId}', retry: true, timeoutSeconds: 60, memory: FUNCTION_MEMORY.trigger },
  handleOrderWrittenForSales,
);
