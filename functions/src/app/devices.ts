// Push devices: registering and unregistering the caller's token (the device contract, see
// docs/notifications.md), and pruning tokens that were not refreshed for 60 days. Apps refresh on
// every start (the registerDevice callable), so such a token belongs to an app that is gone or never
// opened; FCM also expires inactive tokens after 270 days.
import * as logger from 'firebase-functions/logger';
import { Device, devicesToRetire, Platform, registeredDevice, registrationOf } from '../domain/devices';
import { now } from '../infra/clock';
import {
  pruneDevicesRefreshedBefore,
  readDeviceHolder,
  removeDevice,
  stageDeviceDeletion,
  stageDeviceWrite,
  stageUserDeviceDeletion,
  tokenIdOf,
  userDeviceIdsOldestFirst,
} from '../infra/devices';
import { db } from '../infra/firestore';
import { LOG_EVENTS } from '../logEvents';

/**
 * Registers or refreshes a token for a user, in one transaction. A token held by another user
 * moves: its old device entry is deleted; a new device beyond the per-user cap retires the least
 * recently refreshed ones (domain/devices.ts).
 */
export async function registerUserDevice(
  uid: string,
  token: string,
  platform: Platform,
): Promise<{ device: Device; tokenId: string; movedFrom: string | null }> {
  const tokenId = tokenIdOf(token);
  return db().runTransaction(async (tx) => {
    const previous = await readDeviceHolder(tx, tokenId);
    const at = now();
    const { movedFrom, isNewForUser } = registrationOf(uid, previous);
    if (isNewForUser) {
      for (const retired of devicesToRetire(await userDeviceIdsOldestFirst(tx, uid))) stageDeviceDeletion(tx, uid, retired);
    }
    if (movedFrom) stageUserDeviceDeletion(tx, movedFrom, tokenId);
    const device = registeredDevice(uid, token, platform, previous, movedFrom, at);
    stageDeviceWrite(tx, tokenId, device);
    return { device, tokenId, movedFrom };
  });
}

/** Forgets the user's device. Idempotent; a token now held by another user is left to them. */
export async function unregisterUserDevice(uid: string, token: string): Promise<{ removed: boolean }> {
  return removeDevice(uid, token);
}

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
