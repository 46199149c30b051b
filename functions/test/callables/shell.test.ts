import { strict as assert } from 'node:assert';
import { HttpsError } from 'firebase-functions/v2/https';
import { toHttpsError } from '../../src/callables/shell';
import { DomainError } from '../../src/domain/reasons';

describe('callable error mapping', () => {
  it('a domain denial keeps its code, reason and Korean message', () => {
    const error = toHttpsError(new DomainError('order_cancelled', { status: 'cancelled' }), {});
    assert.equal(error.code, 'failed-precondition');
    assert.deepEqual(error.details, { reason: 'order_cancelled', message: '이미 취소된 주문입니다.', status: 'cancelled' });
    assert.equal(error.message, '이미 취소된 주문입니다.');
  });

  it('a transaction that kept aborting under contention is `aborted`, which a client may retry', () => {
    const error = toHttpsError(Object.assign(new Error('10 ABORTED: too much contention'), { code: 10 }), {});
    assert.equal(error.code, 'aborted');
    assert.equal((error.details as { reason: string }).reason, 'contention');
  });

  it('anything else is `internal` without leaking the cause', () => {
    const error = toHttpsError(new Error('secret detail'), {});
    assert.equal(error.code, 'internal');
    assert.ok(!error.message.includes('secret'));
    const passthrough = new HttpsError('not-found', 'x', { reason: 'order_not_found' });
    assert.equal(toHttpsError(passthrough, {}), passthrough);
  });
});
