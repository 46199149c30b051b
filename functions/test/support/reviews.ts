// Reviews for tests: completed orders through the real callables, and the stored review, public
// copy and store rating read back.
import { completeOrder, startPreparing } from '../../src/callables/orderCommands';
import { submitReview } from '../../src/callables/reviews';
import { recomputeRating, Review } from '../../src/domain/reviews';
import { db } from '../../src/infra/firestore';
import { reviewFromSnapshot } from '../../src/infra/reviews';
import { as, call } from './callables';
import { STORE_ID } from './fixtures';
import { CUSTOMER, placePickup } from './orders';

/** A takeout order of `customerUid`, prepared and completed by the store's owner. */
export async function completedOrder(customerUid = CUSTOMER): Promise<string> {
  const orderId = await placePickup('takeout', customerUid);
  await call(startPreparing, { orderId, prepMinutes: 5 }, as.owner(STORE_ID));
  await call(completeOrder, { orderId }, as.owner(STORE_ID));
  return orderId;
}

/** A completed order and its review by the customer; returns the review id (= the order id). */
export async function reviewedOrder(rating = 4, text: string | null = '맛있어요', customerUid = CUSTOMER): Promise<string> {
  const orderId = await completedOrder(customerUid);
  await call(submitReview, { orderId, rating, ...(text === null ? {} : { text }) }, as.customer(customerUid));
  return orderId;
}

export async function storedReview(reviewId: string): Promise<Review | null> {
  const snapshot = await db().doc(`reviews/${reviewId}`).get();
  return snapshot.exists ? reviewFromSnapshot(snapshot) : null;
}

export async function publicReview(reviewId: string): Promise<Record<string, unknown> | null> {
  const snapshot = await db().doc(`publicReviews/${reviewId}`).get();
  return snapshot.exists ? snapshot.data()! : null;
}

export async function storeRating(storeId = STORE_ID): Promise<unknown> {
  return (await db().doc(`stores/${storeId}`).get()).get('rating');
}

/** The store's rating recomputed from every stored review of the store. */
export async function recomputedRating(storeId = STORE_ID) {
  const snapshot = await db().collection('reviews').where('storeId', '==', storeId).get();
  return recomputeRating(snapshot.docs.map(reviewFromSnapshot));
}
