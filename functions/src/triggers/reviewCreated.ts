// A new review: push it to every device of every member of its store, exactly once
// (app/reviewNotifications.ts notifyNewReview); a redelivered event finds the claim done.
import type { QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { FirestoreEvent, onDocumentCreated } from 'firebase-functions/v2/firestore';
import { notifyNewReview } from '../app/reviewNotifications';
import { reviewFromSnapshot } from '../infra/reviews';
import { FUNCTION_MEMORY } from '../memory';

export async function handleReviewCreated(event: FirestoreEvent<QueryDocumentSnapshot | undefined, { reviewId: string }>): Promise<void> {
  if (!event.data) return;
  await notifyNewReview(reviewFromSnapshot(event.data), event.id);
}

export const onReviewCreated = onDocumentCreated(
  { document: 'reviews/{reviewId}', retry: true, timeoutSeconds: 60, memory: FUNCTION_MEMORY.trigger },
  handleReviewCreated,
);
