// Asserting a refusal: the HttpsError code and reason, nothing written to Firestore, and no
// custom claims changed in Auth.
import { strict as assert } from 'node:assert';
import type { HttpsError } from 'firebase-functions/v2/https';
import type { FakeAuth } from './auth';
import { expectError } from './callables';
import { dumpDatabase } from './database';

export async function expectDenied(auth: FakeAuth, attempt: () => Promise<unknown>, code: string, reason: string): Promise<HttpsError> {
  const before = await dumpDatabase();
  const claimsWritesBefore = auth.claimsWrites.length;
  const error = await expectError(attempt(), code, reason);
  assert.deepEqual(await dumpDatabase(), before, `a refused call (${reason}) must not write`);
  assert.equal(auth.claimsWrites.length, claimsWritesBefore, `a refused call (${reason}) must not change claims`);
  return error;
}

/** Field paths of an invalid-argument error. */
export function fieldPaths(error: HttpsError): string[] {
  return ((error.details as { fields?: { path: string }[] }).fields ?? []).map((field) => field.path);
}
