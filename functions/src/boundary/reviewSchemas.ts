// zod schemas of the review callables (docs/reviews.md). The text rules live in domain/reviews.ts
// (trim, well-formed, length in characters); these schemas apply them at the boundary so a bad
// input is `invalid-argument` with its field path and nothing is read or written.
import { z } from 'zod/mini';
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
import { documentId, refuse, schema } from './primitives';

/** Trimmed, well-formed, at most `max` characters; empty or absent is null when `optional`. */
function reviewText(max: number, optional: true): z.ZodMiniType<string | null, string>;
function reviewText(max: number, optional: false): z.ZodMiniType<string, string>;
function reviewText(max: number, optional: boolean): z.ZodMiniType<string | null, string> {
  return z.pipe(
    z.string(),
    z.transform((raw: string, ctx) => {
      const checked = checkText(raw, max, optional);
      return checked.ok ? checked.text : refuse(ctx, checked.message);
    }),
  );
}

const RATING_MESSAGE = '별점은 1에서 5 사이의 정수입니다.';
const rating = /* @__PURE__ */ schema(() =>
  z.pipe(
    z.number().check(z.int(RATING_MESSAGE), z.minimum(1, RATING_MESSAGE), z.maximum(5, RATING_MESSAGE)),
    z.transform((value: number) => value as ReviewRating),
  ),
);

const optionalReviewText = /* @__PURE__ */ schema(() =>
  z.pipe(
    z.nullable(z.optional(reviewText(REVIEW_TEXT_MAX, true))),
    z.transform((value: string | null | undefined) => value ?? null),
  ),
);

export const submitReviewInput = /* @__PURE__ */ schema(() =>
  z.strictObject({
    orderId: documentId,
    rating,
    text: optionalReviewText,
  }),
);

export const editReviewInput = /* @__PURE__ */ schema(() =>
  z.strictObject({
    reviewId: documentId,
    rating,
    text: optionalReviewText,
  }),
);

export const reviewIdInput = /* @__PURE__ */ schema(() => z.strictObject({ reviewId: documentId }));

export const replyToReviewInput = /* @__PURE__ */ schema(() =>
  z.strictObject({
    reviewId: documentId,
    text: reviewText(REPLY_TEXT_MAX, false),
  }),
);

export const reportReviewInput = /* @__PURE__ */ schema(() =>
  z.strictObject({
    reviewId: documentId,
    reason: z.enum(REPORT_REASONS),
    note: z.pipe(
      z.optional(reviewText(REPORT_NOTE_MAX, true)),
      z.transform((value: string | null | undefined) => value ?? null),
    ),
  }),
);

export const moderateReviewInput = /* @__PURE__ */ schema(() =>
  z.strictObject({
    reviewId: documentId,
    decision: z.enum(MODERATION_DECISIONS),
    reason: reviewText(MODERATION_REASON_MAX, false),
  }),
);
