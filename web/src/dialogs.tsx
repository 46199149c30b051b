// The order actions that ask for something first: prep time, courier and 송장번호, cancel reason.
import { useEffect, useRef, useState } from 'preact/hooks';
import { CANCEL_REASON_LABELS, CARRIERS, type OrderDoc } from '@gocafein/client';
// The server's own tracking-number rule (pure domain code), so the field is checked as typed.
import { CARRIERS as CARRIER_RULES, isValidTrackingNumber, normalizeTrackingNumber } from '../../functions/src/domain/carriers';
import { ActionError, useAction } from './action';

function Modal(props: { title: string; onClose: () => void; children: preact.ComponentChildren }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('input, select, button')?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        props.onClose();
      }
    };
    addEventListener('keydown', onKey, true);
    return () => removeEventListener('keydown', onKey, true);
  }, []);
  return (
    <div class="overlay top" onClick={(e) => e.target === e.currentTarget && props.onClose()}>
      <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="dialog-title" ref={ref}>
        <h2 id="dialog-title">{props.title}</h2>
        {props.children}
      </div>
    </div>
  );
}

const PREP_CHOICES = [5, 10, 15, 20, 30, 40, 60];

export function PrepDialog(props: { defaultMinutes: number; onClose: () => void; submit: (minutes: number) => Promise<unknown> }) {
  const [minutes, setMinutes] = useState(props.defaultMinutes);
  const action = useAction();
  const choices = PREP_CHOICES.includes(props.defaultMinutes)
    ? PREP_CHOICES
    : [...PREP_CHOICES, props.defaultMinutes].sort((a, b) => a - b);
  return (
    <Modal title="준비시작" onClose={props.onClose}>
      <form onSubmit={async (e) => (e.preventDefault(), (await action.run(() => props.submit(minutes))) && props.onClose())}>
        <fieldset class="chips">
          <legend>준비 시간</legend>
          {choices.map((choice) => (
            <label class="chip" key={choice}>
              <input type="radio" name="prep" value={choice} checked={minutes === choice} onChange={() => setMinutes(choice)} />
              {choice}분
            </label>
          ))}
        </fieldset>
        <ActionError error={action.error} />
        <div class="actions">
          <button type="button" onClick={props.onClose}>
            닫기
          </button>
          <button type="submit" class="primary" disabled={action.busy}>
            {minutes}분으로 준비시작
          </button>
        </div>
      </form>
    </Modal>
  );
}

const EXTEND_CHOICES = [5, 10, 15, 20, 30];

/** A fresh key per dialog: crypto.randomUUID needs a secure context (https, localhost, 127.0.0.1). */
function newRequestId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/**
 * 시간 추가: 5-30 more minutes on a preparing order (the backend allows three). One requestId per
 * dialog, so a double click or a retry after a lost response extends once.
 */
export function ExtendPrepDialog(props: { onClose: () => void; submit: (addMinutes: number, requestId: string) => Promise<unknown> }) {
  const [minutes, setMinutes] = useState(10);
  const [requestId] = useState(newRequestId);
  const action = useAction();
  return (
    <Modal title="시간 추가" onClose={props.onClose}>
      <form onSubmit={async (e) => (e.preventDefault(), (await action.run(() => props.submit(minutes, requestId))) && props.onClose())}>
        <fieldset class="chips">
          <legend>추가할 시간</legend>
          {EXTEND_CHOICES.map((choice) => (
            <label class="chip" key={choice}>
              <input type="radio" name="extend" value={choice} checked={minutes === choice} onChange={() => setMinutes(choice)} />
              {choice}분
            </label>
          ))}
        </fieldset>
        <ActionError error={action.error} />
        <div class="actions">
          <button type="button" onClick={props.onClose}>
            닫기
          </button>
          <button type="submit" class="primary" disabled={action.busy}>
            {minutes}분 추가
          </button>
        </div>
      </form>
    </Modal>
  );
}

type CarrierCode = (typeof CARRIERS)[number]['code'];

export function trackingHint(carrier: string, raw: string): string | null {
  const number = normalizeTrackingNumber(raw);
  if (!number) return null;
  if (!/^\d+$/.test(number)) return '송장번호는 숫자만 입력해 주세요.';
  if (isValidTrackingNumber(carrier, number)) return null;
  const digits = CARRIER_RULES.find((c) => c.code === carrier)?.digits ?? [];
  return `송장번호는 ${digits.join(' 또는 ')}자리 숫자입니다. (지금 ${number.length}자리)`;
}

export function ShipDialog(props: {
  mode: 'ship' | 'tracking';
  current: OrderDoc['shipment'];
  onClose: () => void;
  submit: (carrier: CarrierCode, trackingNumber: string) => Promise<unknown>;
}) {
  const [carrier, setCarrier] = useState<CarrierCode>((props.current?.carrier as CarrierCode | undefined) ?? 'cj');
  const [number, setNumber] = useState(props.current?.trackingNumber ?? '');
  const action = useAction();
  const hint = trackingHint(carrier, number);
  const ready = normalizeTrackingNumber(number).length > 0 && hint === null;
  return (
    <Modal title={props.mode === 'ship' ? '발송 처리' : '송장 수정'} onClose={props.onClose}>
      <form
        class="stack"
        onSubmit={async (e) => {
          e.preventDefault();
          if (ready && (await action.run(() => props.submit(carrier, normalizeTrackingNumber(number))))) props.onClose();
        }}
      >
        <label>
          택배사
          <select value={carrier} onChange={(e) => setCarrier(e.currentTarget.value as CarrierCode)}>
            {CARRIERS.map((c) => (
              <option value={c.code} key={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          송장번호
          <input
            inputMode="numeric"
            autocomplete="off"
            value={number}
            aria-invalid={hint !== null}
            aria-describedby="tracking-hint"
            onInput={(e) => setNumber(e.currentTarget.value)}
            placeholder="숫자만 (하이픈은 자동으로 지워집니다)"
          />
        </label>
        <p id="tracking-hint" class={hint ? 'error small' : 'muted small'} aria-live="polite">
          {hint ?? (ready ? '올바른 송장번호입니다.' : '택배사 송장번호를 입력해 주세요.')}
        </p>
        <ActionError error={action.error} />
        <div class="actions">
          <button type="button" onClick={props.onClose}>
            닫기
          </button>
          <button type="submit" class="primary" disabled={!ready || action.busy}>
            {props.mode === 'ship' ? '발송 처리' : '송장 수정'}
          </button>
        </div>
      </form>
    </Modal>
  );
}

type CancelReason = keyof typeof CANCEL_REASON_LABELS;
// What a store cancels for (the customer's own reasons are the customer app's).
const STORE_REASONS: CancelReason[] = [
  'customer_request',
  'reorder',
  'sold_out',
  'store_busy',
  'store_closing',
  'delivery_unavailable',
  'other',
];
const REASON_TITLES: Record<CancelReason, string> = {
  customer_request: '고객 요청',
  changed_mind: '고객 변심',
  reorder: '주문 변경 (재주문 안내)',
  sold_out: '재료 소진',
  store_busy: '주문 폭주',
  store_closing: '영업 종료',
  delivery_unavailable: '배송 불가 지역',
  other: '기타',
};

export function CancelDialog(props: { onClose: () => void; submit: (reason: CancelReason, note: string) => Promise<unknown> }) {
  const [reason, setReason] = useState<CancelReason>('sold_out');
  const [note, setNote] = useState('');
  const action = useAction();
  return (
    <Modal title="주문 취소" onClose={props.onClose}>
      <form
        class="stack"
        onSubmit={async (e) => (e.preventDefault(), (await action.run(() => props.submit(reason, note.trim()))) && props.onClose())}
      >
        <label>
          취소 사유
          <select value={reason} onChange={(e) => setReason(e.currentTarget.value as CancelReason)}>
            {STORE_REASONS.map((code) => (
              <option value={code} key={code}>
                {REASON_TITLES[code]}
              </option>
            ))}
          </select>
        </label>
        <p class="muted small">고객에게 보이는 안내: {CANCEL_REASON_LABELS[reason]}</p>
        <label>
          메모 (선택)
          <input maxLength={200} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
        <ActionError error={action.error} />
        <div class="actions">
          <button type="button" onClick={props.onClose}>
            닫기
          </button>
          <button type="submit" class="danger" disabled={action.busy}>
            주문 취소
          </button>
        </div>
      </form>
    </Modal>
  );
}
