// pollTracking: every 30 minutes, asks Delivery Tracker about shipped orders whose tracking has not
// been refreshed for TRACKING_POLL_STALE_HOURS (see infra/trackingPoller.ts, docs/tracking.md).
import * as logger from 'firebase-functions/logger';
import { defineInt, defineSecret } from 'firebase-functions/params';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { DELIVERY_TRACKER_DEFAULT_RPS, DeliveryTrackerProvider } from '../infra/deliveryTracker';
import { pollStaleShipments } from '../infra/trackingPoller';

export const deliveryTrackerApiKey = defineSecret('DELIVERY_TRACKER_API_KEY');

export const TRACKING_POLL_DEFAULTS = { staleHours: 6, batchSize: 100, requestsPerSecond: DELIVERY_TRACKER_DEFAULT_RPS };

export const trackingPollStaleHours = defineInt('TRACKING_POLL_STALE_HOURS', {
  default: TRACKING_POLL_DEFAULTS.staleHours,
  description: 'Poll a shipped order when its tracking has not been refreshed for this many hours',
});
export const trackingPollBatchSize = defineInt('TRACKING_POLL_BATCH_SIZE', {
  default: TRACKING_POLL_DEFAULTS.batchSize,
  description: 'At most this many orders are polled per run (every 30 minutes)',
});
export const trackingProviderRps = defineInt('TRACKING_PROVIDER_RPS', {
  default: TRACKING_POLL_DEFAULTS.requestsPerSecond,
  description: 'Calls per second to the tracking provider, at most (Delivery Tracker allows 10 by default)',
});

/** An unset or non-positive param falls back to the default instead of disabling the poller. */
const positive = (value: number, fallback: number): number => (Number.isFinite(value) && value > 0 ? value : fallback);

export const pollTracking = onSchedule(
  {
    schedule: 'every 30 minutes',
    timeZone: 'Asia/Seoul',
    secrets: [deliveryTrackerApiKey],
    timeoutSeconds: 540,
    // A missed run is not retried: the next one picks up the same orders.
    retryCount: 0,
    maxInstances: 1,
  },
  async () => {
    const summary = await pollStaleShipments({
      provider: new DeliveryTrackerProvider({ apiKey: deliveryTrackerApiKey.value() }),
      staleAfterMs: positive(trackingPollStaleHours.value(), TRACKING_POLL_DEFAULTS.staleHours) * 60 * 60 * 1000,
      batchSize: positive(trackingPollBatchSize.value(), TRACKING_POLL_DEFAULTS.batchSize),
      requestsPerSecond: positive(trackingProviderRps.value(), TRACKING_POLL_DEFAULTS.requestsPerSecond),
    });
    logger.info('tracking.poll_run', { ...summary });
  },
);
