import assert from 'node:assert/strict';
import {
  Caller,
  CLAIMS_BYTE_LIMIT,
  claimsByteSize,
  isAdmin,
  requireAdmin,
  requireStoreAction,
  sameClaims,
  storeRoleOf,
  withStoreClaims,
} from '../../src/access/claims';
import { MAX_STORES_PER_USER, StoreRole } from '../../src/domain/permissions';
import { DomainError } from '../../src/domain/reasons';

const caller = (token: Record<string, unknown>): Caller => ({ uid: 'u1', token });

/** A Firestore auto id, the length of every real store id (stores take their application's id). */
const storeId = (i: number) => `Store${String(i).padStart(15, '0')}`;

describe('custom claims', () => {
  describe('reading the caller', () => {
    it('finds the role per store, and nothing for other stores or malformed claims', () => {
      const c = caller({ stores: { s1: 'owner', s2: 'staff', s3: 'manager' } });
      assert.equal(storeRoleOf(c, 's1'), 'owner');
      assert.equal(storeRoleOf(c, 's2'), 'staff');
      assert.equal(storeRoleOf(c, 's3'), null);
      assert.equal(storeRoleOf(c, 's4'), null);
      assert.equal(storeRoleOf(caller({ stores: 'owner' }), 's1'), null);
      assert.equal(storeRoleOf(caller({}), 's1'), null);
    });

    it('admin only when the claim is exactly true', () => {
      assert.equal(isAdmin(caller({ admin: true })), true);
      assert.equal(isAdmin(caller({ admin: 'true' })), false);
      assert.equal(isAdmin(caller({})), false);
      assert.throws(() => requireAdmin(caller({ stores: { s1: 'owner' } })), reason('admin_only'));
      assert.doesNotThrow(() => requireAdmin(caller({ admin: true })));
    });

    it('requireStoreAction follows the permission table', () => {
      const owner = caller({ stores: { s1: 'owner' } });
      const staff = caller({ stores: { s1: 'staff' } });
      assert.doesNotThrow(() => requireStoreAction(owner, 's1', 'manage_menu'));
      assert.doesNotThrow(() => requireStoreAction(staff, 's1', 'process_orders'));
      assert.throws(() => requireStoreAction(staff, 's1', 'manage_menu'), reason('store_owner_only'));
      assert.throws(() => requireStoreAction(owner, 's2', 'manage_menu'), reason('not_store_member'));
      assert.doesNotThrow(() => requireStoreAction(caller({ admin: true }), 's2', 'manage_members'));
    });
  });

  describe('writing the claims', () => {
    it('replaces stores and keeps every other claim', () => {
      const existing = { admin: true, tier: 'gold', stores: { old: 'owner' } };
      assert.deepEqual(withStoreClaims(existing, { s1: 'staff' }), { admin: true, tier: 'gold', stores: { s1: 'staff' } });
      assert.deepEqual(existing.stores, { old: 'owner' }, 'the input is not changed');
    });

    it('drops the stores key, and only it, when the user belongs to no store', () => {
      assert.deepEqual(withStoreClaims({ admin: true, stores: { s1: 'owner' } }, {}), { admin: true });
      assert.deepEqual(withStoreClaims(undefined, {}), {});
    });

    it('writes stores in a stable order, so equal memberships give equal claims', () => {
      const a = withStoreClaims({}, { b: 'owner', a: 'staff' });
      assert.equal(JSON.stringify(a), '{"stores":{"a":"staff","b":"owner"}}');
    });

    it(`stays well under ${CLAIMS_BYTE_LIMIT} bytes at the maximum number of stores, next to admin`, () => {
      const stores: Record<string, StoreRole> = {};
      for (let i = 0; i < MAX_STORES_PER_USER; i += 1) stores[storeId(i)] = 'owner';
      const claims = withStoreClaims({ admin: true }, stores);
      const size = claimsByteSize(claims);
      assert.ok(size < CLAIMS_BYTE_LIMIT / 2, `${size} bytes`);
    });

    it('refuses claims Firebase would refuse', () => {
      const big = { note: 'x'.repeat(990) };
      assert.throws(() => withStoreClaims(big, { s1: 'owner' }), /over Firebase's 1000/);
    });

    it('compares claims regardless of key order', () => {
      assert.equal(sameClaims({ admin: true, stores: { a: 'owner', b: 'staff' } }, { stores: { b: 'staff', a: 'owner' }, admin: true }), true);
      assert.equal(sameClaims({ stores: { a: 'owner' } }, { stores: { a: 'staff' } }), false);
      assert.equal(sameClaims(undefined, {}), true);
      assert.equal(sameClaims({ admin: true }, {}), false);
    });
  });
});

function reason(expected: string) {
  return (error: unknown) => error instanceof DomainError && error.reason === expected;
}
