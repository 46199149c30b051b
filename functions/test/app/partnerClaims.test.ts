// The custom-claims sync (src/infra/users.ts): claims follow the users/{uid} mirror, keep every other
// claim, publish claimsUpdatedAt only after the claims are set, and converge when syncs race.
import { strict as assert } from 'node:assert';
import { db, toStored } from '../../src/infra/firestore';
import { setAdmin, syncPartnerClaims } from '../../src/app/partnerClaims';
import { installFakeAuth } from '../support/auth';
import { capturedLogs } from '../support/logs';
import { resetDependencies, setDependenciesForTest } from '../../src/deps';

const UID = 'member-1';
const userDoc = () => db().doc(`users/${UID}`);
const user = async () => (await userDoc().get()).data()!;

/** A committed membership change, as the callables' transactions leave it before the sync. */
async function commitMirror(stores: Record<string, string>): Promise<number> {
  const current = (await userDoc().get()).data() ?? {};
  const membershipVersion = ((current.membershipVersion as number | undefined) ?? 0) + 1;
  await userDoc().set(
    toStored({ ...current, stores, membershipVersion, claimsVersion: current.claimsVersion ?? 0 }) as Record<string, unknown>,
  );
  return membershipVersion;
}

describe('custom-claims sync', () => {
  const auth = installFakeAuth();
  beforeEach(async () => {
    auth.addUser(UID, 'member@example.com', { admin: true, plan: 'pro' });
    // The admin claim's source: users/{uid}.admin (granted before these tests start).
    await userDoc().set({ admin: true, stores: {}, membershipVersion: 0, claimsVersion: 0 });
  });
  afterEach(() => resetDependencies('clock'));

  it('copies the mirror into claims, keeps other claims, then stamps claimsVersion and claimsUpdatedAt', async () => {
    setDependenciesForTest({ clock: () => Date.parse('2026-11-26T06:00:00Z') });
    await commitMirror({ s1: 'owner', s2: 'staff' });
    let stampedBeforeClaims: unknown = 'not checked';
    auth.beforeClaimsWrite = async () => {
      stampedBeforeClaims = (await user()).claimsUpdatedAt;
    };
    const result = await syncPartnerClaims(UID);
    assert.deepEqual(result, { uid: UID, claimsVersion: 1, changed: true });
    assert.deepEqual(auth.claimsOf(UID), { admin: true, plan: 'pro', stores: { s1: 'owner', s2: 'staff' } });
    assert.equal(stampedBeforeClaims, undefined, 'the app must not be told to refresh before the claims are set');
    const stored = await user();
    assert.equal(stored.claimsVersion, 1);
    assert.equal(stored.claimsUpdatedAt.toMillis(), Date.parse('2026-11-26T06:00:00Z'));
  });

  it('is idempotent: a second sync writes neither claims nor the document', async () => {
    await commitMirror({ s1: 'owner' });
    await syncPartnerClaims(UID);
    const before = (await userDoc().get()).updateTime!.toMillis();
    const writes = auth.claimsWrites.length;
    const again = await syncPartnerClaims(UID);
    assert.equal(again?.changed, false);
    assert.equal(auth.claimsWrites.length, writes);
    assert.equal((await userDoc().get()).updateTime!.toMillis(), before);
  });

  it('stamps a version whose claims were set by a sync that died before stamping', async () => {
    await commitMirror({ s1: 'owner' });
    await auth.setCustomUserClaims(UID, { admin: true, plan: 'pro', stores: { s1: 'owner' } }); // set, never stamped
    const result = await syncPartnerClaims(UID);
    assert.equal(result?.changed, false);
    assert.equal((await user()).claimsVersion, 1);
    assert.ok((await user()).claimsUpdatedAt, 'the app still has to be told');
  });

  it('a sync holding a stale read cannot leave stale claims behind', async () => {
    await commitMirror({ s1: 'owner', s2: 'staff' }); // version 1: the slow sync reads this
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let reachedWrite!: () => void;
    const slowAtWrite = new Promise<void>((resolve) => (reachedWrite = resolve));
    let first = true;
    auth.beforeClaimsWrite = async () => {
      if (!first) return;
      first = false;
      reachedWrite();
      await held; // the slow sync's write of version 1 waits here
    };
    const slow = syncPartnerClaims(UID);
    await slowAtWrite;

    await commitMirror({ s2: 'staff' }); // version 2: removed from s1
    const fast = await syncPartnerClaims(UID);
    assert.deepEqual(fast?.claimsVersion, 2);
    assert.deepEqual(auth.claimsOf(UID).stores, { s2: 'staff' });

    release(); // now the stale write of version 1 lands...
    const settled = await slow;
    // ...and the slow sync notices the newer version and writes it again.
    assert.equal(settled?.claimsVersion, 2);
    assert.deepEqual(auth.claimsOf(UID), { admin: true, plan: 'pro', stores: { s2: 'staff' } });
    assert.equal((await user()).claimsVersion, 2);
    const synced = capturedLogs.filter((line) => line.message === 'claims.synced');
    assert.ok(
      synced.some((line) => line.attempt === 2),
      JSON.stringify(synced),
    );
  });

  describe('the admin claim', () => {
    it('comes from users/{uid}.admin only: one set directly in Auth is dropped by the next sync', async () => {
      await userDoc().set({ admin: false }, { merge: true });
      await commitMirror({ s1: 'owner' });
      await syncPartnerClaims(UID);
      assert.deepEqual(auth.claimsOf(UID), { plan: 'pro', stores: { s1: 'owner' } });
    });

    it('setAdmin grants and revokes it, keeping stores and other claims; a repeat changes nothing', async () => {
      await commitMirror({ s1: 'staff' });
      await setAdmin(UID, false);
      assert.deepEqual(auth.claimsOf(UID), { plan: 'pro', stores: { s1: 'staff' } });
      const version = (await user()).membershipVersion;
      await setAdmin(UID, false);
      assert.equal((await user()).membershipVersion, version, 'no change, no version');
      await setAdmin(UID, true);
      assert.deepEqual(auth.claimsOf(UID), { admin: true, plan: 'pro', stores: { s1: 'staff' } });
      assert.equal((await user()).claimsVersion, (await user()).membershipVersion);
    });

    it('a revocation is not undone by a concurrent sync that read the admin claim before it', async () => {
      {
        const holdAt = 'slow sync held before its claims write';
        await setAdmin(UID, true);
        await commitMirror({ s1: 'owner' }); // the slow sync reads this: admin granted, v(n)
        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        let reached!: () => void;
        const slowHeld = new Promise<void>((resolve) => (reached = resolve));
        let first = true;
        auth.beforeClaimsWrite = async (write) => {
          if (!first) return;
          first = false;
          assert.equal(write.claims.admin, true, 'the slow sync holds a stale admin grant');
          reached();
          await held;
        };
        const slow = syncPartnerClaims(UID);
        await slowHeld;

        await setAdmin(UID, false); // the revocation and its own sync run while the slow one waits
        assert.equal(auth.claimsOf(UID).admin, undefined, `${holdAt}: revoked`);

        release(); // the stale grant lands, then the slow sync sees the newer version and rewrites
        await slow;
        auth.beforeClaimsWrite = null;
        assert.deepEqual(auth.claimsOf(UID), { plan: 'pro', stores: { s1: 'owner' } }, holdAt);
        assert.equal((await user()).admin, false);
        // And no later sync brings it back.
        await syncPartnerClaims(UID);
        assert.equal(auth.claimsOf(UID).admin, undefined);
      }
    });
  });

  it('a user deleted from Auth is skipped', async () => {
    await db()
      .doc('users/gone')
      .set({ stores: { s1: 'owner' }, membershipVersion: 1, claimsVersion: 0 });
    assert.equal(await syncPartnerClaims('gone'), null);
    assert.equal(auth.claimsWrites.length, 0);
  });
});
