// Firestore layout of the per-user document, and the custom-claims sync:
//   users/{uid}  { stores: {storeId: role}, admin, membershipVersion, claimsVersion, claimsUpdatedAt,
//                  pendingApplicationId, updatedAt }
// `stores` mirrors the user's membership documents (stores/{storeId}/members/{uid}) and is written in
// the same transaction as every membership change, with `membershipVersion` + 1. `admin` is the
// source of the `admin` claim (setAdmin below, also + 1). After the
// transaction commits, syncPartnerClaims() copies it into the user's custom claims and then stamps
// `claimsVersion` and `claimsUpdatedAt`, which the app listens to: it then refreshes its ID token
// (getIdToken(true)) and sees its new access without signing in again.
import type { DocumentReference, DocumentSnapshot, Transaction } from 'firebase-admin/firestore';
import * as logger from 'firebase-functions/logger';
import { sameClaims, withStoreClaims } from '../access/claims';
import { isStoreRole, StoreRole } from '../domain/permissions';
import { auth } from './auth';
import { now } from './clock';
import { db, fromStored, toStored } from './firestore';

export const USERS = 'users';

export interface UserRecord {
  uid: string;
  stores: Record<string, StoreRole>;
  /** Whether the user is a Gocafein operator: the only source of the `admin` claim. */
  admin: boolean;
  /** + 1 with every membership change and every change of `admin`. */
  membershipVersion: number;
  /** The membershipVersion the custom claims were last synced to. */
  claimsVersion: number;
  claimsUpdatedAt: number | null;
  /** The user's one pending partner application, if any. */
  pendingApplicationId: string | null;
}

export function userRef(uid: string): DocumentReference {
  return db().collection(USERS).doc(uid);
}

export function userFromSnapshot(snapshot: DocumentSnapshot): UserRecord {
  const data = fromStored<Partial<UserRecord>>(snapshot.data() ?? {});
  const stores = Object.fromEntries(
    Object.entries(data.stores ?? {}).filter((entry): entry is [string, StoreRole] => isStoreRole(entry[1])),
  );
  return {
    uid: snapshot.id,
    stores,
    admin: data.admin === true,
    membershipVersion: data.membershipVersion ?? 0,
    claimsVersion: data.claimsVersion ?? 0,
    claimsUpdatedAt: data.claimsUpdatedAt ?? null,
    pendingApplicationId: data.pendingApplicationId ?? null,
  };
}

/**
 * Writes the user document in the caller's transaction, from the snapshot read in it. Passing
 * `stores` replaces the whole mirror (removed stores disappear) and bumps membershipVersion.
 */
export function writeUser(
  tx: Transaction,
  snapshot: DocumentSnapshot,
  change: { stores?: Record<string, StoreRole>; admin?: boolean; pendingApplicationId?: string | null },
  at: number,
): void {
  const current = userFromSnapshot(snapshot);
  const fields: Record<string, unknown> = { updatedAt: at };
  if (change.stores) fields.stores = change.stores;
  if (change.admin !== undefined) fields.admin = change.admin;
  if (change.stores || change.admin !== undefined) fields.membershipVersion = current.membershipVersion + 1;
  if (change.pendingApplicationId !== undefined) fields.pendingApplicationId = change.pendingApplicationId;
  const stored = toStored(fields) as Record<string, unknown>;
  if (snapshot.exists) {
    tx.update(snapshot.ref, stored);
  } else {
    tx.set(snapshot.ref, {
      ...(toStored({ stores: {}, membershipVersion: 0, claimsVersion: 0, pendingApplicationId: null }) as object),
      ...stored,
    });
  }
}

const SYNC_ATTEMPTS = 5;

export interface ClaimsSync {
  uid: string;
  claimsVersion: number;
  /** Whether the custom claims had to change. */
  changed: boolean;
}

/**
 * Makes the user's custom claims match their memberships. Idempotent and safe to run concurrently
 * or again at any time (the callables run it after their transaction commits; the users/{uid}
 * trigger runs it again when a sync was missed).
 *
 * Auth has no conditional write, so a sync that read an older mirror could overwrite a newer one's
 * claims. Each sync therefore confirms, after setting the claims, that the mirror is still the
 * version it read, and starts over otherwise: the last claims written are from a confirmed read, and
 * any change after that confirmation runs a sync of its own.
 */
export async function syncPartnerClaims(uid: string): Promise<ClaimsSync | null> {
  for (let attempt = 1; attempt <= SYNC_ATTEMPTS; attempt += 1) {
    const read = userFromSnapshot(await userRef(uid).get());
    const user = await auth().getUser(uid);
    if (!user) {
      logger.warn('claims.user_missing', { uid });
      return null;
    }
    // Both claims this module owns come from `read`, never from the claims Auth returned: a
    // revoked admin claim read here is not written back (the confirmation below catches the rest).
    const claims = withStoreClaims(user.customClaims, read.stores, read.admin);
    const changed = !sameClaims(user.customClaims, claims);
    if (changed) await auth().setCustomUserClaims(uid, claims);

    const confirmed = await db().runTransaction(async (tx) => {
      const current = userFromSnapshot(await tx.get(userRef(uid)));
      if (current.membershipVersion !== read.membershipVersion) return false;
      // Stamp whenever claims changed, or a previous sync set them without getting to stamp.
      if (changed || current.claimsVersion !== current.membershipVersion) {
        tx.set(
          userRef(uid),
          toStored({ claimsVersion: current.membershipVersion, claimsUpdatedAt: now() }) as Record<string, unknown>,
          { merge: true },
        );
      }
      return true;
    });
    if (confirmed) {
      logger.info('claims.synced', {
        uid,
        claimsVersion: read.membershipVersion,
        changed,
        storeIds: Object.keys(read.stores),
        attempt,
      });
      return { uid, claimsVersion: read.membershipVersion, changed };
    }
  }
  throw new Error(`custom claims of ${uid} did not settle after ${SYNC_ATTEMPTS} attempts`);
}

/**
 * Grants or revokes the `admin` claim: sets users/{uid}.admin with membershipVersion + 1 in a
 * transaction, then syncs the claims (the users/{uid} trigger retries a sync that fails). The only
 * supported way to change an admin: a claim set directly in Auth is dropped by the next sync.
 * The revoked admin's current ID token keeps `admin: true` until it expires (at most an hour).
 */
export async function setAdmin(uid: string, admin: boolean): Promise<ClaimsSync | null> {
  await db().runTransaction(async (tx) => {
    const snapshot = await tx.get(userRef(uid));
    if (userFromSnapshot(snapshot).admin === admin) return;
    writeUser(tx, snapshot, { admin }, now());
  });
  logger.info(admin ? 'claims.admin_granted' : 'claims.admin_revoked', { uid });
  return syncPartnerClaims(uid);
}

/**
 * For callables, after their transaction committed: the change itself has succeeded, so a failed
 * sync is logged rather than reported (the users/{uid} trigger retries it).
 */
export async function syncPartnerClaimsAfterCommit(uid: string, context: Record<string, unknown>): Promise<void> {
  try {
    await syncPartnerClaims(uid);
  } catch (error) {
    logger.error('claims.sync_failed', { ...context, uid, error: String(error) });
  }
}
