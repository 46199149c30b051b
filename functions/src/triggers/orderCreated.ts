// A new order: read it from the event and run what follows a placement (app/orderEvents.ts): the
// store's new-order push and the order's timers on Cloud Tasks.
import type { QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { FirestoreEvent, onDocumentCreated } from 'firebase-functions/v2/firestore';
import { afterOrderPlaced } from '../app/orderEvents';
import { orderFromSnapshot } from '../infra/orders';
import { FUNCTION_MEMORY } from '../memory';

export async function handleOrderCreated(event: FirestoreEvent<QueryDocumentSnapshot | undefined, { orderId: string }>): Promise<void> {
  if (!event.data) return;
  await afterOrderPlaced(orderFromSnapshot(event.data), event.id);
}

export const onOrderCreated = onDocumentCreated(
  { document: 'orders/{orderId}', retry: true, timeoutSeconds: 60, memory: FUNCTION_MEMORY.trigger },
  handleOrderCreated,
);
