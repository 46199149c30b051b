import assert from 'node:assert/strict';
import {
  MAX_STORES_PER_USER,
  memberAdditionDecision,
  memberRemovalDenial,
  ROLE_PERMISSIONS,
  STORE_ACTIONS,
  StoreAction,
  storeActionDenial,
  StoreRole,
} from '../../src/domain/permissions';

describe('store permissions', () => {
  // The whole table, written out: who may take which action at a store.
  const EXPECTED: Record<StoreAction, Record<'owner' | 'staff' | 'none' | 'admin', string | null>> = {
    process_orders: { owner: null, staff: null, none: 'not_store_member', admin: null },
    manage_members: { owner: null, staff: 'store_owner_only', none: 'not_store_member', admin: null },
    manage_menu: { owner: null, staff: 'store_owner_only', none: 'not_store_member', admin: null },
    manage_store: { owner: null, staff: 'store_owner_only', none: 'not_store_member', admin: null },
    view_sales: { owner: null, staff: 'store_owner_only', none: 'not_store_member', admin: null },
  };

  for (const action of STORE_ACTIONS) {
    it(`${action}: owner, staff, non-member and admin`, () => {
      const row = EXPECTED[action];
      assert.equal(storeActionDenial('owner', false, action), row.owner);
      assert.equal(storeActionDenial('staff', false, action), row.staff);
      assert.equal(storeActionDenial(null, false, action), row.none);
      assert.equal(storeActionDenial(null, true, action), row.admin);
      assert.equal(storeActionDenial('staff', true, action), null, 'admin wins over a lesser role');
    });
  }

  it('staff may only process orders', () => {
    assert.deepEqual(ROLE_PERMISSIONS.staff, ['process_orders']);
    assert.deepEqual([...ROLE_PERMISSIONS.owner].sort(), [...STORE_ACTIONS].sort());
  });

  describe('adding a member', () => {
    it('adds a new member, and a retry with the same role is a no-op', () => {
      assert.equal(memberAdditionDecision({}, 's1', 'staff'), 'add');
      assert.equal(memberAdditionDecision({ s1: 'staff' }, 's1', 'staff'), 'noop');
      assert.equal(memberAdditionDecision({ s2: 'owner' }, 's1', 'owner'), 'add');
    });

    it('refuses a member who holds another role at the store', () => {
      assert.equal(memberAdditionDecision({ s1: 'owner' }, 's1', 'staff'), 'already_member');
      assert.equal(memberAdditionDecision({ s1: 'staff' }, 's1', 'owner'), 'already_member');
    });

    it(`refuses an eleventh store (max ${MAX_STORES_PER_USER})`, () => {
      const stores = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`s${i}`, 'staff' as StoreRole]));
      assert.equal(memberAdditionDecision(stores(MAX_STORES_PER_USER - 1), 'new', 'staff'), 'add');
      assert.equal(memberAdditionDecision(stores(MAX_STORES_PER_USER), 'new', 'staff'), 'too_many_stores');
      // A retry for a store they already have still succeeds at the limit.
      assert.equal(memberAdditionDecision(stores(MAX_STORES_PER_USER), 's0', 'staff'), 'noop');
    });
  });

  describe('removing a member', () => {
    it('keeps at least one owner', () => {
      assert.equal(memberRemovalDenial('owner', 1), 'last_owner');
      assert.equal(memberRemovalDenial('owner', 0), 'last_owner');
      assert.equal(memberRemovalDenial('owner', 2), null);
      assert.equal(memberRemovalDenial('staff', 1), null);
    });
  });
});
