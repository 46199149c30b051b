// The order timers: one auto-complete task per pickup order (due at autoCompleteAt) and one
// unanswered-order reminder per order, aimed at the task-queue functions autoCompleteOrder and
// remindUnansweredOrder. Which orders get them, and until when they matter, is the lifecycle's
// (domain/lifecycle.ts TIMERS); this module names the tasks and hands them to the Cloud Tasks
// boundary (infra/cloudTasks.ts). Task names are a hash of the orderId, so a redelivered creation
// trigger cannot enqueue twice.
import * as logger from 'firebase-functions/logger';
import { autoCompleteQueue, paramValue, reminderQueue } from '../config';
import { autoCompleteAtOf, timerPending } from '../domain/lifecycle';
import { Order } from '../domain/order';
import { deleteTask, enqueueTask, sha256Hex } from '../infra/cloudTasks';
import { LOG_EVENTS } from '../logEvents';

/** Export names of the task handlers in index.ts; also their default queue ids. */
export const AUTO_COMPLETE_FUNCTION = 'autoCompleteOrder';
export const REMINDER_FUNCTION = 'remindUnansweredOrder';

export function autoCompleteTaskId(orderId: string): string {
  return `autocomplete-${sha256Hex(orderId)}`;
}

export function reminderTaskId(orderId: string): string {
  return `reminder-${sha256Hex(orderId)}`;
}

export type ScheduleOutcome = 'created' | 'already_exists' | 'not_applicable';

type TimedOrder = Pick<Order, 'orderId' | 'storeId' | 'channel' | 'status' | 'createdAt' | 'autoCompleteAt'>;

/** The one-hour auto-complete of a pickup order. Delivery orders never auto-complete on the timer. */
export async function scheduleAutoComplete(order: TimedOrder): Promise<ScheduleOutcome> {
  if (!timerPending('autoComplete', order)) return 'not_applicable';
  const dueAt = autoCompleteAtOf(order);
  const { outcome, task } = await enqueueTask(
    paramValue(autoCompleteQueue),
    AUTO_COMPLETE_FUNCTION,
    autoCompleteTaskId(order.orderId),
    dueAt,
    { orderId: order.orderId },
  );
  logger.info(LOG_EVENTS.tasksAutoCompleteScheduled, {
    orderId: order.orderId,
    storeId: order.storeId,
    outcome,
    task,
    dueAt: new Date(dueAt).toISOString(),
  });
  return outcome;
}

/** The unanswered-order reminder, `minutes` after the order arrived. 0 (or less) turns reminders off. */
export async function scheduleReminder(order: TimedOrder, minutes: number): Promise<ScheduleOutcome> {
  if (!timerPending('reminder', order) || !(minutes > 0)) return 'not_applicable';
  const remindAt = order.createdAt + minutes * 60_000;
  const { outcome, task } = await enqueueTask(paramValue(reminderQueue), REMINDER_FUNCTION, reminderTaskId(order.orderId), remindAt, {
    orderId: order.orderId,
    remindAt,
    minutes,
  });
  logger.info(LOG_EVENTS.tasksReminderScheduled, {
    orderId: order.orderId,
    storeId: order.storeId,
    outcome,
    task,
    remindAt: new Date(remindAt).toISOString(),
  });
  return outcome;
}

/**
 * Deletes an order's auto-complete task once it no longer matters. Best effort: a task that ran,
 * was never created or fails to delete is harmless, because the handler re-checks the order.
 */
export async function cancelAutoComplete(order: Pick<Order, 'orderId' | 'storeId'>): Promise<'deleted' | 'not_found' | 'failed'> {
  const log = { orderId: order.orderId, storeId: order.storeId };
  try {
    const { outcome, task } = await deleteTask(paramValue(autoCompleteQueue), autoCompleteTaskId(order.orderId));
    if (outcome === 'deleted') logger.info(LOG_EVENTS.tasksAutoCompleteDeleted, { ...log, task });
    return outcome;
  } catch (error) {
    logger.warn(LOG_EVENTS.tasksAutoCompleteDeleteFailed, { ...log, error: String(error) });
    return 'failed';
  }
}
