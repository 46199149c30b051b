// Store members: the owner adds people by their sign-in email as owner or staff, and removes them.
// The membership document and the member's users/{uid} mirror change in one transaction; the
// member's custom claims follow after it commits (infra/users.ts syncPartnerClaims).
import type { Transaction } from 'firebase-admin/firestore';
import * as logger from 'firebase-functions/logger';
import { Caller, isAdmin, requireStoreAction } from '../access/claims';
import {
  MAX_STORES_PER_USER,
  memberAdditionDecision,
  memberRemovalDenial,
  StoreRole,
  storeActionDenial,
} from '../domain/permissions';
import { DomainError } from '../domain/reasons';
import { auth } from '../infra/auth';
import { now } from '../infra/clock';
import { db, toStored } from '../infra/firestore';
import { Membership, membershipFromSnapshot, memberRef, MEMBERS, storeRef } from '../infra/stores';
import { syncPartnerClaimsAfterCommit, userFromSnapshot, userRef, writeUser } from '../infra/users';
import { addStoreMemberInput, removeStoreMemberInput } from './storeSchemas';
import { defineCallable } from './shell';

/**
 * Claims can lag a removal by up to an hour (an ID token's life). Managing members is the one
 * place where a stale `owner` claim could make itself permanent (re-adding itself), so these
 * transactions also check the caller's membership document, which they read alongside anyway.
 */
async function requireCurrentOwner(tx: Transaction, caller: Caller, storeId: string): Promise<void> {
  if (isAdmin(caller)) return;
  const own = await tx.get(memberRef(storeId, caller.uid));
  const role = own.exists ? membershipFromSnapshot(own).role : null;
  const denial = storeActionDenial(role, false, 'manage_members');
  if (denial) throw new DomainError(denial, { storeId });
}

async function requireStore(tx: Transaction, storeId: string): Promise<void> {
  if (!(await tx.get(storeRef(storeId))).exists) throw new DomainError('store_not_found', { storeId });
}

export interface AddStoreMemberResult {
  storeId: string;
  uid: string;
  role: StoreRole;
  /** false when the user already had this role (a retried call): nothing changed. */
  added: boolean;
}

export const addStoreMember = defineCallable(
  'addStoreMember',
  addStoreMemberInput,
  async (input, caller): Promise<AddStoreMemberResult> => {
    const { storeId, role } = input;
    requireStoreAction(caller, storeId, 'manage_members');
    const user = await auth().getUserByEmail(input.email);
    if (!user) throw new DomainError('user_not_found');

    const added = await db().runTransaction(async (tx) => {
      await requireStore(tx, storeId);
      await requireCurrentOwner(tx, caller, storeId);
      const memberSnapshot = await tx.get(memberRef(storeId, user.uid));
      const userSnapshot = await tx.get(userRef(user.uid));
      // The membership document is the truth for this store; the mirror gives the others.
      const stores = { ...userFromSnapshot(userSnapshot).stores };
      if (memberSnapshot.exists) stores[storeId] = membershipFromSnapshot(memberSnapshot).role;
      else delete stores[storeId];

      const decision = memberAdditionDecision(stores, storeId, role);
      if (decision === 'noop') return false;
      if (decision !== 'add') {
        throw new DomainError(decision, decision === 'already_member' ? { role: stores[storeId] } : { max: MAX_STORES_PER_USER });
      }
      const at = now();
      const membership: Membership = {
        storeId,
        uid: user.uid,
        role,
        email: user.email ?? input.email,
        addedBy: caller.uid,
        createdAt: at,
        updatedAt: at,
      };
      // create, not set: two concurrent adds of one user cannot both write a membership.
      tx.create(memberRef(storeId, user.uid), toStored(membership) as Record<string, unknown>);
      writeUser(tx, userSnapshot, { stores: { ...stores, [storeId]: role } }, at);
      return true;
    });

    logger.info(added ? 'store.member_added' : 'store.member_add_replayed', {
      storeId,
      uid: user.uid,
      role,
      byUid: caller.uid,
    });
    // Also on a replay: it repairs claims a crashed call left behind.
    await syncPartnerClaimsAfterCommit(user.uid, { storeId });
    return { storeId, uid: user.uid, role, added };
  },
);

export interface RemoveStoreMemberResult {
  storeId: string;
  uid: string;
  /** false when the user was not a member (a retried call): nothing changed. */
  removed: boolean;
}

export const removeStoreMember = defineCallable(
  'removeStoreMember',
  removeStoreMemberInput,
  async (input, caller): Promise<RemoveStoreMemberResult> => {
    const { storeId, uid } = input;
    requireStoreAction(caller, storeId, 'manage_members');

    const removed = await db().runTransaction(async (tx) => {
      await requireStore(tx, storeId);
      await requireCurrentOwner(tx, caller, storeId);
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
      writeUser(tx, userSnapshot, { stores }, now());
      return true;
    });

    logger.info(removed ? 'store.member_removed' : 'store.member_remove_replayed', { storeId, uid, byUid: caller.uid });
    await syncPartnerClaimsAfterCommit(uid, { storeId });
    return { storeId, uid, removed };
  },
);
