// 매장 설정: open / closed / pause, sold-out toggles, members and invitations. Staff see it too;
// what only the owner may do is refused by the server, and its message is shown. A new member
// joins by accepting an invitation sent to their verified email (issue 11), so the owner invites
// here and sees the invitations still pending.
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import {
  STORE_STATUS_LABELS,
  type StoreDoc,
  storeMemberContacts,
  storeStateAt,
  WEEKDAYS,
  WEEKDAY_LABELS,
  storeMemberList,
  storeMenu,
  storePendingInvitations,
} from '@gocafein/client';
import type { Backend } from './firebase';
import { useLiveQuery, useNow } from './hooks';
import { ActionError, useAction } from './action';
import { clock, won } from './format';
import type { Role } from './app';
import { registerWebPush } from './push';

export function storeStatus(store: StoreDoc, now: number): keyof typeof STORE_STATUS_LABELS {
  if (!store.active) return 'inactive';
  if (!store.open) return 'closed';
  return store.pausedUntil !== null && store.pausedUntil > now ? 'paused' : 'open';
}

export function SettingsPage({
  backend,
  storeId,
  role,
  store,
  uid,
}: {
  backend: Backend;
  storeId: string;
  role: Role;
  store: StoreDoc | null;
  uid: string;
}) {
  const now = useNow(15_000);
  const status = useAction();
  const menu = useLiveQuery(() => storeMenu(backend.db, storeId), `menu:${storeId}`);
  const members = useLiveQuery(() => storeMemberList(backend.db, storeId), `members:${storeId}`);
  // Emails and invitations are the owners' to read (the rules refuse staff): staff see uids.
  const contacts = useLiveQuery(() => (role === 'owner' ? storeMemberContacts(backend.db, storeId) : null), `contacts:${storeId}:${role}`);
  const invitations = useLiveQuery(
    () => (role === 'owner' ? storePendingInvitations(backend.db, storeId) : null),
    `invitations:${storeId}:${role}`,
  );
  const emailOf = (memberUid: string) => contacts.data.find((contact) => contact.uid === memberUid)?.email;
  const memberAction = useAction();
  const soldOut = useAction();
  const busy = useAction();
  const [email, setEmail] = useState('');
  const [pushNote, setPushNote] = useState('');
  const [newRole, setNewRole] = useState<Role>('staff');
  const api = backend.api;
  if (!store) return <p role="status">불러오는 중…</p>;
  const current = storeStatus(store, now);
  const pause = (minutes: number) =>
    status.run(() => api.setStoreStatus({ storeId, open: true, pausedUntil: new Date(Date.now() + minutes * 60_000).toISOString() }));

  return (
    <div class="stack">
      <section class="card stack" aria-labelledby="status-title">
        <h2 id="status-title">영업 상태</h2>
        <p>
          지금{' '}
          <span class={`badge store-${current}`} data-testid="store-status">
            {STORE_STATUS_LABELS[current]}
          </span>
          {current === 'paused' && store.pausedUntil !== null && <span class="muted small"> {clock(store.pausedUntil)}까지</span>}
        </p>
        <div class="actions wrap">
          <button
            type="button"
            disabled={status.busy}
            aria-pressed={current === 'open'}
            onClick={() => status.run(() => api.setStoreStatus({ storeId, open: true, pausedUntil: null }))}
          >
            영업 시작
          </button>
          <button type="button" disabled={status.busy} onClick={() => pause(30)}>
            30분 일시정지
          </button>
          <button type="button" disabled={status.busy} onClick={() => pause(60)}>
            1시간 일시정지
          </button>
          <button
            type="button"
            disabled={status.busy}
            aria-pressed={current === 'closed'}
            onClick={() => status.run(() => api.setStoreStatus({ storeId, open: false }))}
          >
            영업 종료
          </button>
        </div>
        <ActionError error={status.error} />
      </section>

      <HoursSection
        store={store}
        now={now}
        busy={busy}
        onBusy={(addMinutes) =>
          busy.run(() =>
            api.setBusyMode(
              addMinutes === 0
                ? { storeId, addMinutes: 0 }
                : { storeId, addMinutes, until: new Date(Date.now() + 2 * 60 * 60_000).toISOString() },
            ),
          )
        }
      />

      <section class="card stack" aria-labelledby="menu-title">
        <h2 id="menu-title">품절 관리</h2>
        <ActionError error={soldOut.error} />
        <ul class="list plain">
          {menu.data.map((item) => (
            <li key={item.itemId} class="row">
              <label class="toggle">
                <input
                  type="checkbox"
                  role="switch"
                  checked={item.soldOut}
                  disabled={soldOut.busy}
                  onChange={(e) =>
                    soldOut.run(() => api.setMenuItemSoldOut({ storeId, itemId: item.itemId, soldOut: e.currentTarget.checked }))
                  }
                />
                <span>{item.name}</span>
              </label>
              <span class="muted small push">{won(item.price)}</span>
              {item.soldOut && <span class="badge status-cancelled">품절</span>}
            </li>
          ))}
        </ul>
      </section>

      <section class="card stack" aria-labelledby="push-title">
        <h2 id="push-title">주문 알림</h2>
        <p class="muted small">새 주문은 이 화면에서 소리와 배너로 알려 드립니다. 브라우저를 닫아도 받으려면 웹 푸시를 켜 주세요.</p>
        <button
          type="button"
          onClick={() => registerWebPush(backend).then(setPushNote, (e: unknown) => setPushNote(`웹 푸시를 켜지 못했습니다: ${String(e)}`))}
        >
          웹 푸시 켜기
        </button>
        {pushNote && (
          <p role="status" class="small">
            {pushNote}
          </p>
        )}
      </section>

      <section class="card stack" aria-labelledby="members-title">
        <h2 id="members-title">멤버</h2>
        <ActionError error={memberAction.error} />
        <ul class="list plain" aria-label="멤버 목록">
          {members.data.map((member) => (
            <li key={member.uid} class="row">
              <span>
                {emailOf(member.uid) ?? member.uid}
                {member.uid === uid ? ' (나)' : ''}
              </span>
              <span class="badge">{member.role === 'owner' ? '사장님' : '직원'}</span>
              <button
                type="button"
                class="ghost small push"
                disabled={memberAction.busy}
                onClick={() => memberAction.run(() => api.removeStoreMember({ storeId, uid: member.uid }))}
              >
                내보내기
              </button>
            </li>
          ))}
        </ul>
        {role === 'owner' && (
          <form
            class="row wrap"
            onSubmit={async (e) => {
              e.preventDefault();
              if (await memberAction.run(() => api.inviteStoreMember({ storeId, email: email.trim(), role: newRole }))) setEmail('');
            }}
          >
            <label class="grow">
              이메일
              <input type="email" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
            </label>
            <label>
              역할
              <select value={newRole} onChange={(e) => setNewRole(e.currentTarget.value as Role)}>
                <option value="staff">직원</option>
                <option value="owner">사장님</option>
              </select>
            </label>
            <button type="submit" class="primary" disabled={memberAction.busy}>
              초대하기
            </button>
          </form>
        )}
        {role === 'owner' && invitations.data.length > 0 && (
          <ul class="list plain" aria-label="수락 대기 중인 초대">
            {invitations.data.map((invitation) => (
              <li key={invitation.invitationId} class="row">
                <span>{invitation.email}</span>
                <span class="badge">{invitation.role === 'owner' ? '사장님' : '직원'} · 수락 대기</span>
                <button
                  type="button"
                  class="ghost small push"
                  disabled={memberAction.busy}
                  onClick={() => memberAction.run(() => api.revokeStoreInvitation({ invitationId: invitation.invitationId }))}
                >
                  초대 취소
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** A range whose close equals its open is 24 hours long (docs/hours.md: 00:00–00:00 = all day). */
const hoursText = (range: { open: string; close: string }) =>
  range.open !== range.close ? `${range.open}–${range.close}` : range.open === '00:00' ? '24시간' : `${range.open}부터 24시간`;

/** 영업시간: the state sentence the customers see, the weekly hours, and busy mode (docs/hours.md). */
function HoursSection({
  store,
  now,
  busy,
  onBusy,
}: {
  store: StoreDoc;
  now: number;
  busy: ReturnType<typeof useAction>;
  onBusy: (addMinutes: number) => void;
}) {
  const state = storeStateAt(store, now);
  const weekly = store.hours?.weekly ?? null;
  const holidays = store.hours?.holidays ?? [];
  return (
    <section class="card stack" aria-labelledby="hours-title">
      <h2 id="hours-title">영업시간</h2>
      <p data-testid="store-state-message">{state.message}</p>
      {weekly === null ? (
        <p class="muted small">영업시간이 정해지지 않아 영업 상태 버튼으로만 열고 닫습니다.</p>
      ) : (
        <dl class="facts" aria-label="요일별 영업시간">
          {WEEKDAYS.map((day) => (
            <Fragment key={day}>
              <dt>{WEEKDAY_LABELS[day]}</dt>
              <dd>{weekly[day].length === 0 ? '휴무' : weekly[day].map(hoursText).join(', ')}</dd>
            </Fragment>
          ))}
        </dl>
      )}
      {holidays.length > 0 && <p class="small">휴무일: {holidays.join(', ')}</p>}
      <h3>바쁨 모드</h3>
      <p class="small">
        {state.busy && state.busyUntil !== null
          ? `켜짐 · 예상 대기 ${state.waitMinutes}분 (${clock(state.busyUntil)}까지)`
          : `꺼짐 · 예상 대기 ${state.waitMinutes}분`}
      </p>
      <div class="actions wrap">
        <button type="button" disabled={busy.busy} onClick={() => onBusy(10)}>
          +10분 (2시간)
        </button>
        <button type="button" disabled={busy.busy} onClick={() => onBusy(20)}>
          +20분 (2시간)
        </button>
        <button type="button" disabled={busy.busy || !state.busy} onClick={() => onBusy(0)}>
          바쁨 모드 끄기
        </button>
      </div>
      <ActionError error={busy.error} />
    </section>
  );
}
