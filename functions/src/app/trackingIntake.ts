// Courier tracking intake: applies one normalized tracking event (from the signed webhook or the
// polling fallback) to the shipped order(s) carrying its (carrier, tracking number), in ONE
// transaction with its dedupe record.
//
// Firestore layout:
//   trackingEvents/{sha256(eventId)}  every event received, once: what it said and what it did
//                                     (see docs/tracking.md "Data model"); expires after 90 days
//   orders/{orderId}.shipment.lastEvent / .lastCheckedAt   latest courier state, poll cursor
//
// Lookups go through (status == 'shipped', shipment.carrier, shipment.trackingNumber), so an event
// for a number that an owner has since corrected (updateTracking), or for an order that is already
// completed or cancelled, matches nothing: it is recorded as unmatched and acknowledged.
import type { DocumentReference, Transaction } from 'firebase-admin/firestore';
import * as logger from 'firebase-functions/logger';
import { Order } from '../domain/order';
import { DomainError } from '../domain/reasons';
import { OrderCommand } from '../domain/stateMachine';
import {
  snapshotOf,
  supersedes,
  TrackingEvent,
  trackingEventDocId,
  TrackingKey,
  TrackingSnapshot,
  TrackingSource,
} from '../domain/tracking';
import { now } from '../infra/clock';
import { db, toStored } from '../infra/firestore';
import { decideAsSystem, stageOrderCommand, TransitionExtension } from './runOrderCommand';
import { shippedOrdersOf } from '../infra/orderQueries';
import { orderFromSnapshot, orderRef } from '../infra/orders';

import { LOG_EVENTS, outcomeEvent } from '../logEvents';

export const TRACKING_EVENTS = 'trackingEvents';
/** Dedupe records outlive any provider's retries by far; a TTL policy on `expireAt` deletes them. */
export const TRACKING_EVENT_RETENTION_MS = 90 * 24 * 60 * 60 * 1000;

/** What one event did to one order. */
export type OrderTrackingOutcome = 'completed' | 'updated' | 'outdated' | 'ignored';
/** What one event did overall. */
export type IntakeOutcome = OrderTrackingOutcome | 'unmatched' | 'duplicate';

export interface IntakeResult {
  outcome: IntakeOutcome;
  orders: { orderId: string; storeId: string; outcome: OrderTrackingOutcome }[];
}

export function trackingEventRef(eventId: string): DocumentReference {
  return db().collection(TRACKING_EVENTS).doc(trackingEventDocId(eventId));
}

const MARK_DELIVERED: OrderCommand = { type: 'mark_delivered' };

function applyToOrder(tx: Transaction, order: Order, event: TrackingEvent, snapshot: TrackingSnapshot, at: number): OrderTrackingOutcome {
  // Couriers reuse waybill numbers and owners mistype them: a scan from before the order existed
  // belongs to some other parcel, and must neither complete this order nor become its state.
  if (event.occurredAt < order.createdAt) return 'outdated';
  if (event.status === 'delivered') {
    // The delivery report itself becomes the latest state, and the history says what caused it.
    const recordCause: TransitionExtension = ({ patch, event: entry }) => ({
      patch: patch.shipment ? { ...patch, shipment: { ...patch.shipment, lastEvent: snapshot, lastCheckedAt: at } } : patch,
      event: {
        ...entry,
        data: { ...entry.data, trackingEventId: event.eventId, source: snapshot.source, occurredAt: event.occurredAt },
      },
    });
    try {
      const staged = stageOrderCommand(tx, order, MARK_DELIVERED, decideAsSystem(MARK_DELIVERED), at, recordCause);
      return staged.outcome === 'transition' ? 'completed' : 'ignored';
    } catch (error) {
      // A denial is an answer about this order, not a failure to retry: record it and move on.
      if (error instanceof DomainError) return 'ignored';
      throw error;
    }
  }
  if (!supersedes(order.shipment?.lastEvent, snapshot)) return 'outdated';
  // A courier scan is not a state transition: no version bump, no history entry.
  tx.update(orderRef(order.orderId), toStored({ 'shipment.lastEvent': snapshot, 'shipment.lastCheckedAt': at }) as Record<string, unknown>);
  return 'updated';
}

const PRECEDENCE: readonly OrderTrackingOutcome[] = ['completed', 'updated', 'outdated', 'ignored'];

/**
 * Records one event and applies it, exactly once per eventId: the dedupe record is created in the
 * same transaction as the order change, so a failed attempt leaves nothing behind and a retry is
 * processed again, while a replay of a committed event is a no-op answered as 'duplicate'.
 */
export async function recordTrackingEvent(event: TrackingEvent, source: TrackingSource): Promise<IntakeResult> {
  const eventRef = trackingEventRef(event.eventId);
  const result = await db().runTransaction(async (tx): Promise<IntakeResult> => {
    // Reads first: a transaction reads everything before it writes.
    const seen = await tx.get(eventRef);
    if (seen.exists) return { outcome: 'duplicate', orders: [] };
    const matches = await tx.get(shippedOrdersOf(event));
    const at = now();
    const snapshot = snapshotOf(event, source, at);
    const orders = matches.docs.map((doc) => {
      const order = orderFromSnapshot(doc);
      return { orderId: order.orderId, storeId: order.storeId, outcome: applyToOrder(tx, order, event, snapshot, at) };
    });
    const outcome: IntakeOutcome = orders.length === 0 ? 'unmatched' : PRECEDENCE.find((o) => orders.some((r) => r.outcome === o))!;
    tx.create(
      eventRef,
      toStored({
        ...event,
        source,
        receivedAt: at,
        expireAt: at + TRACKING_EVENT_RETENTION_MS,
        outcome,
        orderIds: orders.map((o) => o.orderId),
      }) as Record<string, unknown>,
    );
    return { outcome, orders };
  });

  const common = { eventId: event.eventId, source, carrier: event.carrier, status: event.status };
  if (result.orders.length === 0) {
    logger.info(outcomeEvent.trackingEvent(result.outcome), common);
  }
  for (const order of result.orders) {
    logger.info(LOG_EVENTS.trackingEventApplied, {
      ...common,
      orderId: order.orderId,
      storeId: order.storeId,
      outcome: order.outcome,
    });
  }
  return result;
}

/**
 * Moves the poll cursor of an order that was just checked, if it still ships under the number that
 * was checked (an owner may have corrected it meanwhile: then the new number is due on its own).
 */
export async function markTrackingChecked(orderId: string, key: TrackingKey, at: number): Promise<boolean> {
  return db().runTransaction(async (tx) => {
    const snapshot = await tx.get(orderRef(orderId));
    if (!snapshot.exists) return false;
    const order = orderFromSnapshot(snapshot);
    const shipment = order.shipment;
    if (order.status !== 'shipped' || !shipment) return false;
    if (shipment.carrier !== key.carrier || shipment.trackingNumber !== key.trackingNumber) return false;
    if ((shipment.lastCheckedAt ?? 0) >= at) return false;
    tx.update(snapshot.ref, toStored({ 'shipment.lastCheckedAt': at }) as Record<string, unknown>);
    return true;
  });
}
