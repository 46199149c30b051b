// The custom-claims sync: copies users/{uid} (the mirror of the user's memberships, and `admin`)
// into the user's custom claims, then stamps `claimsVersion` and `claimsUpdatedAt`, which the app
// listens to (infra/users.ts describes the document).
import * as logger from 'firebase-functions/logger';
import { auth } from '../infra/auth';
import { now } from '../infra/clock';
import { db, toStored } from '../infra/firestore';
import { userFromSnapshot, userRef, writeUser } from '../infra/users';
import { sameClaims, withStoreClaims } from './caller';
import { LOG_EVENTS } from '../logEvents';

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
      logger.warn(LOG_EVENTS.claimsUserMissing, { uid });
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
        tx.set(userRef(uid), toStored({ claimsVersion: current.membershipVersion, claimsUpdatedAt: now() }) as Record<string, unknown>, {
          merge: true,
        });
      }
      return true;
    });
    if (confirmed) {
      logger.info(LOG_EVENTS.claimsSynced, {
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
  logger.info(admin ? LOG_EVENTS.claimsAdminGranted : LOG_EVENTS.claimsAdminRevoked, { uid });
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
    logger.error(LOG_EVENTS.claimsSyncFailed, { ...context, uid, error: String(error) });
  }
}
