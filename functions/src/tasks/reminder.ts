// The unanswered-order reminder: REMINDER_MINUTES after an order arrived, if it is still
// `received`, its store's devices get one more push. Claimed per order in notificationClaims, so a
// redelivered task never reminds twice, and a partial failure retries only the devices missed.
// An early delivery (the Tasks emulator ignores scheduleTime) is answered 503 and redelivered after
// the queue's backoff; the reminder is due within minutes, so that converges quickly.
import * as logger from 'firebase-functions/logger';
import { onTaskDispatched } from 'firebase-functions/v2/tasks';
import { z } from 'zod';
import { tasksInvoker } from '../config';
import { documentId } from '../callables/schemas';
import { reminderContent } from '../domain/notifications';
import { now } from '../infra/clock';
import { devicesOfUsers, memberUidsOf } from '../infra/devices';
import { orderFromSnapshot, orderRef } from '../infra/orders';
import { pushOnce, RetryLaterError } from '../infra/push';
import { REMINDER_FUNCTION } from '../infra/taskScheduler';
import { asTaskResponse } from './taskResponse';

export const reminderPayload = z.object({
  orderId: documentId,
  remindAt: z.number().int().nonnegative(),
  minutes: z.number().int().positive(),
});

export type ReminderOutcome = 'sent' | 'duplicate' | 'order_moved_on' | 'order_not_found' | 'invalid_payload' | 'gave_up';

export async function handleReminderTask(data: unknown): Promise<ReminderOutcome> {
  const parsed = reminderPayload.safeParse(data);
  if (!parsed.success) {
    logger.error('reminder.invalid_payload', { data: JSON.stringify(data)?.slice(0, 500) });
    return 'invalid_payload';
  }
  const { orderId, remindAt, minutes } = parsed.data;
  const snapshot = await orderRef(orderId).get();
  if (!snapshot.exists) {
    logger.warn('reminder.order_not_found', { orderId });
    return 'order_not_found';
  }
  const order = orderFromSnapshot(snapshot);
  const log = { orderId, storeId: order.storeId, status: order.status };
  if (order.status !== 'received') {
    logger.info('reminder.order_moved_on', log);
    return 'order_moved_on';
  }
  const remainingMs = remindAt - now();
  if (remainingMs > 0) {
    logger.info('reminder.early_retry', { ...log, remainingMs });
    throw new RetryLaterError('reminder delivered before its time', { remainingMs });
  }
  const report = await pushOnce({
    key: { functionName: REMINDER_FUNCTION, eventId: orderId },
    context: { orderId, storeId: order.storeId, kind: 'order.reminder' },
    content: reminderContent(order, minutes),
    recipients: async () => devicesOfUsers(await memberUidsOf(order.storeId)),
  });
  return report.outcome;
}

export const remindUnansweredOrder = onTaskDispatched(
  {
    retryConfig: { maxAttempts: 10, minBackoffSeconds: 15, maxBackoffSeconds: 120, maxDoublings: 3 },
    rateLimits: { maxConcurrentDispatches: 50, maxDispatchesPerSecond: 20 },
    timeoutSeconds: 60,
    ...tasksInvoker(),
  },
  (request) => asTaskResponse(handleReminderTask(request.data)),
);
