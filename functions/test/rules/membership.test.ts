// Security rules decided by the membership document stores/{storeId}/members/{uid}, not by the
// token's `stores` claim: a removed or demoted member loses their reads at once, staff do not read
// each other's emails, and invitations are read by their verified invitee and the store's owners.
// In its own project: these tests change the seeded memberships (and put them back).
import { strict as assert } from 'node:assert';
import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { collection, deleteDoc, doc, type Firestore, getDoc, getDocs, query, setDoc, where } from 'firebase/firestore';
import { Actor, ACTORS, firestoreAs, ORDERS, startRulesEnv } from './rulesEnv';

const { owner, staff, otherPartner, customer, admin, anonymous, invitee, unverifiedInvitee } = ACTORS;
const C1_ORDER = 'pickup-received-c1';

describe('firestore.rules: membership documents decide', function () {
  let env: RulesTestEnvironment;

  before(async function () {
    this.timeout(60_000);
    env = await startRulesEnv('demo-gocafein-rules-membership');
  });

  after(async () => {
    await env?.cleanup();
  });

  describe('lists', () => {
    it('a partner of two stores lists each store with its own query (membership is per store), and a customer no store', async () => {
      const twoStores: Actor = {
        name: 'owner of two stores',
        uid: 'owner-12',
        claims: { stores: { 'store-1': 'owner', 'store-2': 'staff' } },
      };
      await env.withSecurityRulesDisabled(async (context) => {
        const db = context.firestore() as unknown as Firestore;
        await setDoc(doc(db, 'stores/store-1/members/owner-12'), { storeId: 'store-1', uid: 'owner-12', role: 'owner' });
        await setDoc(doc(db, 'stores/store-2/members/owner-12'), { storeId: 'store-2', uid: 'owner-12', role: 'staff' });
      });
      try {
        const db = firestoreAs(env, twoStores);
        for (const storeId of ['store-1', 'store-2']) {
          const snapshot = await assertSucceeds(getDocs(query(collection(db, 'orders'), where('storeId', '==', storeId))));
          assert.equal(snapshot.size, Object.values(ORDERS).filter((o) => o.storeId === storeId).length);
        }
      } finally {
        await env.withSecurityRulesDisabled(async (context) => {
          const db = context.firestore() as unknown as Firestore;
          await deleteDoc(doc(db, 'stores/store-1/members/owner-12'));
          await deleteDoc(doc(db, 'stores/store-2/members/owner-12'));
        });
      }
      await assertFails(getDocs(query(collection(firestoreAs(env, customer), 'orders'), where('storeId', '==', 'store-1'))));
    });
  });

  describe('authority ends with the membership document, not with the token', () => {
    it('a member removed a moment ago, still holding a token that claims the store, reads nothing of it', async () => {
      const asStaff = firestoreAs(env, staff);
      const reads = (): Promise<unknown>[] => [
        getDoc(doc(asStaff, `orders/${C1_ORDER}`)),
        getDoc(doc(asStaff, `orders/${C1_ORDER}/events/000001`)),
        getDocs(query(collection(asStaff, 'orders'), where('storeId', '==', 'store-1'))),
        getDocs(query(collection(asStaff, 'orders', C1_ORDER, 'events'), where('storeId', '==', 'store-1'))),
        getDocs(collection(asStaff, 'stores/store-1/members')),
        getDoc(doc(asStaff, 'stores/store-3')),
      ];
      for (const read of reads().slice(0, 5)) await assertSucceeds(read);
      // staff-1 is removed: the callable deletes the membership document (the token is unchanged).
      let removed: Record<string, unknown> | undefined;
      await env.withSecurityRulesDisabled(async (context) => {
        const db = context.firestore() as unknown as Firestore;
        removed = (await getDoc(doc(db, 'stores/store-1/members/staff-1'))).data();
        await deleteDoc(doc(db, 'stores/store-1/members/staff-1'));
      });
      try {
        for (const read of reads()) await assertFails(read);
      } finally {
        await env.withSecurityRulesDisabled(async (context) => {
          await setDoc(doc(context.firestore() as unknown as Firestore, 'stores/store-1/members/staff-1'), removed!);
        });
      }
    });

    it('a demoted owner (membership now staff) loses the owner-only reads at once', async () => {
      const asOwner = firestoreAs(env, owner);
      await assertSucceeds(getDocs(collection(asOwner, 'stores/store-1/memberContacts')));
      await env.withSecurityRulesDisabled(async (context) => {
        await setDoc(
          doc(context.firestore() as unknown as Firestore, 'stores/store-1/members/owner-1'),
          { role: 'staff' },
          { merge: true },
        );
      });
      try {
        await assertFails(getDocs(collection(asOwner, 'stores/store-1/memberContacts')));
        await assertFails(getDoc(doc(asOwner, 'storeInvitations/invitation-3')));
        await assertSucceeds(getDoc(doc(asOwner, `orders/${C1_ORDER}`))); // still staff
      } finally {
        await env.withSecurityRulesDisabled(async (context) => {
          await setDoc(
            doc(context.firestore() as unknown as Firestore, 'stores/store-1/members/owner-1'),
            { role: 'owner' },
            { merge: true },
          );
        });
      }
    });
  });

  describe('emails and invitations', () => {
    it("staff read their own contact document and no other member's email; owners read all", async () => {
      await assertSucceeds(getDoc(doc(firestoreAs(env, staff), 'stores/store-1/memberContacts/staff-1')));
      await assertFails(getDoc(doc(firestoreAs(env, staff), 'stores/store-1/memberContacts/owner-1')));
      await assertFails(getDocs(collection(firestoreAs(env, staff), 'stores/store-1/memberContacts')));
      await assertSucceeds(getDoc(doc(firestoreAs(env, owner), 'stores/store-1/memberContacts/staff-1')));
      // The member list itself carries no email.
      const members = await assertSucceeds(getDocs(collection(firestoreAs(env, staff), 'stores/store-1/members')));
      for (const member of members.docs) assert.equal(member.get('email'), undefined, member.id);
    });

    it("an invitation: its verified invitee and the store's owners read it, nobody else", async () => {
      const path = 'storeInvitations/invitation-1';
      for (const actor of [invitee, owner]) await assertSucceeds(getDoc(doc(firestoreAs(env, actor), path)));
      for (const actor of [unverifiedInvitee, staff, otherPartner, customer, admin, anonymous]) {
        await assertFails(getDoc(doc(firestoreAs(env, actor), path)));
      }
      // An invitee lists only by their own email; an owner only their own store's.
      await assertFails(getDocs(collection(firestoreAs(env, invitee), 'storeInvitations')));
      await assertFails(getDocs(query(collection(firestoreAs(env, owner), 'storeInvitations'), where('storeId', '==', 'store-2'))));
    });
  });
});
