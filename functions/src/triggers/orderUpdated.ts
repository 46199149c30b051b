// A changed order: tell the customer about the changes they care about (준비 시작, 완료, 배송 준비,
// 발송, 송장 수정, 취소), once per event, and drop the auto-complete task of a pickup order that
// finished before its hour.
import * as logger from 'firebase-functions/logger';
import type { QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { Change, FirestoreEvent, onDocumentUpdated } from 'firebase-functions/v2/firestore';
import { effectsOf, timersCancelledBy } from '../domain/lifecycle';
import { customerContent } from '../domain/notifications';
import { Order } from '../domain/order';
import { devicesOfUsers } from '../infra/devices';
import { orderFromSnapshot } from '../infra/orders';
import { pushOnce } from '../infra/push';
import { cancelAutoComplete } from '../infra/taskScheduler';
import { failIfAnyRejected } from './settle';

export const ORDER_UPDATED_FUNCTION = 'onOrderUpdated';

/** A pickup order that became terminal before its hour no longer needs its auto-complete task. */
export function finishedBeforeItsHour(before: Order, after: Order): boolean {
  return timersCancelledBy(before, after).includes('autoComplete');
}

export async function handleOrderUpdated(
  event: FirestoreEvent<Change<QueryDocumentSnapshot> | undefined, { orderId: string }>,
): Promise<void> {
  if (!event.data) return;
  const before = orderFromSnapshot(event.data.before);
  const after = orderFromSnapshot(event.data.after);
  const log = { orderId: after.orderId, storeId: after.storeId, eventId: event.id, status: after.status };
  const steps: Record<string, Promise<unknown>> = {};

  // Best effort (never rejects): the task handler re-checks the order anyway.
  if (finishedBeforeItsHour(before, after)) steps.cancelTask = cancelAutoComplete(after);

  const { notice } = effectsOf(before, after);
  if (notice) {
    steps.push = pushOnce({
      key: { functionName: ORDER_UPDATED_FUNCTION, eventId: event.id },
      context: { orderId: after.orderId, storeId: after.storeId, kind: `order.${notice}` },
      content: customerContent(after, notice),
      recipients: () => devicesOfUsers([after.customerUid]),
      noDevicesSeverity: 'info',
    });
  }
  await failIfAnyRejected(steps, log, 'order_updated');
  const taskCancelled = 'cancelTask' in steps;
  if (notice || taskCancelled) logger.info('order_updated.handled', { ...log, notice, taskCancelled });
}

export const onOrderUpdated = onDocumentUpdated(
  { document: 'orders/{orderId}', retry: true, timeoutSeconds: 60 },
  handleOrderUpdated,
);
