// What follows a stored order change, as the lifecycle specifies it (domain/lifecycle.ts):
// - placed: the timers `place` starts (auto-complete for pickup, the reminder) and the store's
//   new-order push;
// - changed: the customer notice of the command that made the change, and the timers it cancels.
// Every step is idempotent on its own, so a redelivered event repeats none of them: pushes are
// claimed in notificationClaims per event, task names are derived from the orderId.
import * as logger from 'firebase-functions/logger';
import { paramValue, reminderMinutes } from '../config';
import { effectsOf, PLACE, TimerName, timersCancelledBy } from '../domain/lifecycle';
import { customerContent, newOrderContent } from '../domain/notifications';
import { Order } from '../domain/order';
import { devicesOfUsers, memberUidsOf } from '../infra/devices';
import { cancelAutoComplete, scheduleAutoComplete, scheduleReminder } from './orderTimers';
import { pushOnce } from './pushOnce';
import { failIfAnyRejected } from './settle';
import { LOG_EVENTS } from '../logEvents';

/** Export names of the triggers in index.ts: the keys of their pushes in the ledger. */
export const ORDER_CREATED_FUNCTION = 'onOrderCreated';
export const ORDER_UPDATED_FUNCTION = 'onOrderUpdated';

export async function afterOrderPlaced(order: Order, eventId: string): Promise<void> {
  const log = { orderId: order.orderId, storeId: order.storeId, eventId };
  const schedule: Record<TimerName, () => Promise<unknown>> = {
    autoComplete: () => scheduleAutoComplete(order),
    reminder: () => scheduleReminder(order, paramValue(reminderMinutes)),
  };
  const steps: Record<string, Promise<unknown>> = {};
  for (const timer of PLACE.timers.schedule ?? []) steps[timer] = schedule[timer]();
  steps.push = pushOnce({
    key: { functionName: ORDER_CREATED_FUNCTION, eventId },
    context: { orderId: order.orderId, storeId: order.storeId, kind: 'order.received' },
    content: newOrderContent(order),
    recipients: async () => devicesOfUsers(await memberUidsOf(order.storeId)),
  });
  // All steps run even when one fails; any failure makes the platform redeliver the event.
  await failIfAnyRejected(steps, log, 'order_created');
  logger.info(LOG_EVENTS.orderCreatedHandled, log);
}

/** A pickup order that became terminal before its hour no longer needs its auto-complete task. */
export function finishedBeforeItsHour(before: Order, after: Order): boolean {
  return timersCancelledBy(before, after).includes('autoComplete');
}

export async function afterOrderChanged(before: Order, after: Order, eventId: string): Promise<void> {
  const log = { orderId: after.orderId, storeId: after.storeId, eventId, status: after.status };
  const steps: Record<string, Promise<unknown>> = {};

  // Best effort (never rejects): the task handler re-checks the order anyway.
  if (finishedBeforeItsHour(before, after)) steps.cancelTask = cancelAutoComplete(after);

  const { notice } = effectsOf(before, after);
  if (notice) {
    steps.push = pushOnce({
      key: { functionName: ORDER_UPDATED_FUNCTION, eventId },
      context: { orderId: after.orderId, storeId: after.storeId, kind: `order.${notice}` },
      content: customerContent(after, notice),
      recipients: () => devicesOfUsers([after.customerUid]),
      noDevicesSeverity: 'info',
    });
  }
  await failIfAnyRejected(steps, log, 'order_updated');
  const taskCancelled = 'cancelTask' in steps;
  if (notice || taskCancelled) logger.info(LOG_EVENTS.orderUpdatedHandled, { ...log, notice, taskCancelled });
}
