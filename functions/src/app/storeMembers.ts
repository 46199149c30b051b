// Store members: the owner removes people (they join by invitation, callables/storeInvitations.ts).
// The membership document, the member's contact and their users/{uid} mirror change in one
// transaction; the member's custom claims follow after it commits (infra/users.ts syncPartnerClaims).
import type { Transaction } from 'firebase-admin/firestore';
import type { z } from 'zod/mini';
import * as logger from 'firebase-functions/logger';
import { Caller, requireStoreAction } from './caller';
import { memberRemovalDenial } from '../domain/permissions';
import { DomainError } from '../domain/reasons';
import { now } from '../infra/clock';
import { db } from '../infra/firestore';
import { membershipFromSnapshot, memberContactRef, memberRef, MEMBERS, readStoreRole, storeRef } from '../infra/stores';
import { syncPartnerClaimsAfterCommit } from './partnerClaims';
import { userFromSnapshot, userRef, writeUser } from '../infra/users';
import { removeStoreMemberInput } from '../boundary/storeSchemas';
import { LOG_EVENTS } from '../logEvents';

/** The caller's membership, read in this transaction (not their token's claim), must allow it. */
async function requireCurrentOwner(tx: Transaction, caller: Caller, storeId: string): Promise<void> {
  requireStoreAction(caller, await readStoreRole(tx, storeId, caller.uid), storeId, 'manage_members');
}

async function requireStore(tx: Transaction, storeId: string): Promise<void> {
  if (!(await tx.get(storeRef(storeId))).exists) throw new DomainError('store_not_found', { storeId });
}

export interface RemoveStoreMemberResult {
  storeId: string;
  uid: string;
  /** false when the user was not a member (a retried call): nothing changed. */
  removed: boolean;
}

export async function removeStoreMemberHandler(
  input: z.output<typeof removeStoreMemberInput>,
  caller: Caller,
): Promise<RemoveStoreMemberResult> {
  const { storeId, uid } = input;

  const removed = await db().runTransaction(async (tx) => {
    await requireCurrentOwner(tx, caller, storeId);
    await requireStore(tx, storeId);
    const memberSnapshot = await tx.get(memberRef(storeId, uid));
    if (!memberSnapshot.exists) return false;
    const target = membershipFromSnapshot(memberSnapshot);
    if (target.role === 'owner') {
      // Read as a query in the transaction: two owners removing each other at once conflict on
      // it, so the second is retried, sees one owner left and is refused.
      const owners = await tx.get(storeRef(storeId).collection(MEMBERS).where('role', '==', 'owner'));
      const denial = memberRemovalDenial(target.role, owners.size);
      if (denial) throw new DomainError(denial, { storeId });
    }
    const userSnapshot = await tx.get(userRef(uid));
    const { [storeId]: _removed, ...stores } = userFromSnapshot(userSnapshot).stores;
    tx.delete(memberRef(storeId, uid));
    tx.delete(memberContactRef(storeId, uid));
    writeUser(tx, userSnapshot, { stores }, now());
    return true;
  });

  logger.info(removed ? LOG_EVENTS.storeMemberRemoved : LOG_EVENTS.storeMemberRemoveReplayed, { storeId, uid, byUid: caller.uid });
  await syncPartnerClaimsAfterCommit(uid, { storeId });
  return { storeId, uid, removed };
}
