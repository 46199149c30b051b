// Private data stays private, as written by the callables: the store's business records live in the
// members-only profile, and what customers read of an order names a role, never a staff uid.
import { strict as assert } from 'node:assert';
import { cancelOrder, startPreparing } from '../../src/callables/orderCommands';
import { updateStore } from '../../src/callables/storeSettings';
import { db } from '../../src/infra/firestore';
import { installFakeAuth } from '../support/auth';
import { as, call } from '../support/callables';
import { seedStore, STORE_ID } from '../support/fixtures';
import { CUSTOMER, historyOf, placeDelivery, placePickup, storedOrder } from '../support/orders';
import { seedMember } from '../support/partners';

const OWNER = `owner-of-${STORE_ID}`;
const STAFF = `staff-of-${STORE_ID}`;
const STAFF_UIDS = [OWNER, STAFF, 'admin-1'];

/** Every string anywhere in a stored document. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object' && value.constructor === Object) return Object.values(value).flatMap(stringsIn);
  return [];
}

describe('private data in what the callables write', () => {
  const auth = installFakeAuth();
  beforeEach(async () => {
    await seedStore();
    await seedMember(auth, STORE_ID, OWNER, 'owner');
    await seedMember(auth, STORE_ID, STAFF, 'staff');
    auth.addUser(CUSTOMER);
  });

  it('updateStore writes the phone to the private profile, the rest to the public store document', async () => {
    const view = await call(updateStore, { storeId: STORE_ID, phone: '02-555-0000', deliveryFee: 2500 }, auth.tokenOf(OWNER));
    assert.equal(view.phone, '02-555-0000', 'the owner still gets the whole store back');
    const store = (await db().doc(`stores/${STORE_ID}`).get()).data()!;
    assert.equal(store.deliveryFee, 2500);
    assert.equal('phone' in store, false, 'no phone in the public store document');
    const profile = (await db().doc(`stores/${STORE_ID}/private/profile`).get()).data()!;
    assert.equal(profile.phone, '02-555-0000');
  });

  it('an order handled by staff, owner and admin: the customer-readable order and history carry roles only', async () => {
    const pickup = await placePickup();
    await call(startPreparing, { orderId: pickup, prepMinutes: 10 }, auth.tokenOf(STAFF));
    await call(cancelOrder, { orderId: pickup, reason: 'sold_out' }, auth.tokenOf(OWNER));
    const delivery = await placeDelivery();
    await call(cancelOrder, { orderId: delivery, reason: 'delivery_unavailable' }, as.admin('admin-1'));

    for (const orderId of [pickup, delivery]) {
      const order = await storedOrder(orderId);
      const history = await historyOf(orderId);
      for (const text of [...stringsIn(order), ...history.flatMap(stringsIn)]) {
        assert.ok(!STAFF_UIDS.includes(text), `${orderId}: a staff uid (${text}) in a customer-readable document`);
      }
      assert.equal(order.cancellation.uid, null);
    }
    assert.equal((await storedOrder(pickup)).cancellation.by, 'partner');
    assert.equal((await storedOrder(delivery)).cancellation.by, 'admin');
    assert.deepEqual(
      (await historyOf(pickup)).map((entry) => [entry.actorRole, entry.actorUid]),
      [
        ['customer', CUSTOMER],
        ['partner', null],
        ['partner', null],
      ],
    );

    // The store keeps who did it, where only its members read (firestore.rules staffActions).
    const actions = async (orderId: string) =>
      (await db().collection(`orders/${orderId}/staffActions`).get()).docs.map((doc) => [
        doc.id,
        doc.get('actorRole'),
        doc.get('actorUid'),
      ]);
    assert.deepEqual(await actions(pickup), [
      ['000002', 'partner', STAFF],
      ['000003', 'partner', OWNER],
    ]);
    assert.deepEqual(await actions(delivery), [['000002', 'admin', 'admin-1']]);
  });

  it("a customer's own cancellation keeps their uid and writes no staff action", async () => {
    const orderId = await placePickup();
    await call(cancelOrder, { orderId, reason: 'changed_mind' }, as.customer(CUSTOMER));
    assert.equal((await storedOrder(orderId)).cancellation.uid, CUSTOMER);
    assert.equal((await db().collection(`orders/${orderId}/staffActions`).get()).size, 0);
  });
});
