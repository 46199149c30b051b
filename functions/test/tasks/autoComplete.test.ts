import { strict as assert } from 'node:assert';
import { HttpsError } from 'firebase-functions/v2/https';
import { cancelOrder, completeOrder, startPreparing } from '../../src/callables/orderCommands';
import { db } from '../../src/infra/firestore';
import { EARLY_RETRY_WINDOW_MS } from '../../src/app/autoComplete';
import { autoCompleteOrder, handleAutoCompleteTask } from '../../src/tasks/autoComplete';
import { as, call } from '../support/callables';
import { dumpDatabase } from '../support/database';
import { seedStore, STORE_ID } from '../support/fixtures';
import { useNotificationFakes, wrapHandler } from '../support/notifications';
import { historyOf, placeDelivery, placePickup, storedOrder } from '../support/orders';
import { setDependenciesForTest } from '../../src/deps';

const PLACED_AT = Date.parse('2026-03-02T03:04:05.678Z');
const DUE_AT = PLACED_AT + 60 * 60_000;
const owner = as.owner(STORE_ID);

/** Calls the deployed shape: the onTaskDispatched function, as Cloud Tasks would. */
function dispatch(data: unknown): Promise<void> {
  return wrapHandler(autoCompleteOrder)({ data }) as Promise<void>;
}

describe('autoCompleteOrder (Cloud Tasks handler)', () => {
  useNotificationFakes();
  let clock = PLACED_AT;

  beforeEach(async () => {
    clock = PLACED_AT;
    setDependenciesForTest({ clock: () => clock });
    await seedStore();
  });

  it('due: completes the order as the system, with a history entry', async () => {
    const orderId = await placePickup();
    clock = DUE_AT;
    await dispatch({ orderId });
    const order = await storedOrder(orderId);
    assert.equal(order.status, 'completed');
    assert.equal(order.completion.by, 'system');
    assert.equal(order.completion.uid, null);
    assert.equal(order.completion.at.toMillis(), DUE_AT);
    assert.equal(order.version, 2);
    const history = await historyOf(orderId);
    assert.deepEqual(history.map((e) => [e.command, e.from, e.to, e.actorRole]).at(-1), [
      'auto_complete',
      'received',
      'completed',
      'system',
    ]);
  });

  it('due while preparing: completes too', async () => {
    const orderId = await placePickup();
    await call(startPreparing, { orderId, prepMinutes: 10 }, owner);
    clock = DUE_AT + 5_000;
    assert.equal(await handleAutoCompleteTask({ orderId }), 'completed');
    assert.equal((await storedOrder(orderId)).status, 'completed');
  });

  it('early by a lot (the emulator dispatches at once): acknowledged, nothing changes', async () => {
    const orderId = await placePickup();
    clock = PLACED_AT + 1_000;
    const before = await dumpDatabase();
    await dispatch({ orderId });
    assert.equal(await handleAutoCompleteTask({ orderId }), 'early');
    assert.deepEqual(await dumpDatabase(), before);
  });

  it('early by a little (clock skew): answered 503 so Cloud Tasks redelivers, nothing changes', async () => {
    const orderId = await placePickup();
    const before = await dumpDatabase();
    for (const early of [1, 30_000, EARLY_RETRY_WINDOW_MS]) {
      clock = DUE_AT - early;
      await assert.rejects(dispatch({ orderId }), (error: unknown) => {
        assert.ok(error instanceof HttpsError);
        assert.equal(error.code, 'unavailable');
        assert.equal(error.httpErrorCode.status, 503);
        return true;
      });
    }
    assert.deepEqual(await dumpDatabase(), before);
    clock = DUE_AT;
    await dispatch({ orderId });
    assert.equal((await storedOrder(orderId)).status, 'completed');
  });

  it('already terminal: completed by the owner, or cancelled, stays as it is', async () => {
    const completed = await placePickup();
    await call(startPreparing, { orderId: completed, prepMinutes: 10 }, owner);
    await call(completeOrder, { orderId: completed }, owner);
    const cancelled = await placePickup();
    await call(cancelOrder, { orderId: cancelled, reason: 'sold_out' }, owner);
    clock = DUE_AT + 1;
    const before = await dumpDatabase();
    assert.equal(await handleAutoCompleteTask({ orderId: completed }), 'already_terminal');
    assert.equal(await handleAutoCompleteTask({ orderId: cancelled }), 'already_terminal');
    await dispatch({ orderId: cancelled });
    assert.deepEqual(await dumpDatabase(), before);
    assert.equal((await storedOrder(completed)).completion.by, 'partner');
  });

  it('cancelled at the same moment it falls due: the cancellation stands', async () => {
    const orderId = await placePickup();
    clock = DUE_AT;
    await call(cancelOrder, { orderId, reason: 'store_busy' }, owner);
    await dispatch({ orderId });
    const order = await storedOrder(orderId);
    assert.equal(order.status, 'cancelled');
    assert.equal(order.completion, null);
    assert.equal((await historyOf(orderId)).length, 2);
  });

  it('racing a cancellation: exactly one of them wins, and the history agrees', async () => {
    clock = PLACED_AT;
    const orderIds = [];
    // Eight customers: one customer may have only 3 unanswered orders at a store (placeOrder limits).
    for (let i = 0; i < 8; i += 1) orderIds.push(await placePickup('takeout', `customer-${i}`));
    clock = DUE_AT;
    const outcomes = await Promise.all(
      orderIds.map(async (orderId) => {
        const [task, cancel] = await Promise.allSettled([
          handleAutoCompleteTask({ orderId }),
          call(cancelOrder, { orderId, reason: 'store_busy' }, owner),
        ]);
        return { orderId, task, cancel };
      }),
    );
    for (const { orderId, task, cancel } of outcomes) {
      assert.equal(task.status, 'fulfilled', 'the task never fails on a race');
      const order = await storedOrder(orderId);
      const history = await historyOf(orderId);
      assert.equal(history.length, 2, 'one transition after placing, never two');
      if (order.status === 'completed') {
        assert.equal((task as PromiseFulfilledResult<string>).value, 'completed');
        assert.equal(cancel.status, 'rejected', 'the owner is told it was already completed');
        assert.equal(history[1].command, 'auto_complete');
      } else {
        assert.equal(order.status, 'cancelled');
        assert.equal((task as PromiseFulfilledResult<string>).value, 'already_terminal');
        assert.equal(cancel.status, 'fulfilled');
        assert.equal(history[1].command, 'cancel');
      }
    }
  });

  it('redelivered: the second delivery changes nothing', async () => {
    const orderId = await placePickup();
    clock = DUE_AT + 60_000;
    await dispatch({ orderId });
    const after = await dumpDatabase();
    clock = DUE_AT + 120_000;
    await dispatch({ orderId });
    assert.equal(await handleAutoCompleteTask({ orderId }), 'already_terminal');
    assert.deepEqual(await dumpDatabase(), after);
    assert.equal((await storedOrder(orderId)).completion.at.toMillis(), DUE_AT + 60_000);
  });

  it('a delivery order never auto-completes on the timer', async () => {
    const orderId = await placeDelivery();
    clock = PLACED_AT + 5 * 60 * 60_000;
    const before = await dumpDatabase();
    assert.equal(await handleAutoCompleteTask({ orderId }), 'not_pickup');
    await dispatch({ orderId });
    assert.deepEqual(await dumpDatabase(), before);
  });

  it('an unknown order or a malformed payload is acknowledged, not retried forever', async () => {
    clock = DUE_AT;
    assert.equal(await handleAutoCompleteTask({ orderId: 'no-such-order' }), 'order_not_found');
    assert.equal(await handleAutoCompleteTask({ orderId: 'a/b' }), 'invalid_payload');
    assert.equal(await handleAutoCompleteTask(null), 'invalid_payload');
    await dispatch({ nothing: true });
    assert.equal((await db().collection('orders').get()).size, 0);
  });
});
