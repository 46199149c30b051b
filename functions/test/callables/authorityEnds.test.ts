// Authority ends at once: a removed or demoted member's next call is refused even while their ID
// token still carries the old `stores` claim (tokens live up to an hour). Every store write reads
// the caller's membership document in its own transaction.
import { strict as assert } from 'node:assert';
import { deleteMenuItem, setMenuItemSoldOut, upsertMenuItem } from '../../src/callables/menu';
import { cancelOrder, completeOrder, prepareShipment, startPreparing } from '../../src/callables/orderCommands';
import { removeStoreMember } from '../../src/callables/storeMembers';
import { setStoreStatus, updateStore } from '../../src/callables/storeSettings';
import { inviteStoreMember } from '../../src/callables/storeInvitations';
import { db } from '../../src/infra/firestore';
import { installFakeAuth } from '../support/auth';
import { call } from '../support/callables';
import { expectDenied } from '../support/denials';
import { seedStore, STORE_ID } from '../support/fixtures';
import { CUSTOMER, placeDelivery, placePickup, storedOrder } from '../support/orders';
import { joinByInvitation, seedMember } from '../support/partners';

const OWNER = `owner-of-${STORE_ID}`;
const BARISTA = 'barista-1';
const CO_OWNER = 'co-owner-1';

describe('authority ends at once', () => {
  const auth = installFakeAuth();

  beforeEach(async () => {
    await seedStore(STORE_ID);
    await seedMember(auth, STORE_ID, OWNER, 'owner');
    auth.addUser(BARISTA, 'barista@example.com');
    auth.addUser(CO_OWNER, 'co-owner@example.com');
    auth.addUser(CUSTOMER); // placeOrder checks the customer's account is active
  });

  it('a removed staff member, token still valid, cannot complete, start, ship or cancel an order', async () => {
    await joinByInvitation(auth, auth.tokenOf(OWNER), STORE_ID, BARISTA, 'staff');
    const oldToken = auth.tokenOf(BARISTA);
    assert.deepEqual(oldToken.token.stores, { [STORE_ID]: 'staff' });
    const preparing = await placePickup();
    await call(startPreparing, { orderId: preparing, prepMinutes: 5 }, oldToken); // still a member: allowed
    const received = await placePickup();
    const delivery = await placeDelivery();

    await call(removeStoreMember, { storeId: STORE_ID, uid: BARISTA }, auth.tokenOf(OWNER));
    assert.deepEqual(oldToken.token.stores, { [STORE_ID]: 'staff' }, 'the token the app holds is unchanged');

    const NOT_PARTICIPANT = ['permission-denied', 'not_order_participant'] as const;
    await expectDenied(auth, () => call(completeOrder, { orderId: preparing }, oldToken), ...NOT_PARTICIPANT);
    await expectDenied(auth, () => call(startPreparing, { orderId: received, prepMinutes: 5 }, oldToken), ...NOT_PARTICIPANT);
    await expectDenied(auth, () => call(prepareShipment, { orderId: delivery }, oldToken), ...NOT_PARTICIPANT);
    await expectDenied(auth, () => call(cancelOrder, { orderId: received, reason: 'store_busy' }, oldToken), ...NOT_PARTICIPANT);
    assert.equal((await storedOrder(preparing)).status, 'preparing');
    assert.equal((await storedOrder(received)).status, 'received');
  });

  it('a demoted owner (now staff), token still saying owner, cannot change prices, open the store or manage members', async () => {
    await joinByInvitation(auth, auth.tokenOf(OWNER), STORE_ID, CO_OWNER, 'owner');
    const oldToken = auth.tokenOf(CO_OWNER);
    await call(setStoreStatus, { storeId: STORE_ID, open: false }, oldToken); // an owner: allowed

    // Demotion: removed as owner, invited back and accepted as staff (the only way to change a role).
    await call(removeStoreMember, { storeId: STORE_ID, uid: CO_OWNER }, auth.tokenOf(OWNER));
    await joinByInvitation(auth, auth.tokenOf(OWNER), STORE_ID, CO_OWNER, 'staff');
    assert.deepEqual(oldToken.token.stores, { [STORE_ID]: 'owner' });

    const OWNER_ONLY = ['permission-denied', 'store_owner_only'] as const;
    await expectDenied(
      auth,
      () => call(upsertMenuItem, { storeId: STORE_ID, itemId: 'latte', name: '카페라떼', price: 100 }, oldToken),
      ...OWNER_ONLY,
    );
    await expectDenied(
      auth,
      () => call(setMenuItemSoldOut, { storeId: STORE_ID, itemId: 'latte', soldOut: true }, oldToken),
      ...OWNER_ONLY,
    );
    await expectDenied(auth, () => call(deleteMenuItem, { storeId: STORE_ID, itemId: 'latte' }, oldToken), ...OWNER_ONLY);
    await expectDenied(auth, () => call(setStoreStatus, { storeId: STORE_ID, open: true }, oldToken), ...OWNER_ONLY);
    await expectDenied(auth, () => call(updateStore, { storeId: STORE_ID, deliveryFee: 0 }, oldToken), ...OWNER_ONLY);
    await expectDenied(auth, () => call(removeStoreMember, { storeId: STORE_ID, uid: OWNER }, oldToken), ...OWNER_ONLY);
    await expectDenied(
      auth,
      () => call(inviteStoreMember, { storeId: STORE_ID, email: 'co-owner@example.com', role: 'owner' }, oldToken),
      ...OWNER_ONLY,
    );
    const latte = (await db().doc(`stores/${STORE_ID}/menuItems/latte`).get()).data()!;
    assert.equal(latte.price, 4500);
    assert.equal((await db().doc(`stores/${STORE_ID}`).get()).get('open'), false);
  });

  it('a removed owner, token still saying owner, cannot change prices or open the store', async () => {
    await joinByInvitation(auth, auth.tokenOf(OWNER), STORE_ID, CO_OWNER, 'owner');
    const oldToken = auth.tokenOf(CO_OWNER);
    await call(removeStoreMember, { storeId: STORE_ID, uid: CO_OWNER }, auth.tokenOf(OWNER));
    const NOT_MEMBER = ['permission-denied', 'not_store_member'] as const;
    await expectDenied(
      auth,
      () => call(upsertMenuItem, { storeId: STORE_ID, itemId: 'latte', name: '카페라떼', price: 100 }, oldToken),
      ...NOT_MEMBER,
    );
    await expectDenied(auth, () => call(setStoreStatus, { storeId: STORE_ID, open: false }, oldToken), ...NOT_MEMBER);
  });
});
