// 준비완료 (markReady), 고객 호출 (callCustomer) and 시간 추가 (extendPrep) through the real callables,
// the stored order and history, the customer pushes (once per event, once per call) and the
// one-hour auto-complete of a ready order (issue 14, docs/orders.md).
import { strict as assert } from 'node:assert';
import { callCustomer, cancelOrder, completeOrder, extendPrep, markReady, startPreparing } from '../../src/callables/orderCommands';
import { durationsOf, factsOf, FACTS } from '../../src/domain/sales';
import { orderFromSnapshot } from '../../src/infra/orders';
import { runSystemCommand } from '../../src/app/runOrderCommand';
import { salesOrderOf } from '../../src/infra/salesDays';
import { sweepOverdueOrders } from '../../src/app/overdueSweep';
import { as, call, expectError } from '../support/callables';
import { dumpDatabase } from '../support/database';
import { seedStore, STORE_ID } from '../support/fixtures';
import { changeAndDeliver, deliverUpdated, orderSnapshot, seedDevices, seedMember, useNotificationFakes } from '../support/notifications';
import { CUSTOMER, historyOf, placeDelivery, placePickup, storedOrder } from '../support/orders';
import { setDependenciesForTest } from '../../src/deps';

const PLACED_AT = Date.parse('2026-03-02T03:04:05.000Z'); // 12:04:05 KST
const MINUTE = 60_000;
const owner = as.owner(STORE_ID);
const customer = as.customer(CUSTOMER);

describe('준비완료, 고객 호출, 시간 추가', () => {
  const fakes = useNotificationFakes();
  let clock = PLACED_AT;

  beforeEach(async () => {
    clock = PLACED_AT;
    setDependenciesForTest({ clock: () => clock });
    await seedStore();
    await seedMember('owner-1', 'owner');
    await seedDevices(CUSTOMER, ['customer-phone']);
  });

  async function preparing(channel: 'dine_in' | 'takeout' = 'takeout', prepMinutes = 15): Promise<string> {
    const orderId = await placePickup(channel);
    clock = PLACED_AT + 2 * MINUTE;
    await call(startPreparing, { orderId, prepMinutes }, owner);
    return orderId;
  }

  async function ready(channel: 'dine_in' | 'takeout' = 'takeout'): Promise<string> {
    const orderId = await preparing(channel);
    clock = PLACED_AT + 10 * MINUTE;
    await call(markReady, { orderId }, owner);
    return orderId;
  }

  /** The call must fail with exactly this code/reason and leave the whole database as it was. */
  async function refusedWithoutWrites(promise: () => Promise<unknown>, code: string, reason: string) {
    const before = await dumpDatabase();
    const error = await expectError(promise(), code, reason);
    assert.deepEqual(await dumpDatabase(), before, 'a refusal writes nothing');
    return error;
  }

  describe('markReady', () => {
    it('preparing → ready with readyAt and a history entry; the sales figures get 준비시작→준비완료', async () => {
      const orderId = await preparing();
      clock = PLACED_AT + 10 * MINUTE;
      const view = await call(markReady, { orderId }, owner);
      assert.equal(view.status, 'ready');
      assert.equal(view.statusLabel, '준비완료');
      assert.equal(view.readyAt, new Date(clock).toISOString());
      const stored = orderFromSnapshot(await orderSnapshot(orderId));
      assert.equal(stored.status, 'ready');
      assert.equal(stored.readyAt, PLACED_AT + 10 * MINUTE);
      assert.equal(stored.version, 3);
      const history = await historyOf(orderId);
      assert.deepEqual(history.map((e) => [e.command, e.from, e.to, e.actorRole]).at(-1), ['mark_ready', 'preparing', 'ready', 'partner']);
      const sales = salesOrderOf(stored);
      assert.ok(factsOf(sales) & FACTS.ready);
      assert.equal(durationsOf(sales).startToReady, 8 * 60);
    });

    it('a repeated markReady is a no-op: same answer, nothing written', async () => {
      const orderId = await ready();
      clock += 5 * MINUTE;
      const before = await dumpDatabase();
      const view = await call(markReady, { orderId }, owner);
      assert.equal(view.status, 'ready');
      assert.equal(view.version, 3);
      assert.deepEqual(await dumpDatabase(), before);
    });

    it('refused on a received order and on a delivery order, writing nothing', async () => {
      const received = await placePickup();
      await refusedWithoutWrites(() => call(markReady, { orderId: received }, owner), 'failed-precondition', 'preparation_not_started');
      const delivery = await placeDelivery();
      await refusedWithoutWrites(() => call(markReady, { orderId: delivery }, owner), 'failed-precondition', 'not_pickup_order');
    });

    it('the customer may not mark ready', async () => {
      const orderId = await preparing();
      await refusedWithoutWrites(() => call(markReady, { orderId }, customer), 'permission-denied', 'actor_not_permitted');
    });
  });

  describe('after ready', () => {
    it('처리 완료 completes a ready order', async () => {
      const orderId = await ready();
      clock += MINUTE;
      const view = await call(completeOrder, { orderId }, owner);
      assert.equal(view.status, 'completed');
      assert.equal(view.readyAt, new Date(PLACED_AT + 10 * MINUTE).toISOString(), 'the ready time stays on the order');
    });

    it('the customer cannot cancel a ready order; the owner can', async () => {
      const orderId = await ready();
      await refusedWithoutWrites(
        () => call(cancelOrder, { orderId, reason: 'changed_mind' }, customer),
        'failed-precondition',
        'customer_cancel_too_late',
      );
      const view = await call(cancelOrder, { orderId, reason: 'customer_request' }, owner);
      assert.equal(view.status, 'cancelled');
    });

    it('the one-hour auto-complete completes a ready order (task handler and sweep)', async () => {
      const byTask = await ready();
      const bySweep = await ready('dine_in'); // placed at +10 min: due at +70 min
      clock = PLACED_AT + 60 * MINUTE - 1;
      await assert.rejects(runSystemCommand(byTask, { type: 'auto_complete' }), { reason: 'not_yet_due' });
      clock = PLACED_AT + 61 * MINUTE;
      await runSystemCommand(byTask, { type: 'auto_complete' });
      assert.equal((await storedOrder(byTask)).status, 'completed');
      clock = PLACED_AT + 70 * MINUTE - 1;
      assert.equal((await sweepOverdueOrders()).completed, 0, 'not yet due');
      assert.equal((await storedOrder(bySweep)).status, 'ready');
      clock = PLACED_AT + 70 * MINUTE;
      const report = await sweepOverdueOrders();
      assert.equal(report.completed, 1, JSON.stringify(report));
      const swept = await storedOrder(bySweep);
      assert.equal(swept.status, 'completed');
      assert.equal(swept.completion.by, 'system');
    });
  });

  describe('pushes', () => {
    for (const [channel, label] of [
      ['dine_in', '매장'],
      ['takeout', '포장'],
    ] as const) {
      it(`준비완료 (${label}): the exact ready push, once under redelivery`, async () => {
        const orderId = await preparing(channel);
        clock = PLACED_AT + 10 * MINUTE;
        const before = await orderSnapshot(orderId);
        await call(markReady, { orderId }, owner);
        const after = await orderSnapshot(orderId);
        await deliverUpdated(orderId, before, after, `ready-${channel}`);
        await deliverUpdated(orderId, before, after, `ready-${channel}`);
        const sends = fakes.messaging().sends;
        assert.equal(sends.length, 1);
        assert.deepEqual(sends[0].tokens, ['customer-phone']);
        assert.deepEqual(sends[0].notification, {
          title: `[${label}] 고카페인 테스트점`,
          body: `주문 #1 · 주문하신 메뉴가 준비되었습니다. ${label} 주문을 픽업대에서 받아 가세요.`,
        });
        assert.deepEqual(sends[0].data, {
          type: 'order.ready',
          orderId,
          storeId: STORE_ID,
          channel,
          orderNumber: '1',
          status: 'ready',
          readyAt: new Date(PLACED_AT + 10 * MINUTE).toISOString(),
        });
      });
    }

    it('callCustomer: one push per call, each once under redelivery; at most once a minute', async () => {
      const orderId = await ready();
      // Within a minute of the ready push: refused with the next allowed time, nothing written.
      clock = PLACED_AT + 10 * MINUTE + 59_999;
      const early = await refusedWithoutWrites(
        () => call(callCustomer, { orderId }, owner),
        'resource-exhausted',
        'customer_called_recently',
      );
      assert.equal(early.message, '고객 호출은 1분에 한 번만 할 수 있습니다. 잠시 후 다시 호출해 주세요.');
      assert.equal((early.details as { retryAt: string }).retryAt, new Date(PLACED_AT + 11 * MINUTE).toISOString());

      clock = PLACED_AT + 11 * MINUTE;
      let view: { customerCall: unknown; status: string; version: number } | undefined;
      const first = await changeAndDeliver(orderId, async () => {
        view = await call(callCustomer, { orderId }, owner);
      });
      assert.equal(view!.status, 'ready', 'no transition');
      assert.deepEqual(view!.customerCall, { count: 1, lastAt: new Date(clock).toISOString() });
      // Redelivery of the same event: no second push.
      const stored = await orderSnapshot(orderId);
      await deliverUpdated(orderId, stored, stored, first);
      assert.equal(fakes.messaging().sends.length, 1);
      assert.equal(fakes.messaging().sends[0].data?.type, 'order.customer_called');
      assert.equal(fakes.messaging().sends[0].data?.call, '1');
      assert.match(fakes.messaging().sends[0].notification?.body ?? '', /주문하신 메뉴가 준비되었습니다/);

      clock += (30 * MINUTE) / 60; // 30 s after the first call
      await refusedWithoutWrites(() => call(callCustomer, { orderId }, owner), 'resource-exhausted', 'customer_called_recently');

      clock = PLACED_AT + 12 * MINUTE;
      await changeAndDeliver(orderId, () => call(callCustomer, { orderId }, as.admin()));
      assert.equal(fakes.messaging().sends.length, 2);
      assert.equal(fakes.messaging().sends[1].data?.call, '2');
      const history = await historyOf(orderId);
      assert.deepEqual(
        history.slice(-2).map((e) => [e.command, e.from, e.to, (e.data as { call: number }).call]),
        [
          ['call_customer', 'ready', 'ready', 1],
          ['call_customer', 'ready', 'ready', 2],
        ],
      );
    });

    it('callCustomer is refused on a preparing and on a completed order', async () => {
      const orderId = await preparing();
      clock += 5 * MINUTE;
      await refusedWithoutWrites(() => call(callCustomer, { orderId }, owner), 'failed-precondition', 'order_not_ready');
      await call(completeOrder, { orderId }, owner);
      await refusedWithoutWrites(() => call(callCustomer, { orderId }, owner), 'failed-precondition', 'order_completed');
    });
  });

  describe('extendPrep', () => {
    it('adds the minutes to the promise, keeps the start, writes history and pushes the new time', async () => {
      const orderId = await preparing('takeout', 15); // started 12:06:05 KST, promised 12:21:05
      clock = PLACED_AT + 5 * MINUTE;
      let view: { prep: { minutes: number; readyAt: string; extensions: unknown[] } } | undefined;
      await changeAndDeliver(orderId, async () => {
        view = await call(extendPrep, { orderId, addMinutes: 10 }, owner);
      });
      const startedAt = PLACED_AT + 2 * MINUTE;
      assert.equal(view!.prep.minutes, 25);
      assert.equal(view!.prep.readyAt, new Date(startedAt + 25 * MINUTE).toISOString());
      assert.deepEqual(view!.prep.extensions, [{ addMinutes: 10, at: new Date(clock).toISOString() }]);
      const history = await historyOf(orderId);
      const { promisedAt, ...data } = history.at(-1)!.data as { promisedAt: { toMillis(): number } };
      assert.deepEqual(data, { addMinutes: 10, previousMinutes: 15, minutes: 25 });
      assert.equal(promisedAt.toMillis(), startedAt + 25 * MINUTE);
      const sends = fakes.messaging().sends;
      assert.equal(sends.length, 1);
      assert.deepEqual(sends[0].notification, {
        title: '[포장] 고카페인 테스트점',
        body: '주문 #1 · 준비 시간이 10분 늘어났습니다. 12:31쯤 준비 완료 예정',
      });
      assert.equal(sends[0].data?.type, 'order.prep_extended');
      assert.equal(sends[0].data?.readyAt, new Date(startedAt + 25 * MINUTE).toISOString());
    });

    it('a retry with the same requestId adds nothing and answers the order as it is; a new key extends again', async () => {
      const orderId = await preparing('takeout', 15);
      const first = await call(extendPrep, { orderId, addMinutes: 10, requestId: 'ext-0001-a' }, owner);
      const again = await call(extendPrep, { orderId, addMinutes: 10, requestId: 'ext-0001-a' }, owner);
      assert.equal(first.prep.minutes, 25);
      assert.deepEqual(again, first);
      const history = await historyOf(orderId);
      assert.equal(history.filter((entry) => entry.command === 'extend_prep').length, 1);
      assert.equal((history.at(-1)!.data as { requestId?: string }).requestId, 'ext-0001-a');
      const stored = (await storedOrder(orderId)) as { prep: { extensions: { requestId?: string }[] } };
      assert.deepEqual(
        stored.prep.extensions.map((extension) => extension.requestId),
        ['ext-0001-a'],
      );
      const next = await call(extendPrep, { orderId, addMinutes: 5, requestId: 'ext-0002-b' }, owner);
      assert.equal(next.prep.minutes, 30);
    });

    it('the same requestId with other minutes: already-exists (prep_extension_key_reused) with the minutes it got, nothing written', async () => {
      const orderId = await preparing('takeout', 15);
      await call(extendPrep, { orderId, addMinutes: 10, requestId: 'ext-0003-c' }, owner);
      const error = await refusedWithoutWrites(
        () => call(extendPrep, { orderId, addMinutes: 20, requestId: 'ext-0003-c' }, owner),
        'already-exists',
        'prep_extension_key_reused',
      );
      const { reason, status, addMinutes } = error.details as { reason: string; status: string; addMinutes: number };
      assert.deepEqual({ reason, status, addMinutes }, { reason: 'prep_extension_key_reused', status: 'preparing', addMinutes: 10 });
    });

    it('a requestId shorter than 8 characters: invalid-argument on the field, nothing written', async () => {
      const orderId = await preparing();
      const error = await refusedWithoutWrites(
        () => call(extendPrep, { orderId, addMinutes: 10, requestId: 'short' }, owner),
        'invalid-argument',
        'invalid_argument',
      );
      assert.match(JSON.stringify(error.details), /requestId/);
    });

    for (const addMinutes of [4, 31, 0, -5, 7.5]) {
      it(`addMinutes ${addMinutes}: invalid-argument on the field, nothing written`, async () => {
        const orderId = await preparing();
        const error = await refusedWithoutWrites(
          () => call(extendPrep, { orderId, addMinutes }, owner),
          'invalid-argument',
          'invalid_argument',
        );
        assert.match(JSON.stringify(error.details), /addMinutes/);
      });
    }

    it('5 and 30 are accepted; a fourth extension is refused with prep_extension_limit', async () => {
      const orderId = await preparing('dine_in', 10);
      await call(extendPrep, { orderId, addMinutes: 5 }, owner);
      await call(extendPrep, { orderId, addMinutes: 30 }, owner);
      const third = await call(extendPrep, { orderId, addMinutes: 5 }, owner);
      assert.equal(third.prep.minutes, 50);
      const error = await refusedWithoutWrites(
        () => call(extendPrep, { orderId, addMinutes: 5 }, owner),
        'failed-precondition',
        'prep_extension_limit',
      );
      assert.equal((error.details as { max: number }).max, 3);
      // A retried 준비시작 with the first minutes still answers as a no-op.
      const retried = await call(startPreparing, { orderId, prepMinutes: 10 }, owner);
      assert.equal(retried.prep.minutes, 50);
    });

    it('refused on a ready order and on a received one; the customer may not extend', async () => {
      const received = await placePickup();
      await refusedWithoutWrites(
        () => call(extendPrep, { orderId: received, addMinutes: 10 }, owner),
        'failed-precondition',
        'preparation_not_started',
      );
      const orderId = await ready();
      await refusedWithoutWrites(
        () => call(extendPrep, { orderId, addMinutes: 10 }, owner),
        'failed-precondition',
        'extend_prep_not_preparing',
      );
      await refusedWithoutWrites(
        () => call(extendPrep, { orderId: received, addMinutes: 10 }, customer),
        'permission-denied',
        'actor_not_permitted',
      );
    });
  });
});
