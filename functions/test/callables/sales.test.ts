// Sales end to end: the closeout hour in placeOrder's daily numbering, the salesDays trigger
// (redelivered, out of order, racing the commands), getSalesSummary against a brute-force
// recomputation from the stored orders, exportOrders inline and through the Storage adapter (a fake:
// the Storage emulator can't run here), and bad input refused with its field path and nothing written.
import { strict as assert } from 'node:assert';
import type { DocumentSnapshot } from 'firebase-admin/firestore';
import { cancelOrder, completeOrder, startPreparing } from '../../src/callables/orderCommands';
import { placeOrder } from '../../src/callables/placeOrder';
import { INLINE_EXPORT_LIMIT_BYTES } from '../../src/app/sales';
import { exportOrders, getSalesSummary } from '../../src/callables/sales';
import { updateStore } from '../../src/callables/storeSettings';
import { Order } from '../../src/domain/order';
import { daysFromOrders, factsOf } from '../../src/domain/sales';
import { BOM, EXPORT_HEADERS } from '../../src/domain/salesExport';
import { SaveForDownload } from '../../src/infra/exportStorage';
import { db } from '../../src/infra/firestore';
import { orderFromSnapshot, orderToStored } from '../../src/infra/orders';
import { backfillSalesDays, reconcileSalesDay } from '../../src/app/salesDays';
import { salesDayFromSnapshot, salesOrderOf } from '../../src/infra/salesDays';
import { changesSalesFacts } from '../../src/app/salesDays';
import { handleOrderWrittenForSales } from '../../src/triggers/salesDay';
import { installFakeAuth } from '../support/auth';
import { as, call } from '../support/callables';
import { expectDenied, fieldPaths } from '../support/denials';
import { DELIVERY, requestId, seedStore, STORE_ID } from '../support/fixtures';
import { countOperations } from '../support/opCounter';
import { seedMember } from '../support/partners';
import { bruteForceSummary } from '../support/sales';
import { resetDependencies, setDependenciesForTest } from '../../src/deps';

const kst = (local: string): number => Date.parse(`${local}+09:00`);
const OWNER = `owner-of-${STORE_ID}`;

async function allOrders(): Promise<Order[]> {
  const snapshot = await db().collection('orders').get();
  return snapshot.docs.map(orderFromSnapshot);
}

async function salesDay(date: string) {
  return salesDayFromSnapshot(await db().doc(`stores/${STORE_ID}/salesDays/${date}`).get());
}

describe('sales', () => {
  const auth = installFakeAuth();
  const owner = () => auth.tokenOf(OWNER);
  let clock = kst('2026-03-02T12:00:00');

  beforeEach(async () => {
    clock = kst('2026-03-02T12:00:00');
    setDependenciesForTest({ clock: () => clock });
    await seedStore(STORE_ID);
    await seedMember(auth, STORE_ID, OWNER, 'owner');
    await seedMember(auth, STORE_ID, `staff-of-${STORE_ID}`, 'staff');
  });
  afterEach(() => {
    resetDependencies('clock');
    resetDependencies('exportStorage');
  });

  // Each order by its own customer: the flood limits (at most 3 unanswered orders per customer per
  // store) are not what these tests are about. placeOrder checks the account is active.
  let customers = 0;
  const nextCustomer = () => {
    customers += 1;
    const customer = as.customer(`sales-customer-${customers}`);
    auth.addUser(customer.uid);
    return customer;
  };
  const place = async (channel: 'dine_in' | 'takeout' | 'delivery' = 'takeout', quantity = 1) =>
    call(
      placeOrder,
      {
        storeId: STORE_ID,
        channel,
        requestId: requestId(),
        items: [{ menuItemId: channel === 'delivery' ? 'beans' : 'latte', quantity }],
        ...(channel === 'delivery' ? { delivery: DELIVERY } : {}),
      },
      nextCustomer(),
    );

  describe('closeoutHour', () => {
    it('default midnight: 23:59:59.999 is the last order of its day and 00:00 starts the next at #1', async () => {
      clock = kst('2026-03-02T23:59:59.999');
      const late = await place();
      clock = kst('2026-03-03T00:00:00.000');
      const early = await place();
      assert.deepEqual([late.order.businessDate, late.orderNumber], ['2026-03-02', 1]);
      assert.deepEqual([early.order.businessDate, early.orderNumber], ['2026-03-03', 1]);
    });

    it('set by the owner: orders before it continue the previous day’s numbers, and it starts the next day', async () => {
      const view = await call(updateStore, { storeId: STORE_ID, closeoutHour: 3 }, owner());
      assert.equal(view.closeoutHour, 3);
      assert.equal((await db().doc(`stores/${STORE_ID}`).get()).get('closeoutHour'), 3);
      const at = async (local: string) => {
        clock = kst(local);
        const result = await place();
        return [result.order.businessDate, result.orderNumber];
      };
      assert.deepEqual(await at('2026-03-02T23:59:59.999'), ['2026-03-02', 1]);
      assert.deepEqual(await at('2026-03-03T00:00:00.000'), ['2026-03-02', 2]);
      assert.deepEqual(await at('2026-03-03T02:59:59.999'), ['2026-03-02', 3]);
      assert.deepEqual(await at('2026-03-03T03:00:00.000'), ['2026-03-03', 1]);
      // The counters are the business days' own.
      assert.equal((await db().doc(`stores/${STORE_ID}/orderCounters/2026-03-02`).get()).get('last'), 3);
      assert.equal((await db().doc(`stores/${STORE_ID}/orderCounters/2026-03-03`).get()).get('last'), 1);
    });

    it('outside 0..6 or not a whole hour: invalid-argument on closeoutHour, nothing written', async () => {
      for (const closeoutHour of [7, -1, 2.5, '3']) {
        const error = await expectDenied(
          auth,
          () => call(updateStore, { storeId: STORE_ID, closeoutHour }, owner()),
          'invalid-argument',
          'invalid_argument',
        );
        assert.deepEqual(fieldPaths(error), ['closeoutHour'], String(closeoutHour));
      }
    });
  });

  describe('getSalesSummary', () => {
    it('equals the brute-force recomputation from the stored orders, after the triggers ran (twice)', async () => {
      await call(updateStore, { storeId: STORE_ID, closeoutHour: 2 }, owner());
      const script: [string, 'dine_in' | 'takeout' | 'delivery', 'complete' | 'cancel' | 'start' | 'open'][] = [
        ['2026-03-02T08:10:00', 'takeout', 'complete'],
        ['2026-03-02T12:30:00', 'dine_in', 'complete'],
        ['2026-03-02T12:31:00', 'takeout', 'cancel'],
        ['2026-03-02T19:00:00', 'delivery', 'cancel'],
        ['2026-03-03T01:30:00', 'dine_in', 'complete'], // before closeout: 2026-03-02
        ['2026-03-03T02:00:00', 'takeout', 'start'],
        ['2026-03-03T09:00:00', 'delivery', 'open'],
        ['2026-03-04T10:00:00', 'takeout', 'complete'],
      ];
      for (const [local, channel, fate] of script) {
        clock = kst(local);
        const { orderId } = await place(channel, 2);
        clock += 90_000;
        if (fate === 'complete' || fate === 'start') await call(startPreparing, { orderId, prepMinutes: 10 }, owner());
        clock += 240_000;
        if (fate === 'complete') await call(completeOrder, { orderId }, owner());
        if (fate === 'cancel') await call(cancelOrder, { orderId, reason: 'sold_out' }, owner());
      }
      const orders = await allOrders();
      for (const order of orders) await reconcileSalesDay(order.orderId);
      for (const order of orders)
        assert.equal((await reconcileSalesDay(order.orderId)).outcome, 'unchanged', 'a second run changes nothing');

      const summary = await call(getSalesSummary, { storeId: STORE_ID, from: '2026-03-01', to: '2026-03-04' }, owner());
      const { storeId, closeoutHour, ...figures } = summary;
      assert.equal(storeId, STORE_ID);
      assert.equal(closeoutHour, 2);
      assert.deepEqual(figures, bruteForceSummary(orders.map(salesOrderOf), '2026-03-01', '2026-03-04'));
      // Spot checks against the script, so the brute force is not the only judge.
      assert.equal(summary.days[1].orders, 5);
      assert.equal(summary.days[1].completedSales, 9000 + 9000 + 9000);
      assert.equal(summary.total.byChannel.delivery.cancelledAmount, 24000 + 3000);
      assert.deepEqual(summary.durations.receiptToStart, { count: 5, averageSeconds: 90, p90Seconds: 90 });
      assert.deepEqual(summary.durations.startToComplete, { count: 4, averageSeconds: 240, p90Seconds: 240 });
      assert.equal(summary.ordersByHour[1], 1);
      assert.deepEqual(summary.topItemsByQuantity[0], { menuItemId: 'latte', name: '카페라떼', quantity: 8, amount: 36000 });
      assert.deepEqual(summary.cancellations.byReason, { sold_out: 2 });

      const asAdmin = await call(getSalesSummary, { storeId: STORE_ID, from: '2026-03-01', to: '2026-03-04' }, as.admin());
      assert.deepEqual(asAdmin, summary);
    });

    it('costs 2 reads (membership, store) plus one per stored day; a trigger run 2 reads and 1 write', async () => {
      clock = kst('2026-03-02T12:00:00');
      const first = await place();
      clock = kst('2026-03-04T12:00:00');
      const second = await place();
      const run = await countOperations(() => reconcileSalesDay(first.orderId));
      assert.deepEqual([run.reads, run.writes], [2, 1], run.operations.map((op) => `${op.kind} ${op.path}`).join(', '));
      await reconcileSalesDay(second.orderId);
      const repeat = await countOperations(() => reconcileSalesDay(second.orderId));
      assert.deepEqual([repeat.reads, repeat.writes], [2, 0], 'a redelivery reads and writes nothing more');
      const summary = await countOperations(() =>
        call(getSalesSummary, { storeId: STORE_ID, from: '2026-03-01', to: '2026-03-31' }, owner()),
      );
      assert.deepEqual([summary.reads, summary.writes], [2 + 2, 0], summary.operations.map((op) => `${op.kind} ${op.path}`).join(', '));
      assert.equal(summary.result.total.orders, 2);
      const asAdmin = await countOperations(() =>
        call(getSalesSummary, { storeId: STORE_ID, from: '2026-03-01', to: '2026-03-31' }, as.admin()),
      );
      assert.equal(asAdmin.reads, 1 + 2, 'an admin needs no membership read');
    });

    it('92 days is the longest range; an empty one is all zeros', async () => {
      const summary = await call(getSalesSummary, { storeId: STORE_ID, from: '2026-01-01', to: '2026-04-02' }, owner());
      assert.equal(summary.days.length, 92);
      assert.equal(summary.total.orders, 0);
      assert.equal(summary.durations.receiptToStart.p90Seconds, null);
    });

    for (const callable of ['getSalesSummary', 'exportOrders'] as const) {
      it(`${callable}: bad input is invalid-argument with the field path, and nothing is written`, async () => {
        const fn = callable === 'getSalesSummary' ? getSalesSummary : exportOrders;
        const cases: [Record<string, unknown>, string][] = [
          [{ storeId: STORE_ID, from: '2026-3-1', to: '2026-03-02' }, 'from'],
          [{ storeId: STORE_ID, from: '2026-02-30', to: '2026-03-02' }, 'from'],
          [{ storeId: STORE_ID, from: '2026-03-01', to: 20260302 }, 'to'],
          [{ storeId: STORE_ID, from: '2026-03-02', to: '2026-03-01' }, 'to'],
          [{ storeId: STORE_ID, from: '2026-01-01', to: '2026-04-03' }, 'to'], // 93 days
          [{ storeId: 'a/b', from: '2026-03-01', to: '2026-03-01' }, 'storeId'],
          [{ from: '2026-03-01', to: '2026-03-01' }, 'storeId'],
        ];
        for (const [input, path] of cases) {
          const error = await expectDenied(auth, () => call(fn, input, owner()), 'invalid-argument', 'invalid_argument');
          assert.deepEqual(fieldPaths(error), [path], JSON.stringify(input));
        }
      });
    }

    it('authority is the membership document now, not the token: a removed owner is refused at once', async () => {
      await db().doc(`stores/${STORE_ID}/members/${OWNER}`).delete();
      // The token still says owner.
      await expectDenied(
        auth,
        () => call(getSalesSummary, { storeId: STORE_ID, from: '2026-03-01', to: '2026-03-01' }, as.owner(STORE_ID)),
        'permission-denied',
        'not_store_member',
      );
      await expectDenied(
        auth,
        () => call(exportOrders, { storeId: STORE_ID, from: '2026-03-01', to: '2026-03-01' }, as.owner(STORE_ID)),
        'permission-denied',
        'not_store_member',
      );
    });
  });

  describe('the salesDays trigger', () => {
    const snapshotOf = (orderId: string): Promise<DocumentSnapshot> => db().doc(`orders/${orderId}`).get();
    const missing = (orderId: string) => ({ exists: false, id: orderId, data: () => undefined }) as unknown as DocumentSnapshot;
    const deliver = (orderId: string, before: DocumentSnapshot, after: DocumentSnapshot, id = 'event-1') =>
      handleOrderWrittenForSales({ data: { before, after } as never, params: { orderId }, id });

    it('redelivered and out-of-order events converge to the order as it is, counted once', async () => {
      const { orderId } = await place('takeout', 3);
      const placed = await snapshotOf(orderId);
      clock += 60_000;
      await call(startPreparing, { orderId, prepMinutes: 10 }, owner());
      const started = await snapshotOf(orderId);
      clock += 120_000;
      await call(completeOrder, { orderId }, owner());
      const completed = await snapshotOf(orderId);

      // The completion arrives first, then the creation, then everything again.
      await deliver(orderId, started, completed, 'e3');
      await deliver(orderId, missing(orderId), placed, 'e1');
      await deliver(orderId, placed, started, 'e2');
      await deliver(orderId, started, completed, 'e3');
      await deliver(orderId, missing(orderId), placed, 'e1');
      const day = await salesDay('2026-03-02');
      assert.equal(day.version, 1, 'one write: the first run already saw the completed order');
      assert.deepEqual(day.sales, daysFromOrders([salesOrderOf(orderFromSnapshot(completed))]).get('2026-03-02'));
      assert.deepEqual(day.facts, { [orderId]: factsOf(salesOrderOf(orderFromSnapshot(completed))) });
      assert.equal(day.sales.byChannel.takeout.completedSales, 13500);
    });

    it('the backfill brings orders placed before the trigger into their days, once', async () => {
      await call(updateStore, { storeId: STORE_ID, closeoutHour: 4 }, owner());
      for (const local of ['2026-03-02T10:00:00', '2026-03-03T03:59:00', '2026-03-03T04:00:00']) {
        clock = kst(local);
        const { orderId } = await place('dine_in', 2);
        await call(startPreparing, { orderId, prepMinutes: 5 }, owner());
        clock += 60_000;
        await call(completeOrder, { orderId }, owner());
      }
      assert.deepEqual(await backfillSalesDays(STORE_ID, '2026-03-01', '2026-03-31'), { orders: 3, applied: 3 });
      assert.deepEqual(await backfillSalesDays(STORE_ID, '2026-03-01', '2026-03-31'), { orders: 3, applied: 0 });
      const expected = daysFromOrders((await allOrders()).map(salesOrderOf));
      assert.deepEqual([...expected.keys()].sort(), ['2026-03-02', '2026-03-03']);
      assert.deepEqual((await salesDay('2026-03-02')).sales, expected.get('2026-03-02'));
      assert.deepEqual((await salesDay('2026-03-03')).sales, expected.get('2026-03-03'));
      assert.equal((await salesDay('2026-03-02')).sales.byChannel.dine_in.orders, 2);
    });

    it('a write that changes no sales fact is skipped without reading anything', async () => {
      const { orderId } = await place('takeout');
      const first = await snapshotOf(orderId);
      await db().doc(`orders/${orderId}`).update({ customerNote: 'touched' });
      const second = await snapshotOf(orderId);
      assert.equal(changesSalesFacts({ before: first, after: second } as never), false);
      assert.equal(changesSalesFacts({ before: missing(orderId), after: first } as never), true);
      assert.equal(changesSalesFacts({ before: first, after: missing(orderId) } as never), false, 'a deletion is not a sale');
      await deliver(orderId, first, second);
      assert.equal((await db().doc(`stores/${STORE_ID}/salesDays/2026-03-02`).get()).exists, false);
    });

    it('race: concurrent completions, cancellations and (re)deliveries end exactly at the recomputation', async function () {
      this.timeout(120_000); // hidane serializes transactions on the day document with locks
      const ids: string[] = [];
      for (let i = 0; i < 9; i += 1)
        ids.push((await place(i % 3 === 0 ? 'delivery' : i % 2 === 0 ? 'dine_in' : 'takeout', 1 + (i % 3))).orderId);
      clock += 60_000;
      // A trigger run that loses to contention past its attempts fails, and Eventarc delivers it again.
      const redelivered = async (orderId: string): Promise<unknown> => {
        for (let attempt = 1; ; attempt += 1) {
          try {
            return await reconcileSalesDay(orderId);
          } catch (error) {
            if ((error as { code?: unknown }).code !== 10 || attempt >= 5) throw error;
          }
        }
      };
      const deliveries = () => ids.map(redelivered);
      // Every order is moved along while its day is being reconciled from all sides.
      await Promise.all([
        ...deliveries(),
        ...ids.map(async (orderId, i) => {
          if (i % 3 === 0) return call(cancelOrder, { orderId, reason: i % 2 ? 'store_busy' : 'sold_out' }, owner());
          await call(startPreparing, { orderId, prepMinutes: 5 }, owner());
          await redelivered(orderId);
          if (i % 4 === 1) return call(cancelOrder, { orderId, reason: 'other', note: '기계 고장' }, owner());
          return call(completeOrder, { orderId }, owner());
        }),
      ]);
      // At least once: the last change of every order is delivered, some twice, all at once.
      await Promise.all([...deliveries(), ...deliveries()]);
      const orders = await allOrders();
      const day = await salesDay('2026-03-02');
      assert.deepEqual(day.sales, daysFromOrders(orders.map(salesOrderOf)).get('2026-03-02'));
      assert.deepEqual(day.facts, Object.fromEntries(orders.map((o) => [o.orderId, factsOf(salesOrderOf(o))])));
      assert.equal(day.sales.byChannel.delivery.cancelledOrders, 3);
    });
  });

  describe('exportOrders', () => {
    it('a small export comes back inline: BOM, Korean headers, one line per order in number order', async () => {
      const first = await place('takeout', 2);
      await call(cancelOrder, { orderId: first.orderId, reason: 'sold_out' }, owner());
      await place('delivery');
      clock = kst('2026-03-03T10:00:00');
      await place('dine_in'); // another day, outside the range
      setDependenciesForTest({ exportStorage: { saveForDownload: async () => assert.fail('a small export must not touch Storage') } });
      const result = await call(exportOrders, { storeId: STORE_ID, from: '2026-03-02', to: '2026-03-02' }, owner());
      assert.equal(result.delivery, 'inline');
      assert.equal(result.rows, 2);
      assert.ok(result.csv.startsWith(BOM));
      const lines = result.csv.slice(1).split('\r\n');
      assert.equal(lines[0], EXPORT_HEADERS.join(','));
      assert.equal(lines.length, 4, 'two orders and the final CRLF');
      assert.match(
        lines[1],
        /^2026-03-02,1,2026-03-02 12:00:00,,,2026-03-02 12:00:00,포장,취소,카페라떼 x2,9000,0,매장,재료 소진으로 주문이 취소되었습니다.,$/,
      );
      assert.match(lines[2], /^2026-03-02,2,.*,배송,접수,원두 200g x1,15000,3000,,,$/);
      assert.equal(result.bytes, Buffer.byteLength(result.csv, 'utf8'));
      assert.equal(result.fileName, '주문내역_2026-03-02_2026-03-02.csv');
    });

    it('a large export is written through the Storage adapter and handed out as a short-lived URL', async () => {
      // 120 orders of 50 long-named lines each: well over the inline limit.
      const batch = db().batch();
      const longName = '아주 긴 이름의 시즌 한정 스페셜 블렌드 콜드브루 라떼 '.repeat(2);
      for (let n = 1; n <= 120; n += 1) {
        const order: Order = {
          orderId: `bulk-${n}`,
          storeId: STORE_ID,
          storeName: '고카페인 테스트점',
          customerUid: 'c',
          requestId: `r-${n}`,
          channel: 'takeout',
          status: 'completed',
          items: Array.from({ length: 50 }, () => ({
            menuItemId: 'latte',
            name: longName,
            unitPrice: 4500,
            quantity: 1,
            options: [],
            lineTotal: 4500,
          })),
          subtotal: 225000,
          deliveryFee: 0,
          total: 225000,
          orderNumber: n,
          businessDate: '2026-03-02',
          customerNote: null,
          delivery: null,
          createdAt: clock,
          updatedAt: clock,
          autoCompleteAt: null,
          prep: null,
          shipmentPreparingAt: null,
          shipment: null,
          cancellation: null,
          completion: { by: 'system', uid: null, at: clock },
          version: 2,
        };
        batch.set(db().doc(`orders/${order.orderId}`), orderToStored(order));
      }
      await batch.commit();
      const saved: SaveForDownload[] = [];
      setDependenciesForTest({
        exportStorage: {
          async saveForDownload(file) {
            saved.push(file);
            return `https://storage.example/${file.path}?X-Goog-Signature=fake`;
          },
        },
      });
      const result = await call(exportOrders, { storeId: STORE_ID, from: '2026-03-01', to: '2026-03-02' }, as.admin());
      assert.equal(result.delivery, 'url');
      assert.equal(saved.length, 1);
      const [file] = saved;
      assert.ok(file.content.length > INLINE_EXPORT_LIMIT_BYTES);
      assert.equal(result.bytes, file.content.length);
      assert.equal(result.rows, 120);
      assert.equal(file.content.subarray(0, 3).toString('hex'), 'efbbbf');
      assert.equal(file.content.toString('utf8').split('\r\n').length, 122);
      assert.match(file.path, /^exports\/store-a\/2026-03-01_2026-03-02_\d+\.csv$/);
      assert.equal(file.contentType, 'text/csv; charset=utf-8');
      assert.equal(file.downloadName, '주문내역_2026-03-01_2026-03-02.csv');
      assert.equal(file.expiresAt, clock + 15 * 60_000);
      assert.equal(result.url, `https://storage.example/${file.path}?X-Goog-Signature=fake`);
      assert.equal(result.expiresAt, new Date(clock + 15 * 60_000).toISOString());
      assert.equal('csv' in result, false);
    });
  });
});
