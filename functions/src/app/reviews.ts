// Customer reviews with owner replies (docs/reviews.md). Each callable is one transaction that reads
// the data its authority comes from (the order for its customer, the membership document for a
// partner; admins by their claim), decides with domain/reviews.ts, and writes the review, its
// public copy and the store's rating together, or nothing.
import * as logger from 'firebase-functions/logger';
import type { z } from 'zod/mini';
import type { Transaction } from 'firebase-admin/firestore';
import { Caller, isAdmin } from './caller';
import { paramValue, reviewWindowDays } from '../config';
import { isStoreRole, type StoreRole } from '../domain/permissions';
import { DomainError } from '../domain/reasons';
import {
  deleteDecision,
  editDecision,
  maskAuthorName,
  moderationDenial,
  replyDenial,
  reportDenial,
  Review,
  statusAfterModeration,
  submitDecision,
} from '../domain/reviews';
import { now } from '../infra/clock';
import { db, toStored } from '../infra/firestore';
import { orderFromSnapshot, orderRef } from '../infra/orders';
import { changesRating, readReview, readStoreRating, reportRef, reviewFromSnapshot, reviewRef, stageReviewChange } from '../infra/reviews';
import { memberRef } from '../infra/stores';
import {
  editReviewInput,
  moderateReviewInput,
  replyToReviewInput,
  reportReviewInput,
  reviewIdInput,
  submitReviewInput,
} from '../boundary/reviewSchemas';
import { LOG_EVENTS } from '../logEvents';

/** What a callable answers: the review as its caller may see it (never the customer's uid). */
export type ReviewResult = Omit<Review, 'customerUid'> & { changed: boolean };

function resultOf(review: Review, changed: boolean): ReviewResult {
  const { customerUid: _uid, ...visible } = review;
  return { ...visible, changed };
}

function windowDays(): number {
  return paramValue(reviewWindowDays);
}

function logChange(action: string, review: Review, caller: Caller, changed: boolean): void {
  logger.info(LOG_EVENTS.reviewChanged, {
    action,
    changed,
    reviewId: review.reviewId,
    orderId: review.orderId,
    storeId: review.storeId,
    status: review.status,
    uid: caller.uid,
  });
}

/**
 * Reads the review, then lets `change` decide its next state; stages the review, its public copy
 * and (when the change moves it) the store's rating. `change` returning null is a no-op.
 */
async function changeReview(
  reviewId: string,
  change: (tx: Transaction, review: Review, at: number) => Promise<Review | null>,
): Promise<{ review: Review; changed: boolean }> {
  return db().runTransaction(async (tx) => {
    const review = await readReview(tx, reviewId);
    const at = now();
    const next = await change(tx, review, at);
    if (!next) return { review, changed: false };
    const rating = changesRating(review, next) ? await readStoreRating(tx, review.storeId) : null;
    stageReviewChange(tx, review, next, rating);
    return { review: next, changed: true };
  });
}

/** The caller's role at the store, from their membership document read in `tx`. */
async function memberRoleIn(tx: Transaction, storeId: string, uid: string): Promise<StoreRole | null> {
  const snapshot = await tx.get(memberRef(storeId, uid));
  const role: unknown = snapshot.exists ? snapshot.get('role') : null;
  return isStoreRole(role) ? role : null;
}

/** 리뷰 작성: the order's customer, once per order, within the window after completion. */
export async function submitReviewHandler(input: z.output<typeof submitReviewInput>, caller: Caller) {
  const result = await db().runTransaction(async (tx) => {
    const orderSnapshot = await tx.get(orderRef(input.orderId));
    if (!orderSnapshot.exists) throw new DomainError('order_not_found');
    const order = orderFromSnapshot(orderSnapshot);
    const existingSnapshot = await tx.get(reviewRef(order.orderId));
    const existing = existingSnapshot.exists ? reviewFromSnapshot(existingSnapshot) : null;
    const at = now();
    const completedAt = order.status === 'completed' ? (order.completion?.at ?? order.updatedAt) : null;
    const decision = submitDecision(
      caller.uid,
      { customerUid: order.customerUid, status: order.status, completedAt },
      existing,
      { rating: input.rating, text: input.text },
      windowDays(),
      at,
    );
    if (decision === 'noop') return { review: existing!, changed: false };
    if (decision !== 'create') throw new DomainError(decision);
    const rating = await readStoreRating(tx, order.storeId);
    const review: Review = {
      reviewId: order.orderId,
      orderId: order.orderId,
      storeId: order.storeId,
      storeName: order.storeName,
      customerUid: order.customerUid,
      // The ID token's `name` (the account's display name), else the delivery recipient.
      authorName: maskAuthorName(typeof caller.token.name === 'string' ? caller.token.name : order.delivery?.recipient),
      rating: input.rating,
      text: input.text,
      status: 'visible',
      reply: null,
      replied: false,
      firstRepliedAt: null,
      reportCount: 0,
      reportState: 'none',
      lastReportedAt: null,
      moderation: null,
      orderCompletedAt: completedAt!,
      createdAt: at,
      updatedAt: at,
      editedAt: null,
      deletedAt: null,
    };
    stageReviewChange(tx, null, review, rating);
    return { review, changed: true };
  });
  logChange('submit', result.review, caller, result.changed);
  return resultOf(result.review, result.changed);
}

/** 리뷰 수정: the author, within the window. A hidden review stays hidden. */
export async function editReviewHandler(input: z.output<typeof editReviewInput>, caller: Caller) {
  const result = await changeReview(input.reviewId, async (_tx, review, at) => {
    const decision = editDecision(caller.uid, review, { rating: input.rating, text: input.text }, windowDays(), at);
    if (decision === 'noop') return null;
    if (decision !== 'edit') throw new DomainError(decision);
    return { ...review, rating: input.rating, text: input.text, editedAt: at, updatedAt: at };
  });
  logChange('edit', result.review, caller, result.changed);
  return resultOf(result.review, result.changed);
}

/** 리뷰 삭제: the author, at any time. The rating is as if the review had never been written. */
export async function deleteReviewHandler(input: z.output<typeof reviewIdInput>, caller: Caller) {
  const result = await changeReview(input.reviewId, async (_tx, review, at) => {
    const decision = deleteDecision(caller.uid, review);
    if (decision === 'noop') return null;
    if (decision !== 'delete') throw new DomainError(decision);
    // A tombstone: the order stays reviewed (no second review), nothing of the content remains.
    return { ...review, status: 'deleted', rating: null, text: null, reply: null, replied: false, deletedAt: at, updatedAt: at };
  });
  logChange('delete', result.review, caller, result.changed);
  return { reviewId: result.review.reviewId, deleted: result.changed };
}

/** 사장님 답글: one per review; replying again edits it. Owners of the review's store only. */
export async function replyToReviewHandler(input: z.output<typeof replyToReviewInput>, caller: Caller) {
  const result = await changeReview(input.reviewId, async (tx, review, at) => {
    const denial = replyDenial(await memberRoleIn(tx, review.storeId, caller.uid), review);
    if (denial) throw new DomainError(denial);
    if (review.reply?.text === input.text) return null;
    return {
      ...review,
      reply: { text: input.text, createdAt: review.reply?.createdAt ?? at, updatedAt: at },
      replied: true,
      firstRepliedAt: review.firstRepliedAt ?? at,
      updatedAt: at,
    };
  });
  logChange('reply', result.review, caller, result.changed);
  return resultOf(result.review, result.changed);
}

/** 답글 삭제: owners of the review's store. The review is 미답변 again (no second push on a new reply). */
export async function deleteReplyHandler(input: z.output<typeof reviewIdInput>, caller: Caller) {
  const result = await changeReview(input.reviewId, async (tx, review, at) => {
    const denial = replyDenial(await memberRoleIn(tx, review.storeId, caller.uid), review);
    if (denial) throw new DomainError(denial);
    if (!review.reply) return null;
    return { ...review, reply: null, replied: false, updatedAt: at };
  });
  logChange('delete_reply', result.review, caller, result.changed);
  return resultOf(result.review, result.changed);
}

/** 신고: anyone signed in but the author, once per review. Hides nothing; opens it for an admin. */
export async function reportReviewHandler(input: z.output<typeof reportReviewInput>, caller: Caller) {
  const result = await db().runTransaction(async (tx) => {
    const review = await readReview(tx, input.reviewId);
    const denial = reportDenial(caller.uid, review);
    if (denial) throw new DomainError(denial);
    const ref = reportRef(review.reviewId, caller.uid);
    if ((await tx.get(ref)).exists) return { review, changed: false };
    const at = now();
    tx.create(
      ref,
      toStored({ reviewId: review.reviewId, storeId: review.storeId, reason: input.reason, note: input.note, createdAt: at }) as Record<
        string,
        unknown
      >,
    );
    const next: Review = { ...review, reportCount: review.reportCount + 1, reportState: 'open', lastReportedAt: at, updatedAt: at };
    stageReviewChange(tx, review, next, null);
    return { review: next, changed: true };
  });
  logChange('report', result.review, caller, result.changed);
  return { reviewId: result.review.reviewId, reported: result.changed };
}

/** 관리자 검토: keep (visible again) or hide, with a reason; settles the open reports. */
export async function moderateReviewHandler(input: z.output<typeof moderateReviewInput>, caller: Caller) {
  if (!isAdmin(caller)) throw new DomainError('admin_only');
  const result = await changeReview(input.reviewId, async (_tx, review, at) => {
    const denial = moderationDenial(true, review);
    if (denial) throw new DomainError(denial);
    const moderation = { decision: input.decision, reason: input.reason, at };
    return {
      ...review,
      status: statusAfterModeration(input.decision),
      moderation,
      reportState: review.reportState === 'none' ? 'none' : 'resolved',
      updatedAt: at,
    };
  });
  logChange(`moderate_${input.decision}`, result.review, caller, result.changed);
  return resultOf(result.review, result.changed);
}
