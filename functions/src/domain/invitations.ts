// Store invitations: how a person becomes an owner or staff of a store after the approval made its
// first owner. An owner (or an admin) invites a sign-in email with a role; the person signed in
// with that email, verified, accepts or declines; an invitation expires, and the owner may revoke
// it while it is pending. The membership exists only once it is accepted, so nobody takes a seat
// (and the customers' data, and the store's pushes) by registering someone else's address first.
// Pure: the callables (callables/storeInvitations.ts) read and write, and ask here.
import { createHash } from 'node:crypto';
import { StoreRole } from './permissions';
import { Reason } from './reasons';

export const INVITATION_STATUSES = ['pending', 'accepted', 'declined', 'revoked'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export const DEFAULT_INVITATION_TTL_DAYS = 7;
export const DAY_MS = 24 * 60 * 60 * 1000;

export interface Invitation {
  invitationId: string;
  storeId: string;
  /** Shown to the invitee, who cannot read the store's private documents. */
  storeName: string;
  /** Lower-case sign-in email of the invitee. */
  email: string;
  role: StoreRole;
  status: InvitationStatus;
  invitedBy: string;
  createdAt: number;
  updatedAt: number;
  expiresAt: number;
  /** When it was accepted, declined or revoked, and by whom (uid). */
  respondedAt: number | null;
  respondedBy: string | null;
}

/** Who answers an invitation: the caller, with the email their ID token (and Auth) vouch for. */
export interface Invitee {
  uid: string;
  email: string | null;
  emailVerified: boolean;
}

/**
 * One invitation document per (store, email): inviting the same address again finds it, so a
 * retried invite is a no-op and a store never holds two live invitations for one person.
 */
export function invitationIdFor(storeId: string, email: string): string {
  return createHash('sha256').update(`invitation\u0000${storeId}\u0000${email.toLowerCase()}`).digest('base64url').slice(0, 24);
}

export function isExpired(invitation: Pick<Invitation, 'expiresAt'>, at: number): boolean {
  return at >= invitation.expiresAt;
}

/** A pending invitation that has not expired yet. */
export function isLive(invitation: Pick<Invitation, 'status' | 'expiresAt'>, at: number): boolean {
  return invitation.status === 'pending' && !isExpired(invitation, at);
}

/**
 * Inviting: 'noop' when a live invitation with this role exists (a retried call); otherwise a fresh
 * pending invitation replaces whatever the document held (an expired, declined, revoked or
 * accepted one, or a live one with another role), with a new expiry.
 */
export function inviteDecision(
  current: Invitation | null,
  request: { storeId: string; storeName: string; email: string; role: StoreRole; invitedBy: string },
  at: number,
  ttlDays: number,
): { kind: 'noop'; invitation: Invitation } | { kind: 'issue'; invitation: Invitation } {
  if (current && isLive(current, at) && current.role === request.role) return { kind: 'noop', invitation: current };
  const email = request.email.toLowerCase();
  return {
    kind: 'issue',
    invitation: {
      invitationId: invitationIdFor(request.storeId, email),
      storeId: request.storeId,
      storeName: request.storeName,
      email,
      role: request.role,
      status: 'pending',
      invitedBy: request.invitedBy,
      createdAt: at,
      updatedAt: at,
      expiresAt: at + ttlDays * DAY_MS,
      respondedAt: null,
      respondedBy: null,
    },
  };
}

/** Whether this caller may answer the invitation at all: their verified email must be the invited one. */
export function inviteeDenial(invitation: Pick<Invitation, 'email'>, invitee: Invitee): Reason | null {
  if (!invitee.email || invitee.email.toLowerCase() !== invitation.email) return 'invitation_not_for_you';
  if (!invitee.emailVerified) return 'email_not_verified';
  return null;
}

/** Accepting: 'noop' when this caller already accepted it (a retried call). */
export function acceptDecision(invitation: Invitation, invitee: Invitee, at: number): 'accept' | 'noop' | Reason {
  const denial = inviteeDenial(invitation, invitee);
  if (denial) return denial;
  switch (invitation.status) {
    case 'accepted':
      return invitation.respondedBy === invitee.uid ? 'noop' : 'invitation_already_accepted';
    case 'declined':
      return 'invitation_declined';
    case 'revoked':
      return 'invitation_revoked';
    case 'pending':
      return isExpired(invitation, at) ? 'invitation_expired' : 'accept';
  }
}

/** Declining: 'noop' when it is already declined (a retried call). */
export function declineDecision(invitation: Invitation, invitee: Invitee, at: number): 'decline' | 'noop' | Reason {
  const denial = inviteeDenial(invitation, invitee);
  if (denial) return denial;
  switch (invitation.status) {
    case 'declined':
      return 'noop';
    case 'accepted':
      return 'invitation_already_accepted';
    case 'revoked':
      return 'invitation_revoked';
    case 'pending':
      return isExpired(invitation, at) ? 'invitation_expired' : 'decline';
  }
}

/**
 * Revoking, by the store's owner: a pending invitation (expired or not) is revoked; 'noop' when it
 * already is. An accepted one made a member: remove the member instead.
 */
export function revokeDecision(invitation: Invitation): 'revoke' | 'noop' | Reason {
  switch (invitation.status) {
    case 'revoked':
      return 'noop';
    case 'accepted':
      return 'invitation_already_accepted';
    case 'declined':
      return 'invitation_declined';
    case 'pending':
      return 'revoke';
  }
}

/** The invitation after an answer. */
export function answered(invitation: Invitation, status: Exclude<InvitationStatus, 'pending'>, byUid: string, at: number): Invitation {
  return { ...invitation, status, updatedAt: at, respondedAt: at, respondedBy: byUid };
}
