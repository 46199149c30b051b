// The reviews callables: parse, run the use case in app/reviews.ts, answer.
import {
  deleteReplyHandler,
  deleteReviewHandler,
  editReviewHandler,
  moderateReviewHandler,
  replyToReviewHandler,
  reportReviewHandler,
  submitReviewHandler,
} from '../app/reviews';
import {
  editReviewInput,
  moderateReviewInput,
  replyToReviewInput,
  reportReviewInput,
  reviewIdInput,
  submitReviewInput,
} from '../boundary/reviewSchemas';
import { defineCallable } from './shell';

export const submitReview = /* @__PURE__ */ defineCallable('submitReview', submitReviewInput, submitReviewHandler);

export const editReview = /* @__PURE__ */ defineCallable('editReview', editReviewInput, editReviewHandler);

export const deleteReview = /* @__PURE__ */ defineCallable('deleteReview', reviewIdInput, deleteReviewHandler);

export const replyToReview = /* @__PURE__ */ defineCallable('replyToReview', replyToReviewInput, replyToReviewHandler);

export const deleteReply = /* @__PURE__ */ defineCallable('deleteReply', reviewIdInput, deleteReplyHandler);

export const reportReview = /* @__PURE__ */ defineCallable('reportReview', reportReviewInput, reportReviewHandler);

export const moderateReview = /* @__PURE__ */ defineCallable('moderateReview', moderateReviewInput, moderateReviewHandler);
