// Orders placed through the real placeOrder callable, and their stored history.
import { placeOrder } from '../../src/callables/placeOrder';
import { db } from '../../src/infra/firestore';
import { as, call } from './callables';
import { DELIVERY, requestId, STORE_ID } from './fixtures';

export const CUSTOMER = 'customer-1';

export async function placePickup(channel: 'dine_in' | 'takeout' = 'takeout', customerUid = CUSTOMER): Promise<string> {
  const result = await call(
    placeOrder,
    {
      storeId: STORE_ID,
      channel,
      requestId: requestId(),
      items: [{ menuItemId: 'americano', quantity: 1, options: [{ groupId: 'size', choiceIds: ['regular'] }] }],
    },
    as.customer(customerUid),
  );
  return result.orderId;
}

export async function placeDelivery(customerUid = CUSTOMER): Promise<string> {
  const result = await call(
    placeOrder,
    { storeId: STORE_ID, channel: 'delivery', requestId: requestId(), items: [{ menuItemId: 'beans', quantity: 1 }], delivery: DELIVERY },
    as.customer(customerUid),
  );
  return result.orderId;
}

export async function storedOrder(orderId: string) {
  return (await db().doc(`orders/${orderId}`).get()).data()!;
}

export async function historyOf(orderId: string) {
  const snapshot = await db().collection(`orders/${orderId}/events`).orderBy('version').get();
  return snapshot.docs.map((doc) => ({ id: doc.id, ...doc.data() }) as Record<string, unknown> & { id: string });
}
