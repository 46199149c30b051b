// Push devices and who receives a notification.
//   users/{uid}/devices/{tokenId}   { uid, token, platform, createdAt, refreshedAt }  the user's devices
//   deviceTokens/{tokenId}          { uid, token, platform, createdAt, refreshedAt }  who holds a token now
// tokenId is the SHA-256 of the FCM token (base64url): FCM tokens are long and opaque, and the id
// must be a valid document id. The top-level copy makes "one user per token" a single-document
// check in a transaction, and gives the stale-device prune a plain indexed query.
// Store members are read from stores/{storeId}/members/{uid} (owned by onboarding).
import { createHash } from 'node:crypto';
import type { DocumentReference, Transaction } from 'firebase-admin/firestore';
import type { Device } from '../domain/devices';
import { db, fromStored, toStored } from './firestore';
import { MEMBERS, storeRef } from './stores';

export const USERS = 'users';
export const DEVICES = 'devices';
export const DEVICE_TOKENS = 'deviceTokens';
// The device policy (how many per user, who holds a token) is domain/devices.ts; app/devices.ts
// applies it in one transaction with the reads and writes below.
export { PLATFORMS } from '../domain/devices';
export type { Device, Platform } from '../domain/devices';

/** One token to send to, and whose device it is (for cleanup). */
export interface DeviceTarget {
  uid: string;
  tokenId: string;
  token: string;
}

export function tokenIdOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function userDeviceRef(uid: string, tokenId: string): DocumentReference {
  return db().collection(USERS).doc(uid).collection(DEVICES).doc(tokenId);
}

export function deviceTokenRef(tokenId: string): DocumentReference {
  return db().collection(DEVICE_TOKENS).doc(tokenId);
}

/** The device entry of whoever holds this token now, read in the transaction. */
export async function readDeviceHolder(tx: Transaction, tokenId: string): Promise<Device | null> {
  const holder = await tx.get(deviceTokenRef(tokenId));
  return holder.exists ? fromStored<Device>(holder.data()) : null;
}

/** The ids of a user's devices, least recently refreshed first, read in the transaction. */
export async function userDeviceIdsOldestFirst(tx: Transaction, uid: string): Promise<string[]> {
  const current = await tx.get(db().collection(USERS).doc(uid).collection(DEVICES).orderBy('refreshedAt'));
  return current.docs.map((doc) => doc.id);
}

/** Deletes a device: the user's entry and the token's holder entry. */
export function stageDeviceDeletion(tx: Transaction, uid: string, tokenId: string): void {
  tx.delete(userDeviceRef(uid, tokenId));
  tx.delete(deviceTokenRef(tokenId));
}

/** Deletes only a user's entry of a token (it moved to someone else). */
export function stageUserDeviceDeletion(tx: Transaction, uid: string, tokenId: string): void {
  tx.delete(userDeviceRef(uid, tokenId));
}

/** Writes a device: the token's holder entry and the user's entry. */
export function stageDeviceWrite(tx: Transaction, tokenId: string, device: Device): void {
  const stored = toStored(device) as Record<string, unknown>;
  tx.set(deviceTokenRef(tokenId), stored);
  tx.set(userDeviceRef(device.uid, tokenId), stored);
}

/**
 * Removes the caller's token. A token that now belongs to someone else is left alone: the device
 * changed hands, and its new user still wants notifications.
 */
export async function removeDevice(uid: string, token: string): Promise<{ removed: boolean }> {
  const tokenId = tokenIdOf(token);
  return db().runTransaction(async (tx) => {
    const owner = await tx.get(deviceTokenRef(tokenId));
    const ownedByCaller = owner.exists && owner.get('uid') === uid;
    if (ownedByCaller) tx.delete(deviceTokenRef(tokenId));
    // The user's own entry goes either way: if the token moved, it is a leftover.
    tx.delete(userDeviceRef(uid, tokenId));
    return { removed: ownedByCaller };
  });
}

/** Every device of these users, each token once. */
export async function devicesOfUsers(uids: readonly string[]): Promise<DeviceTarget[]> {
  const unique = [...new Set(uids)];
  const snapshots = await Promise.all(unique.map((uid) => db().collection(USERS).doc(uid).collection(DEVICES).get()));
  const seen = new Set<string>();
  const targets: DeviceTarget[] = [];
  snapshots.forEach((snapshot, index) => {
    for (const doc of snapshot.docs) {
      const token: unknown = doc.get('token');
      if (typeof token !== 'string' || token === '' || seen.has(doc.id)) continue;
      seen.add(doc.id);
      targets.push({ uid: unique[index], tokenId: doc.id, token });
    }
  });
  return targets;
}

/** The uids of a store's members (owner and staff), from their memberships. */
export async function memberUidsOf(storeId: string): Promise<string[]> {
  const snapshot = await storeRef(storeId).collection(MEMBERS).get();
  return snapshot.docs.map((doc) => {
    const uid: unknown = doc.get('uid');
    return typeof uid === 'string' && uid !== '' ? uid : doc.id;
  });
}

/** Deletes devices FCM reported as unregistered or invalid, both entries of each. */
export async function deleteDevices(targets: readonly DeviceTarget[]): Promise<void> {
  for (let i = 0; i < targets.length; i += 200) {
    const batch = db().batch();
    for (const target of targets.slice(i, i + 200)) {
      batch.delete(userDeviceRef(target.uid, target.tokenId));
      batch.delete(deviceTokenRef(target.tokenId));
    }
    await batch.commit();
  }
}

/**
 * Deletes devices whose token was last refreshed before `cutoff`, at most `limit` of them (keep it
 * at or under 200: two deletes each). Each device is re-read in the deleting transaction, so one
 * refreshed meanwhile survives. Returns how many the query found; the caller loops while that
 * equals the limit.
 */
export async function pruneDevicesRefreshedBefore(cutoff: number, limit: number): Promise<{ found: number; deleted: number }> {
  const isStale = (refreshedAt: unknown) =>
    typeof (refreshedAt as { toMillis?: unknown })?.toMillis === 'function' && (refreshedAt as { toMillis(): number }).toMillis() < cutoff;
  const stale = await db()
    .collection(DEVICE_TOKENS)
    .where('refreshedAt', '<', toStored(cutoff, 'refreshedAt'))
    .orderBy('refreshedAt')
    .limit(limit)
    .get();
  if (stale.empty) return { found: 0, deleted: 0 };
  const deleted = await db().runTransaction(async (tx) => {
    const current = await tx.getAll(...stale.docs.map((doc) => doc.ref));
    let count = 0;
    for (const doc of current) {
      if (!doc.exists || !isStale(doc.get('refreshedAt'))) continue;
      const uid: unknown = doc.get('uid');
      if (typeof uid === 'string' && uid !== '') tx.delete(userDeviceRef(uid, doc.id));
      tx.delete(doc.ref);
      count += 1;
    }
    return count;
  });
  return { found: stale.size, deleted };
}
