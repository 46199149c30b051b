// A changed review: on its first reply ever, push the reply to the customer, exactly once. The
// ledger key is the review id, and firstRepliedAt is set once, so a deleted and rewritten reply
// or a redelivered event sends nothing more.
import * as logger from 'firebase-functions/logger';
import type { QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { Change, FirestoreEvent, onDocumentUpdated } from 'firebase-functions/v2/firestore';
import { isFirstReply, replyContent } from '../domain/reviewNotifications';
import { devicesOfUsers } from '../infra/devices';
import { pushOnce } from '../app/pushOnce';
import { reviewFromSnapshot } from '../infra/reviews';
import { LOG_EVENTS } from '../logEvents';
import { FUNCTION_MEMORY } from '../memory';

export const REVIEW_REPLIED_FUNCTION = 'onReviewUpdated';

export async function handleReviewUpdated(
  event: FirestoreEvent<Change<QueryDocumentSnapshot> | undefined, { reviewId: string }>,
): Promise<void> {
  if (!event.data) return;
  const before = reviewFromSnapshot(event.data.before);
  const after = reviewFromSnapshot(event.data.after);
  if (!isFirstReply(before, after)) return;
  const log = { reviewId: after.reviewId, orderId: after.orderId, storeId: after.storeId, eventId: event.id };
  await pushOnce({
    key: { functionName: REVIEW_REPLIED_FUNCTION, eventId: after.reviewId },
    context: { orderId: after.orderId, storeId: after.storeId, kind: 'review.replied' },
    content: replyContent(after),
    recipients: () => devicesOfUsers([after.customerUid]),
    noDevicesSeverity: 'info',
  });
  logger.info(LOG_EVENTS.reviewUpdatedReplyPushed, log);
}

export const onReviewUpdated = onDocumentUpdated(
  { document: 'reviews/{reviewId}', retry: true, timeoutSeconds: 60, memory: FUNCTION_MEMORY.trigger },
  handleReviewUpdated,
);
