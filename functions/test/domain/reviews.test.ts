// Reviews, pure: every decision's table, the text rules, the masked name, and the rating aggregate
// (table cases plus properties: after any sequence of changes it equals a recomputation).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { REASONS } from '../../src/domain/reasons';
import {
  ANONYMOUS_AUTHOR,
  applyRatingChange,
  averageOf,
  characterCount,
  checkText,
  contributionOf,
  DAY_MS,
  deleteDecision,
  editDecision,
  EMPTY_RATING,
  isReviewRating,
  isWellFormed,
  maskAuthorName,
  moderationDenial,
  publicReviewOf,
  RatingAggregate,
  ratingFromStored,
  recomputeRating,
  replyDenial,
  reportDenial,
  Review,
  REVIEW_RATINGS,
  REVIEW_STATUSES,
  ReviewRating,
  ReviewStatus,
  reviewWindowEndsAt,
  statusAfterModeration,
  submitDecision,
  withinWindow,
} from '../../src/domain/reviews';
import { excerpt, isFirstReply, newReviewContent, replyContent, stars } from '../../src/domain/reviewNotifications';

const T0 = Date.UTC(2026, 10, 26, 3, 0, 0);
const WINDOW = 7;
const CUSTOMER = 'customer-1';

function review(overrides: Partial<Review> = {}): Review {
  return {
    reviewId: 'order-1',
    orderId: 'order-1',
    storeId: 'store-a',
    storeName: '고카페인 데모점',
    customerUid: CUSTOMER,
    authorName: '김**',
    rating: 4,
    text: '맛있어요',
    status: 'visible',
    reply: null,
    replied: false,
    firstRepliedAt: null,
    reportCount: 0,
    reportState: 'none',
    lastReportedAt: null,
    moderation: null,
    orderCompletedAt: T0,
    createdAt: T0 + 1000,
    updatedAt: T0 + 1000,
    editedAt: null,
    deletedAt: null,
    ...overrides,
  };
}

describe('reviews (domain)', () => {
  describe('text', () => {
    it('is well-formed unless it has a lone surrogate', () => {
      assert.equal(isWellFormed('맛있어요 ☕ 😀'), true);
      assert.equal(isWellFormed(''), true);
      assert.equal(isWellFormed('a\uD83Db'), false, 'lone high surrogate');
      assert.equal(isWellFormed('a\uDE00b'), false, 'lone low surrogate');
      assert.equal(isWellFormed('\uD83D'), false, 'high surrogate at the end');
      assert.equal(isWellFormed('\uDE00\uD83D'), false, 'reversed pair');
    });

    it('agrees with a UTF-8 round trip for any string', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary' }), (text) => {
          const roundTrip = Buffer.from(text, 'utf8').toString('utf8') === text;
          assert.equal(isWellFormed(text), roundTrip);
        }),
        { numRuns: 200 },
      );
    });

    it('trims, counts characters (an emoji is one), and refuses more than max', () => {
      assert.deepEqual(checkText('  좋아요  ', 500, true), { ok: true, text: '좋아요' });
      assert.equal(characterCount('😀😀'), 2);
      assert.deepEqual(checkText('😀'.repeat(500), 500, true), { ok: true, text: '😀'.repeat(500) });
      assert.equal(checkText('가'.repeat(501), 500, true).ok, false);
      assert.equal(checkText(` ${'가'.repeat(500)} `, 500, true).ok, true, 'the limit applies after trimming');
    });

    it('empty or absent is none when optional (star-only), refused when required', () => {
      for (const raw of [undefined, null, '', '   \n\t']) {
        assert.deepEqual(checkText(raw, 500, true), { ok: true, text: null });
        const required = checkText(raw, 500, false);
        assert.equal(required.ok, false);
      }
    });

    it('refuses ill-formed text with a Korean message', () => {
      const checked = checkText('좋아요\uD83D', 500, true);
      assert.equal(checked.ok, false);
      assert.match((checked as { message: string }).message, /[가-힣]/);
    });

    it('a rating is an integer 1–5', () => {
      for (const value of REVIEW_RATINGS) assert.equal(isReviewRating(value), true);
      for (const value of [0, 6, 4.5, -1, NaN, Infinity, '4', null, undefined]) assert.equal(isReviewRating(value), false, String(value));
    });
  });

  describe('masked author name', () => {
    it('keeps the first character and two stars, whatever the length', () => {
      assert.equal(maskAuthorName('김고객'), '김**');
      assert.equal(maskAuthorName('박고객 (고객)'), '박**');
      assert.equal(maskAuthorName('남궁민수'), '남**');
      assert.equal(maskAuthorName('이'), '이**');
      assert.equal(maskAuthorName('  John Smith '), 'J**');
      assert.equal(maskAuthorName('😀smile'), '😀**', 'a surrogate pair is not split');
    });

    it('never shows an email address or an empty name', () => {
      for (const name of ['kim@example.com', '', '   ', null, undefined, '\uD83D']) {
        assert.equal(maskAuthorName(name), ANONYMOUS_AUTHOR);
      }
    });

    it('property: the result is always the first character plus "**" or 고객, and never contains the rest', () => {
      fc.assert(
        fc.property(fc.string({ minLength: 0, maxLength: 20 }), (name) => {
          const masked = maskAuthorName(name);
          if (masked === ANONYMOUS_AUTHOR) return;
          assert.ok(masked.endsWith('**'));
          assert.equal(characterCount(masked), 3);
          assert.equal(masked.slice(0, -2), Array.from(name.trim())[0]);
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('window', () => {
    it('is REVIEW_WINDOW_DAYS after completion, inclusive', () => {
      assert.equal(reviewWindowEndsAt(T0, 7), T0 + 7 * DAY_MS);
      assert.equal(withinWindow(T0, 7, T0), true);
      assert.equal(withinWindow(T0, 7, T0 + 7 * DAY_MS), true);
      assert.equal(withinWindow(T0, 7, T0 + 7 * DAY_MS + 1), false);
      assert.equal(withinWindow(T0, 1, T0 + 2 * DAY_MS), false);
    });
  });

  describe('submit', () => {
    const completed = { customerUid: CUSTOMER, status: 'completed', completedAt: T0 };
    const input = { rating: 5 as ReviewRating, text: '최고' };

    it("the order's customer, a completed order, within the window, no review yet → create", () => {
      assert.equal(submitDecision(CUSTOMER, completed, null, input, WINDOW, T0 + DAY_MS), 'create');
    });

    it('table of denials', () => {
      const cases: [string, Parameters<typeof submitDecision>, string][] = [
        ['someone else', ['other', completed, null, input, WINDOW, T0], 'not_order_participant'],
        ['someone else, review exists', ['other', completed, review(), input, WINDOW, T0], 'not_order_participant'],
        [
          'order not completed',
          [CUSTOMER, { ...completed, status: 'preparing', completedAt: null }, null, input, WINDOW, T0],
          'order_not_completed',
        ],
        [
          'cancelled order',
          [CUSTOMER, { ...completed, status: 'cancelled', completedAt: null }, null, input, WINDOW, T0],
          'order_not_completed',
        ],
        ['after the window', [CUSTOMER, completed, null, input, WINDOW, T0 + 7 * DAY_MS + 1], 'review_window_closed'],
        ['a different review exists', [CUSTOMER, completed, review(), input, WINDOW, T0], 'review_exists'],
        [
          'a deleted review exists',
          [CUSTOMER, completed, review({ status: 'deleted', rating: null, text: null }), input, WINDOW, T0],
          'review_deleted',
        ],
      ];
      for (const [label, args, expected] of cases) {
        assert.equal(submitDecision(...args), expected, label);
        assert.ok(expected in REASONS, `${expected} is a known reason`);
      }
    });

    it('the same review again (a retried call) is a no-op, even after the window', () => {
      const existing = review({ rating: 5, text: '최고' });
      assert.equal(submitDecision(CUSTOMER, completed, existing, input, WINDOW, T0 + 30 * DAY_MS), 'noop');
      assert.equal(submitDecision(CUSTOMER, completed, review({ rating: 5, text: null }), { rating: 5, text: null }, WINDOW, T0), 'noop');
      assert.equal(submitDecision(CUSTOMER, completed, review({ status: 'hidden', rating: 5, text: '최고' }), input, WINDOW, T0), 'noop');
    });
  });

  describe('edit and delete', () => {
    const change = { rating: 2 as ReviewRating, text: '식었어요' };
    it('the author edits within the window; a hidden review too (it stays hidden)', () => {
      assert.equal(editDecision(CUSTOMER, review(), change, WINDOW, T0 + DAY_MS), 'edit');
      assert.equal(editDecision(CUSTOMER, review({ status: 'hidden' }), change, WINDOW, T0 + DAY_MS), 'edit');
    });
    it('denials and no-ops', () => {
      assert.equal(editDecision('other', review(), change, WINDOW, T0), 'not_review_author');
      assert.equal(editDecision(CUSTOMER, review(), change, WINDOW, T0 + 8 * DAY_MS), 'review_window_closed');
      assert.equal(editDecision(CUSTOMER, review({ status: 'deleted' }), change, WINDOW, T0), 'review_not_found');
      assert.equal(editDecision('other', review({ status: 'deleted' }), change, WINDOW, T0), 'review_not_found');
      assert.equal(editDecision(CUSTOMER, review(), { rating: 4, text: '맛있어요' }, WINDOW, T0 + 8 * DAY_MS), 'noop');
    });
    it('the author deletes at any time; again is a no-op; nobody else may', () => {
      assert.equal(deleteDecision(CUSTOMER, review()), 'delete');
      assert.equal(deleteDecision(CUSTOMER, review({ status: 'hidden' })), 'delete');
      assert.equal(deleteDecision(CUSTOMER, review({ status: 'deleted' })), 'noop');
      assert.equal(deleteDecision('other', review()), 'not_review_author');
      assert.equal(deleteDecision('other', review({ status: 'deleted' })), 'review_not_found');
    });
  });

  describe('reply, report, moderation', () => {
    it('only owners reply, and only to a visible review', () => {
      const table: [ReviewStatus, 'owner' | 'staff' | null, string | null][] = [
        ['visible', 'owner', null],
        ['visible', 'staff', 'store_owner_only'],
        ['visible', null, 'not_store_member'],
        ['hidden', 'owner', 'review_hidden'],
        ['hidden', 'staff', 'store_owner_only'],
        ['deleted', 'owner', 'review_not_found'],
        ['deleted', null, 'review_not_found'],
      ];
      for (const [status, role, expected] of table) assert.equal(replyDenial(role, { status }), expected, `${status}/${role}`);
    });
    it('anyone but the author reports a review not deleted', () => {
      assert.equal(reportDenial('other', review()), null);
      assert.equal(reportDenial('other', review({ status: 'hidden' })), null);
      assert.equal(reportDenial(CUSTOMER, review()), 'own_review_report');
      assert.equal(reportDenial('other', review({ status: 'deleted' })), 'review_not_found');
    });
    it('admins moderate; keep shows, hide hides', () => {
      assert.equal(moderationDenial(false, review()), 'admin_only');
      assert.equal(moderationDenial(true, review()), null);
      assert.equal(moderationDenial(true, review({ status: 'deleted' })), 'review_not_found');
      assert.equal(statusAfterModeration('keep'), 'visible');
      assert.equal(statusAfterModeration('hide'), 'hidden');
    });
    it('the public copy exists only while visible and carries no uid', () => {
      const copy = publicReviewOf(review());
      assert.deepEqual(Object.keys(copy!).sort(), [
        'authorName',
        'createdAt',
        'editedAt',
        'rating',
        'reply',
        'reviewId',
        'storeId',
        'text',
      ]);
      assert.ok(!JSON.stringify(copy).includes(CUSTOMER));
      assert.equal(publicReviewOf(review({ status: 'hidden' })), null);
      assert.equal(publicReviewOf(review({ status: 'deleted' })), null);
    });
  });

  describe('rating aggregate', () => {
    it('adds, moves, removes', () => {
      let aggregate = applyRatingChange(EMPTY_RATING, null, 5);
      aggregate = applyRatingChange(aggregate, null, 4);
      assert.deepEqual(aggregate, { count: 2, sum: 9, distribution: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 1 }, average: 4.5 });
      aggregate = applyRatingChange(aggregate, 4, 1);
      assert.deepEqual(aggregate, { count: 2, sum: 6, distribution: { '1': 1, '2': 0, '3': 0, '4': 0, '5': 1 }, average: 3 });
      aggregate = applyRatingChange(aggregate, 5, null);
      assert.deepEqual(aggregate, { count: 1, sum: 1, distribution: { '1': 1, '2': 0, '3': 0, '4': 0, '5': 0 }, average: 1 });
      aggregate = applyRatingChange(aggregate, 1, null);
      assert.deepEqual(aggregate, EMPTY_RATING);
      assert.equal(applyRatingChange(aggregate, null, null), aggregate, 'no change, same aggregate');
    });

    it('refuses to remove a rating it does not hold (a bug, never silently negative)', () => {
      assert.throws(() => applyRatingChange(EMPTY_RATING, 3, null), RangeError);
    });

    it('average to one decimal', () => {
      assert.equal(averageOf(0, 0), 0);
      assert.equal(averageOf(17, 4), 4.3); // 4.25
      assert.equal(averageOf(13, 3), 4.3); // 4.333
      assert.equal(averageOf(14, 3), 4.7); // 4.667
    });

    it('contribution: the rating of a visible review only', () => {
      assert.equal(contributionOf(null), null);
      assert.equal(contributionOf({ status: 'visible', rating: 3 }), 3);
      assert.equal(contributionOf({ status: 'hidden', rating: 3 }), null);
      assert.equal(contributionOf({ status: 'deleted', rating: null }), null);
    });

    it('reads a stored aggregate from its distribution, and anything malformed as empty', () => {
      assert.deepEqual(ratingFromStored(undefined), EMPTY_RATING);
      assert.deepEqual(ratingFromStored('x'), EMPTY_RATING);
      assert.deepEqual(ratingFromStored({ count: 99, sum: 1, distribution: { '2': 1, '5': 2, '3': -4, '1': 1.5 } }), {
        count: 3,
        sum: 12,
        distribution: { '1': 0, '2': 1, '3': 0, '4': 0, '5': 2 },
        average: 4,
      });
    });

    // Property: any sequence of submits, edits, moderations and deletes over a few reviews, applied
    // one change at a time as the callables do, equals a recomputation from the final reviews.
    const statusArb = fc.constantFrom<ReviewStatus>(...REVIEW_STATUSES);
    const ratingArb = fc.constantFrom<ReviewRating>(...REVIEW_RATINGS);
    const stepArb = fc.record({ review: fc.nat({ max: 5 }), status: statusArb, rating: ratingArb });

    it('property: the incremental aggregate equals a recomputation after every step', () => {
      fc.assert(
        fc.property(fc.array(stepArb, { maxLength: 60 }), (steps) => {
          const reviews = new Map<number, Pick<Review, 'status' | 'rating'>>();
          let aggregate: RatingAggregate = EMPTY_RATING;
          for (const step of steps) {
            const before = reviews.get(step.review) ?? null;
            if (before?.status === 'deleted') continue; // a tombstone never changes again
            const after = { status: step.status, rating: step.status === 'deleted' ? null : step.rating };
            aggregate = applyRatingChange(aggregate, contributionOf(before), contributionOf(after));
            reviews.set(step.review, after);
            const expected = recomputeRating([...reviews.values()]);
            assert.deepEqual(aggregate, expected);
            // Independent of recomputeRating: count, sum and distribution straight from the reviews.
            const visible = [...reviews.values()].filter((r) => r.status === 'visible');
            assert.equal(aggregate.count, visible.length);
            assert.equal(
              aggregate.sum,
              visible.reduce((s, r) => s + r.rating!, 0),
            );
            for (const star of REVIEW_RATINGS) {
              assert.equal(aggregate.distribution[String(star) as '1'], visible.filter((r) => r.rating === star).length);
            }
            assert.ok(aggregate.average >= (aggregate.count ? 1 : 0) && aggregate.average <= 5);
          }
        }),
        { numRuns: 400 },
      );
    });

    it("property: the order of independent reviews' changes does not matter", () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(ratingArb, statusArb), { maxLength: 30 }), (pairs) => {
          const changes = pairs.map(([rating, status]) => contributionOf({ status, rating }));
          const forward = changes.reduce((a, c) => applyRatingChange(a, null, c), EMPTY_RATING);
          const backward = [...changes].reverse().reduce((a, c) => applyRatingChange(a, null, c), EMPTY_RATING);
          assert.deepEqual(forward, backward);
          assert.deepEqual(ratingFromStored(JSON.parse(JSON.stringify(forward))), forward, 'a stored aggregate reads back equal');
        }),
      );
    });
  });

  describe('notifications', () => {
    it('new review: stars, masked author and an excerpt; star-only says so', () => {
      const content = newReviewContent(review({ rating: 4, text: '커피가 정말 맛있어요' }));
      assert.deepEqual(content.notification, { title: '새 리뷰 ★★★★☆', body: '김**: 커피가 정말 맛있어요' });
      assert.deepEqual(content.data, { type: 'review.created', reviewId: 'order-1', orderId: 'order-1', storeId: 'store-a', rating: '4' });
      assert.equal(newReviewContent(review({ rating: 5, text: null })).notification.body, '김**님이 별점 5점을 남겼습니다.');
      assert.ok(!JSON.stringify(content).includes(CUSTOMER), 'no uid in the push');
    });
    it('reply: the store name and the reply excerpt', () => {
      const reply = { text: '감사합니다! 또 오세요', createdAt: T0, updatedAt: T0 };
      const content = replyContent(review({ reply }));
      assert.deepEqual(content.notification, {
        title: '고카페인 데모점',
        body: '사장님이 리뷰에 답글을 남겼습니다: 감사합니다! 또 오세요',
      });
      assert.equal(content.data.type, 'review.replied');
    });
    it('excerpt cuts at characters, never inside a surrogate pair', () => {
      assert.equal(excerpt('😀'.repeat(70)), `${'😀'.repeat(60)}…`);
      assert.equal(excerpt('  짧은\n\n글 '), '짧은 글');
      assert.equal(stars(1), '★☆☆☆☆');
    });
    it('first reply: only the change that sets firstRepliedAt', () => {
      const reply = { text: '감사합니다', createdAt: T0, updatedAt: T0 };
      assert.equal(isFirstReply({ firstRepliedAt: null }, { firstRepliedAt: T0, reply }), true);
      assert.equal(isFirstReply({ firstRepliedAt: T0 }, { firstRepliedAt: T0, reply }), false, 'an edit or a second reply');
      assert.equal(isFirstReply({ firstRepliedAt: null }, { firstRepliedAt: null, reply: null }), false);
    });
  });
});
