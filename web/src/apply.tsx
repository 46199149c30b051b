// 입점신청: a user without a store applies; an admin reviews it (admin.tsx).
import { useState } from 'preact/hooks';
import { CHANNEL_LABELS, CHANNELS } from '@gocafein/client';
import type { Backend } from './firebase';
import { ActionError, useAction } from './action';

type Channel = (typeof CHANNELS)[number];

export function ApplyForm({ backend, onDone }: { backend: Backend; onDone: () => void }) {
  const [form, setForm] = useState({
    storeName: '',
    ownerName: '',
    businessNumber: '',
    phone: '',
    postalCode: '',
    address1: '',
    address2: '',
  });
  const [channels, setChannels] = useState<Channel[]>(['takeout']);
  const action = useAction();
  const field = (name: keyof typeof form, label: string, extra: Record<string, unknown> = {}) => (
    <label>
      {label}
      <input
        required={name !== 'address2'}
        value={form[name]}
        onInput={(e) => setForm({ ...form, [name]: e.currentTarget.value })}
        {...extra}
      />
    </label>
  );
  const submit = async (event: Event) => {
    event.preventDefault();
    const { postalCode, address1, address2, ...rest } = form;
    const ok = await action.run(() =>
      backend.api.submitPartnerApplication({ ...rest, address: { postalCode, address1, ...(address2 ? { address2 } : {}) }, channels }),
    );
    if (ok) onDone();
  };
  return (
    <form class="card stack" onSubmit={submit} aria-label="입점신청서">
      {field('storeName', '매장 이름')}
      {field('ownerName', '대표자 이름')}
      {field('businessNumber', '사업자등록번호', { placeholder: '000-00-00000', inputMode: 'numeric' })}
      {field('phone', '매장 전화번호', { inputMode: 'tel' })}
      {field('postalCode', '우편번호', { inputMode: 'numeric' })}
      {field('address1', '주소')}
      {field('address2', '상세 주소 (선택)')}
      <fieldset class="chips">
        <legend>주문 방식</legend>
        {CHANNELS.map((channel) => (
          <label class="chip" key={channel}>
            <input
              type="checkbox"
              checked={channels.includes(channel)}
              onChange={(e) => setChannels(e.currentTarget.checked ? [...channels, channel] : channels.filter((c) => c !== channel))}
            />
            {CHANNEL_LABELS[channel]}
          </label>
        ))}
      </fieldset>
      <ActionError error={action.error} />
      <button type="submit" class="primary" disabled={action.busy}>
        입점신청
      </button>
    </form>
  );
}
