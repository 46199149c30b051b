import { strict as assert } from 'node:assert';
import { inviteStoreMember } from '../../src/callables/storeInvitations';
import { removeStoreMember } from '../../src/callables/storeMembers';
import { db } from '../../src/infra/firestore';
import { setAdmin } from '../../src/app/partnerClaims';
import { installFakeAuth } from '../support/auth';
import { as, call } from '../support/callables';
import { dumpDatabase } from '../support/database';
import { expectDenied, fieldPaths } from '../support/denials';
import { OTHER_STORE_ID, seedStore, STORE_ID } from '../support/fixtures';
import { joinByInvitation, seedMember } from '../support/partners';

const OWNER = `owner-of-${STORE_ID}`;
const STAFF = `staff-of-${STORE_ID}`;
const BARISTA = 'barista-1';

const doc = async (path: string) => (await db().doc(path).get()).data();

describe('store members', () => {
  const auth = installFakeAuth();
  const owner = () => auth.tokenOf(OWNER);
  const staff = () => auth.tokenOf(STAFF);

  beforeEach(async () => {
    await seedStore(STORE_ID);
    await seedStore(OTHER_STORE_ID);
    await seedMember(auth, STORE_ID, OWNER, 'owner');
    await seedMember(auth, STORE_ID, STAFF, 'staff');
    await seedMember(auth, OTHER_STORE_ID, `owner-of-${OTHER_STORE_ID}`, 'owner');
    auth.addUser(BARISTA, 'barista@example.com');
  });

  it('a removed owner whose token still says owner cannot remove anyone, nor invite themself back', async () => {
    await seedMember(auth, STORE_ID, 'co-owner', 'owner');
    const staleToken = auth.tokenOf('co-owner');
    await call(removeStoreMember, { storeId: STORE_ID, uid: 'co-owner' }, owner());
    await expectDenied(
      auth,
      () => call(removeStoreMember, { storeId: STORE_ID, uid: OWNER }, staleToken),
      'permission-denied',
      'not_store_member',
    );
    await expectDenied(
      auth,
      () => call(inviteStoreMember, { storeId: STORE_ID, email: 'co-owner@example.com', role: 'owner' }, staleToken),
      'permission-denied',
      'not_store_member',
    );
  });

  describe('removeStoreMember', () => {
    it('the owner removes staff: membership gone, mirror and claims follow', async () => {
      await seedMember(auth, OTHER_STORE_ID, STAFF, 'staff');
      const result = await call(removeStoreMember, { storeId: STORE_ID, uid: STAFF }, owner());
      assert.deepEqual(result, { storeId: STORE_ID, uid: STAFF, removed: true });
      assert.equal(await doc(`stores/${STORE_ID}/members/${STAFF}`), undefined);
      assert.equal(await doc(`stores/${STORE_ID}/memberContacts/${STAFF}`), undefined);
      const user = (await doc(`users/${STAFF}`))!;
      assert.deepEqual(user.stores, { [OTHER_STORE_ID]: 'staff' });
      assert.equal(user.claimsVersion, user.membershipVersion);
      assert.deepEqual(auth.claimsOf(STAFF), { stores: { [OTHER_STORE_ID]: 'staff' } });
    });

    it('removing the last store drops the stores claim and keeps the rest', async () => {
      await setAdmin(STAFF, true);
      await call(removeStoreMember, { storeId: STORE_ID, uid: STAFF }, owner());
      assert.deepEqual(auth.claimsOf(STAFF), { admin: true });
      assert.deepEqual((await doc(`users/${STAFF}`))!.stores, {});
    });

    it('removing someone who is not a member changes nothing', async () => {
      const before = await dumpDatabase();
      const result = await call(removeStoreMember, { storeId: STORE_ID, uid: BARISTA }, owner());
      assert.equal(result.removed, false);
      assert.deepEqual(await dumpDatabase(), before);
      assert.equal(auth.claimsWrites.length, 0);
    });

    it('the only owner cannot remove themself, nor can an admin remove them', async () => {
      await expectDenied(
        auth,
        () => call(removeStoreMember, { storeId: STORE_ID, uid: OWNER }, owner()),
        'failed-precondition',
        'last_owner',
      );
      await expectDenied(
        auth,
        () => call(removeStoreMember, { storeId: STORE_ID, uid: OWNER }, as.admin()),
        'failed-precondition',
        'last_owner',
      );
    });

    it('with a second owner, an owner may leave', async () => {
      await joinByInvitation(auth, owner(), STORE_ID, BARISTA, 'owner');
      await call(removeStoreMember, { storeId: STORE_ID, uid: OWNER }, owner());
      assert.equal(await doc(`stores/${STORE_ID}/members/${OWNER}`), undefined);
      assert.deepEqual(auth.claimsOf(OWNER), {});
      // Now the barista is the only owner.
      await expectDenied(
        auth,
        () => call(removeStoreMember, { storeId: STORE_ID, uid: BARISTA }, auth.tokenOf(BARISTA)),
        'failed-precondition',
        'last_owner',
      );
    });

    it('only the owner (or an admin) removes members', async () => {
      const input = { storeId: STORE_ID, uid: STAFF };
      await expectDenied(auth, () => call(removeStoreMember, input, staff()), 'permission-denied', 'store_owner_only');
      await expectDenied(
        auth,
        () => call(removeStoreMember, input, auth.tokenOf(`owner-of-${OTHER_STORE_ID}`)),
        'permission-denied',
        'not_store_member',
      );
      await expectDenied(auth, () => call(removeStoreMember, input, as.customer()), 'permission-denied', 'not_store_member');
      await expectDenied(auth, () => call(removeStoreMember, input, as.anonymous), 'unauthenticated', 'unauthenticated');
      assert.equal((await call(removeStoreMember, input, as.admin())).removed, true);
    });

    it('rejects bad input with the field paths', async () => {
      for (const [input, path] of [
        [{ storeId: STORE_ID }, 'uid'],
        [{ storeId: STORE_ID, uid: 'a/b' }, 'uid'],
      ] as const) {
        const error = await expectDenied(auth, () => call(removeStoreMember, input, owner()), 'invalid-argument', 'invalid_argument');
        assert.ok(fieldPaths(error).includes(path));
      }
    });
  });
});
