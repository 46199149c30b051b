// pollTracking: every 30 minutes, asks Delivery Tracker about shipped orders whose tracking has not
// been refreshed for TRACKING_POLL_STALE_HOURS (see app/trackingPoller.ts, docs/tracking.md).
import * as logger from 'firebase-functions/logger';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import {
  deliveryTrackerApiKey,
  paramValue,
  TRACKING_POLL_DEFAULTS,
  trackingPollBatchSize,
  trackingPollStaleHours,
  trackingProviderRps,
} from '../config';
import { dependency } from '../deps';
import { DeliveryTrackerProvider } from '../infra/deliveryTracker';
import { pollStaleShipments } from '../app/trackingPoller';
import { LOG_EVENTS } from '../logEvents';
import { FUNCTION_MEMORY } from '../memory';

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
    memory: FUNCTION_MEMORY.scheduled,
  },
  async () => {
    const summary = await pollStaleShipments({
      provider: dependency('trackingProvider') ?? new DeliveryTrackerProvider({ apiKey: deliveryTrackerApiKey.value() }),
      staleAfterMs: positive(paramValue(trackingPollStaleHours), TRACKING_POLL_DEFAULTS.staleHours) * 60 * 60 * 1000,
      batchSize: positive(paramValue(trackingPollBatchSize), TRACKING_POLL_DEFAULTS.batchSize),
      requestsPerSecond: positive(paramValue(trackingProviderRps), TRACKING_POLL_DEFAULTS.requestsPerSecond),
    });
    logger.info(LOG_EVENTS.trackingPollRun, { ...summary });
  },
);
