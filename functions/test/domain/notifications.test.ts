import { strict as assert } from 'node:assert';
import {
  chunk,
  customerContent,
  CustomerOrder,
  customerNoticeFor,
  formatWon,
  itemSummary,
  MAX_TOKENS_PER_SEND,
  multicast,
  newOrderContent,
  reminderContent,
  seoulClock,
  sendFailureKind,
} from '../../src/domain/notifications';
import { Order, OrderStatus, Shipment } from '../../src/domain/order';

const item = (name: string) => ({ menuItemId: name, name, unitPrice: 1000, quantity: 1, options: [], lineTotal: 1000 });

const base: CustomerOrder = {
  orderId: 'o1',
  storeId: 's1',
  storeName: '고카페인 성수점',
  channel: 'dine_in',
  orderNumber: 42,
  items: [item('바닐라라떼'), item('크루아상')],
  total: 1_234_567,
  status: 'received',
  prep: null,
  shipment: null,
  cancellation: null,
};

const shipment = (carrier: string, trackingNumber: string): Shipment => ({
  carrier,
  trackingNumber,
  shippedAt: 1,
  updatedAt: 1,
  deliveredAt: null,
});

describe('notifications (pure)', () => {
  it('formats KRW with thousands separators', () => {
    assert.deepEqual([0, 500, 1_000, 12_000, 123_456, 1_234_567, 10_000_000].map(formatWon), [
      '0원',
      '500원',
      '1,000원',
      '12,000원',
      '123,456원',
      '1,234,567원',
      '10,000,000원',
    ]);
  });

  it('summarises items as the first name and the count of the others', () => {
    assert.equal(itemSummary([item('아메리카노')]), '아메리카노');
    assert.equal(itemSummary([item('아메리카노'), item('라떼')]), '아메리카노 외 1건');
    assert.equal(itemSummary([item('아메리카노'), item('라떼'), item('쿠키'), item('원두')]), '아메리카노 외 3건');
  });

  it('new-order content: channel label, order number, items, total; urgent delivery', () => {
    for (const [channel, label] of [
      ['dine_in', '매장'],
      ['takeout', '포장'],
      ['delivery', '배송'],
    ] as const) {
      const content = newOrderContent({ ...base, channel });
      assert.deepEqual(content.notification, { title: `[${label}] 새 주문 #42`, body: '바닐라라떼 외 1건 · 1,234,567원' });
      assert.deepEqual(content.data, { type: 'order.received', orderId: 'o1', storeId: 's1', channel, orderNumber: '42' });
    }
    const content = newOrderContent(base);
    assert.equal(content.android.priority, 'high');
    assert.equal(content.android.notification.channelId, 'new_orders');
    assert.equal(content.apns.payload.aps['interruption-level'], 'time-sensitive');
    assert.equal(content.apns.payload.aps.sound, 'default');
    for (const value of Object.values(content.data)) assert.equal(typeof value, 'string', 'FCM data values are strings');
  });

  it('reminder content', () => {
    const content = reminderContent({ ...base, channel: 'takeout' }, 5);
    assert.deepEqual(content.notification, {
      title: '[포장] 확인하지 않은 주문 #42',
      body: '접수 후 5분이 지났습니다. 주문을 확인해 주세요. 바닐라라떼 외 1건 · 1,234,567원',
    });
    assert.equal(content.data.type, 'order.reminder');
    assert.equal(content.data.minutes, '5');
  });

  describe('which changes reach the customer', () => {
    const state = (status: OrderStatus, s: Shipment | null = null): Pick<Order, 'status' | 'shipment'> => ({ status, shipment: s });
    const cases: [string, Pick<Order, 'status' | 'shipment'>, Pick<Order, 'status' | 'shipment'>, string | null][] = [
      ['준비 시작', state('received'), state('preparing'), 'preparing'],
      ['처리 완료', state('preparing'), state('completed'), 'completed'],
      ['자동 완료 from received', state('received'), state('completed'), 'completed'],
      ['배송 준비', state('received'), state('preparing_shipment'), 'preparing_shipment'],
      ['발송', state('preparing_shipment'), state('shipped', shipment('cj', '1')), 'shipped'],
      ['송장 수정: number', state('shipped', shipment('cj', '1')), state('shipped', shipment('cj', '2')), 'tracking_updated'],
      ['송장 수정: carrier', state('shipped', shipment('cj', '1')), state('shipped', shipment('hanjin', '1')), 'tracking_updated'],
      ['courier progress only', state('shipped', shipment('cj', '1')), state('shipped', { ...shipment('cj', '1'), updatedAt: 9 }), null],
      ['배송 완료', state('shipped', shipment('cj', '1')), state('completed', shipment('cj', '1')), 'completed'],
      ['취소', state('received'), state('cancelled'), 'cancelled'],
      ['취소 while preparing', state('preparing'), state('cancelled'), 'cancelled'],
      ['no status change', state('preparing'), state('preparing'), null],
    ];
    for (const [name, before, after, expected] of cases) {
      it(name, () => assert.equal(customerNoticeFor(before, after), expected));
    }
  });

  it('customer texts', () => {
    const preparing = customerContent(
      { ...base, status: 'preparing', prep: { minutes: 10, startedAt: Date.UTC(2026, 0, 1) } },
      'preparing',
    );
    assert.deepEqual(preparing.notification, {
      title: '[매장] 고카페인 성수점',
      body: '주문 #42 · 준비를 시작했습니다. 약 10분 후 준비 완료 예정',
    });
    assert.equal(preparing.data.readyAt, '2026-01-01T00:10:00.000Z');

    const shipped = customerContent(
      { ...base, channel: 'delivery', status: 'shipped', shipment: shipment('epost', '1234567890123') },
      'shipped',
    );
    assert.equal(shipped.notification.body, '주문 #42 · 상품이 발송되었습니다. 우체국택배 1234567890123');
    assert.equal(shipped.data.trackingNumber, '1234567890123');

    const cancelled = (reason: string) =>
      customerContent({ ...base, status: 'cancelled', cancellation: { by: 'partner', uid: 'u', reason, note: null, at: 1 } }, 'cancelled')
        .notification.body;
    assert.equal(cancelled('store_closing'), '주문 #42 · 매장 영업 종료로 주문이 취소되었습니다.');
    assert.equal(cancelled('not-a-reason'), '주문 #42 · 매장 사정으로 주문이 취소되었습니다.');

    assert.equal(
      customerContent({ ...base, status: 'completed' }, 'completed').notification.body,
      '주문 #42 · 주문이 완료되었습니다. 이용해 주셔서 감사합니다.',
    );
    assert.equal(
      customerContent({ ...base, channel: 'delivery', status: 'completed' }, 'completed').notification.body,
      '주문 #42 · 배송이 완료되었습니다.',
    );
  });

  describe('준비완료, 고객 호출, 시간 추가 (issue 14)', () => {
    type Notice = Parameters<typeof customerNoticeFor>[0];
    const prep = { minutes: 15, startedAt: 1_000 };
    const cases: [string, Notice, Notice, string | null][] = [
      ['준비완료', { status: 'preparing', shipment: null, prep }, { status: 'ready', shipment: null, prep }, 'ready'],
      [
        '고객 호출 (first)',
        { status: 'ready', shipment: null, prep },
        { status: 'ready', shipment: null, prep, customerCall: { count: 1, lastAt: 9 } },
        'customer_called',
      ],
      [
        '고객 호출 (again)',
        { status: 'ready', shipment: null, prep, customerCall: { count: 1, lastAt: 9 } },
        { status: 'ready', shipment: null, prep, customerCall: { count: 2, lastAt: 99 } },
        'customer_called',
      ],
      [
        'ready, nothing changed',
        { status: 'ready', shipment: null, prep, customerCall: { count: 1, lastAt: 9 } },
        { status: 'ready', shipment: null, prep, customerCall: { count: 1, lastAt: 9 } },
        null,
      ],
      [
        '시간 추가',
        { status: 'preparing', shipment: null, prep },
        { status: 'preparing', shipment: null, prep: { ...prep, minutes: 25, extensions: [{ addMinutes: 10, at: 5 }] } },
        'prep_extended',
      ],
      ['준비완료 → 처리 완료', { status: 'ready', shipment: null, prep }, { status: 'completed', shipment: null, prep }, 'completed'],
      ['준비완료 → 취소', { status: 'ready', shipment: null, prep }, { status: 'cancelled', shipment: null, prep }, 'cancelled'],
    ];
    for (const [name, before, after, expected] of cases) {
      it(name, () => assert.equal(customerNoticeFor(before, after), expected));
    }

    for (const [channel, label] of [
      ['dine_in', '매장'],
      ['takeout', '포장'],
    ] as const) {
      it(`the ready push (${label}): order number, channel, ready time; a call carries its count`, () => {
        const readyAt = Date.UTC(2026, 0, 1, 3, 20);
        const order: CustomerOrder = { ...base, channel, status: 'ready', prep, readyAt };
        const ready = customerContent(order, 'ready');
        assert.deepEqual(ready.notification, {
          title: `[${label}] 고카페인 성수점`,
          body: `주문 #42 · 주문하신 메뉴가 준비되었습니다. ${label} 주문을 픽업대에서 받아 가세요.`,
        });
        assert.deepEqual(ready.data, {
          type: 'order.ready',
          orderId: 'o1',
          storeId: 's1',
          channel,
          orderNumber: '42',
          status: 'ready',
          readyAt: '2026-01-01T03:20:00.000Z',
        });
        assert.equal(ready.android.notification.tag, 'o1');
        const called = customerContent({ ...order, customerCall: { count: 2, lastAt: readyAt + 120_000 } }, 'customer_called');
        assert.deepEqual(called.notification, ready.notification);
        assert.equal(called.data.type, 'order.customer_called');
        assert.equal(called.data.call, '2');
      });
    }

    it('the extension push names the added minutes and the new time in Seoul', () => {
      // started 12:05 KST, 15 + 10 minutes -> 12:30 KST
      const startedAt = Date.UTC(2026, 0, 1, 3, 5);
      const extended = customerContent(
        {
          ...base,
          channel: 'takeout',
          status: 'preparing',
          prep: { minutes: 25, startedAt, extensions: [{ addMinutes: 10, at: startedAt + 60_000 }] },
        },
        'prep_extended',
      );
      assert.equal(extended.notification.body, '주문 #42 · 준비 시간이 10분 늘어났습니다. 12:30쯤 준비 완료 예정');
      assert.equal(extended.data.type, 'order.prep_extended');
      assert.equal(extended.data.prepMinutes, '25');
      assert.equal(extended.data.addMinutes, '10');
      assert.equal(extended.data.readyAt, '2026-01-01T03:30:00.000Z');
      for (const value of Object.values(extended.data)) assert.equal(typeof value, 'string');
    });

    it('Seoul clock crosses midnight', () => {
      assert.equal(seoulClock(Date.UTC(2026, 0, 1, 15, 5)), '00:05');
      assert.equal(seoulClock(Date.UTC(2026, 0, 1, 14, 59)), '23:59');
    });
  });

  it('chunks at 500 tokens', () => {
    const tokens = Array.from({ length: 1_001 }, (_, i) => `t${i}`);
    assert.equal(MAX_TOKENS_PER_SEND, 500);
    assert.deepEqual(
      chunk(tokens).map((c) => c.length),
      [500, 500, 1],
    );
    assert.deepEqual(chunk(tokens).flat(), tokens);
    assert.deepEqual(chunk([]), []);
    assert.deepEqual(multicast(newOrderContent(base), ['a']).tokens, ['a']);
  });

  it('classifies send failures', () => {
    assert.equal(sendFailureKind('messaging/registration-token-not-registered'), 'invalid_token');
    assert.equal(sendFailureKind('messaging/invalid-registration-token'), 'invalid_token');
    assert.equal(sendFailureKind('messaging/server-unavailable'), 'retry');
    assert.equal(sendFailureKind('messaging/internal-error'), 'retry');
    assert.equal(sendFailureKind(undefined), 'retry');
    assert.equal(sendFailureKind('messaging/invalid-argument'), 'permanent');
    assert.equal(sendFailureKind('messaging/mismatched-credential'), 'permanent');
  });
});
