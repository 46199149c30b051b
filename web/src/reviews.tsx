// 리뷰: the store's reviews newest first (or only the unanswered ones), the rating summary from the
// store document, and the owner's reply box. Staff read; a reply from staff is refused by the
// server and its message is shown (docs/reviews.md).
import { useState } from 'preact/hooks';
import { partnerStoreReviews, partnerUnansweredReviews, type StoreDoc } from '@gocafein/client';
import type { Backend } from './firebase';
import { useLiveQuery } from './hooks';
import { ActionError, useAction } from './action';
import { dateTime } from './format';
import type { Role } from './app';

/** The review document as the partner read returns it (the client types it loosely for now). */
interface PartnerReview {
  reviewId: string;
  rating: 1 | 2 | 3 | 4 | 5 | null;
  authorName: string;
  text: string | null;
  createdAt: number;
  editedAt: number | null;
  status: 'visible' | 'hidden' | 'deleted';
  reply: { text: string; createdAt: number; updatedAt: number } | null;
}

/** The store document's `rating` (functions/src/domain/reviews.ts RatingAggregate). */
interface RatingSummary {
  count: number;
  average: number;
  distribution: Record<'1' | '2' | '3' | '4' | '5', number>;
}

const Stars = ({ rating }: { rating: number }) => (
  <span class="stars" role="img" aria-label={`별점 ${rating}점`}>
    {'★'.repeat(rating)}
    <span class="dim">{'★'.repeat(5 - rating)}</span>
  </span>
);

export function ReviewsPage({ backend, storeId, role, store }: { backend: Backend; storeId: string; role: Role; store: StoreDoc | null }) {
  const [unansweredOnly, setUnansweredOnly] = useState(false);
  const reviews = useLiveQuery(
    () => (unansweredOnly ? partnerUnansweredReviews(backend.db, storeId) : partnerStoreReviews(backend.db, storeId)),
    `reviews:${storeId}:${unansweredOnly}`,
  );
  const rating = (store as (StoreDoc & { rating?: RatingSummary }) | null)?.rating;
  const list = reviews.data as unknown as PartnerReview[];
  return (
    <div class="stack">
      <section class="card stack" aria-labelledby="rating-title">
        <h2 id="rating-title">매장 평점</h2>
        {rating && rating.count > 0 ? (
          <>
            <p>
              <strong class="big" data-testid="rating-average">
                {rating.average.toFixed(1)}
              </strong>{' '}
              <Stars rating={Math.round(rating.average)} /> <span class="muted small">리뷰 {rating.count.toLocaleString('ko-KR')}개</span>
            </p>
            <ul class="list plain" aria-label="별점 분포">
              {(['5', '4', '3', '2', '1'] as const).map((star) => (
                <li key={star} class="row small">
                  <span>{star}점</span>
                  <meter class="grow" min={0} max={rating.count} value={rating.distribution[star]} aria-label={`${star}점 리뷰 수`} />
                  <span class="muted">{rating.distribution[star]}</span>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p class="muted">아직 리뷰가 없습니다.</p>
        )}
      </section>

      <div class="subtabs" role="tablist" aria-label="리뷰 구분">
        <button type="button" role="tab" class="subtab" aria-selected={!unansweredOnly} onClick={() => setUnansweredOnly(false)}>
          전체
        </button>
        <button type="button" role="tab" class="subtab" aria-selected={unansweredOnly} onClick={() => setUnansweredOnly(true)}>
          미답변
        </button>
      </div>
      <div role="tabpanel" aria-busy={reviews.loading}>
        {reviews.loading && <p role="status">불러오는 중…</p>}
        {reviews.error && (
          <p class="error" role="alert">
            리뷰를 불러오지 못했습니다.
          </p>
        )}
        {!reviews.loading && !reviews.error && list.length === 0 && (
          <p class="empty">{unansweredOnly ? '답변을 기다리는 리뷰가 없습니다.' : '아직 리뷰가 없습니다.'}</p>
        )}
        <ul class="list" aria-label="리뷰 목록">
          {list.map((review) => (
            <li key={review.reviewId}>
              <ReviewCard backend={backend} review={review} role={role} />
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function ReviewCard({ backend, review, role }: { backend: Backend; review: PartnerReview; role: Role }) {
  const action = useAction();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(review.reply?.text ?? '');
  const api = backend.api;
  const save = async (event: Event) => {
    event.preventDefault();
    if (await action.run(() => api.replyToReview({ reviewId: review.reviewId, text: text.trim() }))) setEditing(false);
  };
  return (
    <article class="card stack" aria-label={`${review.authorName}님의 리뷰`}>
      <div class="row wrap">
        {review.rating !== null && <Stars rating={review.rating} />}
        <strong>{review.authorName}</strong>
        {review.status === 'hidden' && <span class="badge status-cancelled">숨김 처리됨</span>}
        <span class="muted small push">
          {dateTime(review.createdAt)}
          {review.editedAt !== null && ' (수정됨)'}
        </span>
      </div>
      {review.text && <p class="pre">{review.text}</p>}
      {review.reply && !editing && (
        <div class="note">
          <strong class="small">사장님 답변</strong> <span class="muted small">{dateTime(review.reply.updatedAt)}</span>
          <p class="pre">{review.reply.text}</p>
        </div>
      )}
      <ActionError error={action.error} />
      {editing || (!review.reply && role === 'owner') ? (
        <form class="stack" onSubmit={save}>
          <label>
            답변
            <textarea rows={3} required maxLength={500} value={text} onInput={(e) => setText(e.currentTarget.value)} />
          </label>
          <div class="actions wrap">
            <button type="submit" class="primary" disabled={action.busy}>
              {review.reply ? '답변 수정' : '답변 등록'}
            </button>
            {editing && (
              <button
                type="button"
                class="ghost"
                onClick={() => {
                  setEditing(false);
                  setText(review.reply?.text ?? '');
                  action.clear();
                }}
              >
                취소
              </button>
            )}
          </div>
        </form>
      ) : (
        review.reply && (
          <div class="actions wrap">
            <button
              type="button"
              disabled={action.busy}
              onClick={() => {
                setText(review.reply?.text ?? '');
                setEditing(true);
              }}
            >
              답변 수정
            </button>
            <button
              type="button"
              class="ghost"
              disabled={action.busy}
              onClick={() => action.run(() => api.deleteReply({ reviewId: review.reviewId }))}
            >
              답변 삭제
            </button>
          </div>
        )
      )}
    </article>
  );
}
