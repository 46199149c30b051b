// The fixed set of cancellation reasons, with the Korean text shown to the other party.

export const CANCEL_REASONS = {
  customer_request: '고객 요청으로 취소되었습니다.',
  changed_mind: '고객님의 요청으로 주문이 취소되었습니다.',
  reorder: '주문 변경을 위해 취소되었습니다. 다시 주문해 주세요.',
  sold_out: '재료 소진으로 주문이 취소되었습니다.',
  store_busy: '주문이 많아 매장에서 주문을 취소했습니다.',
  store_closing: '매장 영업 종료로 주문이 취소되었습니다.',
  delivery_unavailable: '배송이 불가능한 지역이라 주문이 취소되었습니다.',
  other: '매장 사정으로 주문이 취소되었습니다.',
} as const;

export type CancelReason = keyof typeof CANCEL_REASONS;
export const CANCEL_REASON_CODES = Object.keys(CANCEL_REASONS) as [CancelReason, ...CancelReason[]];
