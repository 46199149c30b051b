// The one order factory of the tests: an order exactly as `place` creates it (domain/lifecycle.ts
// placedOrder, the factory placeOrder uses), with any fields overridden. Pure: no Firebase.
import { OrderEvent, Placement, placedOrder } from '../../src/domain/lifecycle';
import { AUTO_COMPLETE_AFTER_MS, Channel, flowOf, Order } from '../../src/domain/order';

export const ORDER_T0 = Date.UTC(2026, 10, 26, 3, 0, 0); // 2026-11-26 12:00 KST

/** The placement the tests start from: a 4,000원 order (plus the 3,000원 delivery fee) at ORDER_T0. */
export function placement(channel: Channel = 'takeout', overrides: Partial<Placement> = {}): Placement {
  const pickup = flowOf(channel) === 'pickup';
  return {
    orderId: 'order-1',
    store: { storeId: 'store-1', name: '테스트점' },
    customerUid: 'customer-1',
    requestId: 'req-1',
    channel,
    priced: { items: [], subtotal: 4000, deliveryFee: pickup ? 0 : 3000, total: pickup ? 4000 : 7000 },
    orderNumber: 1,
    businessDate: '2026-11-26',
    customerNote: null,
    delivery: null,
    at: ORDER_T0,
    autoCompleteAfterMs: AUTO_COMPLETE_AFTER_MS,
    ...overrides,
  };
}

/** A new order and its creation entry; `fields` then override any field of the order. */
export function placed(
  channel: Channel = 'takeout',
  fields: Partial<Order> = {},
  overrides: Partial<Placement> = {},
): { order: Order; event: OrderEvent } {
  const { order, event } = placedOrder(placement(channel, overrides));
  return { order: { ...order, ...fields }, event };
}

/** A new order (see `placed`). */
export function newOrder(channel: Channel = 'takeout', fields: Partial<Order> = {}, overrides: Partial<Placement> = {}): Order {
  return placed(channel, fields, overrides).order;
}
