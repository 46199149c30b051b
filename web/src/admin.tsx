// Admin: review pending store applications (입점신청), approve or reject with a reason.
import { useState } from 'preact/hooks';
import { CHANNEL_LABELS, type PartnerApplicationDoc, pendingPartnerApplications } from '@gocafein/client';
import type { Backend } from './firebase';
import { useLiveQuery } from './hooks';
import { ActionError, useAction } from './action';
import { dateTime } from './format';

export function AdminPage({ backend }: { backend: Backend }) {
  const pending = useLiveQuery(() => pendingPartnerApplications(backend.db), 'pending');
  return (
    <section class="stack">
      <h1>입점신청 심사</h1>
      {pending.error && (
        <p class="error" role="alert">
          불러오지 못했습니다.
        </p>
      )}
      {!pending.loading && pending.data.length === 0 && <p class="empty">심사할 입점신청이 없습니다.</p>}
      <ul class="list">
        {pending.data.map((application) => (
          <li key={application.applicationId}>
            <Review backend={backend} application={application} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function Review({ backend, application }: { backend: Backend; application: PartnerApplicationDoc }) {
  const [note, setNote] = useState('');
  const action = useAction();
  const review = (decision: 'approve' | 'reject') =>
    action.run(() =>
      backend.api.reviewPartnerApplication({
        applicationId: application.applicationId,
        decision,
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    );
  return (
    <article class="card stack" aria-label={application.storeName}>
      <h2>{application.storeName}</h2>
      <dl class="facts">
        <dt>대표자</dt>
        <dd>{application.ownerName}</dd>
        <dt>사업자등록번호</dt>
        <dd>{application.businessNumber}</dd>
        <dt>연락처</dt>
        <dd>{application.phone}</dd>
        <dt>주소</dt>
        <dd>
          ({application.address.postalCode}) {application.address.address1} {application.address.address2 ?? ''}
        </dd>
        <dt>주문 방식</dt>
        <dd>{application.channels.map((c) => CHANNEL_LABELS[c]).join(', ')}</dd>
        <dt>신청</dt>
        <dd>{dateTime(application.createdAt)}</dd>
      </dl>
      <label>
        반려 사유 (반려할 때)
        <input value={note} maxLength={500} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <ActionError error={action.error} />
      <div class="actions">
        <button type="button" class="danger" disabled={action.busy} onClick={() => review('reject')}>
          반려
        </button>
        <button type="button" class="primary" disabled={action.busy} onClick={() => review('approve')}>
          승인
        </button>
      </div>
    </article>
  );
}
