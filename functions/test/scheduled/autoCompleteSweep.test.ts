import { strict as assert } from 'node:assert';
import { Order } from '../../src/domain/order';
import { db } from '../../src/infra/firestore';
import { orderToStored } from '../../src/infra/orders';
import { sweepOverdueOrders } from '../../src/app/overdueSweep';
import { autoCompleteSweep } from '../../src/scheduled/autoCompleteSweep';
import { STORE_ID } from '../support/fixtures';
import { useNotificationFakes, wrapHandler } from '../support/notifications';
import { newOrder } from '../support/orderFactory';
import { setDependenciesForTest } from '../../src/deps';

const NOW = Date.parse('2026-03-02T12:00:00.000Z');
const HOUR = 60 * 60_000;

function order(orderId: string, fields: Partial<Order>): Order {
  const createdAt = fields.createdAt ?? NOW - 2 * HOUR;
  return newOrder(fields.channel ?? 'takeout', fields, {
    orderId,
    store: { storeId: STORE_ID, name: '고카페인 테스트점' },
    requestId: `req-${orderId}`,
    priced: {
      items: [{ menuItemId: 'latte', name: '카페라떼', unitPrice: 4500, quantity: 1, options: [], lineTotal: 4500 }],
      subtotal: 4500,
      deliveryFee: 0,
      total: 4500,
    },
    businessDate: '2026-03-02',
    at: createdAt,
    autoCompleteAfterMs: HOUR,
  });
}

async function seed(orders: Order[]): Promise<void> {
  for (let i = 0; i < orders.length; i += 500) {
    const batch = db().batch();
    for (const o of orders.slice(i, i + 500)) batch.set(db().doc(`orders/${o.orderId}`), orderToStored(o));
    await batch.commit();
  }
}

async function allOrders(): Promise<Map<string, FirebaseFirestore.DocumentData>> {
  const snapshot = await db().collection('orders').get();
  return new Map(snapshot.docs.map((doc) => [doc.id, { ...doc.data(), updateTime: doc.updateTime.toMillis() }]));
}

/** 1,000 overdue open pickup orders, mixed with every kind of order the sweep must leave alone. */
function mixedOrders(): { orders: Order[]; overdue: Set<string> } {
  const orders: Order[] = [];
  const overdue = new Set<string>();
  for (let i = 0; i < 1_000; i += 1) {
    const id = `overdue-${String(i).padStart(4, '0')}`;
    // Due between 1 second and ~17 hours ago; the first is due exactly now.
    const createdAt = NOW - HOUR - i * 61_000;
    const preparing = i % 3 === 0;
    orders.push(
      order(id, {
        createdAt,
        channel: i % 2 ? 'dine_in' : 'takeout',
        status: preparing ? 'preparing' : 'received',
        prep: preparing ? { minutes: 10, startedAt: createdAt + 60_000 } : null,
        version: preparing ? 2 : 1,
      }),
    );
    overdue.add(id);
  }
  for (let i = 0; i < 300; i += 1) {
    // Not due yet: from 1 ms to 50 minutes left.
    orders.push(order(`not-due-${i}`, { createdAt: NOW - HOUR + 1 + i * 10_000, status: i % 2 ? 'preparing' : 'received' }));
  }
  const deliveryStatuses = ['received', 'preparing_shipment', 'shipped'] as const;
  for (let i = 0; i < 150; i += 1) {
    orders.push(order(`delivery-${i}`, { channel: 'delivery', createdAt: NOW - 10 * HOUR, status: deliveryStatuses[i % 3] }));
  }
  for (let i = 0; i < 100; i += 1) {
    const done = i % 2 === 0;
    orders.push(
      order(`terminal-${i}`, {
        status: done ? 'completed' : 'cancelled',
        completion: done ? { by: 'partner', uid: 'owner-1', at: NOW - HOUR } : null,
        cancellation: done ? null : { by: 'partner', uid: 'owner-1', reason: 'sold_out', note: null, at: NOW - HOUR },
      }),
    );
  }
  // A delivery order that (wrongly) carries an autoCompleteAt: the machine refuses it, the sweep steps past it.
  for (let i = 0; i < 5; i += 1) {
    orders.push(order(`delivery-with-timer-${i}`, { channel: 'delivery', autoCompleteAt: NOW - HOUR }));
  }
  return { orders, overdue };
}

describe('autoCompleteSweep (every 10 minutes)', function () {
  this.timeout(120_000);
  useNotificationFakes();

  beforeEach(() => setDependenciesForTest({ clock: () => NOW }));

  it('completes exactly the 1,000 overdue pickup orders among 1,555, and a second run changes nothing', async () => {
    const { orders, overdue } = mixedOrders();
    await seed(orders);
    const before = await allOrders();

    const report = await sweepOverdueOrders();
    assert.deepEqual(report, { scanned: 1_005, completed: 1_000, skipped: 5, failed: 0, truncated: false });

    const after = await allOrders();
    assert.equal(after.size, orders.length);
    for (const [id, stored] of after) {
      const previous = before.get(id)!;
      if (overdue.has(id)) {
        assert.equal(stored.status, 'completed', id);
        assert.equal(stored.completion.by, 'system', id);
        assert.equal(stored.completion.at.toMillis(), NOW, id);
        assert.equal(stored.version, previous.version + 1, id);
      } else {
        assert.equal(stored.updateTime, previous.updateTime, `${id} must not be written`);
      }
    }
    const sample = [...overdue].filter((_, i) => i % 97 === 0);
    for (const id of sample) {
      const events = await db().collection(`orders/${id}/events`).get();
      assert.equal(events.docs.at(-1)?.get('command'), 'auto_complete', id);
      assert.equal(events.docs.at(-1)?.get('actorRole'), 'system', id);
    }

    const again = await sweepOverdueOrders();
    assert.deepEqual(again, { scanned: 5, completed: 0, skipped: 5, failed: 0, truncated: false });
    const unchanged = await allOrders();
    for (const [id, stored] of unchanged) assert.equal(stored.updateTime, after.get(id)!.updateTime, id);
  });

  it('works in bounded runs; the next run picks up what the last one left', async () => {
    const orders = Array.from({ length: 260 }, (_, i) => order(`o-${String(i).padStart(3, '0')}`, { createdAt: NOW - 2 * HOUR - i }));
    await seed(orders);
    const first = await sweepOverdueOrders({ batchSize: 50, maxOrders: 120 });
    assert.deepEqual(first, { scanned: 120, completed: 120, skipped: 0, failed: 0, truncated: true });
    // Oldest first: the orders due longest ago were the ones completed.
    const completedIds = (await db().collection('orders').where('status', '==', 'completed').get()).docs.map((d) => d.id).sort();
    assert.deepEqual(
      completedIds,
      orders
        .slice(140)
        .map((o) => o.orderId)
        .sort(),
    );
    const second = await sweepOverdueOrders({ batchSize: 50, maxOrders: 120 });
    assert.equal(second.completed, 120);
    const third = await sweepOverdueOrders({ batchSize: 50, maxOrders: 120 });
    assert.deepEqual(third, { scanned: 20, completed: 20, skipped: 0, failed: 0, truncated: false });
  });

  it('stops at its time budget', async () => {
    await seed(Array.from({ length: 30 }, (_, i) => order(`t-${i}`, {})));
    const report = await sweepOverdueOrders({ batchSize: 10, timeBudgetMs: 0 });
    assert.deepEqual(report, { scanned: 10, completed: 10, skipped: 0, failed: 0, truncated: true });
  });

  it('runs as the scheduled function', async () => {
    await seed([order('due', {}), order('later', { createdAt: NOW })]);
    await wrapHandler(autoCompleteSweep)({});
    const stored = await allOrders();
    assert.equal(stored.get('due')!.status, 'completed');
    assert.equal(stored.get('later')!.status, 'received');
  });
});
