// @gocafein/client reads: each typed read builds exactly its descriptor's query (the one the rules
// tests and the index check use), and the converters give domain shapes (ms times, id fields).
import { strict as assert } from 'node:assert';
import { deleteApp, initializeApp } from 'firebase/app';
import * as sdk from 'firebase/firestore';
import { APP_QUERIES, createReads, fromStored } from '../../../client/src/queries';

describe('client: app reads', () => {
  const app = initializeApp({ projectId: 'demo-gocafein-client', apiKey: 'k' }, 'client-queries-test');
  const db = sdk.getFirestore(app);
  const reads = createReads(sdk);
  after(() => deleteApp(app));

  const expected = (...constraints: sdk.QueryConstraint[]) => sdk.query(sdk.collection(db, 'orders'), ...constraints);

  it('the partner tabs, history and customer orders are the described queries', () => {
    const cases: [sdk.Query, sdk.Query][] = [
      [
        reads.pickupOpenOrders(db, 's1'),
        expected(
          sdk.where('storeId', '==', 's1'),
          sdk.where('channel', 'in', ['dine_in', 'takeout']),
          sdk.where('status', 'in', ['received', 'preparing', 'ready']),
          sdk.orderBy('createdAt', 'desc'),
        ),
      ],
      [
        reads.pickupFinishedOrders(db, 's1'),
        expected(
          sdk.where('storeId', '==', 's1'),
          sdk.where('channel', 'in', ['dine_in', 'takeout']),
          sdk.where('status', 'in', ['completed', 'cancelled']),
          sdk.orderBy('createdAt', 'desc'),
          sdk.limit(50),
        ),
      ],
      [
        reads.deliveryTabOrders(db, 's1', 'shipped'),
        expected(
          sdk.where('storeId', '==', 's1'),
          sdk.where('channel', '==', 'delivery'),
          sdk.where('status', '==', 'shipped'),
          sdk.orderBy('createdAt', 'desc'),
        ),
      ],
      [
        reads.deliveryFinishedOrders(db, 's1'),
        expected(
          sdk.where('storeId', '==', 's1'),
          sdk.where('channel', '==', 'delivery'),
          sdk.where('status', 'in', ['completed', 'cancelled']),
          sdk.orderBy('createdAt', 'desc'),
          sdk.limit(50),
        ),
      ],
      [
        reads.customerOrderHistory(db, 'u1'),
        expected(sdk.where('customerUid', '==', 'u1'), sdk.orderBy('createdAt', 'desc'), sdk.limit(20)),
      ],
      [reads.partnerOrderEvents(db, 's1', 'o1'), sdk.query(sdk.collection(db, 'orders', 'o1', 'events'), sdk.where('storeId', '==', 's1'))],
      [
        reads.customerOrderEvents(db, 'u1', 'o1'),
        sdk.query(sdk.collection(db, 'orders', 'o1', 'events'), sdk.where('customerUid', '==', 'u1')),
      ],
      [reads.storeMenu(db, 's1'), sdk.query(sdk.collection(db, 'stores', 's1', 'menuItems'))],
      [reads.activeStores(db), sdk.query(sdk.collection(db, 'stores'), sdk.where('active', '==', true))],
    ];
    for (const [actual, wanted] of cases) assert.ok(sdk.queryEqual(actual.withConverter(null), wanted), `${JSON.stringify(actual)}`);
    assert.ok(!sdk.queryEqual(reads.deliveryTabOrders(db, 's1', 'received').withConverter(null), cases[2][1]), 'the sub-tab matters');
    assert.equal(reads.storeDocument(db, 's1').path, 'stores/s1');
    assert.equal(reads.orderDocument(db, 'o1').path, 'orders/o1');
  });

  it('every descriptor builds, and a missing parameter fails loudly', () => {
    for (const spec of APP_QUERIES) {
      const params = { storeId: 's', uid: 'u', orderId: 'o', status: 'received', email: 'e@example.com' };
      assert.ok(reads.buildQuery(db, spec, params) instanceof sdk.Query, spec.id);
    }
    assert.throws(() => reads.appQuery(db, 'pickupOpenOrders', {}), /parameter storeId is missing/);
  });

  it('converters turn Timestamps into epoch ms, add the document id and refuse writes', () => {
    const at = sdk.Timestamp.fromMillis(1_764_000_000_000);
    const snapshot = {
      id: 'o1',
      data: () => ({ storeId: 's1', createdAt: at, prep: { minutes: 10, startedAt: at }, items: [{ name: '아메리카노' }], delivery: null }),
    } as unknown as sdk.QueryDocumentSnapshot;
    const order = reads.converter('order').fromFirestore(snapshot);
    assert.deepEqual(order as unknown, {
      storeId: 's1',
      createdAt: 1_764_000_000_000,
      prep: { minutes: 10, startedAt: 1_764_000_000_000 },
      items: [{ name: '아메리카노' }],
      delivery: null,
      orderId: 'o1',
    });
    assert.equal((reads.converter('menuItem').fromFirestore(snapshot) as { itemId: string }).itemId, 'o1');
    assert.throws(() => reads.converter('order').toFirestore(order), /callables/);
    assert.deepEqual(fromStored([at, 'x']), [1_764_000_000_000, 'x']);
  });
});
