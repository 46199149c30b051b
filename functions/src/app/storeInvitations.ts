// Store invitations: the owner (or an admin) invites a sign-in email as owner or staff; the person
// signed in with that verified email accepts or declines; the owner may revoke a pending one.
// Accepting writes the membership, the member's contact (email, owners only) and the users/{uid}
// mirror in one transaction with the invitation; the claims follow after it commits
// (infra/users.ts syncPartnerClaims). Rules of who may answer what: domain/invitations.ts.
import type { Transaction } from 'firebase-admin/firestore';
import type { z } from 'zod/mini';
import * as logger from 'firebase-functions/logger';
import { Caller, requireStoreAction } from './caller';
import { paramValue, storeInvitationTtlDays } from '../config';
import {
  acceptDecision,
  answered,
  declineDecision,
  Invitation,
  invitationIdFor,
  InvitationStatus,
  Invitee,
  inviteDecision,
  revokeDecision,
} from '../domain/invitations';
import { MAX_STORES_PER_USER, memberAdditionDecision, StoreRole } from '../domain/permissions';
import { DomainError } from '../domain/reasons';
import { auth } from '../infra/auth';
import { now } from '../infra/clock';
import { db, toStored } from '../infra/firestore';
import { invitationFromSnapshot, invitationRef, invitationToStored } from '../infra/invitations';
import {
  MemberContact,
  memberContactRef,
  Membership,
  membershipFromSnapshot,
  memberRef,
  readStoreRole,
  storeFromSnapshot,
  storeRef,
} from '../infra/stores';
import { syncPartnerClaimsAfterCommit } from './partnerClaims';
import { userFromSnapshot, userRef, writeUser } from '../infra/users';
import { invitationIdInput, inviteStoreMemberInput } from '../boundary/storeSchemas';
import { LOG_EVENTS } from '../logEvents';

export interface InvitationView {
  invitationId: string;
  storeId: string;
  storeName: string;
  email: string;
  role: StoreRole;
  status: InvitationStatus;
  expiresAt: string;
}

function viewOf(invitation: Invitation): InvitationView {
  const { invitationId, storeId, storeName, email, role, status, expiresAt } = invitation;
  return { invitationId, storeId, storeName, email, role, status, expiresAt: new Date(expiresAt).toISOString() };
}

async function readInvitation(tx: Transaction, invitationId: string): Promise<Invitation> {
  const snapshot = await tx.get(invitationRef(invitationId));
  if (!snapshot.exists) throw new DomainError('invitation_not_found');
  return invitationFromSnapshot(snapshot);
}

/**
 * The caller as an invitee: the email and its verification from the ID token, confirmed against
 * the Auth record (an address changed or unverified since the token was minted does not count).
 */
async function inviteeOf(caller: Caller): Promise<Invitee> {
  const tokenEmail = typeof caller.token.email === 'string' ? caller.token.email.toLowerCase() : null;
  const tokenVerified = caller.token.email_verified === true;
  if (!tokenEmail || !tokenVerified) return { uid: caller.uid, email: tokenEmail, emailVerified: false };
  const record = await auth().getUser(caller.uid);
  const sameEmail = record?.email?.toLowerCase() === tokenEmail;
  return { uid: caller.uid, email: tokenEmail, emailVerified: sameEmail && record?.emailVerified === true };
}

export interface InviteStoreMemberResult extends InvitationView {
  /** false when a live invitation with this role already existed (a retried call): nothing changed. */
  created: boolean;
}

export async function inviteStoreMemberHandler(
  input: z.output<typeof inviteStoreMemberInput>,
  caller: Caller,
): Promise<InviteStoreMemberResult> {
  const { storeId, email, role } = input;
  const invitationId = invitationIdFor(storeId, email);
  const ttlDays = paramValue(storeInvitationTtlDays);
  const { invitation, created } = await db().runTransaction(async (tx) => {
    requireStoreAction(caller, await readStoreRole(tx, storeId, caller.uid), storeId, 'manage_members');
    const store = await tx.get(storeRef(storeId));
    if (!store.exists) throw new DomainError('store_not_found', { storeId });
    const existing = await tx.get(invitationRef(invitationId));
    const current = existing.exists ? invitationFromSnapshot(existing) : null;
    const decision = inviteDecision(
      current,
      { storeId, storeName: storeFromSnapshot(store).name, email, role, invitedBy: caller.uid },
      now(),
      ttlDays,
    );
    if (decision.kind === 'noop') return { invitation: decision.invitation, created: false };
    tx.set(invitationRef(invitationId), invitationToStored(decision.invitation));
    return { invitation: decision.invitation, created: true };
  });
  // No email in the log line: the invitation id stands for it.
  logger.info(created ? LOG_EVENTS.storeMemberInvited : LOG_EVENTS.storeMemberInviteReplayed, {
    storeId,
    invitationId,
    role,
    byUid: caller.uid,
  });
  return { ...viewOf(invitation), created };
}

export interface AcceptStoreInvitationResult {
  invitationId: string;
  storeId: string;
  role: StoreRole;
  /** false when the caller had already accepted it (a retried call): nothing changed. */
  accepted: boolean;
}

export async function acceptStoreInvitationHandler(
  input: z.output<typeof invitationIdInput>,
  caller: Caller,
): Promise<AcceptStoreInvitationResult> {
  const invitee = await inviteeOf(caller);
  const result = await db().runTransaction(async (tx) => {
    const invitation = await readInvitation(tx, input.invitationId);
    const at = now();
    const decision = acceptDecision(invitation, invitee, at);
    if (decision === 'noop') return { invitation, accepted: false };
    if (decision !== 'accept') throw new DomainError(decision, { invitationId: invitation.invitationId });
    const { storeId, role } = invitation;
    if (!(await tx.get(storeRef(storeId))).exists) throw new DomainError('store_not_found', { storeId });
    const memberSnapshot = await tx.get(memberRef(storeId, caller.uid));
    const userSnapshot = await tx.get(userRef(caller.uid));
    // The membership document is the truth for this store; the mirror gives the others.
    const stores = { ...userFromSnapshot(userSnapshot).stores };
    if (memberSnapshot.exists) stores[storeId] = membershipFromSnapshot(memberSnapshot).role;
    else delete stores[storeId];
    const addition = memberAdditionDecision(stores, storeId, role);
    if (addition !== 'add' && addition !== 'noop') {
      throw new DomainError(addition, addition === 'already_member' ? { role: stores[storeId] } : { max: MAX_STORES_PER_USER });
    }
    if (addition === 'add') {
      const membership: Membership = {
        storeId,
        uid: caller.uid,
        role,
        addedBy: invitation.invitedBy,
        invitationId: invitation.invitationId,
        createdAt: at,
        updatedAt: at,
      };
      const contact: MemberContact = { storeId, uid: caller.uid, email: invitation.email };
      tx.create(memberRef(storeId, caller.uid), toStored(membership) as Record<string, unknown>);
      tx.set(memberContactRef(storeId, caller.uid), toStored(contact) as Record<string, unknown>);
      writeUser(tx, userSnapshot, { stores: { ...stores, [storeId]: role } }, at);
    }
    tx.set(invitationRef(invitation.invitationId), invitationToStored(answered(invitation, 'accepted', caller.uid, at)));
    return { invitation, accepted: true };
  });
  const { invitationId, storeId, role } = result.invitation;
  logger.info(result.accepted ? LOG_EVENTS.storeInvitationAccepted : LOG_EVENTS.storeInvitationAcceptReplayed, {
    storeId,
    invitationId,
    uid: caller.uid,
    role,
  });
  // Also on a replay: it repairs claims a crashed call left behind.
  await syncPartnerClaimsAfterCommit(caller.uid, { storeId });
  return { invitationId, storeId, role, accepted: result.accepted };
}

export async function declineStoreInvitationHandler(input: z.output<typeof invitationIdInput>, caller: Caller) {
  const invitee = await inviteeOf(caller);
  const { invitation, declined } = await db().runTransaction(async (tx) => {
    const current = await readInvitation(tx, input.invitationId);
    const at = now();
    const decision = declineDecision(current, invitee, at);
    if (decision === 'noop') return { invitation: current, declined: false };
    if (decision !== 'decline') throw new DomainError(decision, { invitationId: current.invitationId });
    tx.set(invitationRef(current.invitationId), invitationToStored(answered(current, 'declined', caller.uid, at)));
    return { invitation: current, declined: true };
  });
  logger.info(LOG_EVENTS.storeInvitationDeclined, {
    storeId: invitation.storeId,
    invitationId: invitation.invitationId,
    uid: caller.uid,
    declined,
  });
  return { invitationId: invitation.invitationId, storeId: invitation.storeId, declined };
}

export async function revokeStoreInvitationHandler(input: z.output<typeof invitationIdInput>, caller: Caller) {
  const { invitation, revoked } = await db().runTransaction(async (tx) => {
    const current = await readInvitation(tx, input.invitationId);
    requireStoreAction(caller, await readStoreRole(tx, current.storeId, caller.uid), current.storeId, 'manage_members');
    const decision = revokeDecision(current);
    if (decision === 'noop') return { invitation: current, revoked: false };
    if (decision !== 'revoke') throw new DomainError(decision, { invitationId: current.invitationId });
    tx.set(invitationRef(current.invitationId), invitationToStored(answered(current, 'revoked', caller.uid, now())));
    return { invitation: current, revoked: true };
  });
  logger.info(LOG_EVENTS.storeInvitationRevoked, {
    storeId: invitation.storeId,
    invitationId: invitation.invitationId,
    byUid: caller.uid,
    revoked,
  });
  return { invitationId: invitation.invitationId, storeId: invitation.storeId, revoked };
}
