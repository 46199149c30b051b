import { strict as assert } from 'node:assert';
import { cancelOrder, completeOrder, prepareShipment, shipOrder, startPreparing, updateTracking } from '../../src/callables/orderCommands';
import { as, call, expectError } from '../support/callables';
import { db } from '../../src/infra/firestore';
import { dumpDatabase } from '../support/database';
import { OTHER_STORE_ID, seedStore, STORE_ID } from '../support/fixtures';
import { capturedLogs } from '../support/logs';
import { CUSTOMER, historyOf, placeDelivery, placePickup, storedOrder } from '../support/orders';

const owner = as.owner(STORE_ID);
const staff = as.staff(STORE_ID);
const customer = as.customer(CUSTOMER);

describe('order lifecycle callables', () => {
  beforeEach(() => seedStore());

  describe('매장/포장 happy paths', () => {
    it('준비시작 then 처리 완료, with history, version and step times', async () => {
      const orderId = await placePickup('dine_in');
      const preparing = await call(startPreparing, { orderId, prepMinutes: 10 }, staff);
      assert.equal(preparing.status, 'preparing');
      assert.equal(preparing.statusLabel, '준비중');
      assert.equal(preparing.prep.minutes, 10);
      assert.equal(preparing.version, 2);
      assert.equal(Date.parse(preparing.prep.readyAt) - Date.parse(preparing.prep.startedAt), 10 * 60_000);

      const completed = await call(completeOrder, { orderId }, owner);
      assert.equal(completed.status, 'completed');
      assert.equal(completed.completion.by, 'partner');
      assert.equal(completed.version, 3);

      const stored = await storedOrder(orderId);
      assert.equal(stored.version, 3);
      assert.equal(stored.status, 'completed');
      assert.equal(stored.completion.uid, null, 'the customer-readable order carries the role, not the staff uid');
      assert.ok(stored.updatedAt.toMillis() >= stored.prep.startedAt.toMillis());

      const history = await historyOf(orderId);
      assert.deepEqual(
        history.map((e) => [e.id, e.command, e.from, e.to, e.actorRole, e.actorUid]),
        [
          ['000001', 'place', null, 'received', 'customer', CUSTOMER],
          ['000002', 'start_preparing', 'received', 'preparing', 'partner', null],
          ['000003', 'complete', 'preparing', 'completed', 'partner', null],
        ],
      );
      // Who acted for the store: in the members-only staff actions (domain/privacy.ts).
      const staffActions = await db().collection(`orders/${orderId}/staffActions`).get();
      assert.deepEqual(
        staffActions.docs.map((doc) => [doc.id, doc.get('command'), doc.get('actorRole'), doc.get('actorUid'), doc.get('storeId')]),
        [
          ['000002', 'start_preparing', 'partner', staff.uid, STORE_ID],
          ['000003', 'complete', 'partner', owner.uid, STORE_ID],
        ],
      );
      assert.deepEqual(history[1].data, { prepMinutes: 10 });
    });

    it('the owner cancels while preparing; the reason and note are kept', async () => {
      const orderId = await placePickup();
      await call(startPreparing, { orderId, prepMinutes: 15 }, owner);
      const cancelled = await call(cancelOrder, { orderId, reason: 'sold_out', note: '우유 소진' }, owner);
      assert.equal(cancelled.status, 'cancelled');
      assert.equal(cancelled.cancellation.by, 'partner');
      assert.equal(cancelled.cancellation.reasonLabel, '재료 소진으로 주문이 취소되었습니다.');
      assert.equal(cancelled.cancellation.note, '우유 소진');
      assert.equal((await historyOf(orderId)).length, 3);
    });

    it('the customer cancels while received', async () => {
      const orderId = await placePickup();
      const cancelled = await call(cancelOrder, { orderId, reason: 'changed_mind' }, customer);
      assert.equal(cancelled.status, 'cancelled');
      assert.equal(cancelled.cancellation.by, 'customer');
    });

    it('repeating a command is a no-op success that writes nothing', async () => {
      const orderId = await placePickup();
      await call(startPreparing, { orderId, prepMinutes: 10 }, staff);
      const before = await dumpDatabase();
      const again = await call(startPreparing, { orderId, prepMinutes: 10 }, owner);
      assert.equal(again.version, 2);
      assert.deepEqual(await dumpDatabase(), before);
    });

    it('an admin may act as the store', async () => {
      const orderId = await placePickup();
      const result = await call(startPreparing, { orderId, prepMinutes: 5 }, as.admin());
      assert.equal(result.status, 'preparing');
      assert.equal((await historyOf(orderId))[1].actorRole, 'admin');
    });
  });

  describe('배송 happy paths', () => {
    it('배송 준비 → 발송 처리 → 송장 수정, with tracking URL', async () => {
      const orderId = await placeDelivery();
      const preparing = await call(prepareShipment, { orderId }, staff);
      assert.equal(preparing.status, 'preparing_shipment');
      assert.equal(preparing.statusLabel, '배송 준비 중');

      const shipped = await call(shipOrder, { orderId, carrier: 'cj', trackingNumber: '1234-5678-9012' }, owner);
      assert.equal(shipped.status, 'shipped');
      assert.equal(shipped.statusLabel, '배송 중');
      assert.equal(shipped.shipment.trackingNumber, '123456789012');
      assert.equal(shipped.shipment.carrierName, 'CJ대한통운');
      assert.match(shipped.shipment.trackingUrl, /123456789012$/);

      const edited = await call(updateTracking, { orderId, carrier: 'epost', trackingNumber: '1234567890123' }, owner);
      assert.equal(edited.status, 'shipped');
      assert.equal(edited.shipment.carrier, 'epost');
      assert.equal(edited.shipment.shippedAt, shipped.shipment.shippedAt);
      assert.equal(edited.version, 4);

      const history = await historyOf(orderId);
      assert.deepEqual(
        history.map((e) => e.command),
        ['place', 'prepare_shipment', 'ship', 'update_tracking'],
      );
      assert.deepEqual(history[3].data, {
        carrier: 'epost',
        trackingNumber: '1234567890123',
        previous: { carrier: 'cj', trackingNumber: '123456789012' },
      });
    });

    it('the owner cancels while preparing the shipment', async () => {
      const orderId = await placeDelivery();
      await call(prepareShipment, { orderId }, owner);
      const cancelled = await call(cancelOrder, { orderId, reason: 'customer_request' }, owner);
      assert.equal(cancelled.status, 'cancelled');
    });
  });

  describe('forbidden paths: the code, the reason, and nothing written', () => {
    let before: Map<string, string>;
    async function denied(attempt: () => Promise<unknown>, code: string, reason: string) {
      before = await dumpDatabase();
      await expectError(attempt(), code, reason);
      assert.deepEqual(await dumpDatabase(), before, 'a denied command must not write');
    }

    it('nothing cancels a shipped order', async () => {
      const orderId = await placeDelivery();
      await call(prepareShipment, { orderId }, owner);
      await call(shipOrder, { orderId, carrier: 'cj', trackingNumber: '123456789012' }, owner);
      const error = await expectError(
        call(cancelOrder, { orderId, reason: 'customer_request' }, owner),
        'failed-precondition',
        'cancel_after_shipment',
      );
      assert.equal(error.message, '이미 발송 처리된 주문은 취소할 수 없습니다.');
      await denied(() => call(cancelOrder, { orderId, reason: 'changed_mind' }, customer), 'failed-precondition', 'cancel_after_shipment');
      await denied(() => call(prepareShipment, { orderId }, owner), 'failed-precondition', 'already_shipped');
      await denied(
        () => call(shipOrder, { orderId, carrier: 'lotte', trackingNumber: '123456789012' }, owner),
        'failed-precondition',
        'already_shipped',
      );
    });

    it('the customer cannot cancel once preparation started', async () => {
      const pickup = await placePickup();
      await call(startPreparing, { orderId: pickup, prepMinutes: 10 }, owner);
      await denied(
        () => call(cancelOrder, { orderId: pickup, reason: 'changed_mind' }, customer),
        'failed-precondition',
        'customer_cancel_too_late',
      );
      const delivery = await placeDelivery();
      await call(prepareShipment, { orderId: delivery }, owner);
      await denied(
        () => call(cancelOrder, { orderId: delivery, reason: 'changed_mind' }, customer),
        'failed-precondition',
        'customer_cancel_too_late',
      );
    });

    it('terminal orders stay terminal', async () => {
      const orderId = await placePickup();
      await call(cancelOrder, { orderId, reason: 'changed_mind' }, customer);
      await denied(() => call(startPreparing, { orderId, prepMinutes: 10 }, owner), 'failed-precondition', 'order_cancelled');
      await denied(() => call(completeOrder, { orderId }, owner), 'failed-precondition', 'order_cancelled');

      const done = await placePickup();
      await call(startPreparing, { orderId: done, prepMinutes: 10 }, owner);
      await call(completeOrder, { orderId: done }, owner);
      await denied(() => call(cancelOrder, { orderId: done, reason: 'customer_request' }, owner), 'failed-precondition', 'order_completed');
    });

    it('steps cannot be skipped or changed', async () => {
      const pickup = await placePickup();
      await denied(() => call(completeOrder, { orderId: pickup }, owner), 'failed-precondition', 'preparation_not_started');
      await call(startPreparing, { orderId: pickup, prepMinutes: 10 }, owner);
      await denied(() => call(startPreparing, { orderId: pickup, prepMinutes: 20 }, owner), 'failed-precondition', 'already_preparing');

      const delivery = await placeDelivery();
      await denied(
        () => call(shipOrder, { orderId: delivery, carrier: 'cj', trackingNumber: '123456789012' }, owner),
        'failed-precondition',
        'shipment_not_prepared',
      );
      await denied(
        () => call(updateTracking, { orderId: delivery, carrier: 'cj', trackingNumber: '123456789012' }, owner),
        'failed-precondition',
        'not_shipped',
      );
    });

    it('commands of the other flow are refused', async () => {
      const pickup = await placePickup();
      const delivery = await placeDelivery();
      await denied(() => call(prepareShipment, { orderId: pickup }, owner), 'failed-precondition', 'not_delivery_order');
      await denied(() => call(startPreparing, { orderId: delivery, prepMinutes: 10 }, owner), 'failed-precondition', 'not_pickup_order');
      await denied(() => call(completeOrder, { orderId: delivery }, owner), 'failed-precondition', 'not_pickup_order');
    });
  });

  describe('permissions', () => {
    let before: Map<string, string>;
    async function denied(attempt: () => Promise<unknown>, code: string, reason: string) {
      before = await dumpDatabase();
      await expectError(attempt(), code, reason);
      assert.deepEqual(await dumpDatabase(), before, 'a denied command must not write');
    }

    it('anonymous callers are refused before anything is read', async () => {
      const orderId = await placePickup();
      await denied(() => call(startPreparing, { orderId, prepMinutes: 10 }, as.anonymous), 'unauthenticated', 'unauthenticated');
      await denied(() => call(cancelOrder, { orderId, reason: 'changed_mind' }, as.anonymous), 'unauthenticated', 'unauthenticated');
      // The emulator can hand over an auth object without a uid: that is not a signed-in user.
      await denied(
        () => call(cancelOrder, { orderId, reason: 'changed_mind' }, { uid: '', token: {} }),
        'unauthenticated',
        'unauthenticated',
      );
    });

    it('the customer of another order, and a partner of another store', async () => {
      await seedStore(OTHER_STORE_ID);
      const orderId = await placePickup();
      await denied(
        () => call(cancelOrder, { orderId, reason: 'changed_mind' }, as.customer('someone-else')),
        'permission-denied',
        'not_order_participant',
      );
      await denied(
        () => call(startPreparing, { orderId, prepMinutes: 10 }, as.owner(OTHER_STORE_ID)),
        'permission-denied',
        'not_order_participant',
      );
      await denied(
        () => call(cancelOrder, { orderId, reason: 'sold_out' }, as.staff(OTHER_STORE_ID)),
        'permission-denied',
        'not_order_participant',
      );
    });

    it('a customer cannot run partner commands on their own order', async () => {
      const orderId = await placePickup();
      await denied(() => call(startPreparing, { orderId, prepMinutes: 10 }, customer), 'permission-denied', 'actor_not_permitted');
      const delivery = await placeDelivery();
      await denied(() => call(prepareShipment, { orderId: delivery }, customer), 'permission-denied', 'actor_not_permitted');
    });

    it('an unknown order is not found', async () => {
      await denied(() => call(completeOrder, { orderId: 'no-such-order' }, owner), 'not-found', 'order_not_found');
    });
  });

  describe('input validation', () => {
    it('rejects bad input with the field path and writes nothing', async () => {
      const orderId = await placeDelivery();
      await call(prepareShipment, { orderId }, owner);
      const before = await dumpDatabase();
      const cases: [typeof startPreparing, unknown, string][] = [
        [startPreparing, { orderId, prepMinutes: 0 }, 'prepMinutes'],
        [startPreparing, { orderId, prepMinutes: 181 }, 'prepMinutes'],
        [startPreparing, { orderId }, 'prepMinutes'],
        [startPreparing, { prepMinutes: 10 }, 'orderId'],
        [completeOrder, { orderId: '' }, 'orderId'],
        [completeOrder, { orderId: 'x/y' }, 'orderId'],
        [shipOrder, { orderId, carrier: 'fedex', trackingNumber: '123456789012' }, 'carrier'],
        [shipOrder, { orderId, carrier: 'cj', trackingNumber: '12345' }, 'trackingNumber'],
        [shipOrder, { orderId, carrier: 'epost', trackingNumber: 'ABC4567890123' }, 'trackingNumber'],
        [updateTracking, { orderId, carrier: 'cj' }, 'trackingNumber'],
        [cancelOrder, { orderId, reason: 'because' }, 'reason'],
        [cancelOrder, { orderId, reason: 'other' }, 'note'],
        [cancelOrder, { orderId, reason: 'sold_out', note: 'x'.repeat(201) }, 'note'],
        [completeOrder, { orderId, status: 'completed' }, ''],
      ];
      for (const [fn, input, path] of cases) {
        const error = await expectError(call(fn, input, owner), 'invalid-argument', 'invalid_argument');
        const fields = (error.details as { fields: { path: string }[] }).fields.map((f) => f.path);
        assert.ok(fields.includes(path), `expected ${path} in ${JSON.stringify(fields)} for ${JSON.stringify(input)}`);
      }
      assert.deepEqual(await dumpDatabase(), before);
    });
  });

  it('logs every command with orderId and storeId', async () => {
    const orderId = await placePickup();
    await call(startPreparing, { orderId, prepMinutes: 10 }, owner);
    await expectError(call(startPreparing, { orderId, prepMinutes: 30 }, owner), 'failed-precondition', 'already_preparing');
    const orderLines = capturedLogs.filter((entry) => entry.message.startsWith('order.'));
    assert.ok(orderLines.length >= 3, JSON.stringify(orderLines));
    for (const line of orderLines) {
      assert.equal(line.orderId, orderId, JSON.stringify(line));
      assert.equal(line.storeId, STORE_ID, JSON.stringify(line));
    }
  });
});
