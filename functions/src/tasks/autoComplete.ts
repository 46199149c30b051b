// The one-hour auto-complete task (Cloud Tasks, at the order's autoCompleteAt): parse the payload,
// run app/autoComplete.ts, answer Cloud Tasks (tasks/taskResponse.ts).
import * as logger from 'firebase-functions/logger';
import { onTaskDispatched } from 'firebase-functions/v2/tasks';
import { z } from 'zod/mini';
import { autoCompleteDueOrder, AutoCompleteOutcome } from '../app/autoComplete';
import { documentId, schema } from '../boundary/primitives';
import { tasksInvoker } from '../config';
import { asTaskResponse } from './taskResponse';
import { LOG_EVENTS } from '../logEvents';
import { FUNCTION_MEMORY } from '../memory';

export const autoCompletePayload = /* @__PURE__ */ schema(() => z.object({ orderId: documentId }));

export async function handleAutoCompleteTask(data: unknown): Promise<AutoCompleteOutcome> {
  const parsed = autoCompletePayload.safeParse(data);
  if (!parsed.success) {
    logger.error(LOG_EVENTS.autocompleteInvalidPayload, { data: JSON.stringify(data)?.slice(0, 500) });
    return 'invalid_payload';
  }
  return autoCompleteDueOrder(parsed.data.orderId);
}

export const autoCompleteOrder = onTaskDispatched<{ orderId: string }>(
  {
    retryConfig: { maxAttempts: 10, minBackoffSeconds: 15, maxBackoffSeconds: 300, maxDoublings: 4 },
    rateLimits: { maxConcurrentDispatches: 50, maxDispatchesPerSecond: 20 },
    timeoutSeconds: 60,
    memory: FUNCTION_MEMORY.task,
    ...tasksInvoker(),
  },
  (request) => asTaskResponse(handleAutoCompleteTask(request.data)),
);
