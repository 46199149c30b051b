import { strict as assert } from 'node:assert';
import { deleteMenuItem, setMenuItemSoldOut, upsertMenuItem } from '../../src/callables/menu';
import { placeOrder } from '../../src/callables/placeOrder';
import { db } from '../../src/infra/firestore';
import { installFakeAuth } from '../support/auth';
import { as, call } from '../support/callables';
import { dumpDatabase } from '../support/database';
import { expectDenied, fieldPaths } from '../support/denials';
import { OTHER_STORE_ID, requestId, seedStore, STORE_ID } from '../support/fixtures';
import { FLAT_WHITE, seedMember } from '../support/partners';
import { resetDependencies, setDependenciesForTest } from '../../src/deps';

const OWNER = `owner-of-${STORE_ID}`;
const T0 = Date.parse('2026-11-26T01:00:00Z');

const itemDoc = async (itemId: string) => (await db().doc(`stores/${STORE_ID}/menuItems/${itemId}`).get()).data();

describe('menu', () => {
  const auth = installFakeAuth();
  const owner = () => auth.tokenOf(OWNER);

  beforeEach(async () => {
    setDependenciesForTest({ clock: () => T0 });
    await seedStore(STORE_ID);
    await seedMember(auth, STORE_ID, OWNER, 'owner');
    await seedMember(auth, STORE_ID, `staff-of-${STORE_ID}`, 'staff');
    auth.addUser('customer-1'); // as.customer(); placeOrder looks the customer's account up (app/account.ts)
  });
  afterEach(() => resetDependencies('clock'));

  const orderOf = (itemId: string, options?: unknown) =>
    call(
      placeOrder,
      { storeId: STORE_ID, channel: 'takeout', requestId: requestId(), items: [{ menuItemId: itemId, quantity: 2, options }] },
      as.customer(),
    );

  describe('upsertMenuItem', () => {
    it('creates an item with option groups that placeOrder prices', async () => {
      const { itemId, created } = await call(upsertMenuItem, { storeId: STORE_ID, ...FLAT_WHITE }, owner());
      assert.equal(created, true);
      const stored = (await itemDoc(itemId))!;
      assert.equal(stored.name, '플랫화이트');
      assert.equal(stored.price, 5000);
      assert.equal(stored.soldOut, false);
      assert.equal(stored.category, '커피');
      assert.equal(stored.description, '진한 에스프레소와 벨벳 밀크');
      assert.deepEqual(stored.options, FLAT_WHITE.options);
      assert.equal(stored.createdAt.toMillis(), T0);

      const order = await orderOf(itemId, [
        { groupId: 'milk', choiceIds: ['oat'] },
        { groupId: 'extra', choiceIds: ['shot', 'vanilla'] },
      ]);
      assert.equal(order.total, (5000 + 600 + 500 + 300) * 2);
      assert.equal(order.order.items[0].name, '플랫화이트');
    });

    it("placeOrder enforces the item's option rules", async () => {
      const { itemId } = await call(upsertMenuItem, { storeId: STORE_ID, ...FLAT_WHITE }, owner());
      await expectDenied(auth, () => orderOf(itemId), 'invalid-argument', 'option_choice_count'); // milk is required
      await expectDenied(
        auth,
        () => orderOf(itemId, [{ groupId: 'milk', choiceIds: ['whole', 'oat'] }]),
        'invalid-argument',
        'option_choice_count',
      );
      await expectDenied(
        auth,
        () =>
          orderOf(itemId, [
            { groupId: 'milk', choiceIds: ['whole'] },
            { groupId: 'extra', choiceIds: ['shot', 'vanilla', 'cream'] },
          ]),
        'invalid-argument',
        'option_choice_count',
      );
      await expectDenied(auth, () => orderOf(itemId, [{ groupId: 'milk', choiceIds: ['soy'] }]), 'invalid-argument', 'unknown_option');
    });

    it('replaces an item whole, keeping createdAt and the sold-out flag unless given', async () => {
      const { itemId } = await call(upsertMenuItem, { storeId: STORE_ID, ...FLAT_WHITE, soldOut: true }, owner());
      setDependenciesForTest({ clock: () => T0 + 60_000 });
      const result = await call(upsertMenuItem, { storeId: STORE_ID, itemId, name: '플랫화이트 (R)', price: 5200 }, owner());
      assert.deepEqual(result, { itemId, created: false });
      const stored = (await itemDoc(itemId))!;
      assert.equal(stored.name, '플랫화이트 (R)');
      assert.equal(stored.price, 5200);
      assert.deepEqual(stored.options, []);
      assert.equal(stored.category, null);
      assert.equal(stored.description, null);
      assert.equal(stored.soldOut, true, 'editing does not put a sold-out item back on sale');
      assert.equal(stored.createdAt.toMillis(), T0);
      assert.equal(stored.updatedAt.toMillis(), T0 + 60_000);

      await call(upsertMenuItem, { storeId: STORE_ID, itemId, name: '플랫화이트', price: 5200, soldOut: false }, owner());
      assert.equal((await itemDoc(itemId))!.soldOut, false);
    });

    it('creates an item under a given new id; orders keep the old name after a rename', async () => {
      const { itemId, created } = await call(
        upsertMenuItem,
        { storeId: STORE_ID, itemId: 'flat-white', name: '플랫화이트', price: 5000 },
        owner(),
      );
      assert.equal(itemId, 'flat-white');
      assert.equal(created, true);
      const order = await orderOf('flat-white');
      await call(upsertMenuItem, { storeId: STORE_ID, itemId, name: '뉴 플랫화이트', price: 9000 }, owner());
      const stored = (await db().doc(`orders/${order.orderId}`).get()).data()!;
      assert.equal(stored.items[0].name, '플랫화이트');
      assert.equal(stored.total, 10000);
    });

    it('prices and names at the limits', async () => {
      await call(upsertMenuItem, { storeId: STORE_ID, name: '가', price: 0 }, owner());
      await call(upsertMenuItem, { storeId: STORE_ID, name: '가'.repeat(50), price: 1_000_000 }, owner());
    });

    it('rejects bad items with the field paths, writing nothing', async () => {
      const group = FLAT_WHITE.options[0];
      const base = { storeId: STORE_ID, name: '라떼', price: 4500 };
      const cases: [object, string][] = [
        [{ ...base, price: -1 }, 'price'],
        [{ ...base, price: 1_000_001 }, 'price'],
        [{ ...base, price: 4500.5 }, 'price'],
        [{ ...base, price: '4500' }, 'price'],
        [{ ...base, name: '' }, 'name'],
        [{ ...base, name: '  ' }, 'name'],
        [{ ...base, name: '가'.repeat(51) }, 'name'],
        [{ ...base, category: 'x'.repeat(31) }, 'category'],
        [{ ...base, description: 'x'.repeat(301) }, 'description'],
        [{ ...base, soldOut: 'no' }, 'soldOut'],
        [{ ...base, itemId: 'a/b' }, 'itemId'],
        [{ ...base, options: [group, group] }, 'options.1.groupId'],
        [{ ...base, options: [{ ...group, choices: [group.choices[0], group.choices[0]] }] }, 'options.0.choices.1.id'],
        [{ ...base, options: [{ ...group, maxSelect: 0 }] }, 'options.0.maxSelect'],
        [{ ...base, options: [{ ...group, maxSelect: 3 }] }, 'options.0.maxSelect'],
        [{ ...base, options: [{ ...group, choices: [] }] }, 'options.0.choices'],
        [{ ...base, options: [{ ...group, choices: [{ id: 'x', name: '엑스', price: -100 }] }] }, 'options.0.choices.0.price'],
        [{ ...base, options: [{ ...group, choices: [{ id: 'x', name: '', price: 100 }] }] }, 'options.0.choices.0.name'],
        [{ ...base, options: [{ ...group, required: 'yes' }] }, 'options.0.required'],
        [{ ...base, options: [{ ...group, name: 'x'.repeat(51) }] }, 'options.0.name'],
        [{ ...base, unitPrice: 1 }, ''],
      ];
      for (const [input, path] of cases) {
        const error = await expectDenied(auth, () => call(upsertMenuItem, input, owner()), 'invalid-argument', 'invalid_argument');
        assert.ok(fieldPaths(error).includes(path), `${path} in ${JSON.stringify(fieldPaths(error))} for ${JSON.stringify(input)}`);
      }
    });

    it('staff and other partners may not; an admin may; not into a store that does not exist', async () => {
      const input = { storeId: STORE_ID, name: '라떼', price: 4500 };
      await expectDenied(
        auth,
        () => call(upsertMenuItem, input, auth.tokenOf(`staff-of-${STORE_ID}`)),
        'permission-denied',
        'store_owner_only',
      );
      await expectDenied(auth, () => call(upsertMenuItem, input, as.owner(OTHER_STORE_ID)), 'permission-denied', 'not_store_member');
      await expectDenied(auth, () => call(upsertMenuItem, input, as.customer()), 'permission-denied', 'not_store_member');
      await expectDenied(auth, () => call(upsertMenuItem, input, as.anonymous), 'unauthenticated', 'unauthenticated');
      assert.equal((await call(upsertMenuItem, input, as.admin())).created, true);
      await expectDenied(auth, () => call(upsertMenuItem, { ...input, storeId: 'ghost' }, as.admin()), 'not-found', 'store_not_found');
    });
  });

  describe('setMenuItemSoldOut', () => {
    it('품절 stops orders of the item; back on sale, they go through', async () => {
      const result = await call(setMenuItemSoldOut, { storeId: STORE_ID, itemId: 'latte', soldOut: true }, owner());
      assert.deepEqual(result, { itemId: 'latte', soldOut: true });
      assert.equal((await itemDoc('latte'))!.soldOut, true);
      assert.equal((await itemDoc('latte'))!.updatedAt.toMillis(), T0);
      await expectDenied(auth, () => orderOf('latte'), 'failed-precondition', 'menu_item_sold_out');

      await call(setMenuItemSoldOut, { storeId: STORE_ID, itemId: 'latte', soldOut: false }, owner());
      assert.equal((await orderOf('latte')).total, 9000);
    });

    it('setting the flag it already has writes nothing', async () => {
      const before = await dumpDatabase();
      await call(setMenuItemSoldOut, { storeId: STORE_ID, itemId: 'latte', soldOut: false }, owner());
      assert.deepEqual(await dumpDatabase(), before);
    });

    it('refusals', async () => {
      await expectDenied(
        auth,
        () => call(setMenuItemSoldOut, { storeId: STORE_ID, itemId: 'ghost', soldOut: true }, owner()),
        'not-found',
        'menu_item_not_found',
      );
      const input = { storeId: STORE_ID, itemId: 'latte', soldOut: true };
      await expectDenied(
        auth,
        () => call(setMenuItemSoldOut, input, auth.tokenOf(`staff-of-${STORE_ID}`)),
        'permission-denied',
        'store_owner_only',
      );
      await expectDenied(auth, () => call(setMenuItemSoldOut, input, as.owner(OTHER_STORE_ID)), 'permission-denied', 'not_store_member');
      const error = await expectDenied(
        auth,
        () => call(setMenuItemSoldOut, { storeId: STORE_ID, itemId: 'latte' }, owner()),
        'invalid-argument',
        'invalid_argument',
      );
      assert.deepEqual(fieldPaths(error), ['soldOut']);
    });
  });

  describe('deleteMenuItem', () => {
    it('removes the item: it can no longer be ordered; a second delete changes nothing', async () => {
      const result = await call(deleteMenuItem, { storeId: STORE_ID, itemId: 'latte' }, owner());
      assert.deepEqual(result, { itemId: 'latte', deleted: true });
      assert.equal(await itemDoc('latte'), undefined);
      await expectDenied(auth, () => orderOf('latte'), 'not-found', 'menu_item_not_found');

      const before = await dumpDatabase();
      assert.deepEqual(await call(deleteMenuItem, { storeId: STORE_ID, itemId: 'latte' }, owner()), { itemId: 'latte', deleted: false });
      assert.deepEqual(await dumpDatabase(), before);
    });

    it('refusals', async () => {
      const input = { storeId: STORE_ID, itemId: 'latte' };
      await expectDenied(
        auth,
        () => call(deleteMenuItem, input, auth.tokenOf(`staff-of-${STORE_ID}`)),
        'permission-denied',
        'store_owner_only',
      );
      await expectDenied(auth, () => call(deleteMenuItem, input, as.owner(OTHER_STORE_ID)), 'permission-denied', 'not_store_member');
      await expectDenied(auth, () => call(deleteMenuItem, input, as.anonymous), 'unauthenticated', 'unauthenticated');
      const error = await expectDenied(
        auth,
        () => call(deleteMenuItem, { storeId: STORE_ID }, owner()),
        'invalid-argument',
        'invalid_argument',
      );
      assert.deepEqual(fieldPaths(error), ['itemId']);
    });
  });
});
