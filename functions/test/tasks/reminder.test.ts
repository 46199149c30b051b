import { strict as assert } from 'node:assert';
import { HttpsError } from 'firebase-functions/v2/https';
import { cancelOrder, startPreparing } from '../../src/callables/orderCommands';
import { db } from '../../src/infra/firestore';
import { handleReminderTask, remindUnansweredOrder } from '../../src/tasks/reminder';
import { as, call } from '../support/callables';
import { seedStore, STORE_ID } from '../support/fixtures';
import { decodeTaskBody, deliverCreated, seedDevices, seedMember, useNotificationFakes, wrapHandler } from '../support/notifications';
import { placePickup } from '../support/orders';
import { setDependenciesForTest } from '../../src/deps';

const PLACED_AT = Date.parse('2026-03-02T03:04:05.678Z');
const REMIND_AT = PLACED_AT + 3 * 60_000;
const owner = as.owner(STORE_ID);

function dispatch(data: unknown): Promise<void> {
  return wrapHandler(remindUnansweredOrder)({ data }) as Promise<void>;
}

describe('remindUnansweredOrder (Cloud Tasks handler)', () => {
  const fakes = useNotificationFakes();
  let clock = PLACED_AT;

  beforeEach(async () => {
    clock = PLACED_AT;
    setDependenciesForTest({ clock: () => clock });
    await seedStore();
    await seedMember('owner-1', 'owner');
    await seedMember('staff-1', 'staff');
    await seedDevices('owner-1', ['owner-phone']);
    await seedDevices('staff-1', ['staff-phone']);
  });

  /** The task payload exactly as the creation trigger scheduled it. */
  async function scheduledPayload(orderId: string): Promise<unknown> {
    await deliverCreated(orderId);
    fakes.messaging().sends.length = 0; // forget the new-order push
    const [request] = fakes.tasks().createdIn('remindUnansweredOrder');
    return (decodeTaskBody(request) as { data: unknown }).data;
  }

  it('an order still received after 3 minutes: one reminder to every store device', async () => {
    const orderId = await placePickup('takeout');
    const payload = await scheduledPayload(orderId);
    clock = REMIND_AT;
    await dispatch(payload);

    const sends = fakes.messaging().sends;
    assert.equal(sends.length, 1);
    const { tokens, ...message } = sends[0];
    assert.deepEqual([...tokens].sort(), ['owner-phone', 'staff-phone']);
    assert.deepEqual(message, {
      notification: {
        title: '[포장] 확인하지 않은 주문 #1',
        body: '접수 후 3분이 지났습니다. 주문을 확인해 주세요. 아메리카노 · 4,000원',
      },
      data: { type: 'order.reminder', orderId, storeId: STORE_ID, channel: 'takeout', orderNumber: '1', minutes: '3' },
      android: { priority: 'high', notification: { channelId: 'new_orders', sound: 'default' } },
      apns: {
        headers: { 'apns-priority': '10', 'apns-push-type': 'alert' },
        payload: { aps: { sound: 'default', 'interruption-level': 'time-sensitive' } },
      },
      webpush: { headers: { Urgency: 'high' } },
    });
  });

  it('redelivered: no second reminder', async () => {
    const orderId = await placePickup();
    const payload = await scheduledPayload(orderId);
    clock = REMIND_AT + 1_000;
    await dispatch(payload);
    await dispatch(payload);
    assert.equal(await handleReminderTask(payload), 'duplicate');
    assert.equal(fakes.messaging().sends.length, 1);
  });

  it('the order moved on (준비 시작 or 취소): nothing is sent', async () => {
    const preparing = await placePickup();
    const cancelled = await placePickup();
    const payloads = [await scheduledPayload(preparing), await scheduledPayload(cancelled)];
    await call(startPreparing, { orderId: preparing, prepMinutes: 10 }, owner);
    await call(cancelOrder, { orderId: cancelled, reason: 'sold_out' }, owner);
    clock = REMIND_AT;
    for (const payload of payloads) await dispatch(payload);
    assert.equal(await handleReminderTask(payloads[0]), 'order_moved_on');
    assert.equal(fakes.messaging().sends.length, 0);
    assert.equal((await db().collection('notificationClaims').where('kind', '==', 'order.reminder').get()).size, 0);
  });

  it('early (the emulator ignores scheduleTime): 503, so it comes back later; nothing is sent', async () => {
    const orderId = await placePickup();
    const payload = await scheduledPayload(orderId);
    clock = REMIND_AT - 1;
    await assert.rejects(dispatch(payload), (error: unknown) => error instanceof HttpsError && error.code === 'unavailable');
    assert.equal(fakes.messaging().sends.length, 0);
    clock = REMIND_AT;
    await dispatch(payload);
    assert.equal(fakes.messaging().sends.length, 1);
  });

  it('a partial failure is retried for the failed devices only', async () => {
    const orderId = await placePickup();
    const payload = await scheduledPayload(orderId);
    // The new-order push was send 0; the reminder's first attempt is send 1.
    fakes.messaging().failWith = (token, index) => (index === 1 && token === 'staff-phone' ? 'messaging/quota-exceeded' : null);
    clock = REMIND_AT;
    await assert.rejects(dispatch(payload), (error: unknown) => error instanceof HttpsError && error.code === 'unavailable');
    await dispatch(payload);
    assert.deepEqual(
      fakes.messaging().sends.map((send) => [...send.tokens].sort()),
      [['owner-phone', 'staff-phone'], ['staff-phone']],
    );
  });

  it('does not trust remindAt or minutes from the payload: both come from the order and REMINDER_MINUTES', async () => {
    const orderId = await placePickup();
    await scheduledPayload(orderId);
    const forged = { orderId, remindAt: 0, minutes: 999 };
    clock = PLACED_AT + 60_000; // 1 of the 3 minutes
    await assert.rejects(dispatch(forged), (error: unknown) => error instanceof HttpsError && error.code === 'unavailable');
    assert.equal(fakes.messaging().sends.length, 0, 'no early reminder');
    clock = REMIND_AT;
    await dispatch(forged);
    const [send] = fakes.messaging().sends;
    assert.equal(send?.data?.minutes, '3');
    assert.match(send?.notification?.body ?? '', /^접수 후 3분이 지났습니다/);
    assert.equal(fakes.messaging().sends.length, 1);
  });

  it('a payload with only the order id is enough', async () => {
    const orderId = await placePickup();
    await scheduledPayload(orderId);
    clock = REMIND_AT;
    assert.equal(await handleReminderTask({ orderId }), 'sent');
  });

  it('reminders turned off (REMINDER_MINUTES=0) after the task was scheduled: acknowledged, nothing sent', async () => {
    const orderId = await placePickup();
    const payload = await scheduledPayload(orderId);
    clock = REMIND_AT;
    process.env.REMINDER_MINUTES = '0';
    try {
      assert.equal(await handleReminderTask(payload), 'reminders_off');
    } finally {
      delete process.env.REMINDER_MINUTES;
    }
    assert.equal(fakes.messaging().sends.length, 0);
  });

  it('a malformed payload or an unknown order is acknowledged', async () => {
    assert.equal(await handleReminderTask({ orderId: '' }), 'invalid_payload');
    assert.equal(await handleReminderTask({ orderId: 'bad\ud800' }), 'invalid_payload');
    assert.equal(await handleReminderTask({ orderId: 'missing', remindAt: PLACED_AT, minutes: 3 }), 'order_not_found');
  });
});
