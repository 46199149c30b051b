// A new order: push it to every device of every member of its store (once per event), and put its
// timers on Cloud Tasks: the one-hour auto-complete (pickup orders) and the unanswered-order
// reminder. Every step is idempotent on its own, so a redelivered event repeats none of them: the
// push is claimed in notificationClaims, task names are derived from the orderId.
import * as logger from 'firebase-functions/logger';
import type { QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { FirestoreEvent, onDocumentCreated } from 'firebase-functions/v2/firestore';
import { paramValue, reminderMinutes } from '../config';
import { PLACE, TimerName } from '../domain/lifecycle';
import { newOrderContent } from '../domain/notifications';
import { devicesOfUsers, memberUidsOf } from '../infra/devices';
import { orderFromSnapshot } from '../infra/orders';
import { pushOnce } from '../infra/push';
import { scheduleAutoComplete, scheduleReminder } from '../infra/taskScheduler';
import { failIfAnyRejected } from './settle';

export const ORDER_CREATED_FUNCTION = 'onOrderCreated';

export async function handleOrderCreated(
  event: FirestoreEvent<QueryDocumentSnapshot | undefined, { orderId: string }>,
): Promise<void> {
  if (!event.data) return;
  const order = orderFromSnapshot(event.data);
  const log = { orderId: order.orderId, storeId: order.storeId, eventId: event.id };
  const schedule: Record<TimerName, () => Promise<unknown>> = {
    autoComplete: () => scheduleAutoComplete(order),
    reminder: () => scheduleReminder(order, paramValue(reminderMinutes)),
  };
  // The timers `place` starts (domain/lifecycle.ts PLACE), then the store's new-order push.
  const steps: Record<string, Promise<unknown>> = {};
  for (const timer of PLACE.timers.schedule ?? []) steps[timer] = schedule[timer]();
  Object.assign(steps, {
    push: pushOnce({
      key: { functionName: ORDER_CREATED_FUNCTION, eventId: event.id },
      context: { orderId: order.orderId, storeId: order.storeId, kind: 'order.received' },
      content: newOrderContent(order),
      recipients: async () => devicesOfUsers(await memberUidsOf(order.storeId)),
    }),
  });
  // All steps run even when one fails; any failure makes the platform redeliver the event.
  await failIfAnyRejected(steps, log, 'order_created');
  logger.info('order_created.handled', log);
}

export const onOrderCreated = onDocumentCreated(
  { document: 'orders/{orderId}', retry: true, timeoutSeconds: 60 },
  handleOrderCreated,
);
