// Abuse limits on placing orders and applying for a store: which accounts may, and how fast a
// customer may order (domain/abuse.ts, app/account.ts, infra/orderLimits.ts).
import { strict as assert } from 'node:assert';
import { cancelOrder } from '../../src/callables/orderCommands';
import { submitPartnerApplication } from '../../src/callables/partnerApplications';
import { placeOrder } from '../../src/callables/placeOrder';
import { db } from '../../src/infra/firestore';
import { installFakeAuth } from '../support/auth';
import { as, AuthContext, call, expectError } from '../support/callables';
import { dumpDatabase } from '../support/database';
import { OTHER_STORE_ID, requestId, seedStore, STORE_ID } from '../support/fixtures';
import { APPLICATION_FORM } from '../support/partners';
import { resetDependencies, setDependenciesForTest } from '../../src/deps';

const T0 = Date.parse('2026-11-26T03:00:00Z');
const order = (storeId = STORE_ID, id = requestId()) => ({
  storeId,
  channel: 'takeout',
  requestId: id,
  items: [{ menuItemId: 'americano', quantity: 1, options: [{ groupId: 'size', choiceIds: ['regular'] }] }],
});
const anonymous = (uid: string): AuthContext => ({ uid, token: { firebase: { sign_in_provider: 'anonymous' } } });
const reasonOf = (result: PromiseSettledResult<unknown>) =>
  result.status === 'fulfilled'
    ? 'accepted'
    : ((result.reason as { details?: { reason?: string } }).details?.reason ?? String(result.reason));

describe('who may order and apply', () => {
  const auth = installFakeAuth();
  beforeEach(async () => {
    await seedStore();
    auth.addUser('customer-1');
  });

  it('an anonymous account may not order or apply, and nothing is written', async () => {
    auth.addUser('anon-1', null);
    const before = await dumpDatabase();
    await expectError(call(placeOrder, order(), anonymous('anon-1')), 'permission-denied', 'anonymous_account');
    await expectError(call(submitPartnerApplication, APPLICATION_FORM, anonymous('anon-1')), 'permission-denied', 'anonymous_account');
    assert.deepEqual(await dumpDatabase(), before);
  });

  it('a disabled account may not order or apply, even with its still-valid token', async () => {
    auth.setAccountState('customer-1', { disabled: true });
    const before = await dumpDatabase();
    await expectError(call(placeOrder, order(), as.customer('customer-1')), 'permission-denied', 'account_disabled');
    await expectError(call(submitPartnerApplication, APPLICATION_FORM, as.customer('customer-1')), 'permission-denied', 'account_disabled');
    assert.deepEqual(await dumpDatabase(), before);
    auth.setAccountState('customer-1', { disabled: false });
    assert.equal((await call(placeOrder, order(), as.customer('customer-1'))).status, 'received');
  });

  it('a deleted account may not order', async () => {
    auth.deleteUser('customer-1');
    await expectError(call(placeOrder, order(), as.customer('customer-1')), 'permission-denied', 'account_disabled');
  });

  it('an unverified email may order, but may not apply for a store', async () => {
    auth.setAccountState('customer-1', { emailVerified: false });
    assert.equal((await call(placeOrder, order(), as.customer('customer-1'))).status, 'received');
    const before = await dumpDatabase();
    await expectError(
      call(submitPartnerApplication, APPLICATION_FORM, as.customer('customer-1')),
      'failed-precondition',
      'email_not_verified',
    );
    assert.deepEqual(await dumpDatabase(), before);
    auth.setAccountState('customer-1', { emailVerified: true });
    assert.equal((await call(submitPartnerApplication, APPLICATION_FORM, as.customer('customer-1'))).status, 'pending');
  });
});

describe('a customer cannot flood a store', function () {
  this.timeout(120_000);
  const customers = ['customer-1', 'customer-2', 'customer-3', 'customer-4'];
  beforeEach(async () => {
    setDependenciesForTest({ clock: () => T0 });
    await seedStore();
    await seedStore(OTHER_STORE_ID);
  });
  afterEach(() => resetDependencies('clock'));

  it('10 concurrent orders by one customer at one store: exactly 3 accepted; other customers still order', async () => {
    const flood = Array.from({ length: 10 }, () => call(placeOrder, order(), as.customer('customer-1')));
    const others = customers.slice(1).map((uid) => call(placeOrder, order(), as.customer(uid)));
    const [floodResults, otherResults] = await Promise.all([Promise.allSettled(flood), Promise.allSettled(others)]);

    const outcomes = floodResults.map(reasonOf).sort();
    assert.deepEqual(outcomes, [...Array(3).fill('accepted'), ...Array(7).fill('too_many_unanswered_orders')].sort());
    for (const rejected of floodResults.filter((result) => result.status === 'rejected')) {
      const error = (rejected as PromiseRejectedResult).reason as { code: string; message: string };
      assert.equal(error.code, 'resource-exhausted');
      assert.match(error.message, /[가-힣]/);
    }
    assert.deepEqual(otherResults.map(reasonOf), ['accepted', 'accepted', 'accepted']);

    const stored = await db().collection('orders').where('customerUid', '==', 'customer-1').get();
    assert.equal(stored.size, 3, 'refused placements wrote no order');
    const numbers = (await db().collection('orders').get()).docs.map((doc) => doc.get('orderNumber')).sort((a, b) => a - b);
    assert.deepEqual(numbers, [1, 2, 3, 4, 5, 6], 'refusals took no order number');
  });

  it('the same requestId again returns the same order and is not counted, even at the limit', async () => {
    const first = order();
    const placed = await call(placeOrder, first, as.customer('customer-1'));
    await call(placeOrder, order(), as.customer('customer-1'));
    await call(placeOrder, order(), as.customer('customer-1'));
    const replays = await Promise.all(Array.from({ length: 5 }, () => call(placeOrder, first, as.customer('customer-1'))));
    assert.ok(replays.every((replay) => replay.orderId === placed.orderId));
    await expectError(call(placeOrder, order(), as.customer('customer-1')), 'resource-exhausted', 'too_many_unanswered_orders');
    const limits = (await db().doc('orderLimits/customer-1').get()).data()!;
    assert.equal(limits.placements.length, 3, 'three placements logged, the replays not');
  });

  it('once the customer cancels one (the store answered nothing yet), they may order one more', async () => {
    const placed = [];
    for (let i = 0; i < 3; i += 1) placed.push(await call(placeOrder, order(), as.customer('customer-1')));
    await expectError(call(placeOrder, order(), as.customer('customer-1')), 'resource-exhausted', 'too_many_unanswered_orders');
    await call(cancelOrder, { orderId: placed[0].orderId, reason: 'changed_mind' }, as.customer('customer-1'));
    assert.equal((await call(placeOrder, order(), as.customer('customer-1'))).status, 'received');
    // The limit is per store: the other store takes this customer's orders.
    assert.equal((await call(placeOrder, order(OTHER_STORE_ID), as.customer('customer-1'))).status, 'received');
  });

  describe('the rate over all stores (ORDER_RATE_LIMIT=4 per ORDER_RATE_WINDOW_MINUTES=10)', () => {
    const saved: Record<string, string | undefined> = {};
    beforeEach(() => {
      for (const name of ['ORDER_RATE_LIMIT', 'ORDER_RATE_WINDOW_MINUTES']) saved[name] = process.env[name];
      process.env.ORDER_RATE_LIMIT = '4';
      process.env.ORDER_RATE_WINDOW_MINUTES = '10';
    });
    afterEach(() => {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    });

    it('the 5th order within 10 minutes is refused, across stores; after the window it goes through', async () => {
      let clock = T0;
      setDependenciesForTest({ clock: () => clock });
      for (const storeId of [STORE_ID, STORE_ID, OTHER_STORE_ID, OTHER_STORE_ID]) {
        clock += 60_000;
        await call(placeOrder, order(storeId), as.customer('customer-1'));
      }
      const before = await dumpDatabase();
      clock += 60_000;
      await expectError(call(placeOrder, order(OTHER_STORE_ID), as.customer('customer-1')), 'resource-exhausted', 'order_rate_limited');
      assert.deepEqual(await dumpDatabase(), before, 'a refusal writes nothing');
      // Another customer is not affected.
      await call(placeOrder, order(OTHER_STORE_ID), as.customer('customer-2'));
      // T0+1min was the first placement: at T0+11min it has left the window.
      clock = T0 + 11 * 60_000 + 1;
      assert.equal((await call(placeOrder, order(STORE_ID), as.customer('customer-1'))).status, 'received');
      const limits = (await db().doc('orderLimits/customer-1').get()).data()!;
      assert.equal(limits.placements.length, 4, 'the log keeps only the window');
    });
  });
});
