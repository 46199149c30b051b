import { strict as assert } from 'node:assert';
import { addStoreMember, removeStoreMember } from '../../src/callables/storeMembers';
import { MAX_STORES_PER_USER } from '../../src/domain/permissions';
import { db } from '../../src/infra/firestore';
import { installFakeAuth } from '../support/auth';
import { as, call } from '../support/callables';
import { dumpDatabase } from '../support/database';
import { expectDenied, fieldPaths } from '../support/denials';
import { OTHER_STORE_ID, seedStore, STORE_ID } from '../support/fixtures';
import { seedMember } from '../support/partners';

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

  describe('addStoreMember', () => {
    it('the owner adds a user by email as staff: membership, mirror, claims and metadata', async () => {
      const result = await call(addStoreMember, { storeId: STORE_ID, email: '  Barista@Example.COM ', role: 'staff' }, owner());
      assert.deepEqual(result, { storeId: STORE_ID, uid: BARISTA, role: 'staff', added: true });

      const member = (await doc(`stores/${STORE_ID}/members/${BARISTA}`))!;
      assert.equal(member.role, 'staff');
      assert.equal(member.uid, BARISTA);
      assert.equal(member.email, 'barista@example.com');
      assert.equal(member.addedBy, OWNER);

      const user = (await doc(`users/${BARISTA}`))!;
      assert.deepEqual(user.stores, { [STORE_ID]: 'staff' });
      assert.equal(user.membershipVersion, 1);
      assert.equal(user.claimsVersion, 1);
      assert.ok(user.claimsUpdatedAt.toMillis() > 0);
      assert.deepEqual(auth.claimsOf(BARISTA), { stores: { [STORE_ID]: 'staff' } });
    });

    it("keeps the member's claims for other stores and their admin claim", async () => {
      await seedMember(auth, OTHER_STORE_ID, BARISTA, 'owner');
      await auth.setCustomUserClaims(BARISTA, { ...auth.claimsOf(BARISTA), admin: true });
      await call(addStoreMember, { storeId: STORE_ID, email: 'barista@example.com', role: 'owner' }, owner());
      assert.deepEqual(auth.claimsOf(BARISTA), { admin: true, stores: { [OTHER_STORE_ID]: 'owner', [STORE_ID]: 'owner' } });
      assert.deepEqual((await doc(`users/${BARISTA}`))!.stores, { [OTHER_STORE_ID]: 'owner', [STORE_ID]: 'owner' });
    });

    it('adding the same user with the same role again changes nothing', async () => {
      await call(addStoreMember, { storeId: STORE_ID, email: 'barista@example.com', role: 'staff' }, owner());
      const before = await dumpDatabase();
      const writes = auth.claimsWrites.length;
      const again = await call(addStoreMember, { storeId: STORE_ID, email: 'barista@example.com', role: 'staff' }, owner());
      assert.equal(again.added, false);
      assert.deepEqual(await dumpDatabase(), before);
      assert.equal(auth.claimsWrites.length, writes);
    });

    it('a user who holds another role at the store is refused', async () => {
      const error = await expectDenied(
        auth,
        () => call(addStoreMember, { storeId: STORE_ID, email: `${STAFF}@example.com`, role: 'owner' }, owner()),
        'already-exists',
        'already_member',
      );
      assert.equal((error.details as { role: string }).role, 'staff');
    });

    it('an email nobody signed up with is not found', async () => {
      await expectDenied(
        auth,
        () => call(addStoreMember, { storeId: STORE_ID, email: 'nobody@example.com', role: 'staff' }, owner()),
        'not-found',
        'user_not_found',
      );
    });

    it(`a user at ${MAX_STORES_PER_USER} stores cannot join another`, async () => {
      for (let i = 0; i < MAX_STORES_PER_USER; i += 1) await seedMember(auth, `store-${i}`, BARISTA, 'staff');
      await expectDenied(
        auth,
        () => call(addStoreMember, { storeId: STORE_ID, email: 'barista@example.com', role: 'staff' }, owner()),
        'resource-exhausted',
        'too_many_stores',
      );
    });

    it('only the owner (or an admin) manages members', async () => {
      const input = { storeId: STORE_ID, email: 'barista@example.com', role: 'staff' };
      await expectDenied(auth, () => call(addStoreMember, input, staff()), 'permission-denied', 'store_owner_only');
      await expectDenied(auth, () => call(addStoreMember, input, auth.tokenOf(`owner-of-${OTHER_STORE_ID}`)), 'permission-denied', 'not_store_member');
      await expectDenied(auth, () => call(addStoreMember, input, as.customer()), 'permission-denied', 'not_store_member');
      await expectDenied(auth, () => call(addStoreMember, input, as.anonymous), 'unauthenticated', 'unauthenticated');
      const byAdmin = await call(addStoreMember, input, as.admin());
      assert.equal(byAdmin.added, true);
    });

    it('a removed owner whose token still says owner cannot add anyone (not even themself back)', async () => {
      await seedMember(auth, STORE_ID, 'co-owner', 'owner');
      const staleToken = auth.tokenOf('co-owner');
      await call(removeStoreMember, { storeId: STORE_ID, uid: 'co-owner' }, owner());
      await expectDenied(
        auth,
        () => call(addStoreMember, { storeId: STORE_ID, email: 'co-owner@example.com', role: 'owner' }, staleToken),
        'permission-denied',
        'not_store_member',
      );
      await expectDenied(
        auth,
        () => call(removeStoreMember, { storeId: STORE_ID, uid: OWNER }, staleToken),
        'permission-denied',
        'not_store_member',
      );
    });

    it('an admin adding to a store that does not exist', async () => {
      await expectDenied(
        auth,
        () => call(addStoreMember, { storeId: 'no-store', email: 'barista@example.com', role: 'staff' }, as.admin()),
        'not-found',
        'store_not_found',
      );
    });

    it('rejects bad input with the field paths', async () => {
      const cases: [object, string][] = [
        [{ storeId: STORE_ID, email: 'not-an-email', role: 'staff' }, 'email'],
        [{ storeId: STORE_ID, email: 'barista@example.com', role: 'manager' }, 'role'],
        [{ email: 'barista@example.com', role: 'staff' }, 'storeId'],
        [{ storeId: STORE_ID, email: 'barista@example.com', role: 'staff', uid: BARISTA }, ''],
      ];
      for (const [input, path] of cases) {
        const error = await expectDenied(auth, () => call(addStoreMember, input, owner()), 'invalid-argument', 'invalid_argument');
        assert.ok(fieldPaths(error).includes(path), `${path} in ${JSON.stringify(fieldPaths(error))}`);
      }
    });
  });

  describe('removeStoreMember', () => {
    it('the owner removes staff: membership gone, mirror and claims follow', async () => {
      await seedMember(auth, OTHER_STORE_ID, STAFF, 'staff');
      const result = await call(removeStoreMember, { storeId: STORE_ID, uid: STAFF }, owner());
      assert.deepEqual(result, { storeId: STORE_ID, uid: STAFF, removed: true });
      assert.equal(await doc(`stores/${STORE_ID}/members/${STAFF}`), undefined);
      const user = (await doc(`users/${STAFF}`))!;
      assert.deepEqual(user.stores, { [OTHER_STORE_ID]: 'staff' });
      assert.equal(user.claimsVersion, user.membershipVersion);
      assert.deepEqual(auth.claimsOf(STAFF), { stores: { [OTHER_STORE_ID]: 'staff' } });
    });

    it('removing the last store drops the stores claim and keeps the rest', async () => {
      await auth.setCustomUserClaims(STAFF, { ...auth.claimsOf(STAFF), admin: true });
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
      await expectDenied(auth, () => call(removeStoreMember, { storeId: STORE_ID, uid: OWNER }, owner()), 'failed-precondition', 'last_owner');
      await expectDenied(auth, () => call(removeStoreMember, { storeId: STORE_ID, uid: OWNER }, as.admin()), 'failed-precondition', 'last_owner');
    });

    it('with a second owner, an owner may leave', async () => {
      await call(addStoreMember, { storeId: STORE_ID, email: 'barista@example.com', role: 'owner' }, owner());
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
      await expectDenied(auth, () => call(removeStoreMember, input, auth.tokenOf(`owner-of-${OTHER_STORE_ID}`)), 'permission-denied', 'not_store_member');
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
