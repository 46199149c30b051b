// How a task handler's result reaches Cloud Tasks: success is 204 (done, never redelivered);
// RetryLaterError is 503 (redelivered after the queue's backoff); anything else is 500 (also
// redelivered, and logged by firebase-functions as an unhandled error).
import { HttpsError } from 'firebase-functions/v2/https';
import { RetryLaterError } from '../boundary/errors';

export async function asTaskResponse<T>(work: Promise<T>): Promise<void> {
  try {
    await work;
  } catch (error) {
    if (error instanceof RetryLaterError) throw new HttpsError('unavailable', error.message, error.details);
    throw error;
  }
}
