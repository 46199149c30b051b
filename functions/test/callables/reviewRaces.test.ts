// Review races against the offline Firestore (it isolates transactions like Firestore does): the
// store's rating is updated in the same transaction as each review change, so concurrent callers
// leave it equal to a recomputation from the stored reviews.
import { strict as assert } from 'node:assert';
import { deleteReview, editReview, moderateReview, replyToReview, submitReview } from '../../src/callables/reviews';
import { REVIEW_RATINGS } from '../../src/domain/reviews';
import { db } from '../../src/infra/firestore';
import { as, call } from '../support/callables';
import { seedStore, STORE_ID } from '../support/fixtures';
import { seedMember } from '../support/notifications';
import { CUSTOMER } from '../support/orders';
import { completedOrder, publicReview, recomputedRating, reviewedOrder, storedReview, storeRating } from '../support/reviews';

const customer = (uid = CUSTOMER) => ({ uid, token: {} });

describe('review races', () => {
  beforeEach(async () => {
    await seedStore();
    await seedMember(`owner-of-${STORE_ID}`, 'owner');
  });

  it('8 concurrent submits for one order with different ratings: one review, counted once', async () => {
    const orderId = await completedOrder();
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => call(submitReview, { orderId, rating: (i % 5) + 1, text: `시도 ${i}` }, customer())),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    assert.equal(
      won.length,
      1,
      JSON.stringify(results.map((r) => (r.status === 'rejected' ? (r.reason as { details?: unknown }).details : 'ok'))),
    );
    for (const lost of results.filter((r) => r.status === 'rejected')) {
      assert.equal(((lost as PromiseRejectedResult).reason as { details: { reason: string } }).details.reason, 'review_exists');
    }
    const review = await storedReview(orderId);
    assert.equal((won[0] as PromiseFulfilledResult<{ rating: number }>).value.rating, review!.rating);
    assert.deepEqual(await storeRating(), await recomputedRating());
    assert.equal(((await storeRating()) as { count: number }).count, 1);
  });

  it('8 identical concurrent submits (a retrying client): all succeed, one review', async () => {
    const orderId = await completedOrder();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => call(submitReview, { orderId, rating: 4, text: '같은 리뷰' }, customer())),
    );
    assert.equal(results.filter((r) => r.changed).length, 1);
    assert.equal(((await storeRating()) as { count: number }).count, 1);
  });

  it('12 concurrent submits across orders of one store: the aggregate is exact', async () => {
    const orders: string[] = [];
    for (let i = 0; i < 12; i += 1) orders.push(await completedOrder(`customer-${i}`));
    await Promise.all(
      orders.map((orderId, i) => call(submitReview, { orderId, rating: REVIEW_RATINGS[i % 5] }, customer(`customer-${i}`))),
    );
    const rating = (await storeRating()) as { count: number; sum: number; distribution: Record<string, number> };
    assert.deepEqual(rating, await recomputedRating());
    assert.equal(rating.count, 12);
    // ratings 1..5,1..5,1,2 → 2×15 + 3
    assert.equal(rating.sum, 33);
    assert.deepEqual(rating.distribution, { '1': 3, '2': 3, '3': 2, '4': 2, '5': 2 });
  });

  it('an edit racing a moderation: whichever order they commit in, the rating matches the final review', async () => {
    for (let round = 0; round < 6; round += 1) {
      const other = await reviewedOrder(5, null, `bystander-${round}`);
      const reviewId = await reviewedOrder(2, '처음 리뷰', `author-${round}`);
      const [edit, hide] = await Promise.allSettled([
        call(editReview, { reviewId, rating: 4, text: '고친 리뷰' }, customer(`author-${round}`)),
        call(moderateReview, { reviewId, decision: round % 2 ? 'hide' : 'keep', reason: '검토' }, as.admin()),
      ]);
      assert.equal(edit.status, 'fulfilled');
      assert.equal(hide.status, 'fulfilled');
      const review = await storedReview(reviewId);
      assert.equal(review!.rating, 4, 'the edit is never lost');
      assert.equal(review!.status, round % 2 ? 'hidden' : 'visible', 'nor the decision');
      assert.equal(Boolean(await publicReview(reviewId)), review!.status === 'visible');
      assert.deepEqual(await storeRating(), await recomputedRating(), `round ${round}`);
      assert.ok(await publicReview(other));
    }
  });

  it('edits, deletes, replies and moderation all at once over several reviews: the aggregate stays exact', async () => {
    const reviews: string[] = [];
    for (let i = 0; i < 6; i += 1) reviews.push(await reviewedOrder(REVIEW_RATINGS[i % 5], null, `writer-${i}`));
    const owner = as.owner(STORE_ID);
    await Promise.allSettled([
      call(editReview, { reviewId: reviews[0], rating: 1 }, customer('writer-0')),
      call(moderateReview, { reviewId: reviews[0], decision: 'hide', reason: '검토' }, as.admin()),
      call(deleteReview, { reviewId: reviews[1] }, customer('writer-1')),
      call(moderateReview, { reviewId: reviews[1], decision: 'keep', reason: '검토' }, as.admin()),
      call(editReview, { reviewId: reviews[2], rating: 5 }, customer('writer-2')),
      call(replyToReview, { reviewId: reviews[2], text: '감사합니다' }, owner),
      call(moderateReview, { reviewId: reviews[3], decision: 'hide', reason: '검토' }, as.admin()),
      call(deleteReview, { reviewId: reviews[3] }, customer('writer-3')),
      call(editReview, { reviewId: reviews[4], rating: 2 }, customer('writer-4')),
    ]);
    assert.deepEqual(await storeRating(), await recomputedRating());
    // Every visible review has its public copy, and no other review has one.
    const publicIds = (await db().collection('publicReviews').get()).docs.map((doc) => doc.id).sort();
    const visibleIds = [];
    for (const id of reviews) if ((await storedReview(id))!.status === 'visible') visibleIds.push(id);
    assert.deepEqual(publicIds, visibleIds.sort());
  });
});
