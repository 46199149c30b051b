// The server's queries over orders (each needs the composite index its comment names; see
// test/rules/indexCoverage.test.ts). Builders only: the use cases in app/ run them.
import type { Query } from 'firebase-admin/firestore';
import { OPEN_PICKUP_STATUSES, TERMINAL_STATUSES } from '../domain/lifecycle';
import { MAX_ORDERS_PER_PARCEL, TrackingKey } from '../domain/tracking';
import { db, firestore, toStored } from './firestore';
import { ORDERS } from './orders';

/**
 * Open pickup orders due by `at`, oldest first. Delivery orders have no autoCompleteAt, so the
 * range filter never returns them. Needs the composite index (status, autoCompleteAt).
 */
export function overdueOrdersQuery(at: number, batchSize: number): Query {
  return db()
    .collection(ORDERS)
    .where('status', 'in', [...OPEN_PICKUP_STATUSES])
    .where('autoCompleteAt', '<=', toStored(at, 'autoCompleteAt'))
    .orderBy('autoCompleteAt')
    .limit(batchSize);
}

/**
 * Ended orders that still hold personal data and have not changed since the cutoff. For an ended
 * order `updatedAt` is when it ended (a later courier event can only push it back, never forward),
 * so this finds a subset of the due orders; the transaction checks the exact end time.
 */
export function redactionCandidatesQuery(cutoff: number, limit: number) {
  return db()
    .collection(ORDERS)
    .where('personalDataRedactedAt', '==', null)
    .where('status', 'in', [...TERMINAL_STATUSES])
    .where('updatedAt', '<=', toStored(cutoff, 'updatedAt'))
    .orderBy('updatedAt', 'asc')
    .limit(limit);
}

/** Shipped orders of one parcel. Index: orders (status, shipment.carrier, shipment.trackingNumber). */
export function shippedOrdersOf(key: TrackingKey): Query {
  return db()
    .collection(ORDERS)
    .where('status', '==', 'shipped')
    .where('shipment.carrier', '==', key.carrier)
    .where('shipment.trackingNumber', '==', key.trackingNumber)
    .limit(MAX_ORDERS_PER_PARCEL);
}

/** Shipped orders whose tracking was last refreshed at or before `cutoff`, oldest first.
 * Index: orders (status, shipment.lastCheckedAt). */
export function staleShipments(cutoff: number, limit: number): Query {
  return db()
    .collection(ORDERS)
    .where('status', '==', 'shipped')
    .where('shipment.lastCheckedAt', '<=', firestore().Timestamp.fromMillis(cutoff))
    .orderBy('shipment.lastCheckedAt')
    .limit(limit);
}
