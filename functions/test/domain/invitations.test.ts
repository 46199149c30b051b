import assert from 'node:assert/strict';
import {
  acceptDecision,
  answered,
  DAY_MS,
  declineDecision,
  Invitation,
  INVITATION_STATUSES,
  invitationIdFor,
  InvitationStatus,
  inviteDecision,
  Invitee,
  inviteeDenial,
  isLive,
  revokeDecision,
} from '../../src/domain/invitations';

const T0 = Date.parse('2026-12-01T00:00:00Z');
const REQUEST = { storeId: 's1', storeName: '고카페인', email: 'Lee@Example.com', role: 'staff' as const, invitedBy: 'owner-1' };

function invitation(status: InvitationStatus, overrides: Partial<Invitation> = {}): Invitation {
  const fresh = inviteDecision(null, REQUEST, T0, 7).invitation;
  return { ...fresh, status, ...overrides };
}

const verified: Invitee = { uid: 'lee', email: 'lee@example.com', emailVerified: true };
const BEFORE_EXPIRY = T0 + 7 * DAY_MS - 1;
const AT_EXPIRY = T0 + 7 * DAY_MS;

describe('domain/invitations', () => {
  it('one id per (store, email), whatever the case of the email', () => {
    assert.equal(invitationIdFor('s1', 'Lee@Example.com'), invitationIdFor('s1', 'lee@example.com'));
    assert.notEqual(invitationIdFor('s1', 'lee@example.com'), invitationIdFor('s2', 'lee@example.com'));
    assert.notEqual(invitationIdFor('s1', 'lee@example.com'), invitationIdFor('s1', 'kim@example.com'));
    assert.match(invitationIdFor('s1', 'lee@example.com'), /^[A-Za-z0-9_-]{24}$/);
  });

  describe('inviting', () => {
    it('issues a pending invitation with a lower-case email that expires after the TTL', () => {
      const { kind, invitation: issued } = inviteDecision(null, REQUEST, T0, 7);
      assert.equal(kind, 'issue');
      assert.deepEqual(issued, {
        invitationId: invitationIdFor('s1', 'lee@example.com'),
        storeId: 's1',
        storeName: '고카페인',
        email: 'lee@example.com',
        role: 'staff',
        status: 'pending',
        invitedBy: 'owner-1',
        createdAt: T0,
        updatedAt: T0,
        expiresAt: T0 + 7 * DAY_MS,
        respondedAt: null,
        respondedBy: null,
      });
      assert.equal(inviteDecision(null, REQUEST, T0, 1).invitation.expiresAt, T0 + DAY_MS);
    });

    it('a live invitation with the same role: noop (a retry keeps the original expiry)', () => {
      const current = invitation('pending');
      const again = inviteDecision(current, REQUEST, T0 + 1000, 7);
      assert.equal(again.kind, 'noop');
      assert.equal(again.invitation, current);
    });

    it('replaces a live one with another role, and any expired, declined, revoked or accepted one', () => {
      assert.equal(inviteDecision(invitation('pending'), { ...REQUEST, role: 'owner' }, T0, 7).kind, 'issue');
      assert.equal(inviteDecision(invitation('pending'), REQUEST, AT_EXPIRY, 7).kind, 'issue');
      for (const status of ['declined', 'revoked', 'accepted'] as const) {
        const next = inviteDecision(invitation(status), REQUEST, T0 + 5, 7);
        assert.equal(next.kind, 'issue', status);
        assert.equal(next.invitation.status, 'pending');
        assert.equal(next.invitation.respondedBy, null);
        assert.equal(next.invitation.expiresAt, T0 + 5 + 7 * DAY_MS);
      }
    });

    it('is live only while pending and before expiresAt', () => {
      assert.equal(isLive(invitation('pending'), BEFORE_EXPIRY), true);
      assert.equal(isLive(invitation('pending'), AT_EXPIRY), false);
      for (const status of ['accepted', 'declined', 'revoked'] as const) assert.equal(isLive(invitation(status), T0), false);
    });
  });

  describe('who may answer', () => {
    it('only the invited email (any case), and only once verified', () => {
      const pending = invitation('pending');
      assert.equal(inviteeDenial(pending, verified), null);
      assert.equal(inviteeDenial(pending, { ...verified, email: 'LEE@example.COM' }), null);
      assert.equal(inviteeDenial(pending, { ...verified, email: 'kim@example.com' }), 'invitation_not_for_you');
      assert.equal(inviteeDenial(pending, { ...verified, email: null }), 'invitation_not_for_you');
      assert.equal(inviteeDenial(pending, { ...verified, emailVerified: false }), 'email_not_verified');
      // Someone else's address is refused as not theirs, verified or not.
      assert.equal(inviteeDenial(pending, { uid: 'x', email: 'kim@example.com', emailVerified: false }), 'invitation_not_for_you');
    });
  });

  // Every status × (before, at expiry) for each answer: the complete table.
  const TABLE: Record<'accept' | 'decline' | 'revoke', Record<InvitationStatus, [before: string, atExpiry: string]>> = {
    accept: {
      pending: ['accept', 'invitation_expired'],
      accepted: ['noop', 'noop'], // by the same uid; another uid: invitation_already_accepted
      declined: ['invitation_declined', 'invitation_declined'],
      revoked: ['invitation_revoked', 'invitation_revoked'],
    },
    decline: {
      pending: ['decline', 'invitation_expired'],
      accepted: ['invitation_already_accepted', 'invitation_already_accepted'],
      declined: ['noop', 'noop'],
      revoked: ['invitation_revoked', 'invitation_revoked'],
    },
    revoke: {
      pending: ['revoke', 'revoke'],
      accepted: ['invitation_already_accepted', 'invitation_already_accepted'],
      declined: ['invitation_declined', 'invitation_declined'],
      revoked: ['noop', 'noop'],
    },
  };

  for (const answer of ['accept', 'decline', 'revoke'] as const) {
    it(`${answer}: every status, before and at expiry`, () => {
      assert.deepEqual(Object.keys(TABLE[answer]).sort(), [...INVITATION_STATUSES].sort());
      for (const status of INVITATION_STATUSES) {
        const current = invitation(status, { respondedBy: status === 'pending' ? null : 'lee' });
        [BEFORE_EXPIRY, AT_EXPIRY].forEach((at, i) => {
          const got =
            answer === 'accept'
              ? acceptDecision(current, verified, at)
              : answer === 'decline'
                ? declineDecision(current, verified, at)
                : revokeDecision(current);
          assert.equal(got, TABLE[answer][status][i], `${answer} ${status} ${i ? 'at expiry' : 'before'}`);
        });
      }
    });
  }

  it('an invitation accepted by someone else is not accepted again', () => {
    assert.equal(acceptDecision(invitation('accepted', { respondedBy: 'other' }), verified, T0), 'invitation_already_accepted');
  });

  it('the invitee checks come before the status: a stranger learns nothing about its state', () => {
    const stranger: Invitee = { uid: 'kim', email: 'kim@example.com', emailVerified: true };
    for (const status of INVITATION_STATUSES) {
      assert.equal(acceptDecision(invitation(status), stranger, T0), 'invitation_not_for_you');
      assert.equal(declineDecision(invitation(status), stranger, T0), 'invitation_not_for_you');
      assert.equal(acceptDecision(invitation(status), { ...verified, emailVerified: false }, T0), 'email_not_verified');
    }
  });

  it('answered() records the status, when and by whom', () => {
    const result = answered(invitation('pending'), 'accepted', 'lee', T0 + 9);
    assert.equal(result.status, 'accepted');
    assert.equal(result.respondedAt, T0 + 9);
    assert.equal(result.respondedBy, 'lee');
    assert.equal(result.updatedAt, T0 + 9);
    assert.equal(result.createdAt, T0);
  });
});
