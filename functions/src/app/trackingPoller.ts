// Polling fallback for couriers (or providers) without webhooks and for missed events: asks a
// TrackingProvider about shipped orders whose tracking has not been refreshed for a while, oldest
// first, one bounded batch per run, no faster than the provider's rate limit. What it learns goes
// through the same intake as the webhook (recordTrackingEvent), so a delivery completes the order.
//
// Nothing is lost on failure: an order's poll cursor (shipment.lastCheckedAt) moves only after its
// answer has been applied, so an order the provider could not answer for stays the oldest and is
// first in line on the next run.
import * as logger from 'firebase-functions/logger';
import { findCarrier } from '../domain/carriers';
import { toWellFormedText } from '../domain/text';
import { isPlausibleCourierTime, polledEventId, TrackingEvent } from '../domain/tracking';
import { now } from '../infra/clock';
import { orderFromSnapshot } from '../infra/orders';
import { staleShipments } from '../infra/orderQueries';
import { markTrackingChecked, recordTrackingEvent } from './trackingIntake';
import { ProviderError, TrackingProvider } from '../infra/trackingProvider';
import { LOG_EVENTS } from '../logEvents';

export interface PollOptions {
  provider: TrackingProvider;
  /** Orders whose tracking was refreshed longer ago than this are due. */
  staleAfterMs: number;
  /** At most this many orders per run. */
  batchSize: number;
  /** Provider calls per second, at most. */
  requestsPerSecond: number;
  /** After this many provider failures in a row the run stops (the provider is likely down). */
  maxConsecutiveFailures?: number;
  /** Injectable for tests: waiting and the monotonic clock the rate limit is measured on. */
  sleep?: (ms: number) => Promise<void>;
  monotonicNow?: () => number;
}

export interface PollSummary {
  /** Due orders read for this run. */
  due: number;
  /** Orders the provider answered for (found or not). */
  checked: number;
  completed: number;
  updated: number;
  /** Answered, but nothing new (same state as before, not found yet, outdated). */
  unchanged: number;
  /** Provider or write failures; those orders are retried on the next run. */
  failed: number;
  /** The run stopped early (rate limited, unauthorized, or too many failures in a row). */
  stopped: boolean;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Spaces calls at least 1/rps seconds apart. */
export function callSpacer(requestsPerSecond: number, sleep: (ms: number) => Promise<void>, clock: () => number) {
  const interval = 1000 / Math.max(requestsPerSecond, 0.001);
  let next = Number.NEGATIVE_INFINITY;
  return async (): Promise<void> => {
    const wait = next - clock();
    if (wait > 0) await sleep(wait);
    next = Math.max(clock(), next) + interval;
  };
}

export async function pollStaleShipments(options: PollOptions): Promise<PollSummary> {
  const { provider } = options;
  const maxConsecutiveFailures = options.maxConsecutiveFailures ?? 3;
  const spaced = callSpacer(options.requestsPerSecond, options.sleep ?? realSleep, options.monotonicNow ?? (() => performance.now()));
  const startedAt = now();
  const due = await staleShipments(startedAt - options.staleAfterMs, options.batchSize).get();
  const summary: PollSummary = {
    due: due.size,
    checked: 0,
    completed: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    stopped: false,
  };
  let failuresInARow = 0;

  for (const doc of due.docs) {
    const order = orderFromSnapshot(doc);
    const shipment = order.shipment!;
    const key = { carrier: shipment.carrier, trackingNumber: shipment.trackingNumber };
    const context = { orderId: order.orderId, storeId: order.storeId, carrier: key.carrier, provider: provider.name };
    const carrier = findCarrier(key.carrier);
    if (!carrier) {
      // Not a courier we can ask about; move the cursor so it does not hold up the queue.
      logger.warn(LOG_EVENTS.trackingPollUnknownCarrier, context);
      await markTrackingChecked(order.orderId, key, now());
      summary.unchanged += 1;
      continue;
    }

    await spaced();
    let answer;
    try {
      answer = await provider.track(carrier, key.trackingNumber);
    } catch (error) {
      summary.failed += 1;
      failuresInARow += 1;
      const kind = error instanceof ProviderError ? error.kind : 'unexpected';
      const message = String((error as Error)?.message ?? error);
      logger.warn(LOG_EVENTS.trackingPollProviderFailed, { ...context, kind, error: message });
      const providerWide = error instanceof ProviderError && error.stopsRun;
      if (!providerWide) {
        // Keep the parcel due, but behind every order that is more overdue, so a few parcels that
        // always fail can't hold up the queue run after run. Nothing is lost: it is asked again.
        await markTrackingChecked(order.orderId, key, startedAt - options.staleAfterMs);
      }
      if (providerWide || failuresInARow >= maxConsecutiveFailures) {
        summary.stopped = true;
        break;
      }
      continue;
    }
    failuresInARow = 0;

    try {
      let outcome = 'not_found';
      if (answer.found && answer.lastEvent) {
        const last = answer.lastEvent;
        // A time outside 2000..now+1 day is a provider bug, and Firestore may not hold it: treat it
        // as absent rather than fail the write on every run.
        const courierTime = last.occurredAt !== null && isPlausibleCourierTime(last.occurredAt, now()) ? last.occurredAt : null;
        if (last.occurredAt !== null && courierTime === null) {
          logger.warn(LOG_EVENTS.trackingPollImplausibleTime, { ...context, occurredAt: last.occurredAt });
        }
        const event: TrackingEvent = {
          eventId: polledEventId(provider.name, { ...key, status: last.status, occurredAt: courierTime ?? 0 }),
          ...key,
          status: last.status,
          // Without a courier time, the time we learned it is the best we have.
          occurredAt: courierTime ?? now(),
          // Provider text is not ours to refuse; a lone surrogate is replaced so it can be stored.
          location: last.location === null ? null : toWellFormedText(last.location),
          description: last.description === null ? null : toWellFormedText(last.description),
        };
        outcome = (await recordTrackingEvent(event, 'poll')).outcome;
      }
      await markTrackingChecked(order.orderId, key, now());
      summary.checked += 1;
      if (outcome === 'completed') summary.completed += 1;
      else if (outcome === 'updated') summary.updated += 1;
      else summary.unchanged += 1;
      logger.info(LOG_EVENTS.trackingPollChecked, { ...context, outcome });
    } catch (error) {
      // A failed write leaves the cursor where it was: the order is first in line next run.
      summary.failed += 1;
      logger.error(LOG_EVENTS.trackingPollApplyFailed, { ...context, error: String((error as Error)?.message ?? error) });
    }
  }
  return summary;
}
