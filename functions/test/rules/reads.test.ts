// Security rules, reads: every app query of appQueries.ts (the code docs/rules-and-indexes.md shows)
// runs with the Firebase JS SDK against the emulator, as the right user (allowed, with the expected
// documents in the expected order) and as others (denied). Plus single documents, and reads the
// rules must refuse however they are asked.
import { strict as assert } from 'node:assert';
import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { collection, collectionGroup, doc, getDoc, getDocs, limit, orderBy, query, startAfter, where } from 'firebase/firestore';
import { Actor, ACTORS, firestoreAs, startRulesEnv } from './rulesEnv';
import { APP_DOCUMENT_READS, APP_QUERIES, buildDocument, buildQuery, Params } from './appQueries';

const {
  owner,
  staff,
  otherPartner,
  suspendedOwner,
  oddRole,
  customer,
  otherCustomer,
  admin,
  anonymous,
  removedStaff,
  invitee,
  unverifiedInvitee,
} = ACTORS;
// A partner of two stores lists each store's orders with its own query: test/rules/membership.test.ts.

interface QueryCase {
  params: Params;
  allowed: Actor[];
  /** Document ids the allowed users get, in order. */
  expect: string[];
  denied: Actor[];
}

const STORE_1 = { storeId: 'store-1' };
const PARTNER_DENIED = [otherPartner, customer, anonymous, admin, oddRole, removedStaff];
const C1_ORDER = 'pickup-received-c1';

/** For each app query: who may run it (and gets what) and who may not. */
const QUERY_CASES: Record<string, QueryCase[]> = {
  pickupOpenOrders: [
    {
      params: STORE_1,
      allowed: [owner, staff],
      expect: ['pickup-received-c1-later', 'pickup-preparing-c2', 'pickup-received-c1'],
      denied: PARTNER_DENIED,
    },
  ],
  pickupFinishedOrders: [
    { params: STORE_1, allowed: [owner, staff], expect: ['pickup-cancelled-c2', 'pickup-completed-c1'], denied: PARTNER_DENIED },
  ],
  deliveryTabOrders: [
    { params: { ...STORE_1, status: 'received' }, allowed: [owner, staff], expect: ['delivery-received-c1'], denied: PARTNER_DENIED },
    {
      params: { ...STORE_1, status: 'preparing_shipment' },
      allowed: [owner, staff],
      expect: ['delivery-preparing-c2'],
      denied: PARTNER_DENIED,
    },
    { params: { ...STORE_1, status: 'shipped' }, allowed: [owner, staff], expect: ['delivery-shipped-c1'], denied: PARTNER_DENIED },
  ],
  deliveryFinishedOrders: [{ params: STORE_1, allowed: [owner, staff], expect: ['delivery-completed-c2'], denied: PARTNER_DENIED }],
  partnerOrderEvents: [
    // The order's own customer is denied too: this list proves only the storeId.
    { params: { ...STORE_1, orderId: C1_ORDER }, allowed: [owner, staff], expect: ['000001', '000002'], denied: PARTNER_DENIED },
  ],
  partnerOrderStaffActions: [
    // The order's own customer is denied: they learn the role from the history entry, not the uid.
    { params: { ...STORE_1, orderId: C1_ORDER }, allowed: [owner, staff], expect: ['000002'], denied: PARTNER_DENIED },
  ],
  customerOrderHistory: [
    {
      params: { uid: 'customer-1' },
      allowed: [customer],
      expect: [
        'store2-pickup-received-c1',
        'delivery-shipped-c1',
        'pickup-received-c1-later',
        'delivery-received-c1',
        'pickup-received-c1',
        'pickup-completed-c1',
      ],
      // owner-1 runs store-1, where customer-1 orders.
      denied: [otherCustomer, owner, anonymous, admin],
    },
  ],
  customerOrderEvents: [
    {
      params: { uid: 'customer-1', orderId: C1_ORDER },
      allowed: [customer],
      expect: ['000001', '000002'],
      denied: [otherCustomer, owner, anonymous, admin],
    },
  ],
  activeStores: [{ params: {}, allowed: [anonymous, customer, otherPartner, suspendedOwner], expect: ['store-1', 'store-2'], denied: [] }],
  storeMenu: [
    { params: STORE_1, allowed: [anonymous, customer, owner], expect: ['americano', 'latte'], denied: [] },
    // store-3 is inactive: only its own members read its menu.
    {
      params: { storeId: 'store-3' },
      allowed: [suspendedOwner],
      expect: ['americano', 'latte'],
      denied: [anonymous, customer, owner, admin],
    },
  ],
  storeMemberList: [{ params: STORE_1, allowed: [owner, staff], expect: ['owner-1', 'staff-1'], denied: PARTNER_DENIED }],
  myPartnerApplications: [
    {
      params: { uid: 'customer-1' },
      allowed: [customer, admin],
      expect: ['application-c1-new', 'application-c1-old'],
      denied: [otherCustomer, owner, anonymous],
    },
  ],
  pendingPartnerApplications: [
    { params: {}, allowed: [admin], expect: ['application-c2', 'application-c1-new'], denied: [customer, owner, staff, anonymous] },
  ],
  myStoreInvitations: [
    {
      params: { email: 'invitee@example.com' },
      allowed: [invitee],
      expect: ['invitation-1', 'invitation-2'],
      // Same address without verification, another user, the store's own owner: all denied.
      denied: [unverifiedInvitee, customer, owner, anonymous],
    },
  ],
  storePendingInvitations: [
    {
      params: STORE_1,
      allowed: [owner],
      expect: ['invitation-1', 'invitation-3'],
      denied: [staff, otherPartner, invitee, removedStaff, admin, anonymous],
    },
  ],
  storeMemberContacts: [
    {
      params: STORE_1,
      allowed: [owner],
      expect: ['owner-1', 'staff-1'],
      denied: [staff, otherPartner, customer, removedStaff, admin, anonymous],
    },
  ],
  publicStoreReviews: [
    {
      params: STORE_1,
      allowed: [anonymous, customer, otherPartner, owner],
      expect: ['review-c2-reported', 'review-c2-replied', 'review-c1-visible'],
      denied: [],
    },
  ],
  partnerStoreReviews: [
    {
      params: STORE_1,
      allowed: [owner, staff, admin],
      expect: ['review-c2-reported', 'review-c1-hidden', 'review-c2-replied', 'review-c1-visible'],
      denied: [otherPartner, customer, anonymous, oddRole],
    },
  ],
  partnerUnansweredReviews: [
    {
      params: STORE_1,
      allowed: [owner, staff, admin],
      expect: ['review-c2-reported', 'review-c1-visible'],
      denied: [otherPartner, customer, anonymous, oddRole],
    },
  ],
  partnerReviewReports: [
    // The review's own customer (customer-2) is denied too: reports are for the store and admins.
    {
      params: { ...STORE_1, orderId: 'review-c2-reported' },
      allowed: [owner, staff, admin],
      expect: ['report-1'],
      denied: [otherPartner, customer, otherCustomer, anonymous, oddRole],
    },
  ],
  customerReviews: [
    {
      params: { uid: 'customer-1' },
      allowed: [customer, admin],
      expect: ['store2-review-c1', 'review-c1-hidden', 'review-c1-visible'],
      denied: [otherCustomer, owner, staff, anonymous],
    },
  ],
  reportedReviews: [
    { params: {}, allowed: [admin], expect: ['review-c2-reported'], denied: [customer, otherCustomer, owner, staff, anonymous] },
  ],
};

interface DocumentCase {
  params: Params;
  allowed: Actor[];
  denied: Actor[];
}

const DOCUMENT_CASES: Record<string, DocumentCase[]> = {
  order: [
    { params: { orderId: C1_ORDER }, allowed: [customer, owner, staff], denied: [otherCustomer, otherPartner, anonymous, admin, oddRole] },
  ],
  store: [
    { params: STORE_1, allowed: [anonymous, customer, otherPartner], denied: [] },
    { params: { storeId: 'store-3' }, allowed: [suspendedOwner], denied: [anonymous, customer, owner, admin] },
  ],
  storePrivateProfile: [
    { params: STORE_1, allowed: [owner, staff, admin], denied: [anonymous, customer, otherPartner, oddRole, suspendedOwner] },
  ],
  user: [{ params: { uid: 'customer-1' }, allowed: [customer], denied: [otherCustomer, owner, admin, anonymous] }],
  review: [
    {
      params: { orderId: 'review-c1-hidden' },
      allowed: [customer, owner, staff, admin],
      denied: [otherCustomer, otherPartner, anonymous, oddRole],
    },
  ],
  publicReview: [{ params: { orderId: 'review-c1-visible' }, allowed: [anonymous, customer, otherPartner], denied: [] }],
};

describe('firestore.rules: reads', function () {
  let env: RulesTestEnvironment;

  before(async function () {
    this.timeout(60_000);
    env = await startRulesEnv('demo-gocafein-rules-reads');
  });

  after(async () => {
    await env?.cleanup();
  });

  it('has cases for every app query and every value of its parameters', () => {
    assert.deepEqual(Object.keys(QUERY_CASES).sort(), APP_QUERIES.map((q) => q.id).sort());
    for (const spec of APP_QUERIES) {
      for (const [param, values] of Object.entries(spec.choices ?? {})) {
        const tested = QUERY_CASES[spec.id].map((c) => c.params[param as keyof Params]);
        assert.deepEqual([...tested].sort(), [...values!].sort(), `${spec.id}: ${param}`);
      }
    }
    assert.deepEqual(Object.keys(DOCUMENT_CASES).sort(), APP_DOCUMENT_READS.map((r) => r.id).sort());
  });

  for (const spec of APP_QUERIES) {
    describe(`app query ${spec.id}`, () => {
      for (const testCase of QUERY_CASES[spec.id] ?? []) {
        const label = JSON.stringify(testCase.params);
        for (const actor of testCase.allowed) {
          it(`allows ${actor.name} ${label}`, async () => {
            const snapshot = await assertSucceeds(getDocs(buildQuery(firestoreAs(env, actor), spec, testCase.params)));
            assert.deepEqual(
              snapshot.docs.map((d) => d.id),
              testCase.expect,
            );
          });
        }
        for (const actor of testCase.denied) {
          it(`denies ${actor.name} ${label}`, async () => {
            await assertFails(getDocs(buildQuery(firestoreAs(env, actor), spec, testCase.params)));
          });
        }
      }
    });
  }

  for (const read of APP_DOCUMENT_READS) {
    describe(`document ${read.path.map((s) => (typeof s === 'string' ? s : `{${s.param}}`)).join('/')}`, () => {
      for (const testCase of DOCUMENT_CASES[read.id] ?? []) {
        const label = JSON.stringify(testCase.params);
        for (const actor of testCase.allowed) {
          it(`allows ${actor.name} ${label}`, async () => {
            const snapshot = await assertSucceeds(getDoc(buildDocument(firestoreAs(env, actor), read, testCase.params)));
            assert.ok(snapshot.exists());
          });
        }
        for (const actor of testCase.denied) {
          it(`denies ${actor.name} ${label}`, async () => {
            await assertFails(getDoc(buildDocument(firestoreAs(env, actor), read, testCase.params)));
          });
        }
      }
    });
  }

  describe('rules are not filters: a list must prove the reader may see every result', () => {
    it('denies a partner every order, or the orders of several stores at once', async () => {
      const db = firestoreAs(env, owner);
      await assertFails(getDocs(collection(db, 'orders')));
      await assertFails(getDocs(query(collection(db, 'orders'), where('storeId', 'in', ['store-1', 'store-2']))));
      await assertSucceeds(getDocs(query(collection(db, 'orders'), where('storeId', 'in', ['store-1']))));
    });

    it('denies a store list that could include an inactive store, even to members', async () => {
      await assertFails(getDocs(collection(firestoreAs(env, anonymous), 'stores')));
      await assertFails(getDocs(collection(firestoreAs(env, owner), 'stores')));
      await assertFails(getDocs(query(collection(firestoreAs(env, anonymous), 'stores'), where('active', '==', false))));
    });

    it('denies an application list not limited to the applicant', async () => {
      await assertFails(getDocs(collection(firestoreAs(env, customer), 'partnerApplications')));
      await assertFails(getDocs(query(collection(firestoreAs(env, customer), 'partnerApplications'), where('status', '==', 'pending'))));
    });

    it('denies a public review list without a limit or over 50, and reviews to anyone but their readers', async () => {
      const db = firestoreAs(env, anonymous);
      await assertFails(getDocs(query(collection(db, 'publicReviews'), where('storeId', '==', 'store-1'))));
      await assertFails(getDocs(query(collection(db, 'publicReviews'), where('storeId', '==', 'store-1'), limit(51))));
      await assertSucceeds(getDocs(query(collection(db, 'publicReviews'), where('storeId', '==', 'store-1'), limit(50))));
      // The full reviews carry uids: no public list, not even of visible ones.
      await assertFails(getDocs(query(collection(db, 'reviews'), where('storeId', '==', 'store-1'), where('status', '==', 'visible'))));
      await assertFails(getDocs(query(collection(firestoreAs(env, customer), 'reviews'), where('storeId', '==', 'store-1'))));
      await assertFails(getDoc(doc(firestoreAs(env, otherCustomer), 'reviews/review-c1-visible')));
    });

    it('pages the public reviews with a cursor, newest first', async () => {
      const db = firestoreAs(env, anonymous);
      const base = [collection(db, 'publicReviews'), where('storeId', '==', 'store-1'), orderBy('createdAt', 'desc')] as const;
      const first = await assertSucceeds(getDocs(query(base[0], base[1], base[2], limit(2))));
      assert.deepEqual(
        first.docs.map((d) => d.id),
        ['review-c2-reported', 'review-c2-replied'],
      );
      const next = await assertSucceeds(getDocs(query(base[0], base[1], base[2], startAfter(first.docs[1]), limit(2))));
      assert.deepEqual(
        next.docs.map((d) => d.id),
        ['review-c1-visible'],
      );
    });

    it('denies collection-group reads of history entries and members', async () => {
      await assertFails(getDocs(query(collectionGroup(firestoreAs(env, owner), 'events'), where('storeId', '==', 'store-1'))));
      await assertFails(getDocs(query(collectionGroup(firestoreAs(env, owner), 'members'), where('storeId', '==', 'store-1'))));
    });
  });

  describe('single documents', () => {
    it('lets the customer and the store read an order history entry, and nobody else', async () => {
      const path = `orders/${C1_ORDER}/events/000001`;
      for (const actor of [customer, owner, staff]) await assertSucceeds(getDoc(doc(firestoreAs(env, actor), path)));
      for (const actor of [otherCustomer, otherPartner, admin, anonymous]) await assertFails(getDoc(doc(firestoreAs(env, actor), path)));
    });

    it('lets the store, not the customer, read who made a change; the customer reads the role', async () => {
      const path = `orders/${C1_ORDER}/staffActions/000002`;
      for (const actor of [owner, staff]) await assertSucceeds(getDoc(doc(firestoreAs(env, actor), path)));
      for (const actor of [customer, otherCustomer, otherPartner, anonymous]) await assertFails(getDoc(doc(firestoreAs(env, actor), path)));
      await assertFails(getDocs(collection(firestoreAs(env, customer), `orders/${C1_ORDER}/staffActions`)));
    });

    it('lets an applicant and admins read an application, and nobody else', async () => {
      const path = 'partnerApplications/application-c1-new';
      for (const actor of [customer, admin]) await assertSucceeds(getDoc(doc(firestoreAs(env, actor), path)));
      for (const actor of [otherCustomer, owner, anonymous]) await assertFails(getDoc(doc(firestoreAs(env, actor), path)));
    });

    it('lets members read a member document of their store only', async () => {
      await assertSucceeds(getDoc(doc(firestoreAs(env, staff), 'stores/store-1/members/owner-1')));
      await assertFails(getDoc(doc(firestoreAs(env, otherPartner), 'stores/store-1/members/owner-1')));
      await assertFails(getDoc(doc(firestoreAs(env, customer), 'stores/store-1/members/owner-1')));
    });

    it('lets nobody read order counters, devices, device tokens, notification claims or tracking events', async () => {
      const paths = [
        'stores/store-1/orderCounters/2026-11-26',
        'users/customer-1/devices/token-c1',
        'deviceTokens/token-c1',
        'notificationClaims/onOrderCreated:pickup-received-c1',
        'trackingEvents/event-1',
        'orderLimits/customer-1', // even its own customer: the limits are the server's bookkeeping
      ];
      for (const path of paths) {
        for (const actor of [customer, owner, admin, anonymous]) {
          await assertFails(getDoc(doc(firestoreAs(env, actor), path)));
        }
      }
      for (const actor of [customer, admin]) {
        await assertFails(getDocs(collection(firestoreAs(env, actor), 'users/customer-1/devices')));
        await assertFails(getDocs(collection(firestoreAs(env, actor), 'stores/store-1/orderCounters')));
      }
    });
  });
});
