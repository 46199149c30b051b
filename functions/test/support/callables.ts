// Calling the exported callables the way Cloud Functions would, through firebase-functions-test,
// with the auth contexts of each kind of actor.
import { strict as assert } from 'node:assert';
import firebaseFunctionsTest from 'firebase-functions-test';
import type { CallableFunction } from 'firebase-functions/v2/https';
import { HttpsError } from 'firebase-functions/v2/https';
import { TEST_PROJECT } from './firestoreServer';

export const functionsTest = firebaseFunctionsTest({ projectId: TEST_PROJECT });

export interface AuthContext {
  uid: string;
  token: Record<string, unknown>;
}

/** The signed-in identities tests use. Claims follow src/app/caller.ts. */
export const as = {
  anonymous: undefined,
  customer: (uid = 'customer-1'): AuthContext => ({ uid, token: {} }),
  owner: (storeId: string, uid = `owner-of-${storeId}`): AuthContext => ({ uid, token: { stores: { [storeId]: 'owner' } } }),
  staff: (storeId: string, uid = `staff-of-${storeId}`): AuthContext => ({ uid, token: { stores: { [storeId]: 'staff' } } }),
  admin: (uid = 'admin-1'): AuthContext => ({ uid, token: { admin: true } }),
};

/** What a verified App Check token gives a callable (request.app); every call carries one unless told. */
export interface AppCheckContext {
  appId: string;
  token: Record<string, unknown>;
  alreadyConsumed?: boolean;
}
export const APP_CHECK: AppCheckContext = { appId: '1:000000000000:android:gocafein-test', token: {}, alreadyConsumed: false };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- callers name the result type they expect
export async function call<T = any>(
  fn: CallableFunction<any, any>, // eslint-disable-line @typescript-eslint/no-explicit-any -- any callable, whatever its input and output
  data: unknown,
  auth?: AuthContext,
  /** null: a request without a (valid) App Check token. */
  app: AppCheckContext | null = APP_CHECK,
): Promise<T> {
  const wrapped = functionsTest.wrap(fn);
  return wrapped({ data, auth, app: app ?? undefined, rawRequest: {} as never, acceptsStreaming: false } as never) as Promise<T>;
}

/** Asserts that a call fails with this HttpsError code and details.reason; returns the error. */
export async function expectError(promise: Promise<unknown>, code: string, reason: string): Promise<HttpsError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof HttpsError, `expected an HttpsError, got ${String(error)}`);
    assert.equal(error.code, code, `code for ${reason}: ${error.message}`);
    assert.equal((error.details as { reason?: string })?.reason, reason, `reason (message: ${error.message})`);
    assert.ok(/[가-힣]/.test(error.message), `Korean message expected, got "${error.message}"`);
    assert.equal((error.details as { message?: string }).message, error.message, 'details.message repeats the message');
    return error;
  }
  assert.fail(`expected ${code}/${reason}, but the call succeeded`);
}
