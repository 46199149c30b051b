// A changed order: read before and after from the event and run what follows the change
// (app/orderEvents.ts): the customer's notice (준비 시작, 완료, 배송 준비, 발송, 송장 수정, 취소),
// once per event, and the timers the change cancels.
import type { QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { Change, FirestoreEvent, onDocumentUpdated } from 'firebase-functions/v2/firestore';
import { afterOrderChanged } from '../app/orderEvents';
import { orderFromSnapshot } from '../infra/orders';
import { FUNCTION_MEMORY } from '../memory';

export async function handleOrderUpdated(
  event: FirestoreEvent<Change<QueryDocumentSnapshot> | undefined, { orderId: string }>,
): Promise<void> {
  if (!event.data) return;
  await afterOrderChanged(orderFromSnapshot(event.data.before), orderFromSnapshot(event.data.after), event.id);
}

export const onOrderUpdated = onDocumentUpdated(
  { document: 'orders/{orderId}', retry: true, timeoutSeconds: 60, memory: FUNCTION_MEMORY.trigger },
  handleOrderUpdated,
);
