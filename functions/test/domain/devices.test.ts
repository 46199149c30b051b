import assert from 'node:assert/strict';
import { Device, devicesToRetire, MAX_DEVICES_PER_USER, registeredDevice, registrationOf } from '../../src/domain/devices';

const device = (uid: string, createdAt = 1_000): Device => ({ uid, token: 't', platform: 'ios', createdAt, refreshedAt: createdAt });
const ids = (n: number) => Array.from({ length: n }, (_, i) => `d${i}`);

describe('domain/devices', () => {
  it('registrationOf: a fresh token is new, a refresh is not, a token of another user moves', () => {
    assert.deepEqual(registrationOf('u1', null), { movedFrom: null, isNewForUser: true });
    assert.deepEqual(registrationOf('u1', device('u1')), { movedFrom: null, isNewForUser: false });
    assert.deepEqual(registrationOf('u1', device('u2')), { movedFrom: 'u2', isNewForUser: true });
  });

  it('devicesToRetire keeps a user at most MAX_DEVICES_PER_USER devices, retiring the oldest', () => {
    assert.equal(MAX_DEVICES_PER_USER, 10);
    for (let n = 0; n <= MAX_DEVICES_PER_USER + 3; n += 1) {
      const retired = devicesToRetire(ids(n));
      assert.equal(n - retired.length + 1, Math.min(n + 1, MAX_DEVICES_PER_USER), `with ${n} devices`);
      assert.deepEqual(retired, ids(n).slice(0, retired.length), 'oldest first');
    }
    assert.deepEqual(devicesToRetire(ids(3), 2), ['d0', 'd1']);
  });

  it('registeredDevice keeps the creation time only on a refresh by the same user', () => {
    assert.deepEqual(registeredDevice('u1', 'tok', 'web', device('u1', 500), null, 9_000), {
      uid: 'u1',
      token: 'tok',
      platform: 'web',
      createdAt: 500,
      refreshedAt: 9_000,
    });
    assert.equal(registeredDevice('u1', 'tok', 'web', device('u2', 500), 'u2', 9_000).createdAt, 9_000);
    assert.equal(registeredDevice('u1', 'tok', 'web', null, null, 9_000).createdAt, 9_000);
  });
});
