import { strict as assert } from 'node:assert';
import { registerDevice } from '../../src/callables/devices';
import { db } from '../../src/infra/firestore';
import { pruneStaleDevices } from '../../src/app/devices';
import { pruneDevices } from '../../src/scheduled/pruneDevices';
import { as, call } from '../support/callables';
import { deviceTokensOf, seedDevices, wrapHandler } from '../support/notifications';
import { resetDependencies, setDependenciesForTest } from '../../src/deps';

const NOW = Date.parse('2026-06-01T00:00:00.000Z');
const DAY = 86_400_000;

describe('pruneDevices (daily)', () => {
  beforeEach(() => setDependenciesForTest({ clock: () => NOW }));
  afterEach(() => resetDependencies('clock'));

  it('deletes devices not refreshed for 60 days, both entries, and keeps the rest', async () => {
    await seedDevices('u1', ['stale-1', 'stale-2'], NOW - 61 * DAY);
    await seedDevices('u1', ['fresh-1'], NOW - 59 * DAY);
    await seedDevices('u2', ['edge'], NOW - 60 * DAY);
    const stale = Array.from({ length: 450 }, (_, i) => `bulk-${i}`);
    await seedDevices('u3', stale, NOW - 200 * DAY);

    assert.equal(await pruneStaleDevices({ batchSize: 100 }), 452);
    assert.deepEqual(await deviceTokensOf('u1'), ['fresh-1']);
    assert.deepEqual(await deviceTokensOf('u2'), ['edge'], 'exactly 60 days is not yet stale');
    assert.deepEqual(await deviceTokensOf('u3'), []);
    const registry = (await db().collection('deviceTokens').get()).docs.map((d) => d.get('token')).sort();
    assert.deepEqual(registry, ['edge', 'fresh-1']);
    assert.equal(await pruneStaleDevices(), 0);
  });

  it('registering again keeps a device from being pruned', async () => {
    await seedDevices('u1', ['old-phone'], NOW - 90 * DAY);
    await call(registerDevice, { token: 'old-phone', platform: 'android' }, as.customer('u1'));
    await wrapHandler(pruneDevices)({});
    assert.deepEqual(await deviceTokensOf('u1'), ['old-phone']);
  });
});
