import { strict as assert } from 'node:assert';
import { placeOrder } from '../../src/callables/placeOrder';
import { setStoreStatus, updateStore } from '../../src/callables/storeSettings';
import { db } from '../../src/infra/firestore';
import { installFakeAuth } from '../support/auth';
import { as, call } from '../support/callables';
import { dumpDatabase } from '../support/database';
import { expectDenied, fieldPaths } from '../support/denials';
import { DELIVERY, OTHER_STORE_ID, requestId, seedStore, STORE_ID } from '../support/fixtures';
import { seedMember } from '../support/partners';
import { resetDependencies, setDependenciesForTest } from '../../src/deps';

const NOW = Date.parse('2026-11-26T03:00:00Z'); // 12:00 in Seoul
const OWNER = `owner-of-${STORE_ID}`;

const storeDoc = async () => (await db().doc(`stores/${STORE_ID}`).get()).data()!;

describe('store settings', () => {
  const auth = installFakeAuth();
  const owner = () => auth.tokenOf(OWNER);

  beforeEach(async () => {
    setDependenciesForTest({ clock: () => NOW });
    await seedStore(STORE_ID, { open: false });
    await seedMember(auth, STORE_ID, OWNER, 'owner');
    await seedMember(auth, STORE_ID, `staff-of-${STORE_ID}`, 'staff');
    auth.addUser('customer-1'); // as.customer(); placeOrder looks the customer's account up (app/account.ts)
  });
  afterEach(() => resetDependencies('clock'));

  const order = (channel = 'takeout') =>
    call(
      placeOrder,
      {
        storeId: STORE_ID,
        channel,
        requestId: requestId(),
        items: [{ menuItemId: 'latte', quantity: 1 }],
        ...(channel === 'delivery' ? { delivery: DELIVERY } : {}),
      },
      as.customer(),
    );

  describe('setStoreStatus', () => {
    it('준비중 → 영업중 → 일시정지 → 영업중, and placeOrder follows each', async () => {
      await expectDenied(auth, () => order(), 'failed-precondition', 'store_closed');

      const opened = await call(setStoreStatus, { storeId: STORE_ID, open: true }, owner());
      assert.equal(opened.status, 'open');
      assert.equal(opened.statusLabel, '영업중');
      assert.equal((await storeDoc()).open, true);
      assert.equal((await storeDoc()).updatedAt.toMillis(), NOW);
      await order();

      const paused = await call(setStoreStatus, { storeId: STORE_ID, open: true, pausedUntil: '2026-11-26T12:30:00+09:00' }, owner());
      assert.equal(paused.status, 'paused');
      assert.equal(paused.statusLabel, '일시정지');
      assert.equal(paused.pausedUntil, '2026-11-26T03:30:00.000Z');
      assert.equal((await storeDoc()).pausedUntil.toMillis(), Date.parse('2026-11-26T03:30:00Z'));
      await expectDenied(auth, () => order(), 'failed-precondition', 'store_paused');

      setDependenciesForTest({ clock: () => Date.parse('2026-11-26T03:30:00Z') }); // the pause is over by itself
      await order();

      await call(setStoreStatus, { storeId: STORE_ID, open: true, pausedUntil: '2026-11-26T04:00:00Z' }, owner());
      const resumed = await call(setStoreStatus, { storeId: STORE_ID, open: true }, owner());
      assert.equal(resumed.status, 'open');
      assert.equal((await storeDoc()).pausedUntil, null);
      await order();

      const closed = await call(setStoreStatus, { storeId: STORE_ID, open: false }, owner());
      assert.equal(closed.statusLabel, '준비중');
      await expectDenied(auth, () => order(), 'failed-precondition', 'store_closed');
    });

    it('setting the status it already has writes nothing', async () => {
      await call(setStoreStatus, { storeId: STORE_ID, open: true }, owner());
      const before = await dumpDatabase();
      const again = await call(setStoreStatus, { storeId: STORE_ID, open: true, pausedUntil: null }, owner());
      assert.equal(again.status, 'open');
      assert.deepEqual(await dumpDatabase(), before);
    });

    it('a pause must end after now and within 24 hours', async () => {
      for (const pausedUntil of ['2026-11-26T03:00:00Z', '2026-11-26T02:59:00Z', '2026-11-27T03:00:01Z']) {
        const error = await expectDenied(
          auth,
          () => call(setStoreStatus, { storeId: STORE_ID, open: true, pausedUntil }, owner()),
          'invalid-argument',
          'invalid_argument',
        );
        assert.deepEqual(fieldPaths(error), ['pausedUntil'], pausedUntil);
      }
      await call(setStoreStatus, { storeId: STORE_ID, open: true, pausedUntil: '2026-11-27T03:00:00Z' }, owner());
    });

    it('rejects bad input with the field paths', async () => {
      const cases: [object, string][] = [
        [{ storeId: STORE_ID }, 'open'],
        [{ storeId: STORE_ID, open: 'yes' }, 'open'],
        [{ storeId: STORE_ID, open: false, pausedUntil: '2026-11-26T04:00:00Z' }, 'pausedUntil'],
        [{ storeId: STORE_ID, open: true, pausedUntil: '2026-11-26 13:00' }, 'pausedUntil'],
        [{ storeId: STORE_ID, open: true, pausedUntil: '2026-11-26T13:00:00' }, 'pausedUntil'], // no offset
        [{ storeId: STORE_ID, open: true, active: true }, ''],
      ];
      for (const [input, path] of cases) {
        const error = await expectDenied(auth, () => call(setStoreStatus, input, owner()), 'invalid-argument', 'invalid_argument');
        assert.ok(fieldPaths(error).includes(path), `${path} in ${JSON.stringify(fieldPaths(error))}`);
      }
    });

    it('staff and other partners may not; an admin may; an unknown store is not found', async () => {
      const input = { storeId: STORE_ID, open: true };
      await expectDenied(
        auth,
        () => call(setStoreStatus, input, auth.tokenOf(`staff-of-${STORE_ID}`)),
        'permission-denied',
        'store_owner_only',
      );
      await expectDenied(auth, () => call(setStoreStatus, input, as.owner(OTHER_STORE_ID)), 'permission-denied', 'not_store_member');
      await expectDenied(auth, () => call(setStoreStatus, input, as.customer()), 'permission-denied', 'not_store_member');
      await expectDenied(auth, () => call(setStoreStatus, input, as.anonymous), 'unauthenticated', 'unauthenticated');
      assert.equal((await call(setStoreStatus, input, as.admin())).status, 'open');
      await expectDenied(auth, () => call(setStoreStatus, { storeId: 'ghost', open: true }, as.admin()), 'not-found', 'store_not_found');
    });
  });

  describe('updateStore', () => {
    it('changes name, phone, channels, delivery fee and prep time; placeOrder uses them', async () => {
      await call(setStoreStatus, { storeId: STORE_ID, open: true }, owner());
      const view = await call(
        updateStore,
        {
          storeId: STORE_ID,
          name: '고카페인 본점',
          phone: '02 123 4567',
          channels: ['delivery', 'takeout'],
          deliveryFee: 3500,
          defaultPrepMinutes: 15,
        },
        owner(),
      );
      assert.equal(view.name, '고카페인 본점');
      assert.equal(view.phone, '02-123-4567');
      assert.deepEqual(view.channels, ['takeout', 'delivery']);
      assert.equal(view.deliveryFee, 3500);
      assert.equal(view.defaultPrepMinutes, 15);
      const stored = await storeDoc();
      assert.equal(stored.name, '고카페인 본점');
      assert.deepEqual(stored.channels, ['takeout', 'delivery']);
      assert.equal(stored.open, true, 'fields not given are kept');

      const delivery = await order('delivery');
      assert.equal(delivery.total, 4500 + 3500);
      assert.equal(delivery.order.storeName, '고카페인 본점');
      await expectDenied(auth, () => order('dine_in'), 'failed-precondition', 'channel_not_offered');
    });

    it('a partial update changes only what it names; an identical one writes nothing', async () => {
      await call(updateStore, { storeId: STORE_ID, deliveryFee: 0 }, owner());
      const stored = await storeDoc();
      assert.equal(stored.deliveryFee, 0);
      assert.equal(stored.name, '고카페인 테스트점');
      const before = await dumpDatabase();
      await call(updateStore, { storeId: STORE_ID, deliveryFee: 0, channels: ['dine_in', 'takeout', 'delivery'] }, owner());
      assert.deepEqual(await dumpDatabase(), before);
    });

    it('rejects bad input with the field paths', async () => {
      const cases: [object, string][] = [
        [{ storeId: STORE_ID }, ''],
        [{ storeId: STORE_ID, name: '' }, 'name'],
        [{ storeId: STORE_ID, name: 'x'.repeat(51) }, 'name'],
        [{ storeId: STORE_ID, phone: '123' }, 'phone'],
        [{ storeId: STORE_ID, channels: [] }, 'channels'],
        [{ storeId: STORE_ID, channels: ['dine_in', 'dine_in'] }, 'channels'],
        [{ storeId: STORE_ID, deliveryFee: -1 }, 'deliveryFee'],
        [{ storeId: STORE_ID, deliveryFee: 1_000_001 }, 'deliveryFee'],
        [{ storeId: STORE_ID, deliveryFee: 2500.5 }, 'deliveryFee'],
        [{ storeId: STORE_ID, defaultPrepMinutes: 0 }, 'defaultPrepMinutes'],
        [{ storeId: STORE_ID, defaultPrepMinutes: 181 }, 'defaultPrepMinutes'],
        [{ storeId: STORE_ID, open: true }, ''],
        [{ storeId: STORE_ID, businessNumber: '124-81-00998' }, ''],
      ];
      for (const [input, path] of cases) {
        const error = await expectDenied(auth, () => call(updateStore, input, owner()), 'invalid-argument', 'invalid_argument');
        assert.ok(fieldPaths(error).includes(path), `${path} in ${JSON.stringify(fieldPaths(error))} for ${JSON.stringify(input)}`);
      }
    });

    it('staff and other partners may not; an admin may', async () => {
      const input = { storeId: STORE_ID, name: '바뀐 이름' };
      await expectDenied(
        auth,
        () => call(updateStore, input, auth.tokenOf(`staff-of-${STORE_ID}`)),
        'permission-denied',
        'store_owner_only',
      );
      await expectDenied(auth, () => call(updateStore, input, as.owner(OTHER_STORE_ID)), 'permission-denied', 'not_store_member');
      assert.equal((await call(updateStore, input, as.admin())).name, '바뀐 이름');
      await expectDenied(auth, () => call(updateStore, { ...input, storeId: 'ghost' }, as.admin()), 'not-found', 'store_not_found');
    });
  });
});
