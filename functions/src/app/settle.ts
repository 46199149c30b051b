// Runs a trigger's independent steps to the end and fails the invocation if any failed, so the
// platform redelivers the event (each step is idempotent) without one failure starving the others.
// A failure that no redelivery can fix (a missing queue, missing IAM, a rejected request) is logged
// as an error and the event accepted: retrying it would only repeat it for days. The auto-complete
// sweep covers a task that was never created.
import * as logger from 'firebase-functions/logger';
import { RetryLaterError } from '../boundary/errors';
import { grpcCodeOf, isPermanentGrpcError } from '../boundary/grpc';
import { stepEvent } from '../logEvents';

export async function failIfAnyRejected(
  steps: Record<string, Promise<unknown>>,
  log: Record<string, unknown>,
  handler: string,
): Promise<void> {
  const names = Object.keys(steps);
  const results = await Promise.allSettled(Object.values(steps));
  const failed = results.flatMap((result, index) =>
    result.status === 'rejected' ? [{ step: names[index], error: result.reason as unknown }] : [],
  );
  if (failed.length === 0) return;
  for (const { step, error } of failed) {
    const entry = { ...log, step, error: String(error) };
    if (error instanceof RetryLaterError) logger.warn(stepEvent.retryLater(handler), entry);
    else if (isPermanent(error)) logger.error(stepEvent.failedPermanently(handler), { ...entry, code: grpcCodeOf(error) });
    else logger.error(stepEvent.failed(handler), { ...entry, stack: (error as Error)?.stack });
  }
  const retryable = failed.find(({ error }) => !isPermanent(error));
  if (retryable) throw retryable.error;
}

/** A failure a retry can't change (boundary/grpc.ts). */
export const isPermanent = isPermanentGrpcError;
