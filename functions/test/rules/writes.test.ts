// Security rules, writes: no client writes anything, anywhere. Every collection the backend has (and
// one it doesn't), every kind of write, every kind of user, including the document's own customer,
// applicant or user. Changes go through callables (firebase-admin bypasses the rules).
import { strict as assert } from 'node:assert';
import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { deleteDoc, doc, type Firestore, getDoc, setDoc, updateDoc, writeBatch } from 'firebase/firestore';
import { readFileSync } from 'node:fs';
import { DEVICE_TOKENS, DEVICES } from '../../src/infra/devices';
import { NOTIFICATION_CLAIMS } from '../../src/infra/notificationLedger';
import { PARTNER_APPLICATIONS } from '../../src/infra/applications';
import { EVENTS, ORDERS } from '../../src/infra/orders';
import { PUBLIC_REVIEWS, REPORTS, REVIEWS } from '../../src/infra/reviews';
import { MEMBERS, MENU_ITEMS, ORDER_COUNTERS, STORES } from '../../src/infra/stores';
import { TRACKING_EVENTS } from '../../src/app/trackingIntake';
import { USERS } from '../../src/infra/users';
import { RULES_PATH } from '../support/indexFile';
import { Actor, ACTORS, firestoreAs, OTHER_DOCUMENTS, startRulesEnv } from './rulesEnv';

interface Target {
  collection: string;
  /** A document that exists. */
  existing: string;
  /** A document that does not, and what a client would try to create there. */
  create: (actor: Actor) => { path: string; data: Record<string, unknown> };
}

const uidOf = (actor: Actor) => actor.uid ?? 'signed-out';

/** One target per collection, named by the constants the server code uses. */
const TARGETS: Target[] = [
  {
    collection: ORDERS,
    existing: `${ORDERS}/pickup-received-c1`,
    create: (a) => ({
      path: `${ORDERS}/client-order`,
      data: { storeId: 'store-1', customerUid: uidOf(a), channel: 'takeout', status: 'received', total: 0 },
    }),
  },
  {
    collection: EVENTS,
    existing: `${ORDERS}/pickup-received-c1/${EVENTS}/000002`,
    create: (a) => ({
      path: `${ORDERS}/pickup-received-c1/${EVENTS}/000003`,
      data: { storeId: 'store-1', customerUid: uidOf(a), version: 3, to: 'completed' },
    }),
  },
  {
    collection: STORES,
    existing: `${STORES}/store-1`,
    create: (a) => ({ path: `${STORES}/client-store`, data: { name: 'mine', active: true, ownerUid: uidOf(a) } }),
  },
  {
    collection: MENU_ITEMS,
    existing: `${STORES}/store-1/${MENU_ITEMS}/americano`,
    create: () => ({ path: `${STORES}/store-1/${MENU_ITEMS}/client-item`, data: { name: 'free coffee', price: 0 } }),
  },
  {
    collection: MEMBERS,
    existing: `${STORES}/store-1/${MEMBERS}/owner-1`,
    create: (a) => ({ path: `${STORES}/store-1/${MEMBERS}/${uidOf(a)}-joins`, data: { storeId: 'store-1', uid: uidOf(a), role: 'owner' } }),
  },
  {
    collection: ORDER_COUNTERS,
    existing: `${STORES}/store-1/${ORDER_COUNTERS}/2026-11-26`,
    create: () => ({ path: `${STORES}/store-1/${ORDER_COUNTERS}/2026-11-27`, data: { last: 0 } }),
  },
  {
    collection: PARTNER_APPLICATIONS,
    existing: `${PARTNER_APPLICATIONS}/application-c1-new`,
    create: (a) => ({ path: `${PARTNER_APPLICATIONS}/client-application`, data: { applicantUid: uidOf(a), status: 'approved' } }),
  },
  {
    collection: USERS,
    existing: `${USERS}/customer-1`,
    // Their own user document, where none exists yet.
    create: (a) => ({
      path: `${USERS}/${a.uid && !OTHER_DOCUMENTS[`${USERS}/${a.uid}`] ? a.uid : 'new-user'}`,
      data: { stores: { 'store-1': 'owner' } },
    }),
  },
  {
    collection: DEVICES,
    existing: `${USERS}/customer-1/${DEVICES}/token-c1`,
    create: (a) => ({
      path: `${USERS}/${a.uid ?? 'customer-1'}/${DEVICES}/client-token`,
      data: { uid: uidOf(a), token: 'fcm', platform: 'web' },
    }),
  },
  {
    collection: DEVICE_TOKENS,
    existing: `${DEVICE_TOKENS}/token-c1`,
    create: (a) => ({ path: `${DEVICE_TOKENS}/client-token`, data: { uid: uidOf(a), token: 'fcm', platform: 'web' } }),
  },
  {
    collection: NOTIFICATION_CLAIMS,
    existing: `${NOTIFICATION_CLAIMS}/onOrderCreated:pickup-received-c1`,
    create: () => ({ path: `${NOTIFICATION_CLAIMS}/client-claim`, data: { state: 'done' } }),
  },
  {
    collection: TRACKING_EVENTS,
    existing: `${TRACKING_EVENTS}/event-1`,
    create: () => ({ path: `${TRACKING_EVENTS}/client-event`, data: { status: 'delivered' } }),
  },
  {
    collection: REVIEWS,
    existing: `${REVIEWS}/review-c1-visible`,
    create: (a) => ({
      path: `${REVIEWS}/pickup-completed-c1`,
      data: { storeId: 'store-1', customerUid: uidOf(a), rating: 5, status: 'visible' },
    }),
  },
  {
    collection: REPORTS,
    existing: `${REVIEWS}/review-c2-reported/${REPORTS}/report-1`,
    create: () => ({ path: `${REVIEWS}/review-c2-reported/${REPORTS}/client-report`, data: { storeId: 'store-1', reason: 'spam' } }),
  },
  {
    collection: PUBLIC_REVIEWS,
    existing: `${PUBLIC_REVIEWS}/review-c1-visible`,
    create: () => ({ path: `${PUBLIC_REVIEWS}/client-review`, data: { storeId: 'store-1', rating: 5, text: 'best' } }),
  },
  {
    collection: 'a collection no rule names',
    existing: 'unknownCollection/seeded',
    create: () => ({ path: 'unknownCollection/client-doc', data: { anything: true } }),
  },
];

const WRITERS: Actor[] = [ACTORS.owner, ACTORS.staff, ACTORS.customer, ACTORS.admin, ACTORS.anonymous];

/** The four kinds of client write: create, update, overwrite (set on an existing document), delete. */
async function expectAllWritesDenied(db: Firestore, target: Target, actor: Actor): Promise<void> {
  const { path, data } = target.create(actor);
  const attempts: [string, () => Promise<unknown>][] = [
    ['create', () => setDoc(doc(db, path), data)],
    ['update', () => updateDoc(doc(db, target.existing), { clientEdit: true })],
    ['set', () => setDoc(doc(db, target.existing), { clientEdit: true }, { merge: true })],
    ['delete', () => deleteDoc(doc(db, target.existing))],
  ];
  for (const [kind, attempt] of attempts) {
    try {
      await assertFails(attempt());
    } catch (error) {
      throw new Error(`${actor.name} could ${kind} ${kind === 'create' ? path : target.existing}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
}

describe('firestore.rules: writes', function () {
  let env: RulesTestEnvironment;

  before(async function () {
    this.timeout(60_000);
    env = await startRulesEnv('demo-gocafein-rules-writes');
    await env.withSecurityRulesDisabled((context) => setDoc(doc(context.firestore(), 'unknownCollection/seeded'), { seeded: true }));
  });

  after(async () => {
    await env?.cleanup();
  });

  for (const target of TARGETS) {
    describe(`${target.collection} (${target.existing})`, () => {
      for (const actor of WRITERS) {
        it(`denies ${actor.name} every write`, async () => {
          await expectAllWritesDenied(firestoreAs(env, actor), target, actor);
        });
      }
    });
  }

  it('denies a batch that writes the customer’s own documents', async () => {
    const db = firestoreAs(env, ACTORS.customer);
    const batch = writeBatch(db);
    batch.update(doc(db, `${USERS}/customer-1`), { stores: { 'store-1': 'owner' } });
    batch.update(doc(db, `${ORDERS}/pickup-received-c1`), { status: 'cancelled' });
    await assertFails(batch.commit());
  });

  it('left every seeded document as it was', async () => {
    await env.withSecurityRulesDisabled(async (context) => {
      const db = context.firestore() as unknown as Firestore;
      for (const target of TARGETS) {
        const snapshot = await getDoc(doc(db, target.existing));
        assert.ok(snapshot.exists(), target.existing);
        assert.equal(snapshot.get('clientEdit'), undefined, target.existing);
        assert.equal((await getDoc(doc(db, target.create(ACTORS.customer).path))).exists(), false, target.create(ACTORS.customer).path);
      }
    });
  });

  describe('the write tests can fail', () => {
    let permissive: RulesTestEnvironment;

    before(async function () {
      this.timeout(60_000);
      permissive = await startRulesEnv('demo-gocafein-rules-permissive', {
        // The real rules with one write grant added: every target must then be writable.
        rules: readFileSync(RULES_PATH, 'utf8').replace(
          'match /databases/{database}/documents {',
          'match /databases/{database}/documents {\n    match /{document=**} { allow write: if request.auth != null; }',
        ),
      });
      await permissive.withSecurityRulesDisabled((context) =>
        setDoc(doc(context.firestore(), 'unknownCollection/seeded'), { seeded: true }),
      );
    });

    after(async () => {
      await permissive?.cleanup();
    });

    it('sees every write succeed, and the check fail, under rules that allow writes', async () => {
      const actor = ACTORS.customer;
      const db = firestoreAs(permissive, actor);
      for (const target of TARGETS) {
        await assertSucceeds(updateDoc(doc(db, target.existing), { clientEdit: true }));
        await assert.rejects(expectAllWritesDenied(db, target, actor), new RegExp(`could create`));
      }
    });
  });
});
