// Review callables against the offline Firestore: each change writes the review, its public copy
// and the store's rating together; every refusal writes nothing; bad input is invalid-argument with
// its field paths.
import { strict as assert } from 'node:assert';
import { placePickup } from '../support/orders';
import {
  deleteReply,
  deleteReview,
  editReview,
  moderateReview,
  replyToReview,
  reportReview,
  submitReview,
} from '../../src/callables/reviews';
import { DAY_MS, EMPTY_RATING } from '../../src/domain/reviews';
import { db } from '../../src/infra/firestore';
import { reportIdOf } from '../../src/infra/reviews';
import { installFakeAuth } from '../support/auth';
import { as, call } from '../support/callables';
import { expectDenied, fieldPaths } from '../support/denials';
import { seedStore, STORE_ID } from '../support/fixtures';
import { seedMember } from '../support/notifications';
import { CUSTOMER } from '../support/orders';
import { completedOrder, publicReview, recomputedRating, reviewedOrder, storedReview, storeRating } from '../support/reviews';
import { resetDependencies, setDependenciesForTest } from '../../src/deps';

const T0 = Date.parse('2026-03-02T03:00:00.000Z');
const OWNER = as.owner(STORE_ID);
const STAFF = as.staff(STORE_ID);
const customer = (uid = CUSTOMER, name?: string) => ({ uid, token: name ? { name } : {} });

describe('review callables', () => {
  const auth = installFakeAuth();
  let clock = T0;

  beforeEach(async () => {
    clock = T0;
    setDependenciesForTest({ clock: () => clock });
    await seedStore();
    await seedMember(OWNER.uid, 'owner');
    await seedMember(STAFF.uid, 'staff');
    // placeOrder checks that the account exists and is active (Auth is this file's fake).
    auth.addUser(CUSTOMER);
    auth.addUser('customer-2');
  });
  afterEach(() => resetDependencies('clock'));

  describe('submitReview', () => {
    it('writes the review, its public copy and the store rating in one go', async () => {
      const orderId = await completedOrder();
      clock += DAY_MS;
      const result = await call(submitReview, { orderId, rating: 5, text: '  커피가 맛있어요  ' }, customer(CUSTOMER, '김고객'));
      assert.equal(result.reviewId, orderId);
      assert.equal(result.changed, true);
      assert.equal(result.customerUid, undefined, 'the answer carries no uid');

      const review = await storedReview(orderId);
      assert.equal(review!.text, '커피가 맛있어요', 'trimmed');
      assert.equal(review!.authorName, '김**');
      assert.equal(review!.customerUid, CUSTOMER);
      assert.equal(review!.status, 'visible');
      assert.equal(review!.replied, false);
      assert.equal(review!.orderCompletedAt, T0);
      assert.equal(review!.createdAt, T0 + DAY_MS);

      const copy = await publicReview(orderId);
      assert.equal(copy!.authorName, '김**');
      assert.equal(copy!.rating, 5);
      assert.ok(!JSON.stringify(copy).includes(CUSTOMER), 'the public copy has no uid');
      assert.deepEqual(await storeRating(), { count: 1, sum: 5, distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 1 }, average: 5 });
    });

    it('star-only is allowed (no text, or only spaces)', async () => {
      const a = await completedOrder();
      const b = await completedOrder();
      await call(submitReview, { orderId: a, rating: 3 }, customer());
      await call(submitReview, { orderId: b, rating: 4, text: '   ' }, customer());
      assert.equal((await storedReview(a))!.text, null);
      assert.equal((await storedReview(b))!.text, null);
      assert.equal((await storedReview(a))!.authorName, '고객', 'no name in the token: 고객');
      assert.deepEqual(await storeRating(), await recomputedRating());
      assert.equal(((await storeRating()) as { average: number }).average, 3.5);
    });

    it('a retried call with the same review is a no-op; a different one is review_exists', async () => {
      const orderId = await completedOrder();
      await call(submitReview, { orderId, rating: 4, text: '좋아요' }, customer());
      const again = await call(submitReview, { orderId, rating: 4, text: '좋아요' }, customer());
      assert.equal(again.changed, false);
      await expectDenied(auth, () => call(submitReview, { orderId, rating: 5 }, customer()), 'already-exists', 'review_exists');
      assert.equal(((await storeRating()) as { count: number }).count, 1);
    });

    it('refuses, writing nothing: another user, an open order, an unknown order, after the window, after a delete', async () => {
      const orderId = await completedOrder();
      await expectDenied(
        auth,
        () => call(submitReview, { orderId, rating: 5 }, customer('customer-2')),
        'permission-denied',
        'not_order_participant',
      );
      await expectDenied(auth, () => call(submitReview, { orderId, rating: 5 }, OWNER), 'permission-denied', 'not_order_participant');
      const open = await placePickup();
      await expectDenied(
        auth,
        () => call(submitReview, { orderId: open, rating: 5 }, customer()),
        'failed-precondition',
        'order_not_completed',
      );
      await expectDenied(
        auth,
        () => call(submitReview, { orderId: 'no-such-order', rating: 5 }, customer()),
        'not-found',
        'order_not_found',
      );
      clock = T0 + 7 * DAY_MS + 1;
      await expectDenied(auth, () => call(submitReview, { orderId, rating: 5 }, customer()), 'failed-precondition', 'review_window_closed');
      clock = T0 + 7 * DAY_MS;
      await call(submitReview, { orderId, rating: 5 }, customer());
      await call(deleteReview, { reviewId: orderId }, customer());
      await expectDenied(auth, () => call(submitReview, { orderId, rating: 5 }, customer()), 'failed-precondition', 'review_deleted');
    });

    it('the window follows REVIEW_WINDOW_DAYS', async () => {
      const orderId = await completedOrder();
      process.env.REVIEW_WINDOW_DAYS = '1';
      try {
        clock = T0 + 2 * DAY_MS;
        await expectDenied(
          auth,
          () => call(submitReview, { orderId, rating: 5 }, customer()),
          'failed-precondition',
          'review_window_closed',
        );
      } finally {
        delete process.env.REVIEW_WINDOW_DAYS;
      }
      await call(submitReview, { orderId, rating: 5 }, customer());
    });

    it('bad input: invalid-argument with the field paths, nothing written', async () => {
      const orderId = await completedOrder();
      const cases: [unknown, string[]][] = [
        [{ orderId, rating: 0 }, ['rating']],
        [{ orderId, rating: 6 }, ['rating']],
        [{ orderId, rating: 4.5 }, ['rating']],
        [{ orderId, rating: '5' }, ['rating']],
        [{ orderId }, ['rating']],
        [{ orderId, rating: 5, text: '가'.repeat(501) }, ['text']],
        [{ orderId, rating: 5, text: '좋아요\uD83D' }, ['text']],
        [{ orderId, rating: 5, text: 42 }, ['text']],
        [{ orderId: 'a/b', rating: 5 }, ['orderId']],
        [{ orderId: '', rating: 9, text: '\uDE00' }, ['orderId', 'rating', 'text']],
        [{ orderId, rating: 5, extra: true }, ['']],
      ];
      for (const [input, paths] of cases) {
        const error = await expectDenied(auth, () => call(submitReview, input, customer()), 'invalid-argument', 'invalid_argument');
        assert.deepEqual([...new Set(fieldPaths(error))].sort(), paths.sort(), JSON.stringify(input));
      }
      // 500 characters, counted as characters (emoji are one each), is fine.
      await call(submitReview, { orderId, rating: 5, text: '😀'.repeat(500) }, customer());
    });

    it('anonymous callers are refused', async () => {
      const orderId = await completedOrder();
      await expectDenied(auth, () => call(submitReview, { orderId, rating: 5 }, undefined), 'unauthenticated', 'unauthenticated');
    });
  });

  describe('editReview and deleteReview', () => {
    it('edit moves the rating; the public copy follows', async () => {
      const reviewId = await reviewedOrder(5, '최고');
      clock += DAY_MS;
      const result = await call(editReview, { reviewId, rating: 2, text: '다시 가보니 별로' }, customer());
      assert.equal(result.rating, 2);
      assert.equal(result.editedAt, clock);
      assert.equal((await publicReview(reviewId))!.text, '다시 가보니 별로');
      assert.deepEqual(await storeRating(), { count: 1, sum: 2, distribution: { '1': 0, '2': 1, '3': 0, '4': 0, '5': 0 }, average: 2 });
    });

    it('edit refusals write nothing: another user, after the window, a deleted review, bad input', async () => {
      const reviewId = await reviewedOrder();
      await expectDenied(
        auth,
        () => call(editReview, { reviewId, rating: 1 }, customer('customer-2')),
        'permission-denied',
        'not_review_author',
      );
      await expectDenied(auth, () => call(editReview, { reviewId, rating: 1 }, OWNER), 'permission-denied', 'not_review_author');
      await expectDenied(auth, () => call(editReview, { reviewId: 'nope', rating: 1 }, customer()), 'not-found', 'review_not_found');
      const error = await expectDenied(
        auth,
        () => call(editReview, { reviewId, rating: 7, text: 'x'.repeat(600) }, customer()),
        'invalid-argument',
        'invalid_argument',
      );
      assert.deepEqual(fieldPaths(error).sort(), ['rating', 'text']);
      clock = T0 + 8 * DAY_MS;
      await expectDenied(auth, () => call(editReview, { reviewId, rating: 1 }, customer()), 'failed-precondition', 'review_window_closed');
      const unchanged = await call(editReview, { reviewId, rating: 4, text: '맛있어요' }, customer());
      assert.equal(unchanged.changed, false, 'the same content after the window is a no-op, not a refusal');
      await call(deleteReview, { reviewId }, customer());
      await expectDenied(auth, () => call(editReview, { reviewId, rating: 1 }, customer()), 'not-found', 'review_not_found');
    });

    it('delete leaves the rating as if the review had never been written, and keeps a tombstone', async () => {
      const kept = await reviewedOrder(3);
      const before = await storeRating();
      const gone = await reviewedOrder(5, '곧 지울 리뷰');
      await call(replyToReview, { reviewId: gone, text: '감사합니다' }, OWNER);
      clock = T0 + 30 * DAY_MS; // deleting has no window
      const result = await call(deleteReview, { reviewId: gone }, customer());
      assert.deepEqual(result, { reviewId: gone, deleted: true });
      assert.deepEqual(await storeRating(), before);
      assert.equal(await publicReview(gone), null);
      const tombstone = await storedReview(gone);
      assert.equal(tombstone!.status, 'deleted');
      assert.equal(tombstone!.rating, null);
      assert.equal(tombstone!.text, null);
      assert.equal(tombstone!.reply, null);
      assert.ok(await publicReview(kept));
      // Again: a no-op (a retried call).
      assert.deepEqual(await call(deleteReview, { reviewId: gone }, customer()), { reviewId: gone, deleted: false });
      await expectDenied(
        auth,
        () => call(deleteReview, { reviewId: kept }, customer('customer-2')),
        'permission-denied',
        'not_review_author',
      );
    });

    it('deleting a hidden review does not move the rating (it did not count)', async () => {
      const reviewId = await reviewedOrder(1);
      await call(moderateReview, { reviewId, decision: 'hide', reason: '욕설' }, as.admin());
      assert.deepEqual(await storeRating(), EMPTY_RATING);
      await call(deleteReview, { reviewId }, customer());
      assert.deepEqual(await storeRating(), EMPTY_RATING);
    });
  });

  describe('replies', () => {
    it('an owner replies once; replying again edits; delete makes it 미답변 again', async () => {
      const reviewId = await reviewedOrder();
      clock += 1000;
      const first = await call(replyToReview, { reviewId, text: ' 감사합니다! ' }, OWNER);
      assert.deepEqual(first.reply, { text: '감사합니다!', createdAt: clock, updatedAt: clock });
      assert.equal(first.replied, true);
      assert.equal(first.firstRepliedAt, clock);
      assert.deepEqual((await publicReview(reviewId))!.reply, (await db().doc(`reviews/${reviewId}`).get()).get('reply'));
      const firstAt = clock;
      clock += 1000;
      const edited = await call(replyToReview, { reviewId, text: '감사합니다. 또 오세요' }, OWNER);
      assert.deepEqual(edited.reply, { text: '감사합니다. 또 오세요', createdAt: firstAt, updatedAt: clock });
      const same = await call(replyToReview, { reviewId, text: '감사합니다. 또 오세요' }, OWNER);
      assert.equal(same.changed, false);
      const deleted = await call(deleteReply, { reviewId }, OWNER);
      assert.equal(deleted.reply, null);
      assert.equal(deleted.replied, false);
      assert.equal(deleted.firstRepliedAt, firstAt, 'kept: the customer is pushed on the first reply only');
      assert.equal((await publicReview(reviewId))!.reply, null);
      assert.equal((await call(deleteReply, { reviewId }, OWNER)).changed, false);
    });

    it('refusals write nothing: staff, other stores, customers, admins, a hidden review, empty text', async () => {
      const reviewId = await reviewedOrder();
      const input = { reviewId, text: '감사합니다' };
      await expectDenied(auth, () => call(replyToReview, input, STAFF), 'permission-denied', 'store_owner_only');
      await expectDenied(auth, () => call(replyToReview, input, as.owner('store-b')), 'permission-denied', 'not_store_member');
      await expectDenied(auth, () => call(replyToReview, input, customer()), 'permission-denied', 'not_store_member');
      await expectDenied(auth, () => call(replyToReview, input, as.admin()), 'permission-denied', 'not_store_member');
      await expectDenied(auth, () => call(replyToReview, { reviewId: 'nope', text: '감사' }, OWNER), 'not-found', 'review_not_found');
      const error = await expectDenied(
        auth,
        () => call(replyToReview, { reviewId, text: '   ' }, OWNER),
        'invalid-argument',
        'invalid_argument',
      );
      assert.deepEqual(fieldPaths(error), ['text']);
      await call(moderateReview, { reviewId, decision: 'hide', reason: '개인정보 노출' }, as.admin());
      await expectDenied(auth, () => call(replyToReview, input, OWNER), 'failed-precondition', 'review_hidden');
      await expectDenied(auth, () => call(deleteReply, { reviewId }, STAFF), 'permission-denied', 'store_owner_only');
    });

    it('authority is the membership document, not the token: a removed owner is refused at once', async () => {
      const reviewId = await reviewedOrder();
      await db().doc(`stores/${STORE_ID}/members/${OWNER.uid}`).delete();
      await expectDenied(auth, () => call(replyToReview, { reviewId, text: '감사합니다' }, OWNER), 'permission-denied', 'not_store_member');
      // And an owner by membership whose token has no claim yet may reply.
      await seedMember('new-owner', 'owner');
      await call(replyToReview, { reviewId, text: '감사합니다' }, { uid: 'new-owner', token: {} });
    });
  });

  describe('reports and moderation', () => {
    it('a report hides nothing; one per user; the author may not report', async () => {
      const reviewId = await reviewedOrder(2, '별로');
      clock += 1000;
      const result = await call(reportReview, { reviewId, reason: 'abusive', note: '욕설이 있어요' }, OWNER);
      assert.deepEqual(result, { reviewId, reported: true });
      const review = await storedReview(reviewId);
      assert.equal(review!.status, 'visible');
      assert.equal(review!.reportCount, 1);
      assert.equal(review!.reportState, 'open');
      assert.ok(await publicReview(reviewId), 'still public');
      assert.equal(((await storeRating()) as { count: number }).count, 1, 'still counted');
      const report = await db()
        .doc(`reviews/${reviewId}/reports/${reportIdOf(reviewId, OWNER.uid)}`)
        .get();
      assert.deepEqual(
        { ...report.data(), createdAt: report.get('createdAt').toMillis() },
        {
          reviewId,
          storeId: STORE_ID,
          reason: 'abusive',
          note: '욕설이 있어요',
          createdAt: clock,
        },
      );
      assert.ok(!JSON.stringify(report.data()).includes(OWNER.uid), 'the report does not name its reporter');
      assert.deepEqual(await call(reportReview, { reviewId, reason: 'spam' }, OWNER), { reviewId, reported: false });
      await call(reportReview, { reviewId, reason: 'spam' }, customer('customer-2'));
      assert.equal((await storedReview(reviewId))!.reportCount, 2);
      await expectDenied(
        auth,
        () => call(reportReview, { reviewId, reason: 'spam' }, customer()),
        'failed-precondition',
        'own_review_report',
      );
      const error = await expectDenied(
        auth,
        () => call(reportReview, { reviewId, reason: 'boring' }, OWNER),
        'invalid-argument',
        'invalid_argument',
      );
      assert.deepEqual(fieldPaths(error), ['reason']);
    });

    it('hide removes it from the rating and the public; keep brings it back', async () => {
      const visible = await reviewedOrder(5);
      const reviewId = await reviewedOrder(1, '쓰레기 같은 가게');
      await call(reportReview, { reviewId, reason: 'abusive' }, OWNER);
      clock += 1000;
      const hidden = await call(moderateReview, { reviewId, decision: 'hide', reason: '욕설' }, as.admin());
      assert.equal(hidden.status, 'hidden');
      assert.deepEqual(hidden.moderation, { decision: 'hide', reason: '욕설', at: clock });
      assert.equal(hidden.reportState, 'resolved');
      assert.equal(await publicReview(reviewId), null);
      assert.deepEqual(await storeRating(), { count: 1, sum: 5, distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 1 }, average: 5 });
      const kept = await call(moderateReview, { reviewId, decision: 'keep', reason: '재검토 결과 유지' }, as.admin());
      assert.equal(kept.status, 'visible');
      assert.ok(await publicReview(reviewId));
      assert.deepEqual(await storeRating(), await recomputedRating());
      assert.equal(((await storeRating()) as { count: number }).count, 2);
      assert.ok(await publicReview(visible));
    });

    it('moderation refusals write nothing', async () => {
      const reviewId = await reviewedOrder();
      for (const caller of [OWNER, STAFF, customer()]) {
        await expectDenied(
          auth,
          () => call(moderateReview, { reviewId, decision: 'hide', reason: '욕설' }, caller),
          'permission-denied',
          'admin_only',
        );
      }
      const error = await expectDenied(
        auth,
        () => call(moderateReview, { reviewId, decision: 'delete', reason: '' }, as.admin()),
        'invalid-argument',
        'invalid_argument',
      );
      assert.deepEqual(fieldPaths(error).sort(), ['decision', 'reason']);
      await expectDenied(
        auth,
        () => call(moderateReview, { reviewId: 'nope', decision: 'hide', reason: '욕설' }, as.admin()),
        'not-found',
        'review_not_found',
      );
    });
  });
});
