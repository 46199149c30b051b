// The lifecycle specification's derived parts: status sets, the effects of an observed change
// (notice and timers), timer applicability and what a timer's refusal means. Expected values are
// written out by hand, not computed from COMMANDS.
import assert from 'node:assert/strict';
import {
  COMMAND_TYPES,
  effectsOf,
  OPEN_DELIVERY_STATUSES,
  OPEN_PICKUP_STATUSES,
  PLACE,
  RULE_ROWS,
  TERMINAL_STATUSES,
  timerPending,
  timerRefusal,
  timersCancelledBy,
} from '../../src/domain/lifecycle';
import { OrderStatus, Shipment } from '../../src/domain/order';
import { TRANSITIONS } from '../../src/domain/stateMachine';
import { newOrder, ORDER_T0, placed } from '../support/orderFactory';

const HOUR = 60 * 60_000;
const shipment = (trackingNumber: string): Shipment => ({
  carrier: 'cj',
  trackingNumber,
  shippedAt: 1,
  updatedAt: 1,
  deliveredAt: null,
});

describe('lifecycle specification', () => {
  it('derives the status sets from the table', () => {
    assert.deepEqual([...TERMINAL_STATUSES], ['completed', 'cancelled']);
    assert.deepEqual([...OPEN_PICKUP_STATUSES], ['received', 'preparing', 'ready']);
    assert.deepEqual([...OPEN_DELIVERY_STATUSES], ['received', 'preparing_shipment', 'shipped']);
  });

  it('keeps a data-only list of the rows, the same rows as TRANSITIONS', () => {
    assert.equal(RULE_ROWS.length, 14);
    assert.equal(TRANSITIONS.length, 14);
    for (const [i, row] of RULE_ROWS.entries()) {
      assert.equal('guard' in row, false);
      const { guard: _guard, ...transition } = TRANSITIONS[i];
      assert.deepEqual(row, transition);
    }
    assert.deepEqual(
      [...new Set(RULE_ROWS.map((row) => row.command))],
      [
        'start_preparing',
        'mark_ready',
        'call_customer',
        'extend_prep',
        'complete',
        'auto_complete',
        'prepare_shipment',
        'ship',
        'update_tracking',
        'mark_delivered',
        'cancel',
      ],
    );
    assert.equal(COMMAND_TYPES.length, 11);
  });

  it('place: a received order, version 1, due an hour later (pickup), with its creation entry', () => {
    const { order, event } = placed('takeout');
    assert.equal(order.status, PLACE.to);
    assert.equal(order.status, 'received');
    assert.equal(order.version, 1);
    assert.equal(order.autoCompleteAt, ORDER_T0 + HOUR);
    assert.deepEqual(event, {
      version: 1,
      command: 'place',
      actorRole: 'customer',
      actorUid: 'customer-1',
      from: null,
      to: 'received',
      at: ORDER_T0,
      data: { requestId: 'req-1' },
    });
    assert.equal(placed('delivery').order.autoCompleteAt, null);
    assert.deepEqual(PLACE.timers.schedule, ['autoComplete', 'reminder']);
  });

  describe('effects of an observed change', () => {
    const at = (status: OrderStatus) => ({ status, shipment: null });
    const cases: [string, OrderStatus, OrderStatus, string | null, string | null, string[]][] = [
      ['준비 시작', 'received', 'preparing', 'start_preparing', 'preparing', []],
      ['준비완료', 'preparing', 'ready', 'mark_ready', 'ready', []],
      ['처리 완료', 'preparing', 'completed', 'complete', 'completed', ['autoComplete']],
      ['처리 완료 from ready', 'ready', 'completed', 'complete', 'completed', ['autoComplete']],
      ['자동 완료 from received', 'received', 'completed', 'auto_complete', 'completed', []],
      ['배송 준비', 'received', 'preparing_shipment', 'prepare_shipment', 'preparing_shipment', []],
      ['발송', 'preparing_shipment', 'shipped', 'ship', 'shipped', []],
      ['배송 완료', 'shipped', 'completed', 'mark_delivered', 'completed', []],
      ['취소', 'received', 'cancelled', 'cancel', 'cancelled', ['autoComplete']],
      ['back to received (no command)', 'preparing', 'received', null, null, []],
    ];
    for (const [name, from, to, command, notice, cancel] of cases) {
      it(name, () => {
        const effects = effectsOf(at(from), at(to));
        assert.equal(effects.command, command);
        assert.equal(effects.notice, notice);
        assert.deepEqual([...(effects.timers.cancel ?? [])], cancel);
      });
    }

    it('changes that keep the status: a call, an extension, a new tracking number', () => {
      const prep = { minutes: 10, startedAt: 1 };
      assert.equal(
        effectsOf({ status: 'ready', shipment: null }, { status: 'ready', shipment: null, customerCall: { count: 1, lastAt: 2 } }).command,
        'call_customer',
      );
      assert.equal(
        effectsOf(
          { status: 'preparing', shipment: null, prep },
          { status: 'preparing', shipment: null, prep: { ...prep, minutes: 15, extensions: [{ addMinutes: 5, at: 2 }] } },
        ).command,
        'extend_prep',
      );
      assert.equal(
        effectsOf({ status: 'shipped', shipment: shipment('1') }, { status: 'shipped', shipment: shipment('2') }).command,
        'update_tracking',
      );
      assert.equal(
        effectsOf({ status: 'shipped', shipment: shipment('1') }, { status: 'shipped', shipment: { ...shipment('1'), updatedAt: 9 } })
          .command,
        null,
      );
    });
  });

  describe('timers', () => {
    it('the auto-complete timer is pending for open pickup orders only; the reminder while received', () => {
      for (const status of ['received', 'preparing', 'ready'] as const)
        assert.equal(timerPending('autoComplete', { channel: 'takeout', status }), true);
      for (const status of ['completed', 'cancelled'] as const)
        assert.equal(timerPending('autoComplete', { channel: 'dine_in', status }), false);
      assert.equal(timerPending('autoComplete', { channel: 'delivery', status: 'received' }), false);
      assert.equal(timerPending('reminder', { channel: 'delivery', status: 'received' }), true);
      assert.equal(timerPending('reminder', { channel: 'takeout', status: 'received' }), true);
      assert.equal(timerPending('reminder', { channel: 'takeout', status: 'preparing' }), false);
    });

    it('a pickup order finished before its hour cancels its auto-complete; after the hour, or a delivery order, cancels nothing', () => {
      const before = newOrder('takeout', { status: 'preparing' });
      const done = (fields: object) => ({ ...before, status: 'completed' as const, ...fields });
      assert.deepEqual(timersCancelledBy(before, done({ updatedAt: ORDER_T0 + HOUR - 1 })), ['autoComplete']);
      assert.deepEqual(timersCancelledBy(before, done({ updatedAt: ORDER_T0 + HOUR })), []);
      assert.deepEqual(timersCancelledBy(before, { ...before, status: 'cancelled', updatedAt: ORDER_T0 + 1 }), ['autoComplete']);
      const delivery = newOrder('delivery');
      assert.deepEqual(timersCancelledBy(delivery, { ...delivery, status: 'cancelled', updatedAt: ORDER_T0 + 1 }), []);
      const terminal = newOrder('takeout', { status: 'completed' });
      assert.deepEqual(timersCancelledBy(terminal, { ...terminal, status: 'cancelled', updatedAt: ORDER_T0 + 1 }), []);
    });

    it("what a refusal of the timer's command means", () => {
      assert.equal(timerRefusal('order_completed'), 'moot');
      assert.equal(timerRefusal('order_cancelled'), 'moot');
      assert.equal(timerRefusal('not_yet_due'), 'early');
      assert.equal(timerRefusal('not_pickup_order'), 'not_applicable');
      assert.equal(timerRefusal('actor_not_permitted'), null);
    });
  });
});
