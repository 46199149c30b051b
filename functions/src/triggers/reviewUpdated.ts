// A changed review: on its first reply ever, push the reply to the customer, exactly once
// (app/reviewNotifications.ts notifyFirstReply).
import type { QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { Change, FirestoreEvent, onDocumentUpdated } from 'firebase-functions/v2/firestore';
import { notifyFirstReply } from '../app/reviewNotifications';
import { reviewFromSnapshot } from '../infra/reviews';
import { FUNCTION_MEMORY } from '../memory';

export async function handleReviewUpdated(
  event: FirestoreEvent<Change<QueryDocumentSnapshot> | undefined, { reviewId: string }>,
): Promise<void> {
  if (!event.data) return;
  await notifyFirstReply(reviewFromSnapshot(event.data.before), reviewFromSnapshot(event.data.after), event.id);
}

export const onReviewUpdated = onDocumentUpdated(
  { document: 'reviews/{reviewId}', retry: true, timeoutSeconds: 60, memory: FUNCTION_MEMORY.trigger },
  handleReviewUpdated,
);
