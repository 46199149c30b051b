// Firestore conformance: the database behaviours this backend relies on, asserted as Cloud
// Firestore defines them. The file must pass on the official emulator and on the offline Firestore
// the harness starts (hidane), so it checks semantics only, never one emulator's quirks. If a case
// fails here, tests that run on that Firestore cannot be trusted for the behaviour it covers.
//
// Everything goes through firebase-admin, as the functions do. The harness empties the database
// before each test, so collection names only need to be readable.
import assert from 'node:assert/strict';
import type { CollectionReference, DocumentData, Query, Timestamp as TimestampType, WriteResult } from 'firebase-admin/firestore';
import { db, firestore } from '../../src/infra/firestore';

// Loading the module does not connect; the first db() call does, after the harness set the host.
const { AggregateField, FieldPath, FieldValue, Filter, Timestamp } = firestore();

// gRPC status codes firebase-admin puts on `error.code`.
const NOT_FOUND = 5;
const ALREADY_EXISTS = 6;
const FAILED_PRECONDITION = 9;

// The SDK's default of 5 attempts is tuned for production traffic. Tests that pile many writers onto
// one document need more; the SDK's backoff allows at most 11.
const CONTENDED = { maxAttempts: 10 };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function hasCode(code: number) {
  return (error: unknown): boolean => {
    assert.equal((error as { code?: unknown }).code, code, `expected gRPC code ${code}, got: ${String(error)}`);
    return true;
  };
}

async function seed(collection: CollectionReference, docs: Record<string, DocumentData>): Promise<void> {
  const batch = db().batch();
  for (const [id, data] of Object.entries(docs)) batch.set(collection.doc(id), data);
  await batch.commit();
}

async function ids(query: Query): Promise<string[]> {
  return (await query.get()).docs.map((doc) => doc.id);
}

/**
 * Lets `parties` callers wait for one another. Falls open after `timeoutMs`, so a database that
 * makes one party block cannot hang the test; the assertions then report what happened instead.
 */
function barrier(parties: number, timeoutMs = 5_000): { arrive(): Promise<void>; arrived(): number } {
  let count = 0;
  let release!: () => void;
  const all = new Promise<void>((resolve) => {
    release = resolve;
    setTimeout(resolve, timeoutMs).unref();
  });
  return {
    arrive() {
      count += 1;
      if (count === parties) release();
      return all;
    },
    arrived: () => count,
  };
}

const earlier = (a: TimestampType, b: TimestampType): boolean =>
  a.seconds < b.seconds || (a.seconds === b.seconds && a.nanoseconds < b.nanoseconds);

describe('Firestore conformance', function () {
  // Contended transactions back off for seconds between attempts.
  this.timeout(120_000);

  describe('transactions', () => {
    it('serialises 20 concurrent read-modify-write increments of one document (no lost update)', async () => {
      const counter = db().collection('counters').doc('c');
      await counter.set({ n: 0 });

      await Promise.all(
        Array.from({ length: 20 }, () =>
          db().runTransaction(async (tx) => {
            const n = (await tx.get(counter)).get('n') as number;
            tx.update(counter, { n: n + 1 });
          }, CONTENDED),
        ),
      );

      assert.equal((await counter.get()).get('n'), 20);
    });

    it('lets exactly one of 10 concurrent "claim if status == received" transactions win', async () => {
      const order = db().collection('orders').doc('o1');
      await order.set({ status: 'received', claimedBy: null });

      const outcomes = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          db().runTransaction(async (tx) => {
            if ((await tx.get(order)).get('status') !== 'received') return false;
            tx.update(order, { status: 'accepted', claimedBy: `worker-${i}` });
            return true;
          }, CONTENDED),
        ),
      );

      const winners = outcomes.flatMap((won, i) => (won ? [`worker-${i}`] : []));
      assert.equal(winners.length, 1, `winners: ${winners.join(', ')}`);
      const stored = (await order.get()).data();
      assert.deepEqual(stored, { status: 'accepted', claimedBy: winners[0] });
    });

    it('runs a conflicting transaction again instead of committing on a stale read', async () => {
      const counter = db().collection('counters').doc('c');
      await counter.set({ n: 0 });
      // Both transactions read n before either commits. Reads take shared locks (or none, in an
      // optimistic store), so both see 0; at most one may then commit on that read, and the other
      // must be aborted and its callback run again.
      const bothRead = barrier(2);
      const firstReads: number[] = [];
      let callbackRuns = 0;
      const increment = () => {
        let attempt = 0;
        return db().runTransaction(async (tx) => {
          attempt += 1;
          callbackRuns += 1;
          const n = (await tx.get(counter)).get('n') as number;
          if (attempt === 1) {
            firstReads.push(n);
            await bothRead.arrive();
          }
          tx.update(counter, { n: n + 1 });
        }, CONTENDED);
      };

      await Promise.all([increment(), increment()]);

      assert.deepEqual(firstReads, [0, 0], 'both first attempts should read before either commits');
      assert.ok(callbackRuns >= 3, `callback ran ${callbackRuns} times; a conflicting transaction must be retried`);
      assert.equal((await counter.get()).get('n'), 2);
    });

    it('applies none of a batch when its second write fails', async () => {
      const docs = db().collection('docs');
      await docs.doc('existing').set({ v: 'original' });

      const batch = db().batch();
      batch.set(docs.doc('fresh'), { v: 'new' });
      batch.create(docs.doc('existing'), { v: 'overwritten' }); // ALREADY_EXISTS
      await assert.rejects(batch.commit(), hasCode(ALREADY_EXISTS));

      assert.equal((await docs.doc('fresh').get()).exists, false, 'the first write must not be applied');
      assert.equal((await docs.doc('existing').get()).get('v'), 'original');

      const second = db().batch();
      second.set(docs.doc('fresh'), { v: 'new' });
      second.update(docs.doc('missing'), { v: 1 }); // NOT_FOUND
      await assert.rejects(second.commit(), hasCode(NOT_FOUND));
      assert.equal((await docs.doc('fresh').get()).exists, false, 'the first write must not be applied');
    });

    it('applies none of a transaction when its second write fails', async () => {
      const docs = db().collection('docs');
      await docs.doc('existing').set({ v: 'original' });

      await assert.rejects(
        db().runTransaction(async (tx) => {
          await tx.get(docs.doc('existing')); // a read, so this is a real transaction
          tx.set(docs.doc('fresh'), { v: 'new' });
          tx.create(docs.doc('existing'), { v: 'overwritten' });
        }),
        hasCode(ALREADY_EXISTS),
      );

      assert.equal((await docs.doc('fresh').get()).exists, false, 'the first write must not be applied');
      assert.equal((await docs.doc('existing').get()).get('v'), 'original');
    });

    it('does not lose an insert into the result of a query read in a transaction (no phantom)', async () => {
      const orders = db().collection('orders');
      await seed(orders, { o1: { status: 'open' }, o2: { status: 'open' } });
      const open = orders.where('status', '==', 'open');
      const summary = db().collection('summaries').doc('open');

      let insert: Promise<WriteResult> | undefined;
      await db().runTransaction(async (tx) => {
        const result = await tx.get(open);
        if (!insert) {
          // A matching document arrives while the transaction is open. A store that locks the
          // query's range makes it wait for our commit; an optimistic one lets it commit now and
          // must then abort us. Either way the count below must not miss a committed document.
          insert = orders.doc('o3').create({ status: 'open' });
          await Promise.race([insert, sleep(1_000)]);
        }
        tx.set(summary, { count: result.size });
      }, CONTENDED);
      await insert;

      const written = await summary.get();
      const committedBefore = (await open.get()).docs.filter((doc) => earlier(doc.createTime, written.updateTime!));
      assert.equal(
        written.get('count'),
        committedBefore.length,
        `the transaction committed count ${written.get('count')} after ${committedBefore.map((d) => d.id)} existed`,
      );
    });

    it('lets only one of two transactions insert after both queried for a duplicate (no write skew)', async () => {
      const usernames = db().collection('usernames');
      // Each transaction checks by query that the name is free, then creates its own document: the
      // two never touch the same document, so only the query's read set can conflict.
      const bothQueried = barrier(2);
      const claim = (uid: string) => {
        let attempt = 0;
        return db().runTransaction(async (tx) => {
          attempt += 1;
          const taken = await tx.get(usernames.where('name', '==', 'neo'));
          if (attempt === 1) await bothQueried.arrive();
          if (!taken.empty) return false;
          tx.create(usernames.doc(uid), { name: 'neo' });
          return true;
        }, CONTENDED);
      };

      const outcomes = await Promise.all([claim('u1'), claim('u2')]);

      assert.equal(bothQueried.arrived(), 2);
      assert.equal(outcomes.filter(Boolean).length, 1, `outcomes: ${outcomes}`);
      assert.equal((await usernames.where('name', '==', 'neo').get()).size, 1);
    });
  });

  describe('writes and preconditions', () => {
    it('rejects create on an existing document and update on a missing one', async () => {
      const docs = db().collection('docs');
      await docs.doc('a').create({ v: 1 });
      await assert.rejects(docs.doc('a').create({ v: 2 }), hasCode(ALREADY_EXISTS));
      await assert.rejects(docs.doc('missing').update({ v: 2 }), hasCode(NOT_FOUND));
      assert.equal((await docs.doc('a').get()).get('v'), 1);
      assert.equal((await docs.doc('missing').get()).exists, false);
    });

    it('rejects an update or delete whose lastUpdateTime precondition is stale', async () => {
      const doc = db().collection('docs').doc('a');
      const first = await doc.set({ v: 1 });
      const second = await doc.update({ v: 2 });
      assert.ok(earlier(first.writeTime, second.writeTime));
      assert.ok((await doc.get()).updateTime!.isEqual(second.writeTime));

      await assert.rejects(doc.update({ v: 3 }, { lastUpdateTime: first.writeTime }), hasCode(FAILED_PRECONDITION));
      await assert.rejects(doc.delete({ lastUpdateTime: first.writeTime }), hasCode(FAILED_PRECONDITION));
      assert.equal((await doc.get()).get('v'), 2);

      await doc.update({ v: 3 }, { lastUpdateTime: second.writeTime });
      assert.equal((await doc.get()).get('v'), 3);
    });

    it('replaces the whole document on set without merge, and keeps other fields with merge', async () => {
      const doc = db().collection('docs').doc('a');
      await doc.set({ keep: 1, nested: { a: 1, b: 2 } });

      await doc.set({ nested: { a: 9 } }, { merge: true });
      assert.deepEqual((await doc.get()).data(), { keep: 1, nested: { a: 9, b: 2 } });

      await doc.set({ only: true });
      assert.deepEqual((await doc.get()).data(), { only: true });
    });

    it('removes fields written as FieldValue.delete(), top-level and nested', async () => {
      const doc = db().collection('docs').doc('a');
      await doc.set({ a: 1, b: 2, nested: { x: 1, y: 2 } });

      await doc.update({ a: FieldValue.delete(), 'nested.x': FieldValue.delete() });
      assert.deepEqual((await doc.get()).data(), { b: 2, nested: { y: 2 } });

      await doc.set({ b: FieldValue.delete() }, { merge: true });
      assert.deepEqual((await doc.get()).data(), { nested: { y: 2 } });
    });

    it('applies two serverTimestamp transforms in one write, both at the commit time', async () => {
      const doc = db().collection('docs').doc('a');
      const result = await doc.set({
        title: 't',
        createdAt: FieldValue.serverTimestamp(),
        updatedAt: FieldValue.serverTimestamp(),
      });

      const data = (await doc.get()).data()!;
      assert.equal(data.title, 't');
      assert.ok(data.createdAt instanceof Timestamp, 'createdAt must be a Timestamp');
      assert.ok(data.updatedAt instanceof Timestamp, 'updatedAt must be a Timestamp');
      assert.ok(data.createdAt.isEqual(data.updatedAt), 'both transforms take the same request time');
      assert.ok(Math.abs(data.createdAt.toMillis() - result.writeTime.toMillis()) < 1_000);
    });

    it('applies arrayUnion, arrayRemove, increment and serverTimestamp together in one update', async () => {
      const doc = db().collection('docs').doc('a');
      await doc.set({ tags: ['a', 'x'], n: 1, total: 1.5 });

      await doc.update({
        tags: FieldValue.arrayUnion('a', 'b', 'c'),
        removed: FieldValue.arrayRemove('zzz'), // on a missing field: an empty array
        n: FieldValue.increment(2),
        total: FieldValue.increment(1),
        fresh: FieldValue.increment(5), // on a missing field: the operand
        at: FieldValue.serverTimestamp(),
      });

      const data = (await doc.get()).data()!;
      assert.deepEqual(data.tags, ['a', 'x', 'b', 'c']);
      assert.deepEqual(data.removed, []);
      assert.equal(data.n, 3);
      assert.equal(data.total, 2.5);
      assert.equal(data.fresh, 5);
      assert.ok(data.at instanceof Timestamp, 'at must be a Timestamp');

      await doc.update({ tags: FieldValue.arrayRemove('x', 'c') });
      assert.deepEqual((await doc.get()).get('tags'), ['a', 'b']);
    });

    it('applies transforms on nested field paths and keeps sibling fields', async () => {
      const doc = db().collection('docs').doc('a');
      await doc.set({ stats: { count: 1, label: 'x' } });

      await doc.update({
        'stats.count': FieldValue.increment(2),
        'stats.seenAt': FieldValue.serverTimestamp(),
        'stats.tags': FieldValue.arrayUnion('t'),
      });
      let stats = (await doc.get()).get('stats');
      assert.equal(stats.count, 3);
      assert.equal(stats.label, 'x');
      assert.deepEqual(stats.tags, ['t']);
      assert.ok(stats.seenAt instanceof Timestamp, 'stats.seenAt must be a Timestamp');

      // A transform inside a map given to set-with-merge targets the nested field too.
      await doc.set({ stats: { count: FieldValue.increment(1) } }, { merge: true });
      stats = (await doc.get()).get('stats');
      assert.equal(stats.count, 4);
      assert.equal(stats.label, 'x');
    });

    it('treats a dot inside a FieldPath segment as part of the field name', async () => {
      const doc = db().collection('docs').doc('a');
      await doc.set({ a: { b: 1 } });
      await doc.update(new FieldPath('a.b'), 2);
      const data = (await doc.get()).data()!;
      assert.deepEqual(data, { a: { b: 1 }, 'a.b': 2 });
    });
  });

  describe('queries', () => {
    it('returns documents in document-name order when there is no orderBy', async () => {
      const docs = db().collection('docs');
      for (const id of ['c', 'a10', 'b', 'a2', 'a']) await docs.doc(id).set({ v: 1 }); // inserted out of order
      assert.deepEqual(await ids(docs), ['a', 'a10', 'a2', 'b', 'c']);
      assert.deepEqual(await ids(docs.where('v', '==', 1)), ['a', 'a10', 'a2', 'b', 'c']);
    });

    it('excludes documents missing the orderBy field, and breaks ties by document name', async () => {
      const docs = db().collection('docs');
      await seed(docs, { d: { n: 2 }, c: { n: 1 }, b: { other: true }, a: { n: 2 }, e: { n: null } });
      // null is a value, so it sorts first; a missing field is no value at all.
      assert.deepEqual(await ids(docs.orderBy('n')), ['e', 'c', 'a', 'd']);
      assert.deepEqual(await ids(docs.orderBy('n', 'desc')), ['d', 'a', 'c', 'e']);
    });

    it('orders values of different types by type first', async () => {
      const docs = db().collection('docs');
      await seed(docs, {
        map: { v: { a: 1 } },
        array: { v: [1] },
        string: { v: 'a' },
        time: { v: Timestamp.fromMillis(0) },
        number: { v: 1 },
        bool: { v: true },
        null: { v: null },
      });
      assert.deepEqual(await ids(docs.orderBy('v')), ['null', 'bool', 'number', 'time', 'string', 'array', 'map']);
    });

    it('pages with startAt, startAfter, endAt, endBefore, offset, limit and limitToLast', async () => {
      const docs = db().collection('docs');
      await seed(docs, { n1: { n: 1 }, n2: { n: 2 }, n3: { n: 3 }, n4: { n: 4 }, n5: { n: 5 } });
      const byN = docs.orderBy('n');

      assert.deepEqual(await ids(byN.startAt(2)), ['n2', 'n3', 'n4', 'n5']);
      assert.deepEqual(await ids(byN.startAfter(2)), ['n3', 'n4', 'n5']);
      assert.deepEqual(await ids(byN.endAt(4)), ['n1', 'n2', 'n3', 'n4']);
      assert.deepEqual(await ids(byN.endBefore(4)), ['n1', 'n2', 'n3']);
      assert.deepEqual(await ids(byN.startAfter(1).endBefore(5)), ['n2', 'n3', 'n4']);
      assert.deepEqual(await ids(byN.limit(2)), ['n1', 'n2']);
      assert.deepEqual(await ids(byN.offset(1).limit(2)), ['n2', 'n3']);
      assert.deepEqual(await ids(byN.offset(4)), ['n5']);
      assert.deepEqual(await ids(byN.limitToLast(2)), ['n4', 'n5']);

      // A cursor from a snapshot, as a paginating client sends it.
      const page1 = await byN.limit(2).get();
      assert.deepEqual(await ids(byN.startAfter(page1.docs[1]).limit(2)), ['n3', 'n4']);
    });

    it('matches only documents whose field is null with == null, and the rest with != null', async () => {
      const docs = db().collection('docs');
      await seed(docs, { isNull: { x: null }, zero: { x: 0 }, no: { x: false }, empty: { x: '' }, missing: {} });
      assert.deepEqual(await ids(docs.where('x', '==', null)), ['isNull']);
      // != null needs the field to exist with a non-null value.
      assert.deepEqual((await ids(docs.where('x', '!=', null))).sort(), ['empty', 'no', 'zero']);
    });

    it('compares integers and doubles as numbers', async () => {
      const docs = db().collection('docs');
      await seed(docs, { int9: { total: 9 }, int10: { total: 10 }, dbl105: { total: 10.5 }, dbl10: { total: 9.5 } });
      // JavaScript writes whole numbers as integers; 9.5 + 0.5 is stored as the double 10.0.
      await docs.doc('dbl10').update({ total: FieldValue.increment(0.5) });

      // An inequality orders by its field, then by document name: 10.0 and 10 tie.
      assert.deepEqual(await ids(docs.where('total', '>', 9.5)), ['dbl10', 'int10', 'dbl105']);
      assert.deepEqual(await ids(docs.where('total', '==', 10)), ['dbl10', 'int10']);
      assert.deepEqual(await ids(docs.where('total', 'in', [10, 9])), ['dbl10', 'int10', 'int9']);
      assert.deepEqual(await ids(docs.orderBy('total')), ['int9', 'dbl10', 'int10', 'dbl105']);
    });

    it('filters and orders on nested field paths', async () => {
      const docs = db().collection('docs');
      await seed(docs, { a: { stats: { count: 5 } }, b: { stats: { count: 1 } }, c: { stats: { count: 3 } }, d: { stats: {} } });
      assert.deepEqual(await ids(docs.where('stats.count', '>=', 3)), ['c', 'a']);
      assert.deepEqual(await ids(docs.orderBy('stats.count', 'desc')), ['a', 'c', 'b']);
      assert.deepEqual(await ids(docs.where(new FieldPath('stats', 'count'), '==', 1)), ['b']);
    });

    it('filters on document ids', async () => {
      const docs = db().collection('docs');
      await seed(docs, { a: {}, b: {}, c: {}, d: {} });
      assert.deepEqual(await ids(docs.where(FieldPath.documentId(), '>=', 'b')), ['b', 'c', 'd']);
      assert.deepEqual(await ids(docs.where(FieldPath.documentId(), 'in', ['d', 'a'])), ['a', 'd']);
      assert.deepEqual(await ids(docs.where(FieldPath.documentId(), '<', 'c').limit(5)), ['a', 'b']);
      assert.deepEqual(await ids(docs.orderBy(FieldPath.documentId()).startAfter('c')), ['d']);
    });

    it('queries a collection group across parents, and only that collection id', async () => {
      await seed(db().collection('stores/s1/orders'), { o1: { status: 'open' }, o2: { status: 'done' } });
      await seed(db().collection('stores/s2/orders'), { o3: { status: 'open' } });
      await seed(db().collection('orders'), { o4: { status: 'open' } }); // top level is in the group too
      await seed(db().collection('stores/s1/orderNotes'), { n1: { status: 'open' } });
      await seed(db().collection('stores/s1/orders/o1/orders'), { o5: { status: 'open' } });

      const group = db().collectionGroup('orders');
      const paths = (await group.get()).docs.map((doc) => doc.ref.path).sort();
      assert.deepEqual(paths, [
        'orders/o4',
        'stores/s1/orders/o1',
        'stores/s1/orders/o1/orders/o5',
        'stores/s1/orders/o2',
        'stores/s2/orders/o3',
      ]);
      const open = (await group.where('status', '==', 'open').get()).docs.map((doc) => doc.ref.path).sort();
      assert.deepEqual(open, ['orders/o4', 'stores/s1/orders/o1', 'stores/s1/orders/o1/orders/o5', 'stores/s2/orders/o3']);
    });

    it('evaluates Filter.and with a nested Filter.or', async () => {
      const docs = db().collection('docs');
      await seed(docs, {
        a: { store: 's1', status: 'received', priority: 1 },
        b: { store: 's1', status: 'done', priority: 9 },
        c: { store: 's1', status: 'done', priority: 1 },
        d: { store: 's2', status: 'received', priority: 9 },
      });
      const query = docs.where(
        Filter.and(
          Filter.where('store', '==', 's1'),
          Filter.or(Filter.where('status', '==', 'received'), Filter.where('priority', '>=', 5)),
        ),
      );
      assert.deepEqual(await ids(query), ['a', 'b']);

      const either = docs.where(Filter.or(Filter.where('store', '==', 's2'), Filter.where('priority', '==', 1)));
      assert.deepEqual(await ids(either), ['a', 'c', 'd']);
    });

    it('evaluates in, not-in, array-contains and array-contains-any', async () => {
      const docs = db().collection('docs');
      await seed(docs, {
        a: { status: 'received', tags: ['hot', 'iced'] },
        b: { status: 'accepted', tags: ['iced'] },
        c: { status: 'done', tags: [] },
        d: { tags: ['hot'] }, // no status
      });
      assert.deepEqual(await ids(docs.where('status', 'in', ['received', 'done'])), ['a', 'c']);
      // not-in, like !=, skips documents without the field.
      assert.deepEqual(await ids(docs.where('status', 'not-in', ['received', 'done'])), ['b']);
      assert.deepEqual(await ids(docs.where('tags', 'array-contains', 'hot')), ['a', 'd']);
      assert.deepEqual(await ids(docs.where('tags', 'array-contains-any', ['iced', 'cold'])), ['a', 'b']);
    });
  });

  describe('aggregations', () => {
    it('counts the documents a query matches, honouring limit', async () => {
      const docs = db().collection('docs');
      await seed(docs, { a: { s: 'x' }, b: { s: 'x' }, c: { s: 'y' }, d: {} });
      assert.equal((await docs.count().get()).data().count, 4);
      assert.equal((await docs.where('s', '==', 'x').count().get()).data().count, 2);
      assert.equal((await docs.limit(3).count().get()).data().count, 3);
      assert.equal((await docs.where('s', '==', 'none').count().get()).data().count, 0);
    });

    it('sums and averages the numeric values of a field, skipping other types', async () => {
      const docs = db().collection('docs');
      await seed(docs, { a: { total: 10 }, b: { total: 20 }, c: { total: 4.5 }, d: { total: 'n/a' }, e: {} });
      // (No count() beside them: sum and avg scan the field's index, so a count in the same
      // aggregation would skip documents without the field.)
      const all = await docs.aggregate({ sum: AggregateField.sum('total'), avg: AggregateField.average('total') }).get();
      assert.deepEqual(all.data(), { sum: 34.5, avg: 11.5 });

      const ints = await docs
        .where('total', '>=', 10)
        .aggregate({ sum: AggregateField.sum('total'), avg: AggregateField.average('total') })
        .get();
      assert.deepEqual(ints.data(), { sum: 30, avg: 15 });

      // Over no numeric values, sum is 0 and average is null.
      const none = await docs
        .where('total', '==', 'none')
        .aggregate({ sum: AggregateField.sum('total'), avg: AggregateField.average('total') })
        .get();
      assert.deepEqual(none.data(), { sum: 0, avg: null });
    });
  });

  describe('other calls the backend may use', () => {
    it('reads several documents at once with getAll, in the order asked', async () => {
      const docs = db().collection('docs');
      await seed(docs, { a: { v: 1 }, b: { v: 2 } });
      const snapshots = await db().getAll(docs.doc('b'), docs.doc('missing'), docs.doc('a'));
      assert.deepEqual(
        snapshots.map((s) => [s.id, s.exists, s.get('v')]),
        [
          ['b', true, 2],
          ['missing', false, undefined],
          ['a', true, 1],
        ],
      );
    });

    it('writes with BulkWriter, lists documents and collections, and deletes recursively', async () => {
      const docs = db().collection('docs');
      const writer = db().bulkWriter();
      for (let i = 0; i < 30; i += 1) void writer.set(docs.doc(`d${String(i).padStart(2, '0')}`), { i });
      void writer.set(docs.doc('d00').collection('sub').doc('x'), { nested: true });
      await writer.close();

      assert.equal((await docs.count().get()).data().count, 30);
      assert.equal((await docs.listDocuments()).length, 30);
      assert.deepEqual(
        (await docs.doc('d00').listCollections()).map((c) => c.id),
        ['sub'],
      );
      assert.ok((await db().listCollections()).some((c) => c.id === 'docs'));

      await db().recursiveDelete(docs);
      assert.equal((await docs.count().get()).data().count, 0);
      assert.equal((await db().collectionGroup('sub').get()).size, 0);
    });

    it('delivers a query listener its first result and later changes', async () => {
      const docs = db().collection('docs');
      await docs.doc('a').set({ open: true });
      const snapshots: { ids: string[]; changes: string[] }[] = [];
      let notify: () => void = () => undefined;
      const unsubscribe = docs.where('open', '==', true).onSnapshot((snapshot) => {
        snapshots.push({
          ids: snapshot.docs.map((doc) => doc.id),
          changes: snapshot.docChanges().map((change) => `${change.type}:${change.doc.id}`),
        });
        notify();
      });
      const next = async (count: number) => {
        const deadline = Date.now() + 10_000;
        while (snapshots.length < count && Date.now() < deadline) {
          await Promise.race([new Promise<void>((resolve) => (notify = resolve)), sleep(deadline - Date.now())]);
        }
        assert.ok(snapshots.length >= count, `expected ${count} snapshots, got ${snapshots.length}`);
        return snapshots[count - 1];
      };
      try {
        assert.deepEqual(await next(1), { ids: ['a'], changes: ['added:a'] });
        await docs.doc('b').set({ open: true });
        assert.deepEqual(await next(2), { ids: ['a', 'b'], changes: ['added:b'] });
        await docs.doc('a').update({ open: false });
        assert.deepEqual(await next(3), { ids: ['b'], changes: ['removed:a'] });
      } finally {
        unsubscribe();
      }
    });
  });
});
