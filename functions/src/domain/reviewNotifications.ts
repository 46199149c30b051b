// The review pushes as data (docs/reviews.md): the new-review push to the store's members and the
// first-reply push to the customer. Pure: shapes match domain/notifications.ts PushContent.
import type { PushContent } from './notifications';
import type { Review } from './reviews';

/** Android channel the apps create for review notifications (not urgent, unlike new orders). */
export const REVIEWS_ANDROID_CHANNEL = 'reviews';

/** Push text is short: the first `max` characters of a review or reply, with "…" when cut. */
export function excerpt(text: string, max = 60): string {
  const characters = Array.from(text.replace(/\s+/g, ' ').trim());
  return characters.length > max ? `${characters.slice(0, max).join('')}…` : characters.join('');
}

export const stars = (rating: number): string => '★'.repeat(rating) + '☆'.repeat(5 - rating);

function normalDelivery(tag: string): Pick<PushContent, 'android' | 'apns' | 'webpush'> {
  return {
    android: { priority: 'normal', notification: { channelId: REVIEWS_ANDROID_CHANNEL, sound: 'default', tag } },
    apns: {
      headers: { 'apns-priority': '5', 'apns-push-type': 'alert', 'apns-collapse-id': tag },
      payload: { aps: { sound: 'default', 'interruption-level': 'active' } },
    },
    webpush: { headers: { Urgency: 'normal' } },
  };
}

type ReviewSummary = Pick<Review, 'reviewId' | 'orderId' | 'storeId' | 'storeName' | 'authorName' | 'rating' | 'text'>;

/** To every device of every member of the store, when a review is written. */
export function newReviewContent(review: ReviewSummary): PushContent {
  const rating = review.rating ?? 0;
  return {
    notification: {
      title: `새 리뷰 ${stars(rating)}`,
      body: review.text ? `${review.authorName}: ${excerpt(review.text)}` : `${review.authorName}님이 별점 ${rating}점을 남겼습니다.`,
    },
    data: { type: 'review.created', reviewId: review.reviewId, orderId: review.orderId, storeId: review.storeId, rating: String(rating) },
    ...normalDelivery(`review-${review.reviewId}`),
  };
}

/** To the customer's devices, on the store's first reply to their review. */
export function replyContent(review: ReviewSummary & Pick<Review, 'reply'>): PushContent {
  return {
    notification: {
      title: review.storeName,
      body: `사장님이 리뷰에 답글을 남겼습니다: ${excerpt(review.reply?.text ?? '')}`,
    },
    data: { type: 'review.replied', reviewId: review.reviewId, orderId: review.orderId, storeId: review.storeId },
    ...normalDelivery(`review-${review.reviewId}`),
  };
}

/** Whether this change of a review is its first reply ever (the only change the customer hears of). */
export function isFirstReply(before: Pick<Review, 'firstRepliedAt'>, after: Pick<Review, 'firstRepliedAt' | 'reply'>): boolean {
  return before.firstRepliedAt == null && after.firstRepliedAt != null && after.reply != null;
}
