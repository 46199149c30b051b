import { strict as assert } from 'node:assert';
import { db } from '../../src/infra/firestore';
import { claimNotification, LEASE_MS, MAX_ATTEMPTS, recordClaimProgress } from '../../src/infra/notificationLedger';
import { resetDependencies, setDependenciesForTest } from '../../src/deps';

const T0 = Date.parse('2026-03-02T03:00:00.000Z');
const key = { functionName: 'onOrderCreated', eventId: 'evt/with/slashes' };
const context = { orderId: 'o1', storeId: 's1', kind: 'order.received' };

describe('notification claims (lease ledger)', () => {
  let clock = T0;
  beforeEach(() => {
    clock = T0;
    setDependenciesForTest({ clock: () => clock });
  });
  afterEach(() => resetDependencies('clock'));

  it('the first attempt takes the lease; a concurrent one is busy until it expires', async () => {
    const first = await claimNotification(key, context);
    assert.equal(first.status, 'acquired');
    const stored = await db().doc('notificationClaims/onOrderCreated:evt_with_slashes').get();
    assert.equal(stored.get('state'), 'sending');
    assert.equal(stored.get('leaseExpiresAt').toMillis(), T0 + LEASE_MS);

    clock = T0 + LEASE_MS - 1;
    assert.deepEqual(await claimNotification(key, context), { status: 'busy', leaseExpiresAt: T0 + LEASE_MS });
  });

  it('a crashed attempt’s lease expires and a redelivery takes over, keeping what was sent', async () => {
    const crashed = await claimNotification(key, context);
    assert.equal(crashed.status, 'acquired');
    await recordClaimProgress(key, crashed.holder, { sent: ['t1', 't2'], dropped: ['t3'] });
    clock = T0 + LEASE_MS;
    const takeover = await claimNotification(key, context);
    assert.equal(takeover.status, 'acquired');
    assert.equal(takeover.attempt, 2);
    assert.deepEqual([...takeover.sentTokenIds].sort(), ['t1', 't2']);
    assert.deepEqual([...takeover.droppedTokenIds], ['t3']);

    // The crashed attempt wakes up: its results still count, but it cannot settle the claim.
    assert.deepEqual(await recordClaimProgress(key, crashed.holder, { sent: ['t4'], settle: 'done' }), { holderLost: true });
    const stored = await db().doc('notificationClaims/onOrderCreated:evt_with_slashes').get();
    assert.equal(stored.get('state'), 'sending');
    assert.deepEqual([...stored.get('sentTokenIds')].sort(), ['t1', 't2', 't4']);

    await recordClaimProgress(key, takeover.holder, { settle: 'done' });
    assert.deepEqual(await claimNotification(key, context), { status: 'finished', state: 'done' });
  });

  it('a released claim is retaken at once, until the attempt limit', async () => {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const claim = await claimNotification(key, context);
      assert.equal(claim.status, 'acquired');
      assert.equal(claim.attempt, attempt);
      await recordClaimProgress(key, claim.holder, { settle: 'retry' });
    }
    assert.deepEqual(await claimNotification(key, context), { status: 'finished', state: 'gave_up' });
    assert.deepEqual(await claimNotification(key, context), { status: 'finished', state: 'gave_up' });
  });

  it('only one of many simultaneous claims wins', async () => {
    const claims = await Promise.all(Array.from({ length: 5 }, () => claimNotification(key, context)));
    assert.equal(claims.filter((claim) => claim.status === 'acquired').length, 1);
    assert.equal(claims.filter((claim) => claim.status === 'busy').length, 4);
  });
});
