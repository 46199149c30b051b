// Customer reviews with owner replies (issue 15; docs/reviews.md). Pure TypeScript, no Firebase:
// who may do what to a review and when, the text rules, the masked author name, and the store's
// rating aggregate as a function of one review's contribution before and after a change.
//
// Decisions (documented in docs/reviews.md):
// - One review per order; its id is the order id. A deleted review stays as a tombstone (status
//   'deleted', rating and text gone), so it no longer counts and the order cannot be reviewed again.
// - Submit and edit within REVIEW_WINDOW_DAYS after the order completed; delete at any time.
// - Replies: the store's owners only (a reply is the store's public voice; staff process orders).
//   One reply per review; replying again edits it. Admins moderate rather than reply.
// - Reports: any signed-in user except the review's author (store members included). A report
//   hides nothing; it opens the review for an admin, who keeps or hides it (moderateReview).
// - Only 'visible' reviews count in the rating and are public.
import { Reason } from './reasons';
import type { StoreRole } from './permissions';

export const REVIEW_RATINGS = [1, 2, 3, 4, 5] as const;
export type ReviewRating = (typeof REVIEW_RATINGS)[number];

export const REVIEW_TEXT_MAX = 500;
export const REPLY_TEXT_MAX = 500;
export const REPORT_NOTE_MAX = 200;
export const MODERATION_REASON_MAX = 200;
export const DEFAULT_REVIEW_WINDOW_DAYS = 7;
export const DAY_MS = 24 * 60 * 60 * 1000;

export const REVIEW_STATUSES = ['visible', 'hidden', 'deleted'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const REPORT_REASONS = ['abusive', 'spam', 'personal_info', 'unrelated', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const MODERATION_DECISIONS = ['keep', 'hide'] as const;
export type ModerationDecision = (typeof MODERATION_DECISIONS)[number];

/** 'open': reported since the last moderation decision; an admin's queue. */
export const REPORT_STATES = ['none', 'open', 'resolved'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export interface ReviewReply {
  text: string;
  createdAt: number;
  updatedAt: number;
}

export interface Moderation {
  decision: ModerationDecision;
  reason: string;
  at: number;
}

/** The stored review (reviews/{reviewId}); the public copy carries only PublicReview's fields. */
export interface Review {
  reviewId: string;
  orderId: string;
  storeId: string;
  storeName: string;
  customerUid: string;
  /** Masked ("김**"): what everyone but the author sees. */
  authorName: string;
  rating: ReviewRating | null; // null only when deleted
  text: string | null;
  status: ReviewStatus;
  reply: ReviewReply | null;
  /** Derived from `reply`, for the 미답변 query. */
  replied: boolean;
  /** Set once, on the first reply ever: the customer's push fires on this change only. */
  firstRepliedAt: number | null;
  reportCount: number;
  reportState: ReportState;
  lastReportedAt: number | null;
  moderation: Moderation | null;
  orderCompletedAt: number;
  createdAt: number;
  updatedAt: number;
  editedAt: number | null;
  deletedAt: number | null;
}

export type PublicReview = Pick<Review, 'reviewId' | 'storeId' | 'authorName' | 'rating' | 'text' | 'reply' | 'createdAt' | 'editedAt'>;

export function publicReviewOf(review: Review): PublicReview | null {
  if (review.status !== 'visible') return null;
  const { reviewId, storeId, authorName, rating, text, reply, createdAt, editedAt } = review;
  return { reviewId, storeId, authorName, rating, text, reply, createdAt, editedAt };
}

// ---------------------------------------------------------------------------------------------
// Text

/** True when the string has no lone UTF-16 surrogate (it round-trips through UTF-8 unchanged). */
export function isWellFormed(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i += 1;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return false;
    }
  }
  return true;
}

/** Characters as a person counts them (code points), so an emoji counts once. */
export function characterCount(text: string): number {
  return Array.from(text).length;
}

export type TextCheck = { ok: true; text: string | null } | { ok: false; message: string };

/**
 * A review's or reply's text: trimmed; empty means none (allowed only when `optional`). Refuses
 * ill-formed strings (lone surrogates) and more than `max` characters after trimming.
 */
export function checkText(raw: string | null | undefined, max: number, optional: boolean): TextCheck {
  if (raw === undefined || raw === null) {
    return optional ? { ok: true, text: null } : { ok: false, message: '내용을 입력해 주세요.' };
  }
  if (!isWellFormed(raw)) return { ok: false, message: '올바르지 않은 문자가 포함되어 있습니다.' };
  const text = raw.trim();
  if (text.length === 0) return optional ? { ok: true, text: null } : { ok: false, message: '내용을 입력해 주세요.' };
  if (characterCount(text) > max) return { ok: false, message: `${max}자 이내로 입력해 주세요.` };
  return { ok: true, text };
}

export function isReviewRating(value: unknown): value is ReviewRating {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

// ---------------------------------------------------------------------------------------------
// The author's masked name

export const ANONYMOUS_AUTHOR = '고객';

/**
 * "김고객" → "김**": the first character and two stars, whatever the length (so the mask does not
 * leak it). No name, or something that looks like an email address, gives "고객".
 */
export function maskAuthorName(name: string | null | undefined): string {
  const trimmed = (name ?? '').trim();
  if (!trimmed || trimmed.includes('@') || !isWellFormed(trimmed)) return ANONYMOUS_AUTHOR;
  const first = Array.from(trimmed)[0];
  return `${first}**`;
}

// ---------------------------------------------------------------------------------------------
// Who may do what, when

/** Until when the customer may write or edit: REVIEW_WINDOW_DAYS after the order completed. */
export function reviewWindowEndsAt(orderCompletedAt: number, windowDays: number): number {
  return orderCompletedAt + windowDays * DAY_MS;
}

export function withinWindow(orderCompletedAt: number, windowDays: number, at: number): boolean {
  return at <= reviewWindowEndsAt(orderCompletedAt, windowDays);
}

export interface ReviewableOrder {
  customerUid: string;
  status: string;
  /** When it completed; null while not completed. */
  completedAt: number | null;
}

/**
 * Submitting a review for an order: the order's customer, a completed order, within the window,
 * and no review yet (a tombstone counts: a deleted review is not written again).
 * Returns 'create', 'noop' (the same review already exists: a retried call) or a denial.
 */
export function submitDecision(
  callerUid: string,
  order: ReviewableOrder,
  existing: Pick<Review, 'status' | 'rating' | 'text'> | null,
  input: { rating: ReviewRating; text: string | null },
  windowDays: number,
  at: number,
): 'create' | 'noop' | Reason {
  if (order.customerUid !== callerUid) return 'not_order_participant';
  if (existing) {
    if (existing.status === 'deleted') return 'review_deleted';
    return existing.rating === input.rating && existing.text === input.text ? 'noop' : 'review_exists';
  }
  if (order.status !== 'completed' || order.completedAt === null) return 'order_not_completed';
  if (!withinWindow(order.completedAt, windowDays, at)) return 'review_window_closed';
  return 'create';
}

type AuthorView = Pick<Review, 'customerUid' | 'status' | 'orderCompletedAt' | 'rating' | 'text'>;

/** Editing: the author, a review not deleted, within the window. 'noop' when nothing changes. */
export function editDecision(
  callerUid: string,
  review: AuthorView,
  input: { rating: ReviewRating; text: string | null },
  windowDays: number,
  at: number,
): 'edit' | 'noop' | Reason {
  if (review.status === 'deleted') return 'review_not_found';
  if (review.customerUid !== callerUid) return 'not_review_author';
  if (review.rating === input.rating && review.text === input.text) return 'noop';
  if (!withinWindow(review.orderCompletedAt, windowDays, at)) return 'review_window_closed';
  return 'edit';
}

/** Deleting: the author, at any time. Deleting a deleted review is a no-op (a retried call). */
export function deleteDecision(callerUid: string, review: Pick<Review, 'customerUid' | 'status'>): 'delete' | 'noop' | Reason {
  if (review.customerUid !== callerUid) return review.status === 'deleted' ? 'review_not_found' : 'not_review_author';
  return review.status === 'deleted' ? 'noop' : 'delete';
}

/** Replying (or editing or deleting the reply): an owner of the review's store, on a visible review. */
export function replyDenial(role: StoreRole | null, review: Pick<Review, 'status'>): Reason | null {
  if (review.status === 'deleted') return 'review_not_found';
  if (!role) return 'not_store_member';
  if (role !== 'owner') return 'store_owner_only';
  if (review.status !== 'visible') return 'review_hidden';
  return null;
}

/** Reporting: anyone signed in but the author, on a review not deleted. */
export function reportDenial(callerUid: string, review: Pick<Review, 'customerUid' | 'status'>): Reason | null {
  if (review.status === 'deleted') return 'review_not_found';
  if (review.customerUid === callerUid) return 'own_review_report';
  return null;
}

/** Moderating: admins only, on a review not deleted. Keep shows it (again), hide hides it. */
export function moderationDenial(admin: boolean, review: Pick<Review, 'status'>): Reason | null {
  if (!admin) return 'admin_only';
  if (review.status === 'deleted') return 'review_not_found';
  return null;
}

export function statusAfterModeration(decision: ModerationDecision): ReviewStatus {
  return decision === 'hide' ? 'hidden' : 'visible';
}

// ---------------------------------------------------------------------------------------------
// The store's rating: count, sum and distribution of visible reviews

export type Distribution = Record<'1' | '2' | '3' | '4' | '5', number>;

export interface RatingAggregate {
  count: number;
  sum: number;
  distribution: Distribution;
  /** sum / count to one decimal (4.25 → 4.3), 0 without reviews. Derived; stored for display. */
  average: number;
}

export const EMPTY_RATING: RatingAggregate = Object.freeze({
  count: 0,
  sum: 0,
  distribution: Object.freeze({ '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 }),
  average: 0,
});

/** What one review adds to the rating: its rating while visible, nothing otherwise. */
export function contributionOf(review: Pick<Review, 'status' | 'rating'> | null): ReviewRating | null {
  if (!review || review.status !== 'visible' || review.rating === null) return null;
  return review.rating;
}

export function averageOf(sum: number, count: number): number {
  if (count <= 0) return 0;
  return Math.round((sum * 10) / count) / 10;
}

/** A stored aggregate, or the empty one for a store with none (or a malformed one). */
export function ratingFromStored(value: unknown): RatingAggregate {
  if (!value || typeof value !== 'object') return EMPTY_RATING;
  const stored = value as Partial<RatingAggregate>;
  const distribution = { ...EMPTY_RATING.distribution };
  for (const key of Object.keys(distribution) as (keyof Distribution)[]) {
    const n = stored.distribution?.[key];
    distribution[key] = typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : 0;
  }
  const count = Object.values(distribution).reduce((a, b) => a + b, 0);
  const sum = (Object.entries(distribution) as [keyof Distribution, number][]).reduce((a, [k, n]) => a + Number(k) * n, 0);
  // The distribution is the truth; count and sum are re-derived from it, so they can never disagree.
  return { count, sum, distribution, average: averageOf(sum, count) };
}

/**
 * The aggregate after one review's contribution changed from `before` to `after` (null = not
 * counted: absent, hidden or deleted). Pure arithmetic: the same change applied in the same
 * transaction as the review's write keeps the aggregate equal to a recomputation.
 */
export function applyRatingChange(aggregate: RatingAggregate, before: ReviewRating | null, after: ReviewRating | null): RatingAggregate {
  if (before === after) return aggregate;
  const distribution = { ...aggregate.distribution };
  if (before !== null) {
    if (distribution[String(before) as keyof Distribution] <= 0) {
      throw new RangeError(`rating aggregate has no ${before}-star review to remove`);
    }
    distribution[String(before) as keyof Distribution] -= 1;
  }
  if (after !== null) distribution[String(after) as keyof Distribution] += 1;
  const count = aggregate.count - (before === null ? 0 : 1) + (after === null ? 0 : 1);
  const sum = aggregate.sum - (before ?? 0) + (after ?? 0);
  return { count, sum, distribution, average: averageOf(sum, count) };
}

/** The aggregate of a set of reviews, from scratch (tests and audits compare it with the stored one). */
export function recomputeRating(reviews: readonly Pick<Review, 'status' | 'rating'>[]): RatingAggregate {
  return reviews.reduce((aggregate, review) => applyRatingChange(aggregate, null, contributionOf(review)), EMPTY_RATING);
}
