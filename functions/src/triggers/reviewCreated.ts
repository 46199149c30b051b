// A new review: push it to every device of every member of its store, exactly once. The ledger key
// is the review id (one review per order, never written twice), so even distinct events for the
// same review send once; a redelivered event finds the claim done.
import * as logger from 'firebase-functions/logger';
import type { QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { FirestoreEvent, onDocumentCreated } from 'firebase-functions/v2/firestore';
import { newReviewContent } from '../domain/reviewNotifications';
import { devicesOfUsers, memberUidsOf } from '../infra/devices';
import { pushOnce } from '../app/pushOnce';
import { reviewFromSnapshot } from '../infra/reviews';
import { LOG_EVENTS } from '../logEvents';
import { FUNCTION_MEMORY } from '../memory';

export const REVIEW_CREATED_FUNCTION = 'onReviewCreated';

export async function handleReviewCreated(event: FirestoreEvent<QueryDocumentSnapshot | undefined, { reviewId: string }>): Promise<void> {
  if (!event.data) return;
  const review = reviewFromSnapshot(event.data);
  const log = { reviewId: review.reviewId, orderId: review.orderId, storeId: review.storeId, eventId: event.id };
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

export const onReviewCreated = onDocumentCreated(
  { document: 'reviews/{reviewId}', retry: true, timeoutSeconds: 60, memory: FUNCTION_MEMORY.trigger },
  handleReviewCreated,
);
