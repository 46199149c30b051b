// The custom-claims sync (src/infra/users.ts): claims follow the users/{uid} mirror, keep every other
// claim, publish claimsUpdatedAt only after the claims are set, and converge when syncs race.
import { strict as assert } from 'node:assert';
import { db, toStored } from '../../src/infra/firestore';
import { syncPartnerClaims } from '../../src/infra/users';
import { resetClock, setClock } from '../../src/infra/clock';
import { installFakeAuth } from '../support/auth';
import { capturedLogs } from '../support/logs';

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
  beforeEach(() => {
    auth.addUser(UID, 'member@example.com', { admin: true, plan: 'pro' });
  });
  afterEach(() => resetClock());

  it('copies the mirror into claims, keeps other claims, then stamps claimsVersion and claimsUpdatedAt', async () => {
    setClock(() => Date.parse('2026-11-26T06:00:00Z'));
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
    assert.ok(synced.some((line) => line.attempt === 2), JSON.stringify(synced));
  });

  it('a user deleted from Auth is skipped', async () => {
    await db().doc('users/gone').set({ stores: { s1: 'owner' }, membershipVersion: 1, claimsVersion: 0 });
    assert.equal(await syncPartnerClaims('gone'), null);
    assert.equal(auth.claimsWrites.length, 0);
  });
});
