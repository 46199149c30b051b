import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { registerDevice, unregisterDevice } from '../../src/callables/devices';
import { db } from '../../src/infra/firestore';
import { as, call, expectError } from '../support/callables';
import { dumpDatabase } from '../support/database';
import { resetDependencies, setDependenciesForTest } from '../../src/deps';

const T0 = Date.parse('2026-03-02T03:00:00.000Z');
const TOKEN = 'fcm:APA91bH-example_token.with:colons';
const tokenId = createHash('sha256').update(TOKEN).digest('base64url');

async function device(path: string) {
  const snapshot = await db().doc(path).get();
  return snapshot.exists ? snapshot.data()! : null;
}

describe('registerDevice / unregisterDevice', () => {
  let clock = T0;
  beforeEach(() => {
    clock = T0;
    setDependenciesForTest({ clock: () => clock });
  });
  afterEach(() => resetDependencies('clock'));

  it('stores the device under the user and in the token registry', async () => {
    const result = await call(registerDevice, { token: TOKEN, platform: 'ios' }, as.customer('u1'));
    assert.deepEqual(result, {
      tokenId,
      platform: 'ios',
      createdAt: new Date(T0).toISOString(),
      refreshedAt: new Date(T0).toISOString(),
    });
    for (const path of [`users/u1/devices/${tokenId}`, `deviceTokens/${tokenId}`]) {
      const stored = await device(path);
      assert.ok(stored, path);
      assert.deepEqual(
        { ...stored, createdAt: stored.createdAt.toMillis(), refreshedAt: stored.refreshedAt.toMillis() },
        { uid: 'u1', token: TOKEN, platform: 'ios', createdAt: T0, refreshedAt: T0 },
      );
    }
  });

  it('registering again refreshes it and keeps createdAt', async () => {
    await call(registerDevice, { token: TOKEN, platform: 'android' }, as.customer('u1'));
    clock = T0 + 86_400_000;
    const result = await call(registerDevice, { token: ` ${TOKEN} `, platform: 'android' }, as.customer('u1'));
    assert.equal(result.createdAt, new Date(T0).toISOString());
    assert.equal(result.refreshedAt, new Date(T0 + 86_400_000).toISOString());
    assert.equal((await db().collection('users/u1/devices').get()).size, 1);
  });

  it('a token belongs to one user at a time: registering it under another user moves it', async () => {
    await call(registerDevice, { token: TOKEN, platform: 'android' }, as.customer('u1'));
    await call(registerDevice, { token: 'u1-other-phone', platform: 'web' }, as.customer('u1'));
    clock = T0 + 1_000;
    await call(registerDevice, { token: TOKEN, platform: 'android' }, as.owner('store-a', 'u2'));
    assert.equal(await device(`users/u1/devices/${tokenId}`), null);
    assert.equal((await device(`users/u2/devices/${tokenId}`))?.uid, 'u2');
    const registry = await device(`deviceTokens/${tokenId}`);
    assert.equal(registry?.uid, 'u2');
    assert.equal(registry?.createdAt.toMillis(), T0 + 1_000, 'a moved token starts afresh');
    assert.equal((await db().collection('users/u1/devices').get()).size, 1, 'u1 keeps the other device');
  });

  it('a user keeps at most 10 devices: a new one retires the least recently refreshed', async () => {
    for (let i = 0; i < 11; i += 1) {
      setDependenciesForTest({ clock: () => T0 + i * 60_000 });
      await call(registerDevice, { token: `token-${i}`, platform: 'android' }, as.customer('u1'));
    }
    const tokens = (await db().collection('users/u1/devices').get()).docs.map((doc) => doc.get('token')).sort();
    assert.equal(tokens.length, 10);
    assert.ok(!tokens.includes('token-0'), 'the oldest device was retired');
    const registry = (await db().collection('deviceTokens').get()).docs.map((doc) => doc.get('token'));
    assert.ok(!registry.includes('token-0'));
    assert.equal(registry.length, 10);
    // Refreshing a device the user already has retires nothing.
    setDependenciesForTest({ clock: () => T0 + 20 * 60_000 });
    await call(registerDevice, { token: 'token-1', platform: 'android' }, as.customer('u1'));
    assert.equal((await db().collection('users/u1/devices').get()).size, 10);
  });

  it('unregister removes the caller’s device and is idempotent', async () => {
    await call(registerDevice, { token: TOKEN, platform: 'ios' }, as.customer('u1'));
    assert.deepEqual(await call(unregisterDevice, { token: TOKEN }, as.customer('u1')), { removed: true });
    assert.equal(await device(`users/u1/devices/${tokenId}`), null);
    assert.equal(await device(`deviceTokens/${tokenId}`), null);
    assert.deepEqual(await call(unregisterDevice, { token: TOKEN }, as.customer('u1')), { removed: false });
  });

  it('unregister leaves a token that moved to someone else alone', async () => {
    await call(registerDevice, { token: TOKEN, platform: 'ios' }, as.customer('u1'));
    await call(registerDevice, { token: TOKEN, platform: 'ios' }, as.customer('u2'));
    assert.deepEqual(await call(unregisterDevice, { token: TOKEN }, as.customer('u1')), { removed: false });
    assert.equal((await device(`deviceTokens/${tokenId}`))?.uid, 'u2');
    assert.ok(await device(`users/u2/devices/${tokenId}`));
  });

  it('refuses anonymous callers and bad input, writing nothing', async () => {
    const before = await dumpDatabase();
    await expectError(call(registerDevice, { token: TOKEN, platform: 'ios' }), 'unauthenticated', 'unauthenticated');
    const bad = await expectError(
      call(registerDevice, { token: 'has space', platform: 'symbian' }, as.customer('u1')),
      'invalid-argument',
      'invalid_argument',
    );
    assert.deepEqual((bad.details as { fields: { path: string }[] }).fields.map((f) => f.path).sort(), ['platform', 'token']);
    await expectError(call(registerDevice, { token: '', platform: 'web' }, as.customer('u1')), 'invalid-argument', 'invalid_argument');
    await expectError(call(unregisterDevice, { token: TOKEN, extra: 1 }, as.customer('u1')), 'invalid-argument', 'invalid_argument');
    assert.deepEqual(await dumpDatabase(), before);
  });
});
