// Pushes about reviews, each exactly once (app/pushOnce.ts). The ledger key is the review id: one
// review per order, never written twice, so even distinct events for the same review send once, and
// firstRepliedAt is set once, so a deleted and rewritten reply or a redelivered event sends nothing more.
import * as logger from 'firebase-functions/logger';
import type { Review } from '../domain/reviews';
import { isFirstReply, newReviewContent, replyContent } from '../domain/reviewNotifications';
import { devicesOfUsers, memberUidsOf } from '../infra/devices';
import { LOG_EVENTS } from '../logEvents';
import { pushOnce } from './pushOnce';

export const REVIEW_CREATED_FUNCTION = 'onReviewCreated';
export const REVIEW_REPLIED_FUNCTION = 'onReviewUpdated';

/** A new review: push it to every device of every member of its store. */
export async function notifyNewReview(review: Review, eventId: string): Promise<void> {
  const log = { reviewId: review.reviewId, orderId: review.orderId, storeId: review.storeId, eventId };
  if (review.status === 'deleted') {
    logger.info(LOG_EVENTS.reviewCreatedSkippedDeleted, log);
    return;
  }
  await pushOnce({
    key: { functionName: REVIEW_CREATED_FUNCTION, eventId: review.reviewId },
    context: { orderId: review.orderId, storeId: review.storeId, kind: 'review.created' },
    content: newReviewContent(review),
    recipients: async () => devicesOfUsers(await memberUidsOf(review.storeId)),
  });
  logger.info(LOG_EVENTS.reviewCreatedHandled, log);
}

/** A changed review: on its first reply ever, push the reply to the customer. */
export async function notifyFirstReply(before: Review, after: Review, eventId: string): Promise<void> {
  if (!isFirstReply(before, after)) return;
  const log = { reviewId: after.reviewId, orderId: after.orderId, storeId: after.storeId, eventId };
  await pushOnce({
    key: { functionName: REVIEW_REPLIED_FUNCTION, eventId: after.reviewId },
    context: { orderId: after.orderId, storeId: after.storeId, kind: 'review.replied' },
    content: replyContent(after),
    recipients: () => devicesOfUsers([after.customerUid]),
    noDevicesSeverity: 'info',
  });
  logger.info(LOG_EVENTS.reviewUpdatedReplyPushed, log);
}
