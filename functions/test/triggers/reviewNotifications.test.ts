// Review pushes at the messaging boundary: the exact multicast to the store's members on a new
// review, to the customer on the first reply, each exactly once under redelivery (same event id)
// and under distinct events for the same review.
import { strict as assert } from 'node:assert';
import type { DocumentSnapshot, QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { Change } from 'firebase-functions/v2';
import { deleteReply, deleteReview, editReview, replyToReview, submitReview } from '../../src/callables/reviews';
import { db } from '../../src/infra/firestore';
import { onReviewCreated } from '../../src/triggers/reviewCreated';
import { onReviewUpdated } from '../../src/triggers/reviewUpdated';
import { as, call, functionsTest } from '../support/callables';
import { seedStore, STORE_ID } from '../support/fixtures';
import { eventId, seedDevices, seedMember, useNotificationFakes } from '../support/notifications';
import { CUSTOMER } from '../support/orders';
import { completedOrder } from '../support/reviews';
import { setDependenciesForTest } from '../../src/deps';

const AT = Date.parse('2026-03-02T03:04:05.678Z');
const OWNER = as.owner(STORE_ID, 'owner-1');

const reviewSnapshot = (reviewId: string) => db().doc(`reviews/${reviewId}`).get();

async function deliverCreated(reviewId: string, id = eventId()): Promise<void> {
  const snapshot = (await reviewSnapshot(reviewId)) as QueryDocumentSnapshot;
  await functionsTest.wrap(onReviewCreated)({ data: snapshot, params: { reviewId }, id } as never);
}

async function deliverUpdated(reviewId: string, before: DocumentSnapshot, after: DocumentSnapshot, id = eventId()): Promise<void> {
  const change = new Change(before as QueryDocumentSnapshot, after as QueryDocumentSnapshot);
  await functionsTest.wrap(onReviewUpdated)({ data: change, params: { reviewId }, id } as never);
}

/** Runs the change and delivers the update event for it (as Eventarc would, once). */
async function changeAndDeliver(reviewId: string, change: () => Promise<unknown>, id = eventId()): Promise<string> {
  const before = await reviewSnapshot(reviewId);
  await change();
  await deliverUpdated(reviewId, before, await reviewSnapshot(reviewId), id);
  return id;
}

const NORMAL = (reviewId: string) => ({
  android: { priority: 'normal', notification: { channelId: 'reviews', sound: 'default', tag: `review-${reviewId}` } },
  apns: {
    headers: { 'apns-priority': '5', 'apns-push-type': 'alert', 'apns-collapse-id': `review-${reviewId}` },
    payload: { aps: { sound: 'default', 'interruption-level': 'active' } },
  },
  webpush: { headers: { Urgency: 'normal' } },
});

describe('review notifications', () => {
  const fakes = useNotificationFakes();
  let reviewId: string;

  beforeEach(async () => {
    setDependenciesForTest({ clock: () => AT });
    await seedStore();
    await seedMember('owner-1', 'owner');
    await seedMember('staff-1', 'staff');
    await seedDevices('owner-1', ['owner-phone']);
    await seedDevices('staff-1', ['staff-phone']);
    await seedMember('owner-2', 'owner', 'store-b');
    await seedDevices('owner-2', ['other-store-phone']);
    await seedDevices(CUSTOMER, ['customer-phone']);
    reviewId = await completedOrder();
    await call(
      submitReview,
      { orderId: reviewId, rating: 4, text: '라떼가 부드럽고 맛있어요' },
      { uid: CUSTOMER, token: { name: '김고객' } },
    );
  });

  describe("new review → the store's members", () => {
    it('sends the exact message to every device of every member of the store, once', async () => {
      await deliverCreated(reviewId);
      const sends = fakes.messaging().sends;
      assert.equal(sends.length, 1);
      const { tokens, ...message } = sends[0];
      assert.deepEqual([...tokens].sort(), ['owner-phone', 'staff-phone']);
      assert.deepEqual(message, {
        notification: { title: '새 리뷰 ★★★★☆', body: '김**: 라떼가 부드럽고 맛있어요' },
        data: { type: 'review.created', reviewId, orderId: reviewId, storeId: STORE_ID, rating: '4' },
        ...NORMAL(reviewId),
      });
      assert.ok(!JSON.stringify(message).includes(CUSTOMER), 'no customer uid in the push');
    });

    it('redelivery (same event) and a second event for the same review send nothing more', async () => {
      await deliverCreated(reviewId, 'evt-1');
      await deliverCreated(reviewId, 'evt-1');
      await deliverCreated(reviewId, 'evt-2');
      assert.equal(fakes.messaging().sends.length, 1);
      const claim = await db().doc(`notificationClaims/onReviewCreated:${reviewId}`).get();
      assert.equal(claim.get('state'), 'done');
      assert.equal(claim.get('attempts'), 1);
      assert.equal(claim.get('kind'), 'review.created');
    });

    it('a partial failure is retried for the failed tokens only', async () => {
      fakes.messaging().failWith = (token, index) => (index === 0 && token === 'staff-phone' ? 'messaging/server-unavailable' : null);
      await assert.rejects(deliverCreated(reviewId, 'evt-p'), { name: 'RetryLaterError' });
      await deliverCreated(reviewId, 'evt-p');
      assert.deepEqual(
        fakes.messaging().sends.map((send) => [...send.tokens].sort()),
        [['owner-phone', 'staff-phone'], ['staff-phone']],
      );
    });
  });

  describe('first reply → the customer', () => {
    it("sends the reply to the customer's devices, exactly once over edits, deletes and new replies", async () => {
      await changeAndDeliver(reviewId, () => call(replyToReview, { reviewId, text: '감사합니다! 또 들러주세요' }, OWNER), 'evt-reply');
      const sends = fakes.messaging().sends;
      assert.equal(sends.length, 1);
      const { tokens, ...message } = sends[0];
      assert.deepEqual(tokens, ['customer-phone']);
      assert.deepEqual(message, {
        notification: { title: '고카페인 테스트점', body: '사장님이 리뷰에 답글을 남겼습니다: 감사합니다! 또 들러주세요' },
        data: { type: 'review.replied', reviewId, orderId: reviewId, storeId: STORE_ID },
        ...NORMAL(reviewId),
      });

      // The same event again, then every later change: no more pushes.
      const before = await reviewSnapshot(reviewId);
      await deliverUpdated(reviewId, before, before, 'evt-reply');
      await changeAndDeliver(reviewId, () => call(replyToReview, { reviewId, text: '수정한 답글' }, OWNER));
      await changeAndDeliver(reviewId, () => call(deleteReply, { reviewId }, OWNER));
      await changeAndDeliver(reviewId, () => call(replyToReview, { reviewId, text: '다시 쓴 답글' }, OWNER));
      await changeAndDeliver(reviewId, () => call(editReview, { reviewId, rating: 5 }, { uid: CUSTOMER, token: {} }));
      assert.equal(fakes.messaging().sends.length, 1);
    });

    it('a redelivered first-reply event (two deliveries of the same change) sends once', async () => {
      const before = await reviewSnapshot(reviewId);
      await call(replyToReview, { reviewId, text: '감사합니다' }, OWNER);
      const after = await reviewSnapshot(reviewId);
      await deliverUpdated(reviewId, before, after, 'evt-a');
      await deliverUpdated(reviewId, before, after, 'evt-a');
      await deliverUpdated(reviewId, before, after, 'evt-b');
      assert.equal(fakes.messaging().sends.length, 1);
      const claim = await db().doc(`notificationClaims/onReviewUpdated:${reviewId}`).get();
      assert.equal(claim.get('state'), 'done');
    });

    it('other changes (an edit, a delete) push nothing', async () => {
      await changeAndDeliver(reviewId, () => call(editReview, { reviewId, rating: 2 }, { uid: CUSTOMER, token: {} }));
      await changeAndDeliver(reviewId, () => call(deleteReview, { reviewId }, { uid: CUSTOMER, token: {} }));
      assert.equal(fakes.messaging().sends.length, 0);
      assert.equal((await db().collection('notificationClaims').get()).size, 0);
    });
  });
});
