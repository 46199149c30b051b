// Exactly-once bookkeeping for pushes sent by at-least-once handlers (Firestore triggers and
// Cloud Tasks redeliver). One claim document per (function, event):
//   notificationClaims/{functionName}:{eventId}
//     { functionName, eventId, orderId, storeId, kind,
//       state: 'sending' | 'retry' | 'done' | 'gave_up',
//       holder, leaseExpiresAt,          the attempt that may send now, and until when
//       attempts,                        attempts that took the lease
//       sentTokenIds, droppedTokenIds,   tokens already handled: never sent to again
//       createdAt, updatedAt, finishedAt, expireAt (TTL) }
// An attempt takes the lease in a transaction, sends only to tokens not yet handled, records each
// batch's results, and settles the claim 'done' or releases it for a retry. A crashed attempt's
// lease expires, so a redelivery can take over; a live lease makes a concurrent duplicate wait.
import { randomUUID } from 'node:crypto';
import * as logger from 'firebase-functions/logger';
import type { DocumentReference } from 'firebase-admin/firestore';
import { now } from './clock';
import { db, fromStored, toStored } from './firestore';
import { LOG_EVENTS } from '../logEvents';

export const NOTIFICATION_CLAIMS = 'notificationClaims';

/** Longer than any handler's timeout, so a live attempt never loses its lease. */
export const LEASE_MS = 3 * 60_000;
/** After this many attempts the notification is given up (logged as an error), not retried for days. */
export const MAX_ATTEMPTS = 6;
/** Claims are kept this long for audits, then removed by a TTL policy on `expireAt`. */
export const CLAIM_RETENTION_MS = 30 * 24 * 60 * 60_000;

export type ClaimState = 'sending' | 'retry' | 'done' | 'gave_up';

export interface ClaimKey {
  functionName: string;
  eventId: string;
}

export interface ClaimContext {
  orderId: string;
  storeId: string;
  kind: string;
}

interface StoredClaim extends ClaimKey, ClaimContext {
  state: ClaimState;
  holder: string | null;
  leaseExpiresAt: number | null;
  attempts: number;
  sentTokenIds: string[];
  droppedTokenIds: string[];
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
  expireAt: number;
}

export type Claim =
  | {
      status: 'acquired';
      holder: string;
      attempt: number;
      sentTokenIds: ReadonlySet<string>;
      droppedTokenIds: ReadonlySet<string>;
    }
  | { status: 'finished'; state: 'done' | 'gave_up' }
  | { status: 'busy'; leaseExpiresAt: number };

export function claimId(key: ClaimKey): string {
  // Document ids cannot contain '/'; event ids and function names never need it.
  return `${key.functionName}:${key.eventId}`.replace(/\//g, '_');
}

export function claimRef(key: ClaimKey): DocumentReference {
  return db().collection(NOTIFICATION_CLAIMS).doc(claimId(key));
}

/** Takes the lease for this event, unless it is finished or another attempt holds a live lease. */
export async function claimNotification(
  key: ClaimKey,
  context: ClaimContext,
  options: { leaseMs?: number; maxAttempts?: number } = {},
): Promise<Claim> {
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  const ref = claimRef(key);
  const holder = randomUUID();
  const claim = await db().runTransaction(async (tx): Promise<Claim> => {
    const snapshot = await tx.get(ref);
    const at = now();
    if (!snapshot.exists) {
      const fresh: StoredClaim = {
        ...key,
        ...context,
        state: 'sending',
        holder,
        leaseExpiresAt: at + leaseMs,
        attempts: 1,
        sentTokenIds: [],
        droppedTokenIds: [],
        createdAt: at,
        updatedAt: at,
        finishedAt: null,
        expireAt: at + CLAIM_RETENTION_MS,
      };
      tx.create(ref, toStored(fresh) as Record<string, unknown>);
      return { status: 'acquired', holder, attempt: 1, sentTokenIds: new Set(), droppedTokenIds: new Set() };
    }
    const stored = fromStored<StoredClaim>(snapshot.data());
    if (stored.state === 'done' || stored.state === 'gave_up') return { status: 'finished', state: stored.state };
    if (stored.state === 'sending' && stored.leaseExpiresAt !== null && stored.leaseExpiresAt > at) {
      return { status: 'busy', leaseExpiresAt: stored.leaseExpiresAt };
    }
    if (stored.attempts >= maxAttempts) {
      tx.update(
        ref,
        toStored({ state: 'gave_up', holder: null, leaseExpiresAt: null, updatedAt: at, finishedAt: at }) as Record<string, unknown>,
      );
      return { status: 'finished', state: 'gave_up' };
    }
    const attempt = stored.attempts + 1;
    tx.update(
      ref,
      toStored({ state: 'sending', holder, leaseExpiresAt: at + leaseMs, attempts: attempt, updatedAt: at }) as Record<string, unknown>,
    );
    return {
      status: 'acquired',
      holder,
      attempt,
      sentTokenIds: new Set(stored.sentTokenIds ?? []),
      droppedTokenIds: new Set(stored.droppedTokenIds ?? []),
    };
  });
  if (claim.status === 'finished' && claim.state === 'gave_up') {
    logger.error(LOG_EVENTS.pushGaveUp, { ...context, ...key, maxAttempts });
  }
  return claim;
}

/**
 * Records tokens handled by this attempt and, with `settle`, finishes ('done') or releases
 * ('retry') the claim. Results are merged even if the lease was lost: those sends happened. Only
 * the holder settles, so a slow attempt cannot undo the one that took over.
 */
export async function recordClaimProgress(
  key: ClaimKey,
  holder: string,
  progress: { sent?: readonly string[]; dropped?: readonly string[]; settle?: 'done' | 'retry' },
): Promise<{ holderLost: boolean }> {
  const ref = claimRef(key);
  return db().runTransaction(async (tx) => {
    const snapshot = await tx.get(ref);
    if (!snapshot.exists) return { holderLost: true };
    const stored = fromStored<StoredClaim>(snapshot.data());
    const at = now();
    const patch: Partial<StoredClaim> = { updatedAt: at };
    if (progress.sent?.length) patch.sentTokenIds = union(stored.sentTokenIds, progress.sent);
    if (progress.dropped?.length) patch.droppedTokenIds = union(stored.droppedTokenIds, progress.dropped);
    const holderLost = stored.holder !== holder;
    if (progress.settle && !holderLost) {
      patch.state = progress.settle;
      patch.holder = null;
      patch.leaseExpiresAt = null;
      if (progress.settle === 'done') patch.finishedAt = at;
    }
    tx.update(ref, toStored(patch) as Record<string, unknown>);
    return { holderLost };
  });
}

function union(existing: readonly string[] | undefined, added: readonly string[]): string[] {
  return [...new Set([...(existing ?? []), ...added])];
}
