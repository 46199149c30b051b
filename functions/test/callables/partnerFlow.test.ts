// The partner's whole path as one story (partner guide §01, §03): apply, approval, the app learning
// its new access, opening the store, a menu item with options, a customer's order, staff starting
// it and the owner completing it. Every caller's token is what the app would hold at that moment.
import { strict as assert } from 'node:assert';
import { upsertMenuItem } from '../../src/callables/menu';
import { completeOrder, startPreparing } from '../../src/callables/orderCommands';
import { reviewPartnerApplication, submitPartnerApplication } from '../../src/callables/partnerApplications';
import { placeOrder } from '../../src/callables/placeOrder';
import { setStoreStatus, updateStore } from '../../src/callables/storeSettings';
import { db } from '../../src/infra/firestore';
import { installFakeAuth } from '../support/auth';
import { call } from '../support/callables';
import { expectDenied } from '../support/denials';
import { requestId } from '../support/fixtures';
import { historyOf } from '../support/orders';
import { APPLICATION_FORM, FLAT_WHITE, joinByInvitation } from '../support/partners';
import { resetDependencies, setDependenciesForTest } from '../../src/deps';

const OWNER = 'kim-owner';
const STAFF = 'lee-barista';
const CUSTOMER = 'park-customer';
const T0 = Date.parse('2026-11-26T00:00:00Z'); // 09:00 in Seoul

describe('partner onboarding, end to end', () => {
  const auth = installFakeAuth();
  let clock = T0;
  beforeEach(() => {
    clock = T0;
    setDependenciesForTest({ clock: () => clock });
    auth.addUser(OWNER, 'kim@example.com');
    auth.addUser(STAFF, 'lee@example.com');
    auth.addUser(CUSTOMER, 'park@example.com');
    auth.addUser('admin-1', 'ops@gocafein.example', { admin: true });
  });
  afterEach(() => resetDependencies('clock'));

  /** What the app does: listen to users/{uid}; when claimsUpdatedAt moves, getIdToken(true). */
  async function claimsUpdatedAt(uid: string): Promise<number | null> {
    const data = (await db().doc(`users/${uid}`).get()).data();
    return data?.claimsUpdatedAt ? data.claimsUpdatedAt.toMillis() : null;
  }

  it('apply → approve → claims → open → menu → staff → order → 준비시작 → 처리 완료', async () => {
    // 1. The owner applies (signed in, no partner access yet).
    let ownerToken = auth.tokenOf(OWNER);
    const { applicationId, status } = await call(submitPartnerApplication, APPLICATION_FORM, ownerToken);
    assert.equal(status, 'pending');
    assert.equal(await claimsUpdatedAt(OWNER), null);

    // 2. An admin approves: the store exists, closed, and the owner is its member.
    clock = T0 + 3_600_000;
    const review = await call(reviewPartnerApplication, { applicationId, decision: 'approve' }, auth.tokenOf('admin-1'));
    const storeId = review.storeId as string;
    assert.equal((await db().doc(`stores/${storeId}`).get()).get('open'), false);
    assert.equal((await db().doc(`stores/${storeId}/members/${OWNER}`).get()).get('role'), 'owner');

    // 3. The claims and the metadata document changed. Authority is the membership document, so the
    // app's old token may already act; the app refreshes it (without signing in again) to learn of
    // the store from its claims.
    assert.deepEqual(auth.claimsOf(OWNER), { stores: { [storeId]: 'owner' } });
    assert.equal(await claimsUpdatedAt(OWNER), T0 + 3_600_000);
    assert.equal(ownerToken.token.stores, undefined);
    const renamed = await call(updateStore, { storeId, name: '고카페인 성수점' }, ownerToken);
    assert.equal(renamed.name, '고카페인 성수점');
    ownerToken = auth.tokenOf(OWNER);
    assert.deepEqual(ownerToken.token.stores, { [storeId]: 'owner' });

    // 4. Closed (준비중) until the owner opens it.
    const order = {
      storeId,
      channel: 'takeout',
      requestId: requestId(),
      items: [
        {
          menuItemId: 'flat-white',
          quantity: 1,
          options: [
            { groupId: 'milk', choiceIds: ['oat'] },
            { groupId: 'extra', choiceIds: ['shot'] },
          ],
        },
      ],
    };
    await expectDenied(auth, () => call(placeOrder, order, auth.tokenOf(CUSTOMER)), 'failed-precondition', 'store_closed');
    const opened = await call(setStoreStatus, { storeId, open: true }, ownerToken);
    assert.equal(opened.statusLabel, '영업중');

    // 5. A menu item with option groups.
    const { itemId } = await call(upsertMenuItem, { storeId, itemId: 'flat-white', ...FLAT_WHITE }, ownerToken);
    assert.equal(itemId, 'flat-white');

    // 6. The owner adds a barista, whose app refreshes the same way.
    const before = await claimsUpdatedAt(STAFF);
    clock = T0 + 2 * 3_600_000;
    await joinByInvitation(auth, ownerToken, storeId, STAFF, 'staff');
    assert.notEqual(await claimsUpdatedAt(STAFF), before);
    const staffToken = auth.tokenOf(STAFF);
    assert.deepEqual(staffToken.token.stores, { [storeId]: 'staff' });
    await expectDenied(
      auth,
      () => call(upsertMenuItem, { storeId, name: '몰래 메뉴', price: 1 }, staffToken),
      'permission-denied',
      'store_owner_only',
    );

    // 7. A customer orders, priced from the menu: 5000 + 600 (oat) + 500 (shot).
    const placed = await call(placeOrder, order, auth.tokenOf(CUSTOMER));
    assert.equal(placed.total, 6100);
    assert.equal(placed.order.storeName, '고카페인 성수점');
    assert.equal(placed.orderNumber, 1);

    // 8. Staff starts preparing; 9. the owner completes.
    const preparing = await call(startPreparing, { orderId: placed.orderId, prepMinutes: 8 }, staffToken);
    assert.equal(preparing.status, 'preparing');
    const completed = await call(completeOrder, { orderId: placed.orderId }, ownerToken);
    assert.equal(completed.status, 'completed');

    const history = await historyOf(placed.orderId);
    assert.deepEqual(
      history.map((entry) => [entry.command, entry.actorRole, entry.actorUid]),
      [
        ['place', 'customer', CUSTOMER],
        // The customer reads the history: roles only; who it was is in the members-only staffActions.
        ['start_preparing', 'partner', null],
        ['complete', 'partner', null],
      ],
    );
    const staffActions = await db().collection(`orders/${placed.orderId}/staffActions`).get();
    assert.deepEqual(
      staffActions.docs.map((doc) => [doc.get('command'), doc.get('actorUid')]),
      [
        ['start_preparing', STAFF],
        ['complete', OWNER],
      ],
    );
    const application = (await db().doc(`partnerApplications/${applicationId}`).get()).data()!;
    assert.equal(application.status, 'approved');
    assert.equal(application.storeId, storeId);
  });
});
