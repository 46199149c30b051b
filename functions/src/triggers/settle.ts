// Runs a trigger's independent steps to the end and fails the invocation if any failed, so the
// platform redelivers the event (each step is idempotent) without one failure starving the others.
import * as logger from 'firebase-functions/logger';
import { RetryLaterError } from '../infra/push';

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
    if (error instanceof RetryLaterError) logger.warn(`${handler}.retry_later`, entry);
    else logger.error(`${handler}.step_failed`, { ...entry, stack: (error as Error)?.stack });
  }
  throw failed[0].error;
}
