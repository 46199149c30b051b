// The index matcher on its own: it must accept what the indexes serve and reject what they don't,
// or the index coverage check proves nothing.
import { strict as assert } from 'node:assert';
import type { Query } from 'firebase-admin/firestore';
import { db, firestore } from '../../src/infra/firestore';
import {
  CompositeIndex,
  Direction,
  FieldOverride,
  IndexFile,
  matchQuery,
  planOf,
  QueryFilter,
  QueryShape,
  shapeFromStructuredQuery,
  singleFieldIndexes,
} from '../support/indexMatcher';

const ASC: Direction = 'ASCENDING';
const DESC: Direction = 'DESCENDING';

function index(collectionGroup: string, fields: string[], queryScope: CompositeIndex['queryScope'] = 'COLLECTION'): CompositeIndex {
  return {
    collectionGroup,
    queryScope,
    fields: fields.map((spec) => {
      const [fieldPath, kind] = spec.split(' ');
      if (kind === 'contains') return { fieldPath, arrayConfig: 'CONTAINS' as const };
      return { fieldPath, order: kind === 'desc' ? DESC : ASC };
    }),
  };
}

const file = (indexes: CompositeIndex[], fieldOverrides: FieldOverride[] = []): IndexFile => ({ indexes, fieldOverrides });

function shape(
  collectionGroup: string,
  filters: QueryFilter[],
  orderBy: [string, 'asc' | 'desc'][] = [],
  scope: QueryShape['scope'] = 'COLLECTION',
): QueryShape {
  return {
    collectionGroup,
    scope,
    ...(filters.length ? { filter: { and: filters } } : {}),
    orderBy: orderBy.map(([field, d]) => ({ field, direction: d === 'asc' ? ASC : DESC })),
  };
}

const PARTNER_TAB = shape(
  'orders',
  [
    { field: 'storeId', op: '==' },
    { field: 'channel', op: 'in', valueCount: 2 },
    { field: 'status', op: 'in', valueCount: 2 },
  ],
  [['createdAt', 'desc']],
);
const PARTNER_INDEX = index('orders', ['storeId', 'channel', 'status', 'createdAt desc']);

describe('index matcher', () => {
  describe('composite indexes', () => {
    it('serves equality and in filters with an order from the index made for them', () => {
      const result = matchQuery(PARTNER_TAB, file([PARTNER_INDEX]));
      assert.ok(result.served, result.problems.join('\n'));
      assert.equal(result.branches[0].coverage?.kind, 'composite');
    });

    it('takes the equality fields of an index in any order', () => {
      assert.ok(matchQuery(PARTNER_TAB, file([index('orders', ['status', 'storeId desc', 'channel', 'createdAt desc'])])).served);
    });

    it('refuses an index whose order field runs the other way, and names the index needed', () => {
      const result = matchQuery(PARTNER_TAB, file([index('orders', ['storeId', 'channel', 'status', 'createdAt'])]));
      assert.equal(result.served, false);
      assert.deepEqual(result.branches[0].suggestion, PARTNER_INDEX);
      assert.match(result.problems[0], /storeId ==, channel ==, status ==, order createdAt desc/);
    });

    it('refuses an index that misses an equality field, or has one too many', () => {
      assert.equal(matchQuery(PARTNER_TAB, file([index('orders', ['storeId', 'status', 'createdAt desc'])])).served, false);
      assert.equal(
        matchQuery(PARTNER_TAB, file([index('orders', ['storeId', 'channel', 'status', 'customerUid', 'createdAt desc'])])).served,
        false,
      );
    });

    it('refuses an index with the order field among the equality fields', () => {
      assert.equal(matchQuery(PARTNER_TAB, file([index('orders', ['storeId', 'createdAt desc', 'channel', 'status'])])).served, false);
    });

    it('refuses an index of another collection group or query scope', () => {
      assert.equal(matchQuery(PARTNER_TAB, file([{ ...PARTNER_INDEX, collectionGroup: 'events' }])).served, false);
      assert.equal(matchQuery(PARTNER_TAB, file([{ ...PARTNER_INDEX, queryScope: 'COLLECTION_GROUP' }])).served, false);
      const groupQuery = { ...PARTNER_TAB, scope: 'COLLECTION_GROUP' as const };
      assert.equal(matchQuery(groupQuery, file([PARTNER_INDEX])).served, false);
      assert.ok(matchQuery(groupQuery, file([{ ...PARTNER_INDEX, queryScope: 'COLLECTION_GROUP' }])).served);
    });

    it('needs an index for an equality on one field and an order on another', () => {
      const query = shape('orders', [{ field: 'customerUid', op: '==' }], [['createdAt', 'desc']]);
      const result = matchQuery(query, file([]));
      assert.equal(result.served, false);
      assert.deepEqual(result.branches[0].suggestion, index('orders', ['customerUid', 'createdAt desc']));
      assert.ok(matchQuery(query, file([index('orders', ['customerUid', 'createdAt desc'])])).served);
    });

    it('orders by the inequality field after the explicit orders, in their direction', () => {
      // The sweep: status in [...] and autoCompleteAt <= t, ordered by autoCompleteAt.
      const sweep = shape(
        'orders',
        [
          { field: 'status', op: 'in', valueCount: 2 },
          { field: 'autoCompleteAt', op: '<=' },
        ],
        [['autoCompleteAt', 'asc']],
      );
      assert.ok(matchQuery(sweep, file([index('orders', ['status', 'autoCompleteAt'])])).served);
      assert.equal(matchQuery(sweep, file([index('orders', ['status', 'autoCompleteAt desc'])])).served, false);
      // No explicit order: the inequality field is ordered ascending.
      const implicit = shape('orders', [
        { field: 'status', op: '==' },
        { field: 'autoCompleteAt', op: '<=' },
      ]);
      assert.deepEqual(
        planOf(
          [
            { field: 'status', op: '==' },
            { field: 'autoCompleteAt', op: '<=' },
          ],
          [],
        ).orders,
        [{ field: 'autoCompleteAt', direction: ASC }],
      );
      assert.ok(matchQuery(implicit, file([index('orders', ['status', 'autoCompleteAt'])])).served);
      assert.equal(matchQuery(implicit, file([])).served, false);
      // An explicit order on another field comes first, and the inequality follows in its direction.
      const mixed = shape('orders', [{ field: 'total', op: '>' }], [['createdAt', 'desc']]);
      assert.ok(matchQuery(mixed, file([index('orders', ['createdAt desc', 'total desc'])])).served);
      assert.equal(matchQuery(mixed, file([index('orders', ['total desc', 'createdAt desc'])])).served, false);
    });

    it('orders several inequality fields by name', () => {
      const query = shape('orders', [
        { field: 'total', op: '>' },
        { field: 'createdAt', op: '<' },
      ]);
      assert.ok(matchQuery(query, file([index('orders', ['createdAt', 'total'])])).served);
      assert.equal(matchQuery(query, file([index('orders', ['total', 'createdAt'])])).served, false);
    });

    it('treats a trailing __name__ in the direction of the field before it as implicit', () => {
      const query = shape(
        'orders',
        [{ field: 'customerUid', op: '==' }],
        [
          ['createdAt', 'desc'],
          ['__name__', 'desc'],
        ],
      );
      assert.ok(matchQuery(query, file([index('orders', ['customerUid', 'createdAt desc'])])).served);
      const reversed = shape(
        'orders',
        [{ field: 'customerUid', op: '==' }],
        [
          ['createdAt', 'desc'],
          ['__name__', 'asc'],
        ],
      );
      assert.equal(matchQuery(reversed, file([index('orders', ['customerUid', 'createdAt desc'])])).served, false);
      assert.ok(matchQuery(reversed, file([index('orders', ['customerUid', 'createdAt desc', '__name__'])])).served);
    });

    it('needs arrayConfig CONTAINS for array-contains, and an ordered field for equality', () => {
      const query = shape('orders', [{ field: 'tags', op: 'array-contains' }], [['createdAt', 'desc']]);
      assert.ok(matchQuery(query, file([index('orders', ['tags contains', 'createdAt desc'])])).served);
      assert.equal(matchQuery(query, file([index('orders', ['tags', 'createdAt desc'])])).served, false);
      const equality = shape('orders', [{ field: 'tags', op: '==' }], [['createdAt', 'desc']]);
      assert.equal(matchQuery(equality, file([index('orders', ['tags contains', 'createdAt desc'])])).served, false);
    });
  });

  describe('automatic single-field indexes', () => {
    it('serve no filter, one equality, merged equalities, and one field with its order', () => {
      assert.ok(matchQuery(shape('stores', []), file([])).served);
      assert.ok(matchQuery(shape('stores', [{ field: 'active', op: '==' }]), file([])).served);
      const tracking = shape('orders', [
        { field: 'status', op: '==' },
        { field: 'shipment.carrier', op: '==' },
        { field: 'shipment.trackingNumber', op: '==' },
      ]);
      const merged = matchQuery(tracking, file([]));
      assert.ok(merged.served);
      assert.equal(merged.branches[0].coverage?.kind, 'automatic');
      const prune = shape('deviceTokens', [{ field: 'refreshedAt', op: '<' }], [['refreshedAt', 'asc']]);
      assert.ok(matchQuery(prune, file([])).served);
      assert.ok(matchQuery(shape('orders', [], [['createdAt', 'desc']]), file([])).served);
      assert.ok(matchQuery(shape('orders', [{ field: 'tags', op: 'array-contains' }]), file([])).served);
    });

    it('do not exist at collection-group scope unless an override adds them', () => {
      const members = shape('members', [{ field: 'uid', op: '==' }], [], 'COLLECTION_GROUP');
      assert.equal(matchQuery(members, file([])).served, false);
      const override: FieldOverride = {
        collectionGroup: 'members',
        fieldPath: 'uid',
        indexes: [
          { order: ASC, queryScope: 'COLLECTION' },
          { order: ASC, queryScope: 'COLLECTION_GROUP' },
        ],
      };
      assert.ok(matchQuery(members, file([], [override])).served);
      assert.ok(matchQuery(shape('members', [], [], 'COLLECTION_GROUP'), file([])).served, 'a plain collection-group scan');
    });

    it('are gone for a field whose override disables them, and for the subfields of an overridden map', () => {
      const overrides: FieldOverride[] = [
        { collectionGroup: 'orders', fieldPath: 'items', indexes: [] },
        { collectionGroup: 'orders', fieldPath: 'shipment.lastEvent', indexes: [] },
      ];
      assert.equal(matchQuery(shape('orders', [{ field: 'items', op: 'array-contains' }]), file([], overrides)).served, false);
      assert.equal(matchQuery(shape('orders', [{ field: 'shipment.lastEvent.status', op: '==' }]), file([], overrides)).served, false);
      assert.ok(matchQuery(shape('orders', [{ field: 'shipment.carrier', op: '==' }]), file([], overrides)).served);
      assert.deepEqual(singleFieldIndexes(file([], overrides), 'orders', 'shipment.lastEvent.eventId', 'COLLECTION'), []);
      // Overrides are per collection group.
      assert.ok(matchQuery(shape('events', [{ field: 'items', op: '==' }]), file([], overrides)).served);
    });

    it('serve an order in one direction only when the override keeps that direction', () => {
      const ascendingOnly: FieldOverride[] = [
        { collectionGroup: 'deviceTokens', fieldPath: 'refreshedAt', indexes: [{ order: ASC, queryScope: 'COLLECTION' }] },
      ];
      assert.ok(matchQuery(shape('deviceTokens', [{ field: 'refreshedAt', op: '<' }]), file([], ascendingOnly)).served);
      assert.equal(matchQuery(shape('deviceTokens', [], [['refreshedAt', 'desc']]), file([], ascendingOnly)).served, false);
    });
  });

  describe('disjunctions', () => {
    it('plans each or-branch on its own', () => {
      const query: QueryShape = {
        collectionGroup: 'orders',
        scope: 'COLLECTION',
        filter: {
          and: [
            { field: 'storeId', op: '==' },
            {
              or: [
                { field: 'status', op: '==' },
                { field: 'channel', op: '==' },
              ],
            },
          ],
        },
        orderBy: [{ field: 'createdAt', direction: DESC }],
      };
      const one = matchQuery(query, file([index('orders', ['storeId', 'status', 'createdAt desc'])]));
      assert.equal(one.served, false);
      assert.equal(one.problems.length, 1);
      assert.match(one.problems[0], /channel ==/);
      const both = matchQuery(
        query,
        file([index('orders', ['storeId', 'status', 'createdAt desc']), index('orders', ['storeId', 'channel', 'createdAt desc'])]),
      );
      assert.ok(both.served, both.problems.join('\n'));
    });

    it('refuses more than 30 disjunctions', () => {
      const query = shape('orders', [
        { field: 'storeId', op: 'in', valueCount: 6 },
        { field: 'status', op: 'in', valueCount: 6 },
      ]);
      const result = matchQuery(query, file([]));
      assert.equal(result.served, false);
      assert.match(result.problems[0], /36 disjunctions/);
    });
  });

  describe('structured queries from firebase-admin', () => {
    const structured = (query: Query) => shapeFromStructuredQuery((query as unknown as { toStructuredQuery(): never }).toStructuredQuery());

    it('reads collection, filters with their operators and value counts, and orders', () => {
      const query = db()
        .collection('orders')
        .where('status', 'in', ['received', 'preparing'])
        .where('autoCompleteAt', '<=', firestore().Timestamp.fromMillis(1))
        .where('shipment', '!=', null)
        .orderBy('autoCompleteAt')
        .orderBy('createdAt', 'desc')
        .limit(5);
      assert.deepEqual(structured(query), {
        collectionGroup: 'orders',
        scope: 'COLLECTION',
        filter: {
          and: [
            { field: 'status', op: 'in', valueCount: 2 },
            { field: 'autoCompleteAt', op: '<=' },
            { field: 'shipment', op: 'is-not-null' },
          ],
        },
        orderBy: [
          { field: 'autoCompleteAt', direction: ASC },
          { field: 'createdAt', direction: DESC },
        ],
      });
    });

    it('reads a subcollection as its collection id, a collection group, and or-filters', () => {
      const { Filter } = firestore();
      assert.deepEqual(structured(db().collection('orders/o1/events').where('storeId', '==', 's')), {
        collectionGroup: 'events',
        scope: 'COLLECTION',
        filter: { field: 'storeId', op: '==' },
        orderBy: [],
      });
      const group = db()
        .collectionGroup('members')
        .where(Filter.or(Filter.where('uid', '==', 'u'), Filter.where('role', 'array-contains-any', ['a', 'b', 'c'])));
      assert.deepEqual(structured(group), {
        collectionGroup: 'members',
        scope: 'COLLECTION_GROUP',
        filter: {
          or: [
            { field: 'uid', op: '==' },
            { field: 'role', op: 'array-contains-any', valueCount: 3 },
          ],
        },
        orderBy: [],
      });
    });
  });
});
