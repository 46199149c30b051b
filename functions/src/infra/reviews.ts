// Firestore layout of reviews (docs/reviews.md):
//   reviews/{reviewId}                    the review (id = its order's id): its customer, the store's
//                                         members and admins read it
//   reviews/{reviewId}/reports/{reportId} one report per reporter (id = hash of review and reporter),
//                                         no reporter uid: the store's members and admins read them
//   publicReviews/{reviewId}              the public copy of a visible review: no uid, no reports;
//                                         absent while hidden or deleted. Anyone reads it.
//   stores/{storeId}.rating               { count, sum, distribution, average } of visible reviews
// Every change writes the review, its public copy and the store's rating in ONE transaction.
import { createHash } from 'node:crypto';
import type { DocumentReference, DocumentSnapshot, Transaction } from 'firebase-admin/firestore';
import { DomainError } from '../domain/reasons';
import { applyRatingChange, contributionOf, publicReviewOf, RatingAggregate, ratingFromStored, Review } from '../domain/reviews';
import { db, fromStored, toStored } from './firestore';
import { storeRef } from './stores';

export const REVIEWS = 'reviews';
export const REPORTS = 'reports';
export const PUBLIC_REVIEWS = 'publicReviews';

export function reviewRef(reviewId: string): DocumentReference {
  return db().collection(REVIEWS).doc(reviewId);
}

export function publicReviewRef(reviewId: string): DocumentReference {
  return db().collection(PUBLIC_REVIEWS).doc(reviewId);
}

/** One report per user and review; the id does not reveal the uid to the members who read it. */
export function reportIdOf(reviewId: string, reporterUid: string): string {
  return createHash('sha256').update(`review-report:${reviewId}:${reporterUid}`).digest('hex').slice(0, 32);
}

export function reportRef(reviewId: string, reporterUid: string): DocumentReference {
  return reviewRef(reviewId).collection(REPORTS).doc(reportIdOf(reviewId, reporterUid));
}

export function reviewFromSnapshot(snapshot: DocumentSnapshot): Review {
  return { ...fromStored<Omit<Review, 'reviewId'>>(snapshot.data()), reviewId: snapshot.id };
}

function stored(value: unknown): Record<string, unknown> {
  return toStored(value) as Record<string, unknown>;
}

/** Reads the review in `tx`; a missing one is review_not_found. */
export async function readReview(tx: Transaction, reviewId: string): Promise<Review> {
  const snapshot = await tx.get(reviewRef(reviewId));
  if (!snapshot.exists) throw new DomainError('review_not_found');
  return reviewFromSnapshot(snapshot);
}

/**
 * Whether a change from `before` to `after` moves the store's rating: then the store must be read
 * (before any write of the transaction) and passed to stageReviewChange.
 */
export function changesRating(before: Review | null, after: Review): boolean {
  return contributionOf(before) !== contributionOf(after);
}

/** Reads the store's rating in `tx` (for a change that moves it). */
export async function readStoreRating(tx: Transaction, storeId: string): Promise<RatingAggregate> {
  const snapshot = await tx.get(storeRef(storeId));
  if (!snapshot.exists) throw new DomainError('store_not_found', { storeId });
  return ratingFromStored(snapshot.get('rating'));
}

/**
 * Stages one review change in `tx`: the review, its public copy (written while visible, deleted
 * otherwise) and, when its contribution changed, the store's rating. Call after every read.
 */
export function stageReviewChange(
  tx: Transaction,
  before: Review | null,
  after: Review,
  rating: RatingAggregate | null,
): RatingAggregate | null {
  const { reviewId: _id, ...fields } = after;
  if (before) tx.set(reviewRef(after.reviewId), stored(fields));
  else tx.create(reviewRef(after.reviewId), stored(fields));

  const publicView = publicReviewOf(after);
  if (publicView) tx.set(publicReviewRef(after.reviewId), stored(publicView));
  else if (before && before.status === 'visible') tx.delete(publicReviewRef(after.reviewId));

  const from = contributionOf(before);
  const to = contributionOf(after);
  if (from === to) return null;
  if (!rating) throw new Error('stageReviewChange: the store rating must be read for a change that moves it');
  const next = applyRatingChange(rating, from, to);
  tx.update(storeRef(after.storeId), { rating: next });
  return next;
}
