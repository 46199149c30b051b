// Push devices: pruning tokens that were not refreshed for 60 days. Apps refresh on every start
// (the registerDevice callable), so such a token belongs to an app that is gone or never opened; FCM
// also expires inactive tokens after 270 days.
import * as logger from 'firebase-functions/logger';
import { now } from '../infra/clock';
import { pruneDevicesRefreshedBefore } from '../infra/devices';
import { LOG_EVENTS } from '../logEvents';

export const DEVICE_STALE_AFTER_MS = 60 * 24 * 60 * 60_000;

export async function pruneStaleDevices(options: { batchSize?: number; maxBatches?: number } = {}): Promise<number> {
  const batchSize = options.batchSize ?? 200;
  const maxBatches = options.maxBatches ?? 100;
  const cutoff = now() - DEVICE_STALE_AFTER_MS;
  let deleted = 0;
  for (let batch = 0; batch < maxBatches; batch += 1) {
    const result = await pruneDevicesRefreshedBefore(cutoff, batchSize);
    deleted += result.deleted;
    if (result.found < batchSize) break;
  }
  logger.info(LOG_EVENTS.devicesPruned, { deleted, cutoff: new Date(cutoff).toISOString() });
  return deleted;
}
