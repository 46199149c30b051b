// @gocafein/client parseError: what the Firebase JS SDK rejects a callable with, turned into
// {code, reason, message, fields?, details}. The inputs are the errors the server's shell makes
// (httpsErrorFor), as the SDK hands them to the app: code "functions/<code>", message with " [400]".
import { strict as assert } from 'node:assert';
import { FirebaseError } from 'firebase/app';
import { fieldMessage, parseError } from '../../../client/src/errors';
import { httpsErrorFor, invalidArgument } from '../../src/callables/shell';
import { REASONS } from '../../src/domain/reasons';

/** The server's HttpsError as the web SDK rethrows it. */
function asSdkError(error: ReturnType<typeof httpsErrorFor>, status = 400): FirebaseError {
  const sdkError = new FirebaseError(`functions/${error.code}`, `${error.message} [${status}]`) as FirebaseError & { details: unknown };
  sdkError.details = error.details;
  return sdkError;
}

describe('client: parseError', () => {
  it('gives the reason, the standard code and the clean Korean message for every reason', () => {
    for (const reason of Object.keys(REASONS) as (keyof typeof REASONS)[]) {
      const parsed = parseError(asSdkError(httpsErrorFor(reason)));
      assert.equal(parsed.reason, reason);
      assert.equal(parsed.code, REASONS[reason].code);
      assert.equal(parsed.message, REASONS[reason].message);
      assert.doesNotMatch(parsed.message, /\[\d{3}\]/);
    }
  });

  it("keeps the reason's extras typed in details", () => {
    const parsed = parseError(asSdkError(httpsErrorFor('order_cancelled', { status: 'cancelled' })));
    assert.equal(parsed.reason, 'order_cancelled');
    if (parsed.reason !== 'order_cancelled') return;
    const status: 'received' | 'preparing' | 'ready' | 'preparing_shipment' | 'shipped' | 'completed' | 'cancelled' = parsed.details.status;
    assert.equal(status, 'cancelled');
    const option = parseError(asSdkError(httpsErrorFor('unknown_option', { menuItemId: 'm1', groupId: 'size', choiceId: 'xl' })));
    assert.ok(option.reason === 'unknown_option' && option.details.groupId === 'size' && option.details.choiceId === 'xl');
  });

  it('lists invalid fields with their Korean messages', () => {
    const parsed = parseError(asSdkError(invalidArgument([{ path: 'items.0.quantity', message: '1 이상이어야 합니다.' }])));
    assert.equal(parsed.reason, 'invalid_argument');
    assert.equal(parsed.code, 'invalid-argument');
    assert.deepEqual(parsed.fields, [{ path: 'items.0.quantity', message: '1 이상이어야 합니다.' }]);
    assert.equal(fieldMessage(parsed, 'items.0.quantity'), '1 이상이어야 합니다.');
    assert.equal(fieldMessage(parsed, 'storeId'), undefined);
  });

  it('strips the status suffix when details carry no message', () => {
    const sdkError = Object.assign(new FirebaseError('functions/not-found', '주문을 찾을 수 없습니다. [404]'), {
      details: { reason: 'order_not_found' },
    });
    assert.equal(parseError(sdkError).message, '주문을 찾을 수 없습니다.');
  });

  it('turns anything else into reason "unknown" with a Korean message', () => {
    const network = parseError(new FirebaseError('functions/unavailable', 'unavailable'));
    assert.equal(network.reason, 'unknown');
    assert.equal(network.code, 'unavailable');
    assert.match(network.message, /네트워크/);
    const future = parseError(
      Object.assign(new FirebaseError('functions/failed-precondition', 'x'), {
        details: { reason: 'reason_from_a_newer_server', message: '새 오류' },
      }),
    );
    assert.equal(future.reason, 'unknown');
    assert.match(future.message, /[가-힣]/);
    for (const thrown of [undefined, null, 'boom', new Error('boom'), { code: 42 }]) {
      const parsed = parseError(thrown);
      assert.equal(parsed.reason, 'unknown');
      assert.equal(parsed.message, REASONS.internal.message);
    }
  });
});
