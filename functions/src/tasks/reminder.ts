// The unanswered-order reminder task: parse the payload, run app/reminder.ts, answer Cloud Tasks.
import * as logger from 'firebase-functions/logger';
import { onTaskDispatched } from 'firebase-functions/v2/tasks';
import { z } from 'zod/mini';
import { remindIfUnanswered, ReminderOutcome } from '../app/reminder';
import { documentId, schema } from '../boundary/primitives';
import { tasksInvoker } from '../config';
import { asTaskResponse } from './taskResponse';
import { LOG_EVENTS } from '../logEvents';
import { FUNCTION_MEMORY } from '../memory';

/**
 * Only the order id is read. The scheduler also sends `remindAt` and `minutes`, but a payload is not
 * evidence: both are computed from the stored order and REMINDER_MINUTES, so a forged or stale task
 * can't make a reminder early or make it claim another delay.
 */
export const reminderPayload = /* @__PURE__ */ schema(() => z.object({ orderId: documentId }));

export async function handleReminderTask(data: unknown): Promise<ReminderOutcome> {
  const parsed = reminderPayload.safeParse(data);
  if (!parsed.success) {
    logger.error(LOG_EVENTS.reminderInvalidPayload, { data: JSON.stringify(data)?.slice(0, 500) });
    return 'invalid_payload';
  }
  return remindIfUnanswered(parsed.data.orderId);
}

export const remindUnansweredOrder = onTaskDispatched(
  {
    retryConfig: { maxAttempts: 10, minBackoffSeconds: 15, maxBackoffSeconds: 120, maxDoublings: 3 },
    rateLimits: { maxConcurrentDispatches: 50, maxDispatchesPerSecond: 20 },
    timeoutSeconds: 60,
    memory: FUNCTION_MEMORY.task,
    ...tasksInvoker(),
  },
  (request) => asTaskResponse(handleReminderTask(request.data)),
);
