// Type-level test of @gocafein/client (compiled by functions/test/client/typeLevel.test.ts, never run).
// Every `@ts-expect-error` line must fail to compile; the rest must compile.
import type { Firestore } from 'firebase/firestore';
import type { Functions } from 'firebase/functions';
import { gocafein, type OrderDoc, parseError, pickupOpenOrders, type RequestOf, STATUS_LABELS, trackingUrl } from '../src/index.js';

export async function usesThePackage(functions: Functions, db: Firestore, storeId: string): Promise<string[]> {
  const api = gocafein(functions);
  const placed = await api.placeOrder({
    storeId,
    channel: 'takeout',
    requestId: 'req-00000001',
    items: [{ menuItemId: 'americano', quantity: 2, options: [{ groupId: 'size', choiceIds: ['large'] }] }],
  });
  const orderNumber: number = placed.orderNumber;
  const label: string = placed.order.statusLabel;
  const started = await api.startPreparing({ orderId: placed.orderId, prepMinutes: 10 });
  const readyAt: string | null | undefined = started.prep?.readyAt;
  await api.cancelOrder({ orderId: placed.orderId, reason: 'other', note: '재료 소진' });

  try {
    await api.completeOrder({ orderId: placed.orderId });
  } catch (error) {
    const parsed = parseError(error);
    if (parsed.reason === 'preparation_not_started') {
      const status: OrderDoc['status'] = parsed.details.status;
      return [parsed.message, status];
    }
    if (parsed.reason === 'invalid_argument') return parsed.details.fields.map((field) => field.message);
  }

  const tab = pickupOpenOrders(db, storeId);
  const order: OrderDoc | undefined = undefined as unknown as OrderDoc;
  const request: RequestOf<'shipOrder'> = { orderId: 'o1', carrier: 'cj', trackingNumber: '1234567890' };

  // @ts-expect-error a wrong channel
  await api.placeOrder({ storeId, channel: 'pickup', requestId: 'req-00000002', items: [{ menuItemId: 'm', quantity: 1 }] });
  // @ts-expect-error a missing requestId
  await api.placeOrder({ storeId, channel: 'takeout', items: [{ menuItemId: 'm', quantity: 1 }] });
  // @ts-expect-error a misspelled callable
  await api.placeOrdr({ storeId, channel: 'takeout', requestId: 'req-00000003', items: [] });
  // @ts-expect-error reading a field the response doesn't have
  const missing = placed.orderNo;
  // @ts-expect-error a carrier that doesn't exist
  await api.shipOrder({ orderId: 'o1', carrier: 'fedex', trackingNumber: '1' });
  // @ts-expect-error prepMinutes is a number
  await api.startPreparing({ orderId: 'o1', prepMinutes: '10' });
  const parsed = parseError(new Error('x'));
  if (parsed.reason === 'order_cancelled') {
    // @ts-expect-error order_cancelled carries no groupId
    void parsed.details.groupId;
  }
  // @ts-expect-error a status label that doesn't exist
  void STATUS_LABELS.delivered;

  return [
    String(orderNumber),
    label,
    String(readyAt),
    String(tab),
    String(order),
    request.carrier,
    String(missing),
    trackingUrl('cj', '1') ?? '',
  ];
}
