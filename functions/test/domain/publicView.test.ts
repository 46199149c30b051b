import assert from 'node:assert/strict';
import { CHANNELS, Order, ORDER_STATUSES } from '../../src/domain/order';
import { cancelReasonLabel, CHANNEL_LABELS, STATUS_LABELS, toPublicView } from '../../src/domain/publicView';
import { newOrder } from '../support/orderFactory';

const T0 = Date.UTC(2026, 10, 26, 3, 0, 0); // 2026-11-26T03:00:00.000Z
const MIN = 60_000;

function order(overrides: Partial<Order> = {}): Order {
  return newOrder('takeout', overrides, {
    priced: {
      items: [
        {
          menuItemId: 'americano',
          name: '아메리카노',
          unitPrice: 4500,
          quantity: 2,
          options: [{ groupId: 'size', groupName: '사이즈', choices: [{ id: 'large', name: '라지', price: 500 }] }],
          lineTotal: 9000,
        },
      ],
      subtotal: 9000,
      deliveryFee: 0,
      total: 9000,
    },
    orderNumber: 7,
    customerNote: '얼음 적게',
    at: T0,
    autoCompleteAfterMs: 60 * MIN,
  });
}

describe('publicView: toPublicView', () => {
  it('renders a fresh pickup order: ISO times, labels, nulls for what has not happened', () => {
    const o = order();
    assert.deepEqual(toPublicView(o), {
      orderId: 'order-1',
      storeId: 'store-1',
      storeName: '테스트점',
      customerUid: 'customer-1',
      channel: 'takeout',
      channelLabel: '포장',
      status: 'received',
      statusLabel: '주문 접수',
      orderNumber: 7,
      businessDate: '2026-11-26',
      items: o.items,
      subtotal: 9000,
      deliveryFee: 0,
      total: 9000,
      customerNote: '얼음 적게',
      delivery: null,
      createdAt: '2026-11-26T03:00:00.000Z',
      updatedAt: '2026-11-26T03:00:00.000Z',
      autoCompleteAt: '2026-11-26T04:00:00.000Z',
      prep: null,
      readyAt: null,
      customerCall: null,
      shipmentPreparingAt: null,
      shipment: null,
      cancellation: null,
      completion: null,
      version: 1,
    });
  });

  it('gives a preparing order its start time and readyAt = startedAt + minutes', () => {
    const view = toPublicView(
      order({ status: 'preparing', updatedAt: T0 + 5 * MIN, prep: { minutes: 25, startedAt: T0 + 5 * MIN }, version: 2 }),
    );
    assert.equal(view.statusLabel, '준비중');
    assert.equal(view.updatedAt, '2026-11-26T03:05:00.000Z');
    assert.deepEqual(view.prep, {
      minutes: 25,
      startedAt: '2026-11-26T03:05:00.000Z',
      readyAt: '2026-11-26T03:30:00.000Z',
      extensions: [],
    });
    assert.equal(view.readyAt, null, 'not ready yet');
    assert.equal(view.version, 2);
  });

  it('renders a completed order with who completed it (by and time only)', () => {
    const view = toPublicView(order({ status: 'completed', completion: { by: 'system', uid: null, at: T0 + 60 * MIN } }));
    assert.equal(view.statusLabel, '완료');
    assert.deepEqual(view.completion, { by: 'system', at: '2026-11-26T04:00:00.000Z' });
  });

  it('renders a shipped delivery order with carrier name and tracking URL', () => {
    const delivery = {
      recipient: '김고객',
      phone: '010-1234-5678',
      postalCode: '06236',
      address1: '서울 강남구 테헤란로 123',
      address2: null,
    };
    const view = toPublicView(
      order({
        channel: 'delivery',
        status: 'shipped',
        deliveryFee: 3000,
        total: 12000,
        delivery,
        autoCompleteAt: null,
        shipmentPreparingAt: T0 + 10 * MIN,
        shipment: {
          carrier: 'cj',
          trackingNumber: '123456789012',
          shippedAt: T0 + 30 * MIN,
          updatedAt: T0 + 45 * MIN,
          deliveredAt: null,
        },
      }),
    );
    assert.equal(view.channelLabel, '배송');
    assert.equal(view.statusLabel, '배송 중');
    assert.equal(view.autoCompleteAt, null);
    assert.equal(view.shipmentPreparingAt, '2026-11-26T03:10:00.000Z');
    assert.deepEqual(view.delivery, delivery);
    assert.deepEqual(view.shipment, {
      carrier: 'cj',
      carrierName: 'CJ대한통운',
      trackingNumber: '123456789012',
      trackingUrl: 'https://trace.cjlogistics.com/next/tracking.html?wblNo=123456789012',
      shippedAt: '2026-11-26T03:30:00.000Z',
      updatedAt: '2026-11-26T03:45:00.000Z',
      deliveredAt: null,
      lastEvent: null,
    });
  });

  it('renders the latest courier event with its Korean label, without provider ids', () => {
    const view = toPublicView(
      order({
        channel: 'delivery',
        status: 'shipped',
        shipment: {
          carrier: 'hanjin',
          trackingNumber: '123456789012',
          shippedAt: T0,
          updatedAt: T0,
          deliveredAt: null,
          lastCheckedAt: T0 + 90 * MIN,
          lastEvent: {
            eventId: 'provider-evt-1',
            source: 'webhook',
            status: 'out_for_delivery',
            occurredAt: T0 + 80 * MIN,
            location: '서울강남',
            description: '배송출발',
            receivedAt: T0 + 90 * MIN,
          },
        },
      }),
    );
    assert.deepEqual(view.shipment?.lastEvent, {
      status: 'out_for_delivery',
      statusLabel: '배송 출발',
      occurredAt: '2026-11-26T04:20:00.000Z',
      location: '서울강남',
      description: '배송출발',
    });
    assert.equal(JSON.stringify(view).includes('provider-evt-1'), false);
  });

  it('renders deliveredAt once delivered', () => {
    const view = toPublicView(
      order({
        channel: 'delivery',
        status: 'completed',
        shipment: { carrier: 'epost', trackingNumber: '1234567890123', shippedAt: T0, updatedAt: T0, deliveredAt: T0 + 24 * 60 * MIN },
      }),
    );
    assert.equal(view.shipment?.deliveredAt, '2026-11-27T03:00:00.000Z');
    assert.equal(view.shipment?.carrierName, '우체국택배');
  });

  it('falls back to the carrier code and no URL for an unknown carrier', () => {
    const view = toPublicView(
      order({
        channel: 'delivery',
        status: 'shipped',
        shipment: { carrier: 'dhl', trackingNumber: '999', shippedAt: T0, updatedAt: T0, deliveredAt: null },
      }),
    );
    assert.equal(view.shipment?.carrierName, 'dhl');
    assert.equal(view.shipment?.trackingUrl, null);
  });

  it('renders a cancellation with its reason label, without the canceller uid', () => {
    const view = toPublicView(
      order({
        status: 'cancelled',
        cancellation: { by: 'partner', uid: 'partner-1', reason: 'sold_out', note: '원두 소진', at: T0 + 2 * MIN },
      }),
    );
    assert.equal(view.statusLabel, '취소');
    assert.deepEqual(view.cancellation, {
      by: 'partner',
      reason: 'sold_out',
      reasonLabel: '재료 소진으로 주문이 취소되었습니다.',
      note: '원두 소진',
      at: '2026-11-26T03:02:00.000Z',
    });
  });

  it('labels an unknown cancellation reason as "other"', () => {
    const view = toPublicView(
      order({
        status: 'cancelled',
        cancellation: { by: 'admin', uid: 'admin-1', reason: 'legacy_reason', note: null, at: T0 },
      }),
    );
    assert.equal(view.cancellation?.reasonLabel, '매장 사정으로 주문이 취소되었습니다.');
    assert.equal(cancelReasonLabel('customer_request'), '고객 요청으로 취소되었습니다.');
  });

  it('gives a ready order its ready time, extensions and customer calls', () => {
    const view = toPublicView(
      order({
        status: 'ready',
        prep: { minutes: 35, startedAt: T0 + 5 * MIN, extensions: [{ addMinutes: 10, at: T0 + 10 * MIN }] },
        readyAt: T0 + 30 * MIN,
        customerCall: { count: 1, lastAt: T0 + 32 * MIN },
        version: 5,
      }),
    );
    assert.equal(view.statusLabel, '준비완료');
    assert.equal(view.readyAt, '2026-11-26T03:30:00.000Z');
    assert.deepEqual(view.prep, {
      minutes: 35,
      startedAt: '2026-11-26T03:05:00.000Z',
      readyAt: '2026-11-26T03:40:00.000Z',
      extensions: [{ addMinutes: 10, at: '2026-11-26T03:10:00.000Z' }],
    });
    assert.deepEqual(view.customerCall, { count: 1, lastAt: '2026-11-26T03:32:00.000Z' });
  });

  it('has a label for every status and channel', () => {
    assert.deepEqual(STATUS_LABELS, {
      received: '주문 접수',
      preparing: '준비중',
      ready: '준비완료',
      preparing_shipment: '배송 준비 중',
      shipped: '배송 중',
      completed: '완료',
      cancelled: '취소',
    });
    assert.deepEqual(CHANNEL_LABELS, { dine_in: '매장', takeout: '포장', delivery: '배송' });
    for (const status of ORDER_STATUSES) assert.equal(toPublicView(order({ status })).statusLabel, STATUS_LABELS[status]);
    for (const channel of CHANNELS) assert.equal(toPublicView(order({ channel })).channelLabel, CHANNEL_LABELS[channel]);
  });

  it('is JSON-safe: a JSON round trip changes nothing', () => {
    const view = toPublicView(
      order({
        status: 'completed',
        prep: { minutes: 10, startedAt: T0 },
        completion: { by: 'partner', uid: 'partner-1', at: T0 + 20 * MIN },
      }),
    );
    assert.deepEqual(JSON.parse(JSON.stringify(view)), view);
  });
});
