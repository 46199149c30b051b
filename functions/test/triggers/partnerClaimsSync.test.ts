// The users/{uid} trigger repairs claims a callable could not sync after its commit.
import { strict as assert } from 'node:assert';
import { Change } from 'firebase-functions';
import type { QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { db } from '../../src/infra/firestore';
import { syncPartnerClaimsOnUserWrite } from '../../src/triggers/partnerClaimsSync';
import { installFakeAuth } from '../support/auth';
import { functionsTest } from '../support/callables';
import { seedStore, STORE_ID } from '../support/fixtures';
import { capturedLogs } from '../support/logs';
import { joinByInvitation, seedMember } from '../support/partners';

const OWNER = `owner-of-${STORE_ID}`;
const BARISTA = 'barista-1';

async function deliverUserWrite(uid: string): Promise<void> {
  const after = (await db().doc(`users/${uid}`).get()) as QueryDocumentSnapshot;
  const change = new Change(after, after);
  await functionsTest.wrap(syncPartnerClaimsOnUserWrite)({ data: change, params: { uid } } as never);
}

describe('syncPartnerClaimsOnUserWrite', () => {
  const auth = installFakeAuth();
  beforeEach(async () => {
    await seedStore(STORE_ID);
    await seedMember(auth, STORE_ID, OWNER, 'owner');
    auth.addUser(BARISTA, 'barista@example.com');
  });

  it('finishes a sync that failed after the membership committed', async () => {
    auth.failClaimsWrites = 1;
    const result = await joinByInvitation(auth, auth.tokenOf(OWNER), STORE_ID, BARISTA, 'staff');
    assert.equal(result.accepted, true, 'the membership itself succeeded');
    assert.deepEqual(auth.claimsOf(BARISTA), {});
    const lagging = (await db().doc(`users/${BARISTA}`).get()).data()!;
    assert.equal(lagging.membershipVersion, 1);
    assert.equal(lagging.claimsVersion, 0);
    assert.ok(capturedLogs.some((line) => line.message.includes('claims.sync_failed') && line.storeId === STORE_ID));

    await deliverUserWrite(BARISTA);
    assert.deepEqual(auth.claimsOf(BARISTA), { stores: { [STORE_ID]: 'staff' } });
    const repaired = (await db().doc(`users/${BARISTA}`).get()).data()!;
    assert.equal(repaired.claimsVersion, 1);
    assert.ok(repaired.claimsUpdatedAt);
  });

  it('does nothing when the claims are current (its own stamp, or an unrelated write)', async () => {
    await deliverUserWrite(OWNER);
    assert.equal(auth.claimsWrites.length, 0);
    assert.equal(capturedLogs.filter((line) => line.message === 'claims.synced').length, 0);
  });

  it('fails (so Eventarc retries) while Auth keeps failing', async () => {
    auth.failClaimsWrites = 10;
    await joinByInvitation(auth, auth.tokenOf(OWNER), STORE_ID, BARISTA, 'staff');
    await assert.rejects(deliverUserWrite(BARISTA), /simulated Auth outage/);
  });
});
