import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { cancelOrder, completeOrder, prepareShipment, shipOrder, startPreparing, updateTracking } from '../../src/callables/orderCommands';
import { db } from '../../src/infra/firestore';
import { runSystemCommand } from '../../src/app/runOrderCommand';
import { as, call } from '../support/callables';
import { seedStore, STORE_ID } from '../support/fixtures';
import {
  changeAndDeliver,
  deliverUpdated,
  grpcError,
  orderSnapshot,
  seedDevices,
  seedMember,
  useNotificationFakes,
} from '../support/notifications';
import { CUSTOMER, placeDelivery, placePickup } from '../support/orders';
import { setDependenciesForTest } from '../../src/deps';

const PLACED_AT = Date.parse('2026-03-02T03:04:05.678Z');
const MINUTE = 60_000;
const owner = as.owner(STORE_ID);
const AUTO_COMPLETE_QUEUE = 'projects/demo-gocafein-test/locations/asia-northeast3/queues/autoCompleteOrder';
const taskName = (orderId: string) => `${AUTO_COMPLETE_QUEUE}/tasks/autocomplete-${createHash('sha256').update(orderId).digest('hex')}`;

function statusDelivery(orderId: string) {
  return {
    android: { priority: 'high', notification: { channelId: 'order_status', sound: 'default', tag: orderId } },
    apns: {
      headers: { 'apns-priority': '10', 'apns-push-type': 'alert', 'apns-collapse-id': orderId },
      payload: { aps: { sound: 'default', 'interruption-level': 'active' } },
    },
    webpush: { headers: { Urgency: 'normal' } },
  };
}

describe('onOrderUpdated', () => {
  const fakes = useNotificationFakes();
  let clock = PLACED_AT;

  beforeEach(async () => {
    clock = PLACED_AT;
    setDependenciesForTest({ clock: () => clock });
    await seedStore();
    await seedMember('owner-1', 'owner');
    await seedDevices('owner-1', ['owner-phone']);
    await seedDevices(CUSTOMER, ['customer-phone', 'customer-tablet']);
  });

  const lastSend = () => {
    const sends = fakes.messaging().sends;
    assert.equal(sends.length, 1, `expected one send, got ${sends.length}`);
    const { tokens, ...message } = sends[0];
    assert.deepEqual([...tokens].sort(), ['customer-phone', 'customer-tablet'], 'only the customer’s devices');
    return message;
  };

  describe('매장/포장', () => {
    it('준비 시작: the exact message, with the prep time', async () => {
      const orderId = await placePickup('takeout');
      clock = PLACED_AT + 2 * MINUTE;
      await changeAndDeliver(orderId, () => call(startPreparing, { orderId, prepMinutes: 10 }, owner));
      assert.deepEqual(lastSend(), {
        notification: { title: '[포장] 고카페인 테스트점', body: '주문 #1 · 준비를 시작했습니다. 약 10분 후 준비 완료 예정' },
        data: {
          type: 'order.preparing',
          orderId,
          storeId: STORE_ID,
          channel: 'takeout',
          orderNumber: '1',
          status: 'preparing',
          prepMinutes: '10',
          readyAt: new Date(PLACED_AT + 12 * MINUTE).toISOString(),
        },
        ...statusDelivery(orderId),
      });
      assert.deepEqual(fakes.tasks().deleted, [], 'still open: its task stays');
    });

    it('처리 완료 before the hour: the customer is told, and the auto-complete task is deleted', async () => {
      const orderId = await placePickup('dine_in');
      await call(startPreparing, { orderId, prepMinutes: 10 }, owner);
      clock = PLACED_AT + 20 * MINUTE;
      await changeAndDeliver(orderId, () => call(completeOrder, { orderId }, owner));
      const message = lastSend();
      assert.deepEqual(message.notification, {
        title: '[매장] 고카페인 테스트점',
        body: '주문 #1 · 주문이 완료되었습니다. 이용해 주셔서 감사합니다.',
      });
      assert.equal(message.data?.type, 'order.completed');
      assert.equal(message.data?.status, 'completed');
      assert.deepEqual(fakes.tasks().deleted, [taskName(orderId)]);
    });

    it('the auto-complete itself notifies the customer and deletes nothing', async () => {
      const orderId = await placePickup();
      clock = PLACED_AT + 60 * MINUTE;
      await changeAndDeliver(orderId, () => runSystemCommand(orderId, { type: 'auto_complete' }));
      assert.equal(lastSend().data?.type, 'order.completed');
      assert.deepEqual(fakes.tasks().deleted, []);
    });

    it('취소: the reason in Korean, and the task is deleted', async () => {
      const orderId = await placePickup();
      clock = PLACED_AT + 5 * MINUTE;
      await changeAndDeliver(orderId, () => call(cancelOrder, { orderId, reason: 'sold_out', note: '우유 소진' }, owner));
      const message = lastSend();
      assert.deepEqual(message.notification, {
        title: '[포장] 고카페인 테스트점',
        body: '주문 #1 · 재료 소진으로 주문이 취소되었습니다.',
      });
      assert.deepEqual(message.data, {
        type: 'order.cancelled',
        orderId,
        storeId: STORE_ID,
        channel: 'takeout',
        orderNumber: '1',
        status: 'cancelled',
        reason: 'sold_out',
      });
      assert.deepEqual(fakes.tasks().deleted, [taskName(orderId)]);
    });

    it('a task that is already gone, or fails to delete, does not fail the event', async () => {
      fakes.tasks().failDelete = () => grpcError(14, 'UNAVAILABLE');
      const orderId = await placePickup();
      await changeAndDeliver(orderId, () => call(cancelOrder, { orderId, reason: 'store_busy' }, owner));
      assert.equal(lastSend().data?.reason, 'store_busy');
      assert.equal(fakes.tasks().deleted.length, 1);

      fakes.tasks().failDelete = null;
      const second = await placePickup();
      await changeAndDeliver(second, () => call(cancelOrder, { orderId: second, reason: 'store_busy' }, owner));
      assert.equal(fakes.tasks().deleted.length, 2, 'NOT_FOUND (the fake never created it) is fine too');
    });

    it('a cancellation after the hour leaves the task alone (it already ran)', async () => {
      const orderId = await placePickup();
      clock = PLACED_AT + 61 * MINUTE;
      await changeAndDeliver(orderId, () => call(cancelOrder, { orderId, reason: 'store_closing' }, owner));
      assert.equal(lastSend().data?.type, 'order.cancelled');
      assert.deepEqual(fakes.tasks().deleted, []);
    });
  });

  describe('배송', () => {
    it('배송 준비, 발송 with courier and tracking number, 송장 수정, 배송 완료', async () => {
      const orderId = await placeDelivery();
      await changeAndDeliver(orderId, () => call(prepareShipment, { orderId }, owner));
      await changeAndDeliver(orderId, () => call(shipOrder, { orderId, carrier: 'cj', trackingNumber: '1234-5678-9012' }, owner));
      await changeAndDeliver(orderId, () => call(updateTracking, { orderId, carrier: 'hanjin', trackingNumber: '9876543210' }, owner));
      await changeAndDeliver(orderId, () => runSystemCommand(orderId, { type: 'mark_delivered' }));

      const sends = fakes.messaging().sends;
      assert.deepEqual(
        sends.map((send) => [send.data?.type, send.notification?.title, send.notification?.body]),
        [
          ['order.preparing_shipment', '[배송] 고카페인 테스트점', '주문 #1 · 배송 준비를 시작했습니다.'],
          ['order.shipped', '[배송] 고카페인 테스트점', '주문 #1 · 상품이 발송되었습니다. CJ대한통운 123456789012'],
          ['order.tracking_updated', '[배송] 고카페인 테스트점', '주문 #1 · 송장 정보가 변경되었습니다. 한진택배 9876543210'],
          ['order.completed', '[배송] 고카페인 테스트점', '주문 #1 · 배송이 완료되었습니다.'],
        ],
      );
      assert.deepEqual(sends[1].data, {
        type: 'order.shipped',
        orderId,
        storeId: STORE_ID,
        channel: 'delivery',
        orderNumber: '1',
        status: 'shipped',
        carrier: 'cj',
        carrierName: 'CJ대한통운',
        trackingNumber: '123456789012',
        trackingUrl: 'https://trace.cjlogistics.com/next/tracking.html?wblNo=123456789012',
      });
      assert.equal(sends[2].data?.carrier, 'hanjin');
      assert.deepEqual(fakes.tasks().deleted, [], 'delivery orders have no auto-complete task');
    });

    it('courier progress on an unchanged tracking number is not a customer push', async () => {
      const orderId = await placeDelivery();
      await call(prepareShipment, { orderId }, owner);
      await call(shipOrder, { orderId, carrier: 'cj', trackingNumber: '123456789012' }, owner);
      await changeAndDeliver(orderId, () =>
        db().doc(`orders/${orderId}`).update({ 'shipment.lastCheckedAt': new Date(), updatedAt: new Date() }),
      );
      assert.equal(fakes.messaging().sends.length, 0);
    });
  });

  it('a redelivered update event pushes once', async () => {
    const orderId = await placePickup();
    const before = await orderSnapshot(orderId);
    await call(startPreparing, { orderId, prepMinutes: 15 }, owner);
    const after = await orderSnapshot(orderId);
    await deliverUpdated(orderId, before, after, 'upd-1');
    await deliverUpdated(orderId, before, after, 'upd-1');
    assert.equal(fakes.messaging().sends.length, 1);
    const claim = await db().doc('notificationClaims/onOrderUpdated:upd-1').get();
    assert.equal(claim.get('state'), 'done');
    assert.equal(claim.get('kind'), 'order.preparing');
  });

  it('a customer without devices: nothing is sent, nothing fails', async () => {
    const orderId = await placePickup('takeout', 'customer-without-devices');
    await changeAndDeliver(orderId, () => call(startPreparing, { orderId, prepMinutes: 5 }, owner));
    assert.equal(fakes.messaging().sends.length, 0);
  });

  it('a failed customer push is retried for the failed device only', async () => {
    fakes.messaging().failWith = (token, index) => (index === 0 && token === 'customer-tablet' ? 'messaging/internal-error' : null);
    const orderId = await placePickup();
    const before = await orderSnapshot(orderId);
    await call(startPreparing, { orderId, prepMinutes: 10 }, owner);
    const after = await orderSnapshot(orderId);
    await assert.rejects(deliverUpdated(orderId, before, after, 'upd-partial'), { name: 'RetryLaterError' });
    await deliverUpdated(orderId, before, after, 'upd-partial');
    assert.deepEqual(
      fakes.messaging().sends.map((send) => [...send.tokens].sort()),
      [['customer-phone', 'customer-tablet'], ['customer-tablet']],
    );
  });
});
