// The unanswered-order reminder: REMINDER_MINUTES after an order arrived, if it is still
// `received`, its store's devices get one more push. Claimed per order in notificationClaims, so a
// redelivered task never reminds twice, and a partial failure retries only the devices missed.
// An early delivery (the Tasks emulator ignores scheduleTime) is answered 503 and redelivered after
// the queue's backoff; the reminder is due within minutes, so that converges quickly.
import * as logger from 'firebase-functions/logger';
import { paramValue, reminderMinutes } from '../config';
import { timerPending } from '../domain/lifecycle';
import { reminderContent } from '../domain/notifications';
import { now } from '../infra/clock';
import { devicesOfUsers, memberUidsOf } from '../infra/devices';
import { orderFromSnapshot, orderRef } from '../infra/orders';
import { RetryLaterError } from '../boundary/errors';
import { pushOnce } from './pushOnce';
import { REMINDER_FUNCTION } from './orderTimers';
import { LOG_EVENTS } from '../logEvents';

export type ReminderOutcome = 'sent' | 'duplicate' | 'order_moved_on' | 'order_not_found' | 'invalid_payload' | 'reminders_off' | 'gave_up';

/** Reminds the store of an order still unanswered (the task handler's use case). */
export async function remindIfUnanswered(orderId: string): Promise<ReminderOutcome> {
  const snapshot = await orderRef(orderId).get();
  if (!snapshot.exists) {
    logger.warn(LOG_EVENTS.reminderOrderNotFound, { orderId });
    return 'order_not_found';
  }
  const order = orderFromSnapshot(snapshot);
  const log = { orderId, storeId: order.storeId, status: order.status };
  if (!timerPending('reminder', order)) {
    logger.info(LOG_EVENTS.reminderOrderMovedOn, log);
    return 'order_moved_on';
  }
  const minutes = paramValue(reminderMinutes);
  if (!(minutes > 0)) {
    logger.info(LOG_EVENTS.reminderRemindersOff, log);
    return 'reminders_off';
  }
  const remainingMs = order.createdAt + minutes * 60_000 - now();
  if (remainingMs > 0) {
    logger.info(LOG_EVENTS.reminderEarlyRetry, { ...log, remainingMs });
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
