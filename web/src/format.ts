import { CHANNEL_LABELS, STATUS_LABELS } from '@gocafein/client';

export const won = (amount: number) => `${amount.toLocaleString('ko-KR')}원`;

const timeFormat = new Intl.DateTimeFormat('ko-KR', { timeZone: 'Asia/Seoul', hour: '2-digit', minute: '2-digit', hour12: false });
const dateTimeFormat = new Intl.DateTimeFormat('ko-KR', {
  timeZone: 'Asia/Seoul',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});
export const clock = (ms: number) => timeFormat.format(ms);
export const dateTime = (ms: number) => dateTimeFormat.format(ms);

export function remaining(ms: number): string {
  if (ms <= 0) return '곧 자동 완료됩니다';
  const total = Math.ceil(ms / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return minutes > 0 ? `${minutes}분 ${seconds}초` : `${seconds}초`;
}

export const channelLabel = (channel: keyof typeof CHANNEL_LABELS) => CHANNEL_LABELS[channel];
export const statusLabel = (status: keyof typeof STATUS_LABELS) => STATUS_LABELS[status];

export const COMMAND_LABELS: Record<string, string> = {
  place: '주문 접수',
  start_preparing: '준비 시작',
  mark_ready: '준비완료',
  call_customer: '고객 호출',
  extend_prep: '시간 추가',
  complete: '처리 완료',
  auto_complete: '자동 완료',
  prepare_shipment: '배송 준비',
  ship: '발송 처리',
  update_tracking: '송장 수정',
  mark_delivered: '배송 완료',
  cancel: '주문 취소',
};

export const ACTOR_LABELS: Record<string, string> = { customer: '고객', partner: '매장', system: '자동', admin: '관리자' };
