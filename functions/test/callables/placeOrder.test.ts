import { strict as assert } from 'node:assert';
import { placeOrder } from '../../src/callables/placeOrder';
import { db } from '../../src/infra/firestore';
import { as, call, expectError } from '../support/callables';
import { dumpDatabase } from '../support/database';
import { DELIVERY, requestId, seedStore, STORE_ID } from '../support/fixtures';
import { resetDependencies, setDependenciesForTest } from '../../src/deps';

const americano = (size = 'regular', shots: string[] = []) => ({
  menuItemId: 'americano',
  quantity: 1,
  options: [{ groupId: 'size', choiceIds: [size] }, ...(shots.length ? [{ groupId: 'shot', choiceIds: shots }] : [])],
});

describe('placeOrder', () => {
  beforeEach(() => seedStore());
  afterEach(() => resetDependencies('clock'));

  it('prices a pickup order from the menu, numbers it and writes its first history entry', async () => {
    setDependenciesForTest({ clock: () => Date.parse('2026-11-26T03:00:00Z') }); // 12:00 in Seoul
    const result = await call(
      placeOrder,
      {
        storeId: STORE_ID,
        channel: 'takeout',
        requestId: requestId(),
        items: [americano('large', ['shot1', 'decaf']), { menuItemId: 'latte', quantity: 2 }],
        customerNote: '얼음 적게',
      },
      as.customer(),
    );
    // 4000 + 500 (large) + 500 + 300 (shots) = 5300; latte 4500 × 2 = 9000
    assert.equal(result.total, 14300);
    assert.equal(result.orderNumber, 1);
    assert.equal(result.status, 'received');

    const stored = (await db().doc(`orders/${result.orderId}`).get()).data()!;
    assert.equal(stored.customerUid, 'customer-1');
    assert.equal(stored.storeId, STORE_ID);
    assert.equal(stored.subtotal, 14300);
    assert.equal(stored.deliveryFee, 0);
    assert.equal(stored.businessDate, '2026-11-26');
    assert.equal(stored.version, 1);
    assert.equal(stored.items[0].unitPrice, 5300);
    assert.deepEqual(
      stored.items[0].options.map((o: { groupId: string }) => o.groupId),
      ['size', 'shot'],
    );
    assert.equal(stored.items[0].options[0].choices[0].name, '라지');
    assert.equal(stored.createdAt.toMillis(), Date.parse('2026-11-26T03:00:00Z'));
    assert.equal(stored.autoCompleteAt.toMillis(), Date.parse('2026-11-26T04:00:00Z'));
    assert.equal(stored.customerNote, '얼음 적게');

    const events = await db().collection(`orders/${result.orderId}/events`).get();
    assert.equal(events.size, 1);
    assert.deepEqual(
      { ...events.docs[0].data(), at: undefined },
      {
        version: 1,
        command: 'place',
        actorRole: 'customer',
        actorUid: 'customer-1',
        from: null,
        to: 'received',
        at: undefined,
        data: { requestId: stored.requestId },
        storeId: STORE_ID,
        customerUid: 'customer-1',
      },
    );
  });

  it('adds the delivery fee and keeps the normalized address for delivery orders', async () => {
    const result = await call(
      placeOrder,
      {
        storeId: STORE_ID,
        channel: 'delivery',
        requestId: requestId(),
        items: [{ menuItemId: 'beans', quantity: 2 }],
        delivery: { ...DELIVERY, phone: '+82 10 1234 5678', address2: undefined },
      },
      as.customer(),
    );
    assert.equal(result.total, 27000);
    const stored = (await db().doc(`orders/${result.orderId}`).get()).data()!;
    assert.equal(stored.deliveryFee, 3000);
    assert.equal(stored.autoCompleteAt, null);
    assert.equal(stored.delivery.phone, '010-1234-5678');
    assert.equal(stored.delivery.address2, null);
  });

  it('numbers orders per store and per Seoul business day', async () => {
    const place = () =>
      call(placeOrder, { storeId: STORE_ID, channel: 'dine_in', requestId: requestId(), items: [americano()] }, as.customer());
    setDependenciesForTest({ clock: () => Date.parse('2026-11-26T14:59:00Z') }); // 23:59 Seoul, 26th
    assert.equal((await place()).orderNumber, 1);
    assert.equal((await place()).orderNumber, 2);
    setDependenciesForTest({ clock: () => Date.parse('2026-11-26T15:00:00Z') }); // 00:00 Seoul, 27th
    const next = await place();
    assert.equal(next.orderNumber, 1);
    assert.equal(next.order.businessDate, '2026-11-27');
  });

  it('returns the first order for a repeated requestId, and refuses the id for a different order', async () => {
    const input = { storeId: STORE_ID, channel: 'dine_in', requestId: requestId(), items: [americano()] };
    const first = await call(placeOrder, input, as.customer());
    const again = await call(placeOrder, input, as.customer());
    assert.equal(again.orderId, first.orderId);
    assert.equal(again.orderNumber, first.orderNumber);
    assert.equal((await db().collection('orders').get()).size, 1);

    await expectError(
      call(placeOrder, { ...input, items: [americano('large')] }, as.customer()),
      'already-exists',
      'idempotency_key_reused',
    );
    // Another customer's identical requestId is a different order.
    const other = await call(placeOrder, input, as.customer('customer-2'));
    assert.notEqual(other.orderId, first.orderId);
  });

  describe('rejections, with nothing written', () => {
    let before: Map<string, string>;
    beforeEach(async () => {
      before = await dumpDatabase();
    });
    afterEach(async function () {
      if (this.currentTest?.state === 'passed') assert.deepEqual(await dumpDatabase(), before);
    });

    const base = () => ({ storeId: STORE_ID, channel: 'takeout', requestId: requestId(), items: [americano()] });

    it('requires sign-in', async () => {
      await expectError(call(placeOrder, base(), as.anonymous), 'unauthenticated', 'unauthenticated');
    });

    it('an inactive, closed or paused store', async () => {
      await seedStore(STORE_ID, { active: false });
      await expectError(call(placeOrder, base(), as.customer()), 'failed-precondition', 'store_inactive');
      await seedStore(STORE_ID, { open: false });
      await expectError(call(placeOrder, base(), as.customer()), 'failed-precondition', 'store_closed');
      await seedStore(STORE_ID, { pausedUntil: Date.now() + 60_000 });
      await expectError(call(placeOrder, base(), as.customer()), 'failed-precondition', 'store_paused');
      before = await dumpDatabase();
    });

    it('a store that does not exist', async () => {
      await expectError(call(placeOrder, { ...base(), storeId: 'nope' }, as.customer()), 'not-found', 'store_not_found');
    });

    it('a channel the store does not offer', async () => {
      await seedStore(STORE_ID, { channels: ['dine_in', 'takeout'] });
      before = await dumpDatabase();
      await expectError(
        call(placeOrder, { ...base(), channel: 'delivery', delivery: DELIVERY }, as.customer()),
        'failed-precondition',
        'channel_not_offered',
      );
    });

    it('unknown and sold-out items', async () => {
      await expectError(
        call(placeOrder, { ...base(), items: [{ menuItemId: 'ghost', quantity: 1 }] }, as.customer()),
        'not-found',
        'menu_item_not_found',
      );
      await expectError(
        call(placeOrder, { ...base(), items: [{ menuItemId: 'croissant', quantity: 1 }] }, as.customer()),
        'failed-precondition',
        'menu_item_sold_out',
      );
    });

    it('unknown options and wrong choice counts', async () => {
      const withOptions = (options: unknown) => ({ ...base(), items: [{ menuItemId: 'americano', quantity: 1, options }] });
      await expectError(
        call(placeOrder, withOptions([{ groupId: 'size', choiceIds: ['huge'] }]), as.customer()),
        'invalid-argument',
        'unknown_option',
      );
      await expectError(
        call(
          placeOrder,
          withOptions([
            { groupId: 'syrup', choiceIds: ['x'] },
            { groupId: 'size', choiceIds: ['regular'] },
          ]),
          as.customer(),
        ),
        'invalid-argument',
        'unknown_option',
      );
      // size is required
      await expectError(call(placeOrder, withOptions([]), as.customer()), 'invalid-argument', 'option_choice_count');
      // size allows one choice
      await expectError(
        call(placeOrder, withOptions([{ groupId: 'size', choiceIds: ['regular', 'large'] }]), as.customer()),
        'invalid-argument',
        'option_choice_count',
      );
    });

    it('invalid input, with the field paths', async () => {
      const cases: [unknown, string][] = [
        [{ ...base(), items: [{ ...americano(), quantity: 0 }] }, 'items.0.quantity'],
        [{ ...base(), items: [{ ...americano(), quantity: 100 }] }, 'items.0.quantity'],
        [{ ...base(), items: [{ ...americano(), quantity: 1.5 }] }, 'items.0.quantity'],
        [{ ...base(), items: [] }, 'items'],
        [{ ...base(), channel: 'drive_thru' }, 'channel'],
        [{ ...base(), channel: 'delivery' }, 'delivery'],
        [{ ...base(), delivery: DELIVERY }, 'delivery'],
        [{ ...base(), channel: 'delivery', delivery: { ...DELIVERY, postalCode: '1234' } }, 'delivery.postalCode'],
        [{ ...base(), channel: 'delivery', delivery: { ...DELIVERY, phone: '12345' } }, 'delivery.phone'],
        [{ ...base(), requestId: undefined }, 'requestId'],
        [{ ...base(), storeId: 'a/b' }, 'storeId'],
        [{ ...base(), unitPrice: 1 }, ''],
        [{ ...base(), items: [{ ...americano(), price: 1 }] }, 'items.0'],
        [{ ...base(), storeId: '..' }, 'storeId'],
        [{ ...base(), items: [{ ...americano(), menuItemId: '.' }] }, 'items.0.menuItemId'],
        [
          {
            ...base(),
            items: Array.from({ length: 16 }, () => ({
              menuItemId: 'americano',
              quantity: 1,
              options: Array.from({ length: 20 }, (_, g) => ({ groupId: `g${g}`, choiceIds: [`c${g}`] })),
            })),
          },
          'items',
        ],
      ];
      for (const [input, path] of cases) {
        const error = await expectError(call(placeOrder, input, as.customer()), 'invalid-argument', 'invalid_argument');
        const fields = (error.details as { fields: { path: string }[] }).fields.map((f) => f.path);
        assert.ok(fields.includes(path), `expected field ${path} in ${JSON.stringify(fields)}`);
      }
    });
  });
});
