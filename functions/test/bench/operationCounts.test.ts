// Firestore operations per command, counted at the data-access layer (test/support/opCounter.ts).
// Exact counts, so that a change that adds a read or a write fails CI (issue 7: operations, not
// time). `npm run bench` runs this file with OP_COUNTS_OUT set and puts the measured figures in its
// table. Commands run one at a time: a retried transaction would count twice.
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { QueryDocumentSnapshot } from 'firebase-admin/firestore';
import {
  cancelOrder,
  completeOrder,
  prepareShipment,
  shipOrder,
  startPreparing,
  updateTracking,
} from '../../src/callables/orderCommands';
import { placeOrder } from '../../src/callables/placeOrder';
import { handleAutoCompleteTask } from '../../src/tasks/autoComplete';
import { onOrderCreated } from '../../src/triggers/orderCreated';
import { as, call, functionsTest } from '../support/callables';
import { requestId, seedMembership, seedStore, STORE_ID } from '../support/fixtures';
import { eventId, orderSnapshot, seedDevices, seedMember, useNotificationFakes } from '../support/notifications';
import { CUSTOMER, placeDelivery, placePickup } from '../support/orders';
import { countOperations, OpCount } from '../support/opCounter';
import { setDependenciesForTest } from '../../src/deps';

const PLACED_AT = Date.parse('2026-03-02T03:04:05.678Z');
const owner = as.owner(STORE_ID);

/** What was measured, by row name, for `npm run bench`. */
const measured: Record<string, { reads: number; writes: number; target: string }> = {};

function expectCount(name: string, count: OpCount, expected: { reads: number; writes: number }, target: string): void {
  measured[name] = { reads: count.reads, writes: count.writes, target };
  const detail = count.operations.map((op) => `${op.kind} ${op.via} ${op.path}`).join('\n  ');
  assert.deepEqual({ reads: count.reads, writes: count.writes }, expected, `${name}:\n  ${detail}`);
}

// The system's transition (auto-complete): the order read; the order and its history entry written.
const TRANSITION = { reads: 1, writes: 2 };
const TRANSITION_TARGET = '≤ 1 read, ≤ 2 writes';
// A partner's or admin's transition also reads the caller's membership document at the store
// (authority, in the same transaction) and writes who did it to the members-only staffActions
// entry (customers read the order and its history, which carry only the role).
const PARTNER_TRANSITION = { reads: 2, writes: 3 };
const PARTNER_TRANSITION_TARGET = "2 reads (order, caller's membership); 3 writes (order, history entry, staff action)";

describe('Firestore operations per command (exact)', () => {
  const fakes = useNotificationFakes();

  beforeEach(async () => {
    setDependenciesForTest({ clock: () => PLACED_AT });
    await seedStore(STORE_ID, {}, { members: false });
    await seedMembership(STORE_ID, 'owner-of-store-a', 'owner'); // as.owner(STORE_ID)
  });

  after(() => {
    if (process.env.OP_COUNTS_OUT) writeFileSync(process.env.OP_COUNTS_OUT, JSON.stringify(measured, null, 2));
  });

  describe('placeOrder: the idempotency record, the store, each distinct menu item, the customer\'s limits and unanswered orders, the day counter; 4 writes', () => {
    it('one line item: 6 reads, 4 writes (limits, counter, order, history entry)', async () => {
      const count = await countOperations(() =>
        call(
          placeOrder,
          {
            storeId: STORE_ID,
            channel: 'takeout',
            requestId: requestId(),
            items: [{ menuItemId: 'americano', quantity: 1, options: [{ groupId: 'size', choiceIds: ['regular'] }] }],
          },
          as.customer(CUSTOMER),
        ),
      );
      // The unanswered-orders query costs 1 read when it finds none, else 1 per order found (≤ the limit, 3).
      expectCount('placeOrder (1 item)', count, { reads: 6, writes: 4 }, 'reads: idempotency+store+items+limits+unanswered query (≥1)+counter; 4 writes');
      assert.deepEqual(
        count.operations.filter((op) => op.kind === 'write').map((op) => op.path.split('/')[0]).sort(),
        ['orderLimits', 'orders', 'orders', 'stores'],
      );
    });

    it('two distinct items (one twice): 7 reads, 4 writes', async () => {
      const count = await countOperations(() =>
        call(
          placeOrder,
          {
            storeId: STORE_ID,
            channel: 'takeout',
            requestId: requestId(),
            items: [
              { menuItemId: 'americano', quantity: 1, options: [{ groupId: 'size', choiceIds: ['regular'] }] },
              { menuItemId: 'latte', quantity: 1 },
              { menuItemId: 'americano', quantity: 2, options: [{ groupId: 'size', choiceIds: ['large'] }] },
            ],
          },
          as.customer(CUSTOMER),
        ),
      );
      expectCount('placeOrder (2 distinct items)', count, { reads: 7, writes: 4 }, 'reads: idempotency+store+items+limits+unanswered query (≥1)+counter; 4 writes');
    });

    it('a replayed request (same requestId): 1 read, 0 writes', async () => {
      const input = {
        storeId: STORE_ID,
        channel: 'takeout',
        requestId: requestId(),
        items: [{ menuItemId: 'latte', quantity: 1 }],
      };
      await call(placeOrder, input, as.customer(CUSTOMER));
      const count = await countOperations(() => call(placeOrder, input, as.customer(CUSTOMER)));
      expectCount('placeOrder (replay)', count, { reads: 1, writes: 0 }, 'idempotency record only');
    });
  });

  describe("transition callables: the order and the caller's membership read; the order, its history entry and the staff action written", () => {
    it('startPreparing, then completeOrder', async () => {
      const orderId = await placePickup();
      const preparing = await countOperations(() => call(startPreparing, { orderId, prepMinutes: 10 }, owner));
      expectCount('startPreparing', preparing, PARTNER_TRANSITION, PARTNER_TRANSITION_TARGET);
      const completed = await countOperations(() => call(completeOrder, { orderId }, owner));
      expectCount('completeOrder', completed, PARTNER_TRANSITION, PARTNER_TRANSITION_TARGET);
      assert.deepEqual(completed.operations.filter((op) => op.kind === 'write').map((op) => op.path), [
        `orders/${orderId}`,
        `orders/${orderId}/events/000003`,
        `orders/${orderId}/staffActions/000003`,
      ]);
    });

    it('prepareShipment, shipOrder, updateTracking', async () => {
      const orderId = await placeDelivery();
      const prepared = await countOperations(() => call(prepareShipment, { orderId }, owner));
      expectCount('prepareShipment', prepared, PARTNER_TRANSITION, PARTNER_TRANSITION_TARGET);
      const shipped = await countOperations(() =>
        call(shipOrder, { orderId, carrier: 'cj', trackingNumber: '123456789012' }, owner),
      );
      expectCount('shipOrder', shipped, PARTNER_TRANSITION, PARTNER_TRANSITION_TARGET);
      const corrected = await countOperations(() =>
        call(updateTracking, { orderId, carrier: 'cj', trackingNumber: '987654321098' }, owner),
      );
      expectCount('updateTracking', corrected, PARTNER_TRANSITION, PARTNER_TRANSITION_TARGET);
    });

    it('cancelOrder', async () => {
      const orderId = await placePickup();
      const count = await countOperations(() => call(cancelOrder, { orderId, reason: 'sold_out' }, owner));
      expectCount('cancelOrder', count, PARTNER_TRANSITION, PARTNER_TRANSITION_TARGET);
    });

    it('a repeated command that changes nothing (noop): 2 reads, 0 writes', async () => {
      const orderId = await placePickup();
      await call(startPreparing, { orderId, prepMinutes: 10 }, owner);
      const count = await countOperations(() => call(startPreparing, { orderId, prepMinutes: 10 }, owner));
      expectCount('startPreparing (noop repeat)', count, { reads: 2, writes: 0 }, '2 reads, 0 writes');
    });
  });

  describe('background work', () => {
    it('the new-order trigger (2 members, 3 devices)', async () => {
      // owner-of-store-a is a member already (beforeEach).
      await seedMember('staff-1', 'staff');
      await seedDevices('owner-of-store-a', ['owner-phone', 'owner-tablet']);
      await seedDevices('staff-1', ['staff-phone']);
      const orderId = await placePickup();
      const snapshot = (await orderSnapshot(orderId)) as QueryDocumentSnapshot;
      const wrapped = functionsTest.wrap(onOrderCreated);
      const count = await countOperations(() => wrapped({ data: snapshot, params: { orderId }, id: eventId() } as never));
      assert.equal(fakes.messaging().sends.length, 1, 'the push was sent');
      assert.equal(fakes.tasks().created.length, 2, 'the two timers were scheduled');
      // The push claim: read + create, read + update (sending), read + update (done): 3 reads, 3 writes.
      // Recipients: the members query (2 documents) and one devices query per member (2 + 1).
      expectCount('onOrderCreated (2 members, 3 devices)', count, { reads: 8, writes: 3 }, 'measured (no target); grows with members and devices');
    });

    it('the auto-complete task handler, when due', async () => {
      const orderId = await placePickup();
      setDependenciesForTest({ clock: () => PLACED_AT + 60 * 60_000 });
      const count = await countOperations(() => handleAutoCompleteTask({ orderId }));
      assert.equal(count.result, 'completed');
      // The decision is made inside the transition's transaction: one read, the order and its entry.
      expectCount('autoComplete task (due)', count, TRANSITION, TRANSITION_TARGET);
    });
  });

  describe("a partner's live tab query", () => {
    it('the orders read rule reads one document: the reader\'s membership at the queried store', () => {
      const rules = readFileSync(join(__dirname, '..', '..', '..', 'firestore.rules'), 'utf8');
      const block = /match \/orders\/\{orderId\} \{([\s\S]*?)\n {4}\}/.exec(rules);
      assert.ok(block, 'the orders match block is in firestore.rules');
      assert.deepEqual(block[1].match(/\b(get|exists|getAfter|existsAfter)\s*\(\s*\//g) ?? [], [], 'no other document read in the block');
      assert.match(block[1], /isStoreMember\(resource\.data\.storeId\)/);
      const member = /function isStoreMember\(storeId\) \{([\s\S]*?)\n {4}\}/.exec(rules);
      assert.ok(member, 'isStoreMember is in firestore.rules');
      // exists() and get() of the same path in one request are billed as one document read.
      const paths = new Set([...member[1].matchAll(/\b(?:get|exists)\(([^()]*\([^()]*\))\)/g)].map((m) => m[1]));
      assert.deepEqual([...paths], ['membershipPath(storeId)']);
      const reads = [...paths];
      measured['partner live tab query (rule reads)'] = { reads: reads.length, writes: 0, target: '1 rule read per query (the membership document)' };
    });
  });
});
