// Firestore operations per command, counted at the data-access layer (test/support/opCounter.ts),
// and the RPCs each sends to Firestore, counted at firebase-admin's generated client
// (test/support/rpcCounter.ts). Exact counts and the exact RPC sequence, so that a change that adds
// a read, a write or a round trip fails CI (issue 7: operations, not time; issue 18: round trips). `npm run bench` runs this file with OP_COUNTS_OUT set and puts the measured figures in its
// table. Commands run one at a time: a retried transaction would count twice.
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { QueryDocumentSnapshot } from 'firebase-admin/firestore';
import {
  callCustomer,
  cancelOrder,
  completeOrder,
  extendPrep,
  markReady,
  prepareShipment,
  shipOrder,
  startPreparing,
  updateTracking,
} from '../../src/callables/orderCommands';
import { placeOrder } from '../../src/callables/placeOrder';
import { handleAutoCompleteTask } from '../../src/tasks/autoComplete';
import { onOrderCreated } from '../../src/triggers/orderCreated';
import { as, call, functionsTest } from '../support/callables';
import type { RpcMethod } from '../support/rpcCounter';
import { requestId, seedMembership, seedStore, STORE_ID } from '../support/fixtures';
import { eventId, orderSnapshot, seedDevices, seedMember, useNotificationFakes } from '../support/notifications';
import { CUSTOMER, placeDelivery, placePickup } from '../support/orders';
import { countOperations, OpCount } from '../support/opCounter';
import { setDependenciesForTest } from '../../src/deps';

const PLACED_AT = Date.parse('2026-03-02T03:04:05.678Z');
const owner = as.owner(STORE_ID);

interface Expected {
  reads: number;
  writes: number;
  /** Every RPC sent, in order. No beginTransaction: firebase-admin begins inside the first read. */
  rpcs: RpcMethod[];
}

/** What was measured, by row name, for `npm run bench`, with whether it meets its target. */
const measured: Record<string, { reads: number; writes: number; rpcs: string; target: string; met: boolean | null }> = {};

/**
 * Asserts the exact counts. `meets` says whether the measurement meets the row's target (issue 18),
 * for the bench's verdict column; null when the row has no target.
 */
function expectCount(name: string, count: OpCount, expected: Expected, target: string, meets: boolean | null): void {
  const rpcs = summarizeRpcs(count.rpcSequence);
  measured[name] = { reads: count.reads, writes: count.writes, rpcs, target, met: meets };
  const detail = [...count.operations.map((op) => `${op.kind} ${op.via} ${op.path}`), `rpcs: ${count.rpcSequence.join(' → ')}`].join(
    '\n  ',
  );
  assert.deepEqual({ reads: count.reads, writes: count.writes, rpcs: count.rpcSequence }, expected, `${name}:\n  ${detail}`);
}

/** "1 batchGetDocuments + 1 runQuery + 1 commit": RPCs by method, in the order first sent. */
function summarizeRpcs(sequence: RpcMethod[]): string {
  const counts = new Map<RpcMethod, number>();
  for (const method of sequence) counts.set(method, (counts.get(method) ?? 0) + 1);
  return [...counts].map(([method, n]) => `${n} ${method}`).join(' + ') || 'none';
}

/** Read round trips (batchGetDocuments, runQuery) and commits in a sequence. */
const readRpcs = (count: OpCount) => count.rpcSequence.filter((m) => m === 'batchGetDocuments' || m === 'runQuery').length;
const commits = (count: OpCount) => count.rpcSequence.filter((m) => m === 'commit').length;
/** Issue 18's bar for a transition: one read round trip and one commit, no separate begin. */
const oneRoundTrip = (count: OpCount) => readRpcs(count) === 1 && commits(count) === 1 && count.rpcSequence.length === 2;

// The system's transition (auto-complete): the order read; the order and its history entry
// written. One BatchGetDocuments (it also begins the transaction), one Commit.
const TRANSITION: Expected = { reads: 1, writes: 2, rpcs: ['batchGetDocuments', 'commit'] };
const TRANSITION_TARGET = '≤ 2 reads, ≤ 2 writes; 1 read RPC + 1 commit';
// A partner's or admin's transition also reads the caller's membership document at the store
// (authority, in the same transaction), in the same BatchGetDocuments as the order (the token's one
// claimed store names it), and writes who did it to the members-only staffActions entry
// (customers read the order and its history, which carry only the role): 3 writes, one more than
// issue 18's "≤ 2 writes", which predates that split (docs/bench.md "Round trips").
const PARTNER_TRANSITION: Expected = { reads: 2, writes: 3, rpcs: ['batchGetDocuments', 'commit'] };
const PARTNER_TRANSITION_TARGET = '≤ 2 reads (order + membership), 3 writes (issue: ≤ 2; + the staff-action entry); 1 read RPC + 1 commit';
const partnerMeets = (count: OpCount) => count.reads <= 2 && count.writes <= 3 && oneRoundTrip(count);
const systemMeets = (count: OpCount) => count.reads <= 2 && count.writes <= 2 && oneRoundTrip(count);
// placeOrder: every document in one BatchGetDocuments, the unanswered-orders query (a query cannot
// join a batch), one Commit.
const PLACE_RPCS: RpcMethod[] = ['batchGetDocuments', 'runQuery', 'commit'];
// The new-order trigger (no target): the push claim's three transactions (read + commit each) and
// the recipients' queries (members, then each member's devices, concurrently).
const TRIGGER_RPCS: RpcMethod[] = [
  'batchGetDocuments',
  'commit',
  'runQuery',
  'runQuery',
  'runQuery',
  'batchGetDocuments',
  'commit',
  'batchGetDocuments',
  'commit',
];
const PLACE_TARGET = 'documents in 1 batched read (+ the unanswered query) + 1 commit; 4 writes';
const placeMeets = (count: OpCount) => count.rpcSequence.filter((m) => m === 'batchGetDocuments').length === 1 && commits(count) === 1;

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

  describe("placeOrder: the idempotency record, the store, each distinct menu item, the customer's limits and unanswered orders, the day counter; 4 writes", () => {
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
      expectCount('placeOrder (1 item)', count, { reads: 6, writes: 4, rpcs: PLACE_RPCS }, PLACE_TARGET, placeMeets(count));
      assert.deepEqual(
        count.operations
          .filter((op) => op.kind === 'write')
          .map((op) => op.path.split('/')[0])
          .sort(),
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
      expectCount('placeOrder (2 distinct items)', count, { reads: 7, writes: 4, rpcs: PLACE_RPCS }, PLACE_TARGET, placeMeets(count));
    });

    it('between midnight and 06:00 Seoul: both candidate day counters in the batch, 7 reads', async () => {
      // 01:30 Seoul: the business day is today for closeoutHour 0 and yesterday for up to 6.
      setDependenciesForTest({ clock: () => Date.parse('2026-03-02T16:30:00.000Z') });
      const count = await countOperations(() =>
        call(
          placeOrder,
          { storeId: STORE_ID, channel: 'takeout', requestId: requestId(), items: [{ menuItemId: 'latte', quantity: 1 }] },
          as.customer(CUSTOMER),
        ),
      );
      expectCount(
        'placeOrder (1 item, 00:00-06:00 Seoul)',
        count,
        { reads: 7, writes: 4, rpcs: PLACE_RPCS },
        PLACE_TARGET,
        placeMeets(count),
      );
      assert.deepEqual(
        count.operations.filter((op) => op.kind === 'write' && op.path.includes('orderCounters')).map((op) => op.path),
        [`stores/${STORE_ID}/orderCounters/2026-03-03`],
      );
    });

    it('a replayed request (same requestId): the same batched read, 0 writes', async () => {
      const input = {
        storeId: STORE_ID,
        channel: 'takeout',
        requestId: requestId(),
        items: [{ menuItemId: 'latte', quantity: 1 }],
      };
      await call(placeOrder, input, as.customer(CUSTOMER));
      const count = await countOperations(() => call(placeOrder, input, as.customer(CUSTOMER)));
      // The batch reads every document before it knows the request is a replay (order, store, the
      // item, limits, counter: 5 reads); no query, and the Commit writes nothing.
      expectCount(
        'placeOrder (replay)',
        count,
        { reads: 5, writes: 0, rpcs: ['batchGetDocuments', 'commit'] },
        '1 batched read + 1 commit, 0 writes',
        oneRoundTrip(count) && count.writes === 0,
      );
    });
  });

  describe("transition callables: the order and the caller's membership read; the order, its history entry and the staff action written", () => {
    it('startPreparing, then completeOrder', async () => {
      const orderId = await placePickup();
      const preparing = await countOperations(() => call(startPreparing, { orderId, prepMinutes: 10 }, owner));
      expectCount('startPreparing', preparing, PARTNER_TRANSITION, PARTNER_TRANSITION_TARGET, partnerMeets(preparing));
      const completed = await countOperations(() => call(completeOrder, { orderId }, owner));
      expectCount('completeOrder', completed, PARTNER_TRANSITION, PARTNER_TRANSITION_TARGET, partnerMeets(completed));
      assert.deepEqual(
        completed.operations.filter((op) => op.kind === 'write').map((op) => op.path),
        [`orders/${orderId}`, `orders/${orderId}/events/000003`, `orders/${orderId}/staffActions/000003`],
      );
    });

    it('extendPrep, markReady, callCustomer', async () => {
      const orderId = await placePickup();
      await call(startPreparing, { orderId, prepMinutes: 10 }, owner);
      const extended = await countOperations(() => call(extendPrep, { orderId, addMinutes: 5 }, owner));
      expectCount('extendPrep', extended, PARTNER_TRANSITION, PARTNER_TRANSITION_TARGET, partnerMeets(extended));
      const ready = await countOperations(() => call(markReady, { orderId }, owner));
      expectCount('markReady', ready, PARTNER_TRANSITION, PARTNER_TRANSITION_TARGET, partnerMeets(ready));
      setDependenciesForTest({ clock: () => PLACED_AT + 2 * 60_000 }); // the ready push was the first call; a minute later, another
      const called = await countOperations(() => call(callCustomer, { orderId }, owner));
      expectCount('callCustomer', called, PARTNER_TRANSITION, PARTNER_TRANSITION_TARGET, partnerMeets(called));
    });

    it('prepareShipment, shipOrder, updateTracking', async () => {
      const orderId = await placeDelivery();
      const prepared = await countOperations(() => call(prepareShipment, { orderId }, owner));
      expectCount('prepareShipment', prepared, PARTNER_TRANSITION, PARTNER_TRANSITION_TARGET, partnerMeets(prepared));
      const shipped = await countOperations(() => call(shipOrder, { orderId, carrier: 'cj', trackingNumber: '123456789012' }, owner));
      expectCount('shipOrder', shipped, PARTNER_TRANSITION, PARTNER_TRANSITION_TARGET, partnerMeets(shipped));
      const corrected = await countOperations(() =>
        call(updateTracking, { orderId, carrier: 'cj', trackingNumber: '987654321098' }, owner),
      );
      expectCount('updateTracking', corrected, PARTNER_TRANSITION, PARTNER_TRANSITION_TARGET, partnerMeets(corrected));
    });

    it('cancelOrder', async () => {
      const orderId = await placePickup();
      const count = await countOperations(() => call(cancelOrder, { orderId, reason: 'sold_out' }, owner));
      expectCount('cancelOrder', count, PARTNER_TRANSITION, PARTNER_TRANSITION_TARGET, partnerMeets(count));
    });

    it('a repeated command that changes nothing (noop): 2 reads, 0 writes, the same round trips', async () => {
      const orderId = await placePickup();
      await call(startPreparing, { orderId, prepMinutes: 10 }, owner);
      const count = await countOperations(() => call(startPreparing, { orderId, prepMinutes: 10 }, owner));
      // The empty Commit ends the transaction (a Rollback would be the same one RPC).
      expectCount(
        'startPreparing (noop repeat)',
        count,
        { reads: 2, writes: 0, rpcs: ['batchGetDocuments', 'commit'] },
        '2 reads, 0 writes; 1 read RPC + 1 commit',
        count.reads <= 2 && count.writes === 0 && oneRoundTrip(count),
      );
    });

    it('a denied command: the same one read, then a Rollback instead of the Commit', async () => {
      const orderId = await placePickup();
      const count = await countOperations(() =>
        call(completeOrder, { orderId }, owner).then(
          () => assert.fail('completing a received order is refused'),
          (error: { details?: { reason?: string } }) => error.details?.reason,
        ),
      );
      assert.equal(count.result, 'preparation_not_started');
      expectCount(
        'completeOrder (denied)',
        count,
        { reads: 2, writes: 0, rpcs: ['batchGetDocuments', 'rollback'] },
        '≤ 2 reads, 0 writes; 1 read RPC + 1 rollback',
        count.reads <= 2 && count.writes === 0 && count.rpcSequence.length === 2,
      );
    });

    it('a partner whose token claims no store (claims not refreshed yet): the membership is read after the order', async () => {
      const orderId = await placePickup();
      const count = await countOperations(() => call(startPreparing, { orderId, prepMinutes: 10 }, { uid: 'owner-of-store-a', token: {} }));
      expectCount(
        'startPreparing (no store claim)',
        count,
        { reads: 2, writes: 3, rpcs: ['batchGetDocuments', 'batchGetDocuments', 'commit'] },
        'the fallback: 2 read RPCs + 1 commit (measured, no target)',
        null,
      );
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
      expectCount(
        'onOrderCreated (2 members, 3 devices)',
        count,
        { reads: 8, writes: 3, rpcs: TRIGGER_RPCS },
        'measured (no target); grows with members and devices',
        null,
      );
    });

    it('the auto-complete task handler, when due', async () => {
      const orderId = await placePickup();
      setDependenciesForTest({ clock: () => PLACED_AT + 60 * 60_000 });
      const count = await countOperations(() => handleAutoCompleteTask({ orderId }));
      assert.equal(count.result, 'completed');
      // The decision is made inside the transition's transaction: one read, the order and its entry.
      expectCount('autoComplete task (due)', count, TRANSITION, TRANSITION_TARGET, systemMeets(count));
    });
  });

  describe("a partner's live tab query", () => {
    it("the orders read rule reads one document: the reader's membership at the queried store", () => {
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
      measured['partner live tab query (rule reads)'] = {
        reads: reads.length,
        writes: 0,
        rpcs: '—',
        target: '≤ 1 rule read per query (the membership document)',
        met: reads.length <= 1,
      };
    });
  });
});
