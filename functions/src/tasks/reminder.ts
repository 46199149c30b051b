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
import { paramValue, reminderMinutes } from '../config';
import { timerPending } from '../domain/lifecycle';
import { reminderContent } from '../domain/notifications';
import { now } from '../infra/clock';
import { devicesOfUsers, memberUidsOf } from '../infra/devices';
import { orderFromSnapshot, orderRef } from '../infra/orders';
import { pushOnce, RetryLaterError } from '../infra/push';
import { REMINDER_FUNCTION } from '../infra/taskScheduler';
import { asTaskResponse } from './taskResponse';

/**
 * Only the order id is read. The scheduler also sends `remindAt` and `minutes`, but a payload is not
 * evidence: both are computed from the stored order and REMINDER_MINUTES, so a forged or stale task
 * can't make a reminder early or make it claim another delay.
 */
export const reminderPayload = z.object({ orderId: documentId });

export type ReminderOutcome =
  | 'sent'
  | 'duplicate'
  | 'order_moved_on'
  | 'order_not_found'
  | 'invalid_payload'
  | 'reminders_off'
  | 'gave_up';

export async function handleReminderTask(data: unknown): Promise<ReminderOutcome> {
  const parsed = reminderPayload.safeParse(data);
  if (!parsed.success) {
    logger.error('reminder.invalid_payload', { data: JSON.stringify(data)?.slice(0, 500) });
    return 'invalid_payload';
  }
  const { orderId } = parsed.data;
  const snapshot = await orderRef(orderId).get();
  if (!snapshot.exists) {
    logger.warn('reminder.order_not_found', { orderId });
    return 'order_not_found';
  }
  const order = orderFromSnapshot(snapshot);
  const log = { orderId, storeId: order.storeId, status: order.status };
  if (!timerPending('reminder', order)) {
    logger.info('reminder.order_moved_on', log);
    return 'order_moved_on';
  }
  const minutes = paramValue(reminderMinutes);
  if (!(minutes > 0)) {
    logger.info('reminder.reminders_off', log);
    return 'reminders_off';
  }
  const remainingMs = order.createdAt + minutes * 60_000 - now();
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
