// Courier tracking in domain terms: the one normalized event every source (signed webhook, polling
// fallback) is turned into, the latest tracking state kept on a shipped order, and the rule that
// decides whether a newly received event replaces it. Pure TypeScript: no Firebase imports.
import { createHash } from 'node:crypto';

/**
 * Normalized parcel states. They follow the general status codes of Delivery Tracker
 * (TrackEventStatusCode), lower-cased, so a provider's codes map one to one (see docs/tracking.md).
 */
export const TRACKING_STATUSES = [
  'information_received',
  'at_pickup',
  'in_transit',
  'out_for_delivery',
  'attempt_fail',
  'delivered',
  'available_for_pickup',
  'exception',
  'unknown',
] as const;
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

/** What the customer app shows for the latest tracking state. */
export const TRACKING_STATUS_LABELS: Record<TrackingStatus, string> = {
  information_received: '송장 등록',
  at_pickup: '집화 완료',
  in_transit: '배송 중',
  out_for_delivery: '배송 출발',
  attempt_fail: '배송 실패',
  delivered: '배송 완료',
  available_for_pickup: '수령 대기',
  exception: '배송 확인 필요',
  unknown: '배송 조회 중',
};

export const TRACKING_SOURCES = ['webhook', 'poll'] as const;
export type TrackingSource = (typeof TRACKING_SOURCES)[number];

/** One courier scan, normalized. `carrier` is our carrier code (domain/carriers.ts) when known. */
/** Several orders can ship in one parcel; more than this under one number is not a real parcel. */
export const MAX_ORDERS_PER_PARCEL = 10;

/** One parcel: its carrier and its (normalized) tracking number. */
export interface TrackingKey {
  carrier: string;
  trackingNumber: string;
}

export interface TrackingEvent {
  eventId: string;
  carrier: string;
  trackingNumber: string;
  status: TrackingStatus;
  /** When the courier scanned the parcel, epoch ms (the courier's clock, not ours). */
  occurredAt: number;
  location: string | null;
  description: string | null;
}

/** The latest tracking state stored on an order as `shipment.lastEvent`. */
export interface TrackingSnapshot {
  eventId: string;
  source: TrackingSource;
  status: TrackingStatus;
  occurredAt: number;
  location: string | null;
  description: string | null;
  /** When we recorded it (server time). */
  receivedAt: number;
}

/** A provider's status string → our status. Unknown codes become 'unknown' rather than an error, so a
 * provider that adds a status does not make us refuse its events. */
export function toTrackingStatus(raw: string): TrackingStatus {
  const normalized = raw.trim().toLowerCase();
  return (TRACKING_STATUSES as readonly string[]).includes(normalized) ? (normalized as TrackingStatus) : 'unknown';
}

export const MAX_SCAN_AHEAD_MS = 24 * 60 * 60 * 1000;

/** No courier event we track is older than this (2000-01-01T00:00:00Z). */
export const EARLIEST_COURIER_TIME_MS = Date.UTC(2000, 0, 1);

/**
 * Whether a courier time is one we can believe and store: from 2000 up to a day ahead of our clock.
 * Outside it (epoch microseconds, year 0, year 9999 with an offset) Firestore's Timestamp may not
 * even hold it, so the webhook refuses it and the poller treats it as absent.
 */
export function isPlausibleCourierTime(ms: number, now: number): boolean {
  return Number.isFinite(ms) && ms >= EARLIEST_COURIER_TIME_MS && ms <= now + MAX_SCAN_AHEAD_MS;
}

export function snapshotOf(event: TrackingEvent, source: TrackingSource, receivedAt: number): TrackingSnapshot {
  return {
    eventId: event.eventId,
    source,
    status: event.status,
    // A scan far in the future is a provider bug (clocks, dates); capped, it can't make every later
    // scan look outdated. A day of slack keeps couriers' local-time quirks intact.
    occurredAt: Math.min(event.occurredAt, receivedAt + MAX_SCAN_AHEAD_MS),
    location: event.location,
    description: event.description,
    receivedAt,
  };
}

/**
 * Whether `next` should replace the stored latest state. Events can arrive out of order (retries,
 * webhook and poll racing), so an older scan never overwrites a newer one. A delivery always wins:
 * couriers sometimes register an "out for delivery" scan after the delivered one.
 */
export function supersedes(current: TrackingSnapshot | null | undefined, next: TrackingSnapshot): boolean {
  if (!current) return true;
  if (next.status === 'delivered') return current.status !== 'delivered' || next.occurredAt >= current.occurredAt;
  if (current.status === 'delivered') return false;
  return next.occurredAt >= current.occurredAt;
}

/** Document id of the dedupe record of an event: provider event ids may hold any character. */
export function trackingEventDocId(eventId: string): string {
  return createHash('sha256').update(`tracking-event\u0000${eventId}`).digest('hex');
}

/** A stable id for a state seen by polling, so seeing the same state on the next poll is a duplicate. */
export function polledEventId(
  provider: string,
  event: Pick<TrackingEvent, 'carrier' | 'trackingNumber' | 'status' | 'occurredAt'>,
): string {
  return `poll:${provider}:${event.carrier}:${event.trackingNumber}:${event.status}:${event.occurredAt}`;
}
