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

export const submitReview = defineCallable('submitReview', submitReviewInput, submitReviewHandler);

export const editReview = defineCallable('editReview', editReviewInput, editReviewHandler);

export const deleteReview = defineCallable('deleteReview', reviewIdInput, deleteReviewHandler);

export const replyToReview = defineCallable('replyToReview', replyToReviewInput, replyToReviewHandler);

export const deleteReply = defineCallable('deleteReply', reviewIdInput, deleteReplyHandler);

export const reportReview = defineCallable('reportReview', reportReviewInput, reportReviewHandler);

export const moderateReview = defineCallable('moderateReview', moderateReviewInput, moderateReviewHandler);
