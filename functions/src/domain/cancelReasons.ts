// The fixed set of cancellation reasons, with the Korean text shown to the other party, and the
// side (customer or store) each belongs to.
import type { ActorRole } from './order';

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

/** Who may give a reason: the customer cancelling their own order, or the store (staff, admin). */
export type CancelSide = 'customer' | 'store';

/** The side each reason belongs to: its text speaks for that side, so only that side may send it. */
export const CANCEL_REASON_SIDES: Readonly<Record<CancelReason, CancelSide>> = {
  customer_request: 'store', // the store cancels because the customer asked it to (by phone, at the counter)
  changed_mind: 'customer',
  reorder: 'customer',
  sold_out: 'store',
  store_busy: 'store',
  store_closing: 'store',
  delivery_unavailable: 'store',
  other: 'store', // its text is "매장 사정으로"
};

/** The side an actor cancels for; the system cancels nothing today, and would speak for the store. */
export function cancelSideOf(role: ActorRole): CancelSide {
  return role === 'customer' ? 'customer' : 'store';
}

/** The reasons this actor may give, in CANCEL_REASON_CODES order (for an app's picker). */
export function cancelReasonsFor(role: ActorRole): CancelReason[] {
  return CANCEL_REASON_CODES.filter((reason) => CANCEL_REASON_SIDES[reason] === cancelSideOf(role));
}

/** Whether this actor may cancel with this reason (an unknown reason belongs to nobody). */
export function isCancelReasonFor(reason: string, role: ActorRole): boolean {
  return (
    Object.prototype.hasOwnProperty.call(CANCEL_REASON_SIDES, reason) && CANCEL_REASON_SIDES[reason as CancelReason] === cancelSideOf(role)
  );
}
