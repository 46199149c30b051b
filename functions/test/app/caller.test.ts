import assert from 'node:assert/strict';
import {
  Caller,
  CLAIMS_BYTE_LIMIT,
  claimsByteSize,
  isAdmin,
  requireAdmin,
  requireStoreAction,
  sameClaims,
  claimedStoreIds,
  claimedStoreRole,
  decideForCaller,
  withStoreClaims,
} from '../../src/app/caller';
import { MAX_STORES_PER_USER, StoreRole } from '../../src/domain/permissions';
import type { Order } from '../../src/domain/order';
import { DomainError } from '../../src/domain/reasons';

const caller = (token: Record<string, unknown>): Caller => ({ uid: 'u1', token });

/** A Firestore auto id, the length of every real store id (stores take their application's id). */
const storeId = (i: number) => `Store${String(i).padStart(15, '0')}`;

describe('custom claims', () => {
  describe('reading the caller', () => {
    it('reads the claimed role per store (a hint), and nothing for other stores or malformed claims', () => {
      const c = caller({ stores: { s1: 'owner', s2: 'staff', s3: 'manager' } });
      assert.equal(claimedStoreRole(c, 's1'), 'owner');
      assert.equal(claimedStoreRole(c, 's2'), 'staff');
      assert.equal(claimedStoreRole(c, 's3'), null);
      assert.equal(claimedStoreRole(c, 's4'), null);
      assert.equal(claimedStoreRole(caller({ stores: 'owner' }), 's1'), null);
      assert.equal(claimedStoreRole(caller({}), 's1'), null);
    });

    it('lists the stores claimed with a valid role (which membership documents to read first)', () => {
      assert.deepEqual(claimedStoreIds(caller({ stores: { s1: 'owner', s2: 'staff', s3: 'manager' } })), ['s1', 's2']);
      assert.deepEqual(claimedStoreIds(caller({ stores: { s1: 'staff' } })), ['s1']);
      assert.deepEqual(claimedStoreIds(caller({ stores: 'owner' })), []);
      assert.deepEqual(claimedStoreIds(caller({ admin: true })), []);
    });

    it('decides order commands on the membership role given, not on the stores claim', () => {
      const order = { storeId: 's1', customerUid: 'someone-else', status: 'received', channel: 'takeout', version: 1 } as unknown as Order;
      const command = { type: 'start_preparing', prepMinutes: 10 } as const;
      const claimsOwner = caller({ stores: { s1: 'owner' } });
      assert.throws(() => decideForCaller(claimsOwner, null, order, command, 0), reason('not_order_participant'));
      const { actor } = decideForCaller(caller({}), 'staff', order, command, 0);
      assert.equal(actor.role, 'partner');
    });

    it('admin only when the claim is exactly true', () => {
      assert.equal(isAdmin(caller({ admin: true })), true);
      assert.equal(isAdmin(caller({ admin: 'true' })), false);
      assert.equal(isAdmin(caller({})), false);
      assert.throws(() => requireAdmin(caller({ stores: { s1: 'owner' } })), reason('admin_only'));
      assert.doesNotThrow(() => requireAdmin(caller({ admin: true })));
    });

    it('requireStoreAction follows the permission table', () => {
      // The role argument is the membership document's; the token's `stores` claim is ignored.
      const claimsOwner = caller({ stores: { s1: 'owner' } });
      assert.doesNotThrow(() => requireStoreAction(caller({}), 'owner', 's1', 'manage_menu'));
      assert.doesNotThrow(() => requireStoreAction(caller({}), 'staff', 's1', 'process_orders'));
      assert.throws(() => requireStoreAction(claimsOwner, 'staff', 's1', 'manage_menu'), reason('store_owner_only'));
      assert.throws(() => requireStoreAction(claimsOwner, null, 's1', 'manage_menu'), reason('not_store_member'));
      assert.doesNotThrow(() => requireStoreAction(caller({ admin: true }), null, 's2', 'manage_members'));
    });
  });

  describe('writing the claims', () => {
    it('replaces stores, sets admin from the argument, and keeps every other claim', () => {
      const existing = { admin: true, tier: 'gold', stores: { old: 'owner' } };
      assert.deepEqual(withStoreClaims(existing, { s1: 'staff' }, true), { admin: true, tier: 'gold', stores: { s1: 'staff' } });
      assert.deepEqual(existing.stores, { old: 'owner' }, 'the input is not changed');
    });

    it('never copies an admin claim it was not given (a revoked one is not written back)', () => {
      assert.deepEqual(withStoreClaims({ admin: true, tier: 'gold', stores: { s1: 'owner' } }, { s1: 'owner' }), {
        tier: 'gold',
        stores: { s1: 'owner' },
      });
      assert.deepEqual(withStoreClaims({}, {}, true), { admin: true });
    });

    it('drops the stores key when the user belongs to no store', () => {
      assert.deepEqual(withStoreClaims({ admin: true, stores: { s1: 'owner' } }, {}, true), { admin: true });
      assert.deepEqual(withStoreClaims(undefined, {}), {});
    });

    it('writes stores in a stable order, so equal memberships give equal claims', () => {
      const a = withStoreClaims({}, { b: 'owner', a: 'staff' });
      assert.equal(JSON.stringify(a), '{"stores":{"a":"staff","b":"owner"}}');
    });

    it(`stays well under ${CLAIMS_BYTE_LIMIT} bytes at the maximum number of stores, next to admin`, () => {
      const stores: Record<string, StoreRole> = {};
      for (let i = 0; i < MAX_STORES_PER_USER; i += 1) stores[storeId(i)] = 'owner';
      const claims = withStoreClaims({}, stores, true);
      const size = claimsByteSize(claims);
      assert.ok(size < CLAIMS_BYTE_LIMIT / 2, `${size} bytes`);
    });

    it('refuses claims Firebase would refuse', () => {
      const big = { note: 'x'.repeat(990) };
      assert.throws(() => withStoreClaims(big, { s1: 'owner' }), /over Firebase's 1000/);
    });

    it('compares claims regardless of key order', () => {
      assert.equal(
        sameClaims({ admin: true, stores: { a: 'owner', b: 'staff' } }, { stores: { b: 'staff', a: 'owner' }, admin: true }),
        true,
      );
      assert.equal(sameClaims({ stores: { a: 'owner' } }, { stores: { a: 'staff' } }), false);
      assert.equal(sameClaims(undefined, {}), true);
      assert.equal(sameClaims({ admin: true }, {}), false);
    });
  });
});

function reason(expected: string) {
  return (error: unknown) => error instanceof DomainError && error.reason === expected;
}
