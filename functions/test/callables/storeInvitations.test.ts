// Store invitations end to end (callables/storeInvitations.ts): a seat at a store needs the
// invitee's consent and a verified address, expires, can be revoked, and only the accepted
// membership receives the store's pushes and reads other members' emails (owners).
import { strict as assert } from 'node:assert';
import type { QueryDocumentSnapshot } from 'firebase-admin/firestore';
import {
  acceptStoreInvitation,
  declineStoreInvitation,
  inviteStoreMember,
  revokeStoreInvitation,
} from '../../src/callables/storeInvitations';
import { DAY_MS } from '../../src/domain/invitations';
import { MAX_STORES_PER_USER } from '../../src/domain/permissions';
import { db } from '../../src/infra/firestore';
import { onOrderCreated } from '../../src/triggers/orderCreated';
import { installFakeAuth } from '../support/auth';
import { as, call, functionsTest } from '../support/callables';
import { dumpDatabase } from '../support/database';
import { expectDenied, fieldPaths } from '../support/denials';
import { OTHER_STORE_ID, seedStore, STORE_ID } from '../support/fixtures';
import { eventId, orderSnapshot, seedDevices, useNotificationFakes } from '../support/notifications';
import { CUSTOMER, placePickup } from '../support/orders';
import { seedMember } from '../support/partners';
import { setDependenciesForTest } from '../../src/deps';

const OWNER = `owner-of-${STORE_ID}`;
const STAFF = `staff-of-${STORE_ID}`;
const LEE = 'lee';
const T0 = Date.parse('2026-12-01T01:00:00Z');

const doc = async (path: string) => (await db().doc(path).get()).data();

describe('store invitations', () => {
  const auth = installFakeAuth();
  const fakes = useNotificationFakes(); // also resets the clock after each test
  const owner = () => auth.tokenOf(OWNER);
  const lee = () => auth.tokenOf(LEE);
  const invite = async (email = 'lee@example.com', role = 'staff', by = owner()) =>
    call(inviteStoreMember, { storeId: STORE_ID, email, role }, by);

  beforeEach(async () => {
    setDependenciesForTest({ clock: () => T0 });
    await seedStore(STORE_ID);
    await seedStore(OTHER_STORE_ID);
    await seedMember(auth, STORE_ID, OWNER, 'owner');
    await seedMember(auth, STORE_ID, STAFF, 'staff');
    auth.addUser(LEE, 'lee@example.com');
  });

  it('invite → accept: the membership, its contact, the mirror and the claims exist only after acceptance', async () => {
    const invited = await invite('  Lee@Example.COM ');
    assert.equal(invited.created, true);
    assert.equal(invited.email, 'lee@example.com');
    assert.equal(invited.status, 'pending');
    assert.equal(invited.storeName, '고카페인 테스트점');
    assert.equal(invited.expiresAt, new Date(T0 + 7 * DAY_MS).toISOString());
    assert.equal(await doc(`stores/${STORE_ID}/members/${LEE}`), undefined, 'no seat before consent');
    assert.equal(await doc(`users/${LEE}`), undefined);
    assert.deepEqual(auth.claimsOf(LEE), {});

    const accepted = await call(acceptStoreInvitation, { invitationId: invited.invitationId }, lee());
    assert.deepEqual(accepted, { invitationId: invited.invitationId, storeId: STORE_ID, role: 'staff', accepted: true });
    const member = (await doc(`stores/${STORE_ID}/members/${LEE}`))!;
    assert.equal(member.role, 'staff');
    assert.equal(member.addedBy, OWNER);
    assert.equal(member.invitationId, invited.invitationId);
    assert.equal(member.email, undefined, 'every member reads this document: no email on it');
    assert.deepEqual(await doc(`stores/${STORE_ID}/memberContacts/${LEE}`), { storeId: STORE_ID, uid: LEE, email: 'lee@example.com' });
    assert.deepEqual((await doc(`users/${LEE}`))!.stores, { [STORE_ID]: 'staff' });
    assert.deepEqual(auth.claimsOf(LEE), { stores: { [STORE_ID]: 'staff' } });
    const stored = (await doc(`storeInvitations/${invited.invitationId}`))!;
    assert.equal(stored.status, 'accepted');
    assert.equal(stored.respondedBy, LEE);
  });

  it("a new member gets no push before accepting, and the next order's push after", async () => {
    await seedDevices(LEE, ['lee-phone']);
    await seedDevices(OWNER, ['owner-phone']);
    auth.addUser(CUSTOMER); // placeOrder checks the customer's account is active
    const wrapped = functionsTest.wrap(onOrderCreated);
    const pushFor = async () => {
      const orderId = await placePickup();
      await wrapped({ data: (await orderSnapshot(orderId)) as QueryDocumentSnapshot, params: { orderId }, id: eventId() } as never);
      return fakes.messaging().sends.at(-1)!.tokens;
    };
    const { invitationId } = await invite();
    assert.deepEqual(await pushFor(), ['owner-phone']);
    await call(acceptStoreInvitation, { invitationId }, lee());
    assert.deepEqual([...(await pushFor())].sort(), ['lee-phone', 'owner-phone']);
  });

  it('only the verified owner of the invited address may accept', async () => {
    const { invitationId } = await invite();
    // Someone who registered with another address.
    auth.addUser('kim', 'kim@example.com');
    await expectDenied(
      auth,
      () => call(acceptStoreInvitation, { invitationId }, auth.tokenOf('kim')),
      'permission-denied',
      'invitation_not_for_you',
    );
    // The same address, registered first by someone who never proved it is theirs.
    auth.addUser('squatter', 'lee@example.com', {}, { emailVerified: false });
    await expectDenied(
      auth,
      () => call(acceptStoreInvitation, { invitationId }, auth.tokenOf('squatter')),
      'failed-precondition',
      'email_not_verified',
    );
    // A token that says verified is checked against the Auth record (changed since it was minted).
    const staleToken = lee();
    auth.setEmail(LEE, 'lee@example.com', false);
    await expectDenied(auth, () => call(acceptStoreInvitation, { invitationId }, staleToken), 'failed-precondition', 'email_not_verified');
    auth.setEmail(LEE, 'lee.new@example.com', true);
    await expectDenied(auth, () => call(acceptStoreInvitation, { invitationId }, staleToken), 'failed-precondition', 'email_not_verified');
    await expectDenied(
      auth,
      () => call(acceptStoreInvitation, { invitationId }, as.customer(LEE)),
      'permission-denied',
      'invitation_not_for_you',
    );
    assert.equal(await doc(`stores/${STORE_ID}/members/${LEE}`), undefined);
  });

  it('retries are no-ops: inviting again, accepting again, declining again, revoking again', async () => {
    const first = await invite();
    const before = await dumpDatabase();
    const again = await invite();
    assert.equal(again.created, false);
    assert.equal(again.invitationId, first.invitationId);
    assert.deepEqual(await dumpDatabase(), before);

    await call(acceptStoreInvitation, { invitationId: first.invitationId }, lee());
    const afterAccept = await dumpDatabase();
    const writes = auth.claimsWrites.length;
    const replay = await call(acceptStoreInvitation, { invitationId: first.invitationId }, lee());
    assert.equal(replay.accepted, false);
    assert.deepEqual(await dumpDatabase(), afterAccept);
    assert.equal(auth.claimsWrites.length, writes);

    auth.addUser('park', 'park@example.com');
    const toPark = await invite('park@example.com');
    assert.equal((await call(declineStoreInvitation, { invitationId: toPark.invitationId }, auth.tokenOf('park'))).declined, true);
    assert.equal((await call(declineStoreInvitation, { invitationId: toPark.invitationId }, auth.tokenOf('park'))).declined, false);
    await expectDenied(
      auth,
      () => call(acceptStoreInvitation, { invitationId: toPark.invitationId }, auth.tokenOf('park')),
      'failed-precondition',
      'invitation_declined',
    );

    auth.addUser('choi', 'choi@example.com');
    const toChoi = await invite('choi@example.com');
    assert.equal((await call(revokeStoreInvitation, { invitationId: toChoi.invitationId }, owner())).revoked, true);
    assert.equal((await call(revokeStoreInvitation, { invitationId: toChoi.invitationId }, owner())).revoked, false);
    await expectDenied(
      auth,
      () => call(acceptStoreInvitation, { invitationId: toChoi.invitationId }, auth.tokenOf('choi')),
      'failed-precondition',
      'invitation_revoked',
    );
    // An accepted invitation is not revoked: the member is removed instead.
    await expectDenied(
      auth,
      () => call(revokeStoreInvitation, { invitationId: first.invitationId }, owner()),
      'failed-precondition',
      'invitation_already_accepted',
    );
  });

  it('expires after STORE_INVITATION_TTL_DAYS (default 7); inviting again issues a fresh one', async () => {
    const { invitationId } = await invite();
    setDependenciesForTest({ clock: () => T0 + 7 * DAY_MS });
    await expectDenied(auth, () => call(acceptStoreInvitation, { invitationId }, lee()), 'failed-precondition', 'invitation_expired');
    process.env.STORE_INVITATION_TTL_DAYS = '2';
    try {
      const fresh = await invite();
      assert.equal(fresh.created, true);
      assert.equal(fresh.invitationId, invitationId);
      assert.equal(fresh.expiresAt, new Date(T0 + 9 * DAY_MS).toISOString());
    } finally {
      delete process.env.STORE_INVITATION_TTL_DAYS;
    }
    assert.equal((await call(acceptStoreInvitation, { invitationId }, lee())).accepted, true);
  });

  it('a new role replaces the pending invitation; a member of another role is refused at acceptance', async () => {
    await invite('lee@example.com', 'staff');
    const asOwner = await invite('lee@example.com', 'owner');
    assert.equal(asOwner.created, true);
    assert.equal(asOwner.role, 'owner');
    await call(acceptStoreInvitation, { invitationId: asOwner.invitationId }, lee());
    assert.deepEqual(auth.claimsOf(LEE), { stores: { [STORE_ID]: 'owner' } });

    const toStaff = await invite(`${STAFF}@example.com`, 'owner');
    const error = await expectDenied(
      auth,
      () => call(acceptStoreInvitation, { invitationId: toStaff.invitationId }, auth.tokenOf(STAFF)),
      'already-exists',
      'already_member',
    );
    assert.equal((error.details as { role: string }).role, 'staff');
  });

  it(`a user at ${MAX_STORES_PER_USER} stores cannot accept another`, async () => {
    for (let i = 0; i < MAX_STORES_PER_USER; i += 1) await seedMember(auth, `store-${i}`, LEE, 'staff');
    const { invitationId } = await invite();
    await expectDenied(auth, () => call(acceptStoreInvitation, { invitationId }, lee()), 'resource-exhausted', 'too_many_stores');
  });

  it('only owners (or admins) invite and revoke; staff and strangers are refused', async () => {
    const input = { storeId: STORE_ID, email: 'lee@example.com', role: 'staff' };
    await expectDenied(auth, () => call(inviteStoreMember, input, auth.tokenOf(STAFF)), 'permission-denied', 'store_owner_only');
    await expectDenied(auth, () => call(inviteStoreMember, input, as.customer()), 'permission-denied', 'not_store_member');
    // A token claiming ownership without the membership document is nobody.
    await expectDenied(auth, () => call(inviteStoreMember, input, as.owner(STORE_ID, 'ghost')), 'permission-denied', 'not_store_member');
    const { invitationId } = await call(inviteStoreMember, input, as.admin());
    await expectDenied(
      auth,
      () => call(revokeStoreInvitation, { invitationId }, auth.tokenOf(STAFF)),
      'permission-denied',
      'store_owner_only',
    );
    await expectDenied(auth, () => call(revokeStoreInvitation, { invitationId }, lee()), 'permission-denied', 'not_store_member');
    await expectDenied(auth, () => call(inviteStoreMember, { ...input, storeId: 'no-store' }, as.admin()), 'not-found', 'store_not_found');
    await expectDenied(auth, () => call(acceptStoreInvitation, { invitationId: 'missing' }, lee()), 'not-found', 'invitation_not_found');
  });

  it('rejects bad input with the field paths', async () => {
    const cases: [object, string][] = [
      [{ storeId: STORE_ID, email: 'not-an-email', role: 'staff' }, 'email'],
      [{ storeId: STORE_ID, email: 'lee@example.com', role: 'manager' }, 'role'],
      [{ email: 'lee@example.com', role: 'staff' }, 'storeId'],
      [{ storeId: STORE_ID, email: 'lee@example.com', role: 'staff', uid: LEE }, ''],
    ];
    for (const [input, path] of cases) {
      const error = await expectDenied(auth, () => call(inviteStoreMember, input, owner()), 'invalid-argument', 'invalid_argument');
      assert.ok(fieldPaths(error).includes(path), `${path} in ${JSON.stringify(fieldPaths(error))}`);
    }
    const error = await expectDenied(
      auth,
      () => call(acceptStoreInvitation, { invitationId: 'a/b' }, lee()),
      'invalid-argument',
      'invalid_argument',
    );
    assert.ok(fieldPaths(error).includes('invitationId'));
  });
});
