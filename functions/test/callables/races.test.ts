// Concurrency against the offline Firestore: every state change is a transaction, so racing
// callers see exactly one effective transition. These tests fail if a callable reads and writes
// outside its transaction (see README, "Races").
import { strict as assert } from 'node:assert';
import { cancelOrder, completeOrder, startPreparing } from '../../src/callables/orderCommands';
import { placeOrder } from '../../src/callables/placeOrder';
import { db } from '../../src/infra/firestore';
import { as, call } from '../support/callables';
import { requestId, seedMembership, seedStore, STORE_ID } from '../support/fixtures';
import { historyOf, placePickup, storedOrder } from '../support/orders';

const owner = as.owner(STORE_ID);

describe('races', () => {
  beforeEach(() => seedStore());

  it('10 concurrent startPreparing on one order: one transition, one history entry', async () => {
    const orderId = await placePickup();
    for (let i = 0; i < 10; i += 1) await seedMembership(STORE_ID, `staff-${i}`, 'staff');
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => call(startPreparing, { orderId, prepMinutes: 10 }, as.staff(STORE_ID, `staff-${i}`))),
    );
    assert.deepEqual(
      results.map((r) => r.status),
      Array(10).fill('fulfilled'),
    );
    const history = await historyOf(orderId);
    assert.deepEqual(
      history.map((e) => e.command),
      ['place', 'start_preparing'],
    );
    assert.equal((await storedOrder(orderId)).version, 2);
  });

  it('cancelOrder racing completeOrder: exactly one terminal state, with consistent history', async () => {
    await seedMembership(STORE_ID, 'owner-a', 'owner');
    await seedMembership(STORE_ID, 'staff-b', 'staff');
    for (let round = 0; round < 5; round += 1) {
      const orderId = await placePickup();
      await call(startPreparing, { orderId, prepMinutes: 10 }, owner);
      const [cancel, complete] = await Promise.allSettled([
        call(cancelOrder, { orderId, reason: 'store_busy' }, as.owner(STORE_ID, 'owner-a')),
        call(completeOrder, { orderId }, as.staff(STORE_ID, 'staff-b')),
      ]);
      const winners = [cancel, complete].filter((r) => r.status === 'fulfilled');
      assert.equal(winners.length, 1, `round ${round}: ${JSON.stringify([cancel.status, complete.status])}`);
      const order = await storedOrder(orderId);
      const history = await historyOf(orderId);
      assert.equal(history.length, 3);
      assert.equal(history[2].to, order.status);
      assert.equal(order.version, 3);
      if (order.status === 'cancelled') assert.equal(order.completion, null);
      else assert.equal(order.cancellation, null);
    }
  });

  it('20 concurrent placeOrder at one store: 20 unique, consecutive order numbers', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(
          placeOrder,
          {
            storeId: STORE_ID,
            channel: i % 2 ? 'dine_in' : 'takeout',
            requestId: requestId(),
            items: [{ menuItemId: 'latte', quantity: 1 }],
          },
          as.customer(`customer-${i}`),
        ),
      ),
    );
    const numbers = results.map((r) => r.orderNumber as number).sort((a, b) => a - b);
    assert.deepEqual(
      numbers,
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    assert.equal((await db().collection('orders').get()).size, 20);
  });

  it('the same requestId sent 10 times concurrently: one order', async () => {
    const input = {
      storeId: STORE_ID,
      channel: 'takeout',
      requestId: requestId(),
      items: [{ menuItemId: 'latte', quantity: 2 }],
    };
    const results = await Promise.all(Array.from({ length: 10 }, () => call(placeOrder, input, as.customer())));
    assert.equal(new Set(results.map((r) => r.orderId)).size, 1);
    const orders = await db().collection('orders').get();
    assert.equal(orders.size, 1);
    assert.equal((await historyOf(orders.docs[0].id)).length, 1);
    const counters = await db().collection(`stores/${STORE_ID}/orderCounters`).get();
    assert.equal(counters.docs[0].get('last'), 1, 'a replayed request must not consume an order number');
  });
});
