// Security rules for the daily sales aggregates (stores/{storeId}/salesDays/{day}, docs/sales.md):
// the store's owners and admins read them, as getSalesSummary allows; staff, other partners,
// customers and signed-out users don't; nobody writes them from a client.
import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { strict as assert } from 'node:assert';
import { collection, deleteDoc, doc, type Firestore, getDoc, getDocs, query, setDoc, updateDoc, where } from 'firebase/firestore';
import { emptyDaySales } from '../../src/domain/sales';
import { ACTORS, firestoreAs, startRulesEnv } from './rulesEnv';

const { owner, staff, otherPartner, oddRole, customer, admin, anonymous } = ACTORS;
const DAY = 'stores/store-1/salesDays/2026-11-26';

describe('rules: salesDays', () => {
  let env: RulesTestEnvironment;

  before(async () => {
    env = await startRulesEnv('demo-gocafein-rules-sales');
    await env.withSecurityRulesDisabled(async (context) => {
      const db = context.firestore() as unknown as Firestore;
      for (const path of [DAY, 'stores/store-1/salesDays/2026-11-27', 'stores/store-2/salesDays/2026-11-26']) {
        await setDoc(doc(db, path), {
          storeId: path.split('/')[1],
          businessDate: path.split('/')[3],
          sales: emptyDaySales(),
          facts: {},
          version: 1,
        });
      }
    });
  });
  after(async () => env?.cleanup());

  it('the owner and admins read a day, and list a range of days', async () => {
    for (const actor of [owner, admin]) {
      const db = firestoreAs(env, actor);
      const day = await assertSucceeds(getDoc(doc(db, DAY)));
      assert.equal(day.get('businessDate'), '2026-11-26');
      const range = await assertSucceeds(
        getDocs(
          query(
            collection(db, 'stores/store-1/salesDays'),
            where('businessDate', '>=', '2026-11-01'),
            where('businessDate', '<=', '2026-11-30'),
          ),
        ),
      );
      assert.deepEqual(
        range.docs.map((d) => d.id),
        ['2026-11-26', '2026-11-27'],
        actor.name,
      );
    }
  });

  it('staff, other partners, odd roles, customers and signed-out users read nothing', async () => {
    for (const actor of [staff, otherPartner, oddRole, customer, anonymous]) {
      const db = firestoreAs(env, actor);
      await assertFails(getDoc(doc(db, DAY)));
      await assertFails(getDocs(collection(db, 'stores/store-1/salesDays')));
    }
  });

  it('the owner of store-1 reads nothing of store-2', async () => {
    await assertFails(getDoc(doc(firestoreAs(env, owner), 'stores/store-2/salesDays/2026-11-26')));
  });

  it('no client writes a day, not even the owner or an admin', async () => {
    for (const actor of [owner, admin]) {
      const db = firestoreAs(env, actor);
      await assertFails(setDoc(doc(db, 'stores/store-1/salesDays/2026-11-28'), { businessDate: '2026-11-28' }));
      await assertFails(updateDoc(doc(db, DAY), { version: 2 }));
      await assertFails(deleteDoc(doc(db, DAY)));
    }
  });
});
