// Firestore layout of orders:
//   orders/{orderId}                   the order (docs/orders.md "Data model")
//   orders/{orderId}/events/{version}  one history entry per transition, id = zero-padded version
//   orders/{orderId}/staffActions/{version}  which partner/admin uid made that transition: the
//                                      store's members read it, the customer doesn't (domain/privacy.ts)
import type { DocumentReference, DocumentSnapshot, Transaction } from 'firebase-admin/firestore';
import { Order } from '../domain/order';
import { withoutStaffIdentity } from '../domain/privacy';
import { OrderEvent, OrderPatch } from '../domain/stateMachine';
import { db, fromStored, toStored } from './firestore';

export const ORDERS = 'orders';
export const EVENTS = 'events';
export const STAFF_ACTIONS = 'staffActions';

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

export function staffActionRef(orderId: string, version: number): DocumentReference {
  return orderRef(orderId).collection(STAFF_ACTIONS).doc(String(version).padStart(6, '0'));
}

/**
 * Writes one transition: the order patch and its history entry, in the caller's transaction. Both
 * are customer-readable, so a partner's or admin's uid is left out of them (the role stays) and
 * written to the members-only staff action of the same version.
 */
export function writeTransition(
  tx: Transaction,
  order: Pick<Order, 'orderId' | 'storeId' | 'customerUid'>,
  patch: OrderPatch,
  event: OrderEvent,
): void {
  const visible = withoutStaffIdentity(patch, event);
  tx.update(orderRef(order.orderId), toStored(visible.patch) as Record<string, unknown>);
  tx.create(eventRef(order.orderId, event.version), eventToStored(order, visible.event));
  if (visible.staffAction) {
    tx.create(
      staffActionRef(order.orderId, event.version),
      toStored({ ...visible.staffAction, storeId: order.storeId }) as Record<string, unknown>,
    );
  }
}
