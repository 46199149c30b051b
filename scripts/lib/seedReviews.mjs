// Seeds reviews through the callables (docs/reviews.md): three takeout orders of the demo customer
// are prepared and completed by the store, then reviewed — two with text and the owner's reply,
// one star-only and left unanswered (미답변).
const REVIEWS = [
  { rating: 5, text: '아메리카노가 진하고 맛있어요. 또 올게요!', reply: '감사합니다! 다음에도 맛있는 커피로 보답하겠습니다.' },
  { rating: 4, text: '라떼가 부드러워요. 조금 더 따뜻했으면 좋겠어요.', reply: '소중한 의견 감사합니다. 온도 더 신경 쓰겠습니다.' },
  { rating: 3, text: null, reply: null },
];

export async function seedReviews({ owner, staff, customer, storeId, items, log = console.log }) {
  let unanswered = 0;
  for (const [index, review] of REVIEWS.entries()) {
    const { orderId } = await customer.call('placeOrder', {
      storeId,
      channel: 'takeout',
      requestId: `seed-review-${Date.now()}-${index}`,
      items: [{ menuItemId: items['아메리카노'], quantity: 1, options: [{ groupId: 'size', choiceIds: ['regular'] }] }],
    });
    await staff.call('startPreparing', { orderId, prepMinutes: 5 });
    await owner.call('completeOrder', { orderId });
    await customer.call('submitReview', { orderId, rating: review.rating, ...(review.text ? { text: review.text } : {}) });
    if (review.reply) await owner.call('replyToReview', { reviewId: orderId, text: review.reply });
    else unanswered += 1;
  }
  log(`seeded reviews: ${REVIEWS.length} (${unanswered} 미답변), ratings ${REVIEWS.map((r) => r.rating).join(', ')}`);
  return { reviewedOrders: REVIEWS.length }; // completed takeout orders, one review each
}
