import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { placeOrder } from '../../src/callables/placeOrder';
import { db } from '../../src/infra/firestore';
import { as, call } from '../support/callables';
import { requestId, seedStore, STORE_ID } from '../support/fixtures';
import { capturedLogs } from '../support/logs';
import {
  decodeTaskBody,
  deliverCreated,
  deviceTokensOf,
  grpcError,
  seedDevices,
  seedMember,
  TASKS_SA,
  useNotificationFakes,
} from '../support/notifications';
import { CUSTOMER, placeDelivery } from '../support/orders';
import { setDependenciesForTest } from '../../src/deps';

const PLACED_AT = Date.parse('2026-03-02T03:04:05.678Z');
const PROJECT = 'demo-gocafein-test';
const QUEUES = `projects/${PROJECT}/locations/asia-northeast3/queues`;
const hex = (value: string) => createHash('sha256').update(value).digest('hex');

/** 아메리카노 x2 + 카페라떼 + 원두 200g = 8,000 + 4,500 + 12,000. */
async function placeThreeLines(channel: 'dine_in' | 'takeout' | 'delivery' = 'takeout'): Promise<string> {
  const result = await call(
    placeOrder,
    {
      storeId: STORE_ID,
      channel,
      requestId: requestId(),
      items: [
        { menuItemId: 'americano', quantity: 2, options: [{ groupId: 'size', choiceIds: ['regular'] }] },
        { menuItemId: 'latte', quantity: 1 },
        { menuItemId: 'beans', quantity: 1 },
      ],
      ...(channel === 'delivery'
        ? { delivery: { recipient: '김고객', phone: '010-1234-5678', postalCode: '06236', address1: '서울 강남구 테헤란로 123' } }
        : {}),
    },
    as.customer(CUSTOMER),
  );
  return result.orderId;
}

const URGENT = {
  android: { priority: 'high', notification: { channelId: 'new_orders', sound: 'default' } },
  apns: {
    headers: { 'apns-priority': '10', 'apns-push-type': 'alert' },
    payload: { aps: { sound: 'default', 'interruption-level': 'time-sensitive' } },
  },
  webpush: { headers: { Urgency: 'high' } },
};

describe('onOrderCreated', () => {
  const fakes = useNotificationFakes();

  beforeEach(async () => {
    setDependenciesForTest({ clock: () => PLACED_AT });
    await seedStore();
    await seedMember('owner-1', 'owner');
    await seedMember('staff-1', 'staff');
    await seedDevices('owner-1', ['owner-phone', 'owner-tablet']);
    await seedDevices('staff-1', ['staff-phone']);
    // Devices of people who are not members of this store get nothing.
    await seedMember('owner-2', 'owner', 'store-b');
    await seedDevices('owner-2', ['other-store-phone']);
    await seedDevices(CUSTOMER, ['customer-phone']);
  });

  describe('new-order push', () => {
    it('sends the exact message to every device of every member, once', async () => {
      const orderId = await placeThreeLines('takeout');
      await deliverCreated(orderId);

      const sends = fakes.messaging().sends;
      assert.equal(sends.length, 1);
      const { tokens, ...message } = sends[0];
      assert.deepEqual([...tokens].sort(), ['owner-phone', 'owner-tablet', 'staff-phone']);
      assert.deepEqual(message, {
        notification: { title: '[포장] 새 주문 #1', body: '아메리카노 외 2건 · 24,500원' },
        data: { type: 'order.received', orderId, storeId: STORE_ID, channel: 'takeout', orderNumber: '1' },
        ...URGENT,
      });
    });

    it('labels 매장 and 배송 orders, and a single line has no "외"', async () => {
      const dineIn = await placeThreeLines('dine_in');
      await deliverCreated(dineIn);
      const delivery = await placeDelivery();
      await deliverCreated(delivery);
      const [first, second] = fakes.messaging().sends;
      assert.deepEqual(first.notification, { title: '[매장] 새 주문 #1', body: '아메리카노 외 2건 · 24,500원' });
      assert.deepEqual(second.notification, { title: '[배송] 새 주문 #2', body: '원두 200g · 15,000원' });
      assert.equal(second.data?.channel, 'delivery');
    });

    it('a redelivered event (same id) sends once', async () => {
      const orderId = await placeThreeLines();
      await deliverCreated(orderId, 'evt-dup');
      await deliverCreated(orderId, 'evt-dup');
      await deliverCreated(orderId, 'evt-dup');
      assert.equal(fakes.messaging().sends.length, 1);
      const claim = await db().doc('notificationClaims/onOrderCreated:evt-dup').get();
      assert.equal(claim.get('state'), 'done');
      assert.equal(claim.get('attempts'), 1);
      assert.equal(claim.get('orderId'), orderId);
      assert.equal(claim.get('sentTokenIds').length, 3);
    });

    it('two deliveries at the same time: one sends, the other is told to retry, and its retry sends nothing', async () => {
      const orderId = await placeThreeLines();
      let duplicate: Promise<void> | undefined;
      fakes.messaging().duringSend = async (index) => {
        if (index !== 0) return;
        duplicate = deliverCreated(orderId, 'evt-race');
        await duplicate.catch(() => undefined);
      };
      await deliverCreated(orderId, 'evt-race');
      await assert.rejects(duplicate!, { name: 'RetryLaterError' });
      assert.equal(fakes.messaging().sends.length, 1);
      await deliverCreated(orderId, 'evt-race');
      assert.equal(fakes.messaging().sends.length, 1);
    });

    it('sends in batches of at most 500 tokens', async () => {
      const many = Array.from({ length: 1_150 }, (_, i) => `bulk-${String(i).padStart(4, '0')}`);
      await seedMember('staff-2', 'staff');
      await seedDevices('staff-2', many);
      const orderId = await placeThreeLines();
      await deliverCreated(orderId);

      const sends = fakes.messaging().sends;
      assert.deepEqual(
        sends.map((send) => send.tokens.length),
        [500, 500, 153],
      );
      const all = fakes.messaging().tokensSent();
      assert.equal(new Set(all).size, 1_153, 'no token twice');
      assert.deepEqual([...all].sort(), [...many, 'owner-phone', 'owner-tablet', 'staff-phone'].sort());
      const { tokens: _t, ...first } = sends[0];
      for (const send of sends) assert.deepEqual({ ...send, tokens: undefined }, { ...first, tokens: undefined });
    });

    it('deletes devices FCM reports as unregistered or invalid, and keeps the rest', async () => {
      fakes.messaging().failWith = (token) =>
        token === 'owner-tablet'
          ? 'messaging/registration-token-not-registered'
          : token === 'staff-phone'
            ? 'messaging/invalid-registration-token'
            : null;
      const orderId = await placeThreeLines();
      await deliverCreated(orderId);

      assert.deepEqual(await deviceTokensOf('owner-1'), ['owner-phone']);
      assert.deepEqual(await deviceTokensOf('staff-1'), []);
      const registry = (await db().collection('deviceTokens').get()).docs.map((doc) => doc.get('token')).sort();
      assert.deepEqual(registry, ['customer-phone', 'other-store-phone', 'owner-phone']);
      // Invalid tokens are settled, not retried.
      const claim = (await db().collection('notificationClaims').get()).docs[0];
      assert.equal(claim.get('state'), 'done');
      assert.equal(claim.get('droppedTokenIds').length, 2);
    });

    it('after a partial failure the retry sends only to the tokens that failed', async () => {
      fakes.messaging().failWith = (token, sendIndex) =>
        sendIndex === 0 && (token === 'owner-tablet' || token === 'staff-phone') ? 'messaging/server-unavailable' : null;
      const orderId = await placeThreeLines();
      await assert.rejects(deliverCreated(orderId, 'evt-partial'), { name: 'RetryLaterError' });
      const firstTokens = [...fakes.messaging().sends[0].tokens].sort();
      assert.deepEqual(firstTokens, ['owner-phone', 'owner-tablet', 'staff-phone']);
      let claim = await db().doc('notificationClaims/onOrderCreated:evt-partial').get();
      assert.equal(claim.get('state'), 'retry');

      await deliverCreated(orderId, 'evt-partial');
      assert.equal(fakes.messaging().sends.length, 2);
      assert.deepEqual([...fakes.messaging().sends[1].tokens].sort(), ['owner-tablet', 'staff-phone']);
      claim = await db().doc('notificationClaims/onOrderCreated:evt-partial').get();
      assert.equal(claim.get('state'), 'done');
      assert.equal(claim.get('attempts'), 2);
      // Still failing devices are kept: the failure was FCM's, not theirs.
      assert.deepEqual(await deviceTokensOf('owner-1'), ['owner-phone', 'owner-tablet']);

      await deliverCreated(orderId, 'evt-partial');
      assert.equal(fakes.messaging().sends.length, 2, 'a third delivery sends nothing');
    });

    it('a send that throws leaves the whole batch owed', async () => {
      fakes.messaging().throwOnSend = (index) => (index === 0 ? new Error('socket hang up') : null);
      const orderId = await placeThreeLines();
      await assert.rejects(deliverCreated(orderId, 'evt-throw'), { name: 'RetryLaterError' });
      assert.equal(fakes.messaging().sends.length, 0);
      await deliverCreated(orderId, 'evt-throw');
      assert.deepEqual([...fakes.messaging().sends[0].tokens].sort(), ['owner-phone', 'owner-tablet', 'staff-phone']);
    });

    it('permanent per-token failures are not retried and the devices are kept', async () => {
      fakes.messaging().failWith = (token) => (token === 'staff-phone' ? 'messaging/mismatched-credential' : null);
      const orderId = await placeThreeLines();
      await deliverCreated(orderId, 'evt-perm');
      await deliverCreated(orderId, 'evt-perm');
      assert.equal(fakes.messaging().sends.length, 1);
      assert.deepEqual(await deviceTokensOf('staff-1'), ['staff-phone']);
    });

    it('gives up after the attempt limit instead of retrying for days', async () => {
      fakes.messaging().failWith = () => 'messaging/internal-error';
      const orderId = await placeThreeLines();
      for (let attempt = 1; attempt <= 6; attempt += 1) {
        await assert.rejects(deliverCreated(orderId, 'evt-down'), { name: 'RetryLaterError' });
      }
      await deliverCreated(orderId, 'evt-down');
      assert.equal(fakes.messaging().sends.length, 6);
      const claim = await db().doc('notificationClaims/onOrderCreated:evt-down').get();
      assert.equal(claim.get('state'), 'gave_up');
      assert.ok(
        capturedLogs.some((entry) => entry.severity === 'ERROR' && entry.message.includes('push.gave_up') && entry.orderId === orderId),
      );
    });

    it('a store without devices sends nothing and still schedules the timers', async () => {
      for (const uid of ['owner-1', 'staff-1']) {
        const devices = await db().collection(`users/${uid}/devices`).get();
        await Promise.all(devices.docs.map((doc) => doc.ref.delete()));
      }
      const orderId = await placeThreeLines();
      await deliverCreated(orderId);
      assert.equal(fakes.messaging().sends.length, 0);
      assert.equal(fakes.tasks().created.length, 2);
      assert.ok(capturedLogs.some((entry) => entry.message === 'push.no_devices' && entry.orderId === orderId));
    });
  });

  describe('auto-complete and reminder tasks', () => {
    it('creates the exact auto-complete CreateTask request for a pickup order', async () => {
      const orderId = await placeThreeLines('dine_in');
      await deliverCreated(orderId);

      const [request] = fakes.tasks().createdIn('autoCompleteOrder');
      const dueAt = PLACED_AT + 60 * 60 * 1000;
      const parent = `${QUEUES}/autoCompleteOrder`;
      assert.deepEqual(request, {
        parent,
        task: {
          name: `${parent}/tasks/autocomplete-${hex(orderId)}`,
          scheduleTime: { seconds: Math.floor(dueAt / 1000), nanos: 678_000_000 },
          httpRequest: {
            httpMethod: 'POST',
            url: `https://asia-northeast3-${PROJECT}.cloudfunctions.net/autoCompleteOrder`,
            headers: { 'Content-Type': 'application/json' },
            body: Buffer.from(JSON.stringify({ data: { orderId } })).toString('base64'),
            oidcToken: { serviceAccountEmail: TASKS_SA },
          },
        },
      });
      const stored = await db().doc(`orders/${orderId}`).get();
      assert.equal(stored.get('autoCompleteAt').toMillis(), dueAt, 'scheduleTime is the stored autoCompleteAt');
      assert.deepEqual(decodeTaskBody(request), { data: { orderId } });
    });

    it('creates the reminder task REMINDER_MINUTES after creation', async () => {
      const orderId = await placeThreeLines();
      await deliverCreated(orderId);
      const [request] = fakes.tasks().createdIn('remindUnansweredOrder');
      const remindAt = PLACED_AT + 3 * 60_000;
      assert.equal(request.task.name, `${QUEUES}/remindUnansweredOrder/tasks/reminder-${hex(orderId)}`);
      assert.deepEqual(request.task.scheduleTime, { seconds: Math.floor(remindAt / 1000), nanos: 678_000_000 });
      assert.equal(request.task.httpRequest.url, `https://asia-northeast3-${PROJECT}.cloudfunctions.net/remindUnansweredOrder`);
      assert.deepEqual(request.task.httpRequest.oidcToken, { serviceAccountEmail: TASKS_SA });
      assert.deepEqual(decodeTaskBody(request), { data: { orderId, remindAt, minutes: 3 } });
    });

    it('REMINDER_MINUTES is a param', async () => {
      process.env.REMINDER_MINUTES = '7';
      try {
        const orderId = await placeThreeLines();
        await deliverCreated(orderId);
        const [request] = fakes.tasks().createdIn('remindUnansweredOrder');
        assert.deepEqual(decodeTaskBody(request), { data: { orderId, remindAt: PLACED_AT + 7 * 60_000, minutes: 7 } });
      } finally {
        delete process.env.REMINDER_MINUTES;
      }
    });

    it('a delivery order gets a reminder but no auto-complete task', async () => {
      const orderId = await placeDelivery();
      await deliverCreated(orderId);
      assert.equal(fakes.tasks().createdIn('autoCompleteOrder').length, 0);
      assert.equal(fakes.tasks().createdIn('remindUnansweredOrder').length, 1);
    });

    it('ALREADY_EXISTS on a redelivered event counts as success', async () => {
      const orderId = await placeThreeLines();
      await deliverCreated(orderId, 'evt-1');
      await deliverCreated(orderId, 'evt-1');
      const autoComplete = fakes.tasks().createdIn('autoCompleteOrder');
      assert.equal(autoComplete.length, 2, 'the second create was attempted');
      assert.equal(autoComplete[0].task.name, autoComplete[1].task.name, 'with the same name');
      assert.equal(fakes.tasks().live.size, 2, 'one auto-complete and one reminder task exist');
      assert.ok(
        capturedLogs.some(
          (entry) => entry.message === 'tasks.auto_complete_scheduled' && entry.outcome === 'already_exists' && entry.orderId === orderId,
        ),
      );
    });

    it('a failed CreateTask fails the invocation (so it is redelivered) but the push still goes out once', async () => {
      let failures = 1;
      fakes.tasks().failCreate = (request) =>
        request.parent.endsWith('/autoCompleteOrder') && failures-- > 0 ? grpcError(14, 'UNAVAILABLE') : null;
      const orderId = await placeThreeLines();
      await assert.rejects(deliverCreated(orderId, 'evt-tasks'), /UNAVAILABLE/);
      assert.equal(fakes.messaging().sends.length, 1);
      assert.equal(fakes.tasks().live.size, 1, 'only the reminder exists so far');

      await deliverCreated(orderId, 'evt-tasks');
      assert.equal(fakes.messaging().sends.length, 1, 'no second push');
      assert.equal(fakes.tasks().live.size, 2, 'the auto-complete task now exists');
    });

    it('a CreateTask that no retry can fix (missing IAM) is logged and the event accepted, not retried for days', async () => {
      fakes.tasks().failCreate = (request) =>
        request.parent.endsWith('/autoCompleteOrder') ? grpcError(7, 'PERMISSION_DENIED: cloudtasks.tasks.create') : null;
      const orderId = await placeThreeLines();
      await deliverCreated(orderId, 'evt-iam');
      assert.equal(fakes.messaging().sends.length, 1, 'the push still went out');
      assert.equal(fakes.tasks().live.size, 1, 'the reminder was created');
      assert.ok(
        capturedLogs.some(
          (entry) =>
            entry.message.includes('order_created.step_failed_permanently') && entry.orderId === orderId && entry.step === 'autoComplete',
        ),
      );
    });

    it('without TASKS_SERVICE_ACCOUNT the runtime service account signs the tokens', async () => {
      delete process.env.TASKS_SERVICE_ACCOUNT;
      Object.assign(fakes.tasks(), { defaultServiceAccountEmail: async () => 'runtime@demo.iam.gserviceaccount.com' });
      const orderId = await placeThreeLines();
      await deliverCreated(orderId);
      const [request] = fakes.tasks().createdIn('autoCompleteOrder');
      assert.deepEqual(request.task.httpRequest.oidcToken, { serviceAccountEmail: 'runtime@demo.iam.gserviceaccount.com' });
    });
  });
});
