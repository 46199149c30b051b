// Firestore layout of orders:
//   orders/{orderId}                   the order (see README "Order document")
//   orders/{orderId}/events/{version}  one history entry per transition, id = zero-padded version
import type { DocumentReference, DocumentSnapshot, Transaction } from 'firebase-admin/firestore';
import { Order } from '../domain/order';
import { OrderEvent, OrderPatch } from '../domain/stateMachine';
import { db, fromStored, toStored } from './firestore';

export const ORDERS = 'orders';
export const EVENTS = 'events';

export function orderRef(orderId: string): DocumentReference {
  return db().collection(ORDERS).doc(orderId);
}

/** Event ids sort in version order, and a second write of the same version fails in its transaction. */
export function eventRef(orderId: string, version: number): DocumentReference {
  return orderRef(orderId).collection(EVENTS).doc(String(version).padStart(6, '0'));
}

export function orderFromSnapshot(snapshot: DocumentSnapshot): Order {
  return { ...fromStored<Omit<Order, 'orderId'>>(snapshot.data()), orderId: snapshot.id };
}

export function orderToStored(order: Order) {
  const { orderId: _omit, ...fields } = order;
  return toStored(fields) as Record<string, unknown>;
}

/**
 * History entries carry their order's storeId and customerUid so security rules can authorize
 * reading them without a get() of the order.
 */
export function eventToStored(order: Pick<Order, 'storeId' | 'customerUid'>, event: OrderEvent) {
  return toStored({ ...event, storeId: order.storeId, customerUid: order.customerUid }) as Record<string, unknown>;
}

/** Writes one transition: the order patch and its history entry, in the caller's transaction. */
export function writeTransition(
  tx: Transaction,
  order: Pick<Order, 'orderId' | 'storeId' | 'customerUid'>,
  patch: OrderPatch,
  event: OrderEvent,
): void {
  tx.update(orderRef(order.orderId), toStored(patch) as Record<string, unknown>);
  tx.create(eventRef(order.orderId, event.version), eventToStored(order, event));
}
