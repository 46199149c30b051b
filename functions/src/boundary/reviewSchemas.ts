// zod schemas of the review callables (docs/reviews.md). The text rules live in domain/reviews.ts
// (trim, well-formed, length in characters); these schemas apply them at the boundary so a bad
// input is `invalid-argument` with its field path and nothing is read or written.
import { z } from 'zod';
import {
  checkText,
  MODERATION_DECISIONS,
  MODERATION_REASON_MAX,
  REPLY_TEXT_MAX,
  REPORT_NOTE_MAX,
  REPORT_REASONS,
  REVIEW_TEXT_MAX,
  type ReviewRating,
} from '../domain/reviews';
import { documentId } from './primitives';

/** Trimmed, well-formed, at most `max` characters; empty or absent is null when `optional`. */
function reviewText(max: number, optional: true): z.ZodType<string | null>;
function reviewText(max: number, optional: false): z.ZodType<string>;
function reviewText(max: number, optional: boolean): z.ZodType<string | null> {
  return z.string().transform((raw, ctx) => {
    const checked = checkText(raw, max, optional);
    if (!checked.ok) {
      ctx.addIssue({ code: 'custom', message: checked.message });
      return z.NEVER;
    }
    return checked.text;
  });
}

const rating = z
  .number()
  .int('별점은 1에서 5 사이의 정수입니다.')
  .min(1, '별점은 1에서 5 사이의 정수입니다.')
  .max(5, '별점은 1에서 5 사이의 정수입니다.')
  .transform((value) => value as ReviewRating);

const optionalReviewText = reviewText(REVIEW_TEXT_MAX, true)
  .optional()
  .nullable()
  .transform((value) => value ?? null);

export const submitReviewInput = z.strictObject({
  orderId: documentId,
  rating,
  text: optionalReviewText,
});

export const editReviewInput = z.strictObject({
  reviewId: documentId,
  rating,
  text: optionalReviewText,
});

export const reviewIdInput = z.strictObject({ reviewId: documentId });

export const replyToReviewInput = z.strictObject({
  reviewId: documentId,
  text: reviewText(REPLY_TEXT_MAX, false),
});

export const reportReviewInput = z.strictObject({
  reviewId: documentId,
  reason: z.enum(REPORT_REASONS),
  note: reviewText(REPORT_NOTE_MAX, true)
    .optional()
    .transform((value) => value ?? null),
});

export const moderateReviewInput = z.strictObject({
  reviewId: documentId,
  decision: z.enum(MODERATION_DECISIONS),
  reason: reviewText(MODERATION_REASON_MAX, false),
});
