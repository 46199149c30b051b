// Every denial the backend can give, with the HttpsError code it maps to and a Korean message a
// partner or customer app can show as is. `reason` codes are a stable public contract.
// Pure: the code strings are HttpsError's standard codes, but nothing here imports Firebase.
import type { ReasonDetails } from '../contract/types';

export type ErrorCode =
  | 'invalid-argument'
  | 'unauthenticated'
  | 'permission-denied'
  | 'not-found'
  | 'already-exists'
  | 'failed-precondition'
  | 'resource-exhausted'
  | 'aborted'
  | 'internal';

export const REASONS = {
  // Boundary
  invalid_argument: { code: 'invalid-argument', message: '입력값을 확인해 주세요.' },
  unauthenticated: { code: 'unauthenticated', message: '로그인이 필요합니다.' },
  internal: { code: 'internal', message: '일시적인 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.' },
  contention: { code: 'aborted', message: '주문이 몰려 처리하지 못했습니다. 잠시 후 다시 시도해 주세요.' },

  // Who may act on an order
  order_not_found: { code: 'not-found', message: '주문을 찾을 수 없습니다.' },
  not_order_participant: { code: 'permission-denied', message: '이 주문에 대한 권한이 없습니다.' },
  actor_not_permitted: { code: 'permission-denied', message: '이 작업을 수행할 권한이 없습니다.' },

  // Order state machine
  not_pickup_order: { code: 'failed-precondition', message: '매장/포장 주문에서만 할 수 있는 작업입니다.' },
  not_delivery_order: { code: 'failed-precondition', message: '배송 주문에서만 할 수 있는 작업입니다.' },
  order_cancelled: { code: 'failed-precondition', message: '이미 취소된 주문입니다.' },
  order_completed: { code: 'failed-precondition', message: '이미 완료된 주문입니다.' },
  already_preparing: {
    code: 'failed-precondition',
    message: '이미 준비를 시작한 주문입니다. 준비 시간은 변경할 수 없습니다.',
  },
  preparation_not_started: { code: 'failed-precondition', message: '준비시작 후에 처리 완료할 수 있습니다.' },
  shipment_not_prepared: { code: 'failed-precondition', message: '배송 준비 후에 발송 처리할 수 있습니다.' },
  already_shipped: {
    code: 'failed-precondition',
    message: '이미 발송 처리된 주문입니다. 송장 정보는 송장 수정으로 변경해 주세요.',
  },
  not_shipped: { code: 'failed-precondition', message: '발송 처리된 주문만 송장을 수정할 수 있습니다.' },
  cancel_after_shipment: { code: 'failed-precondition', message: '이미 발송 처리된 주문은 취소할 수 없습니다.' },
  customer_cancel_too_late: {
    code: 'failed-precondition',
    message: '준비가 시작된 주문은 취소할 수 없습니다. 매장에 문의해 주세요.',
  },
  cancel_reason_not_for_actor: {
    code: 'permission-denied',
    message: '선택할 수 없는 취소 사유입니다. 다른 취소 사유를 선택해 주세요.',
  },
  not_yet_due: { code: 'failed-precondition', message: '아직 자동 완료 시간이 되지 않았습니다.' },
  // 준비완료, 고객 호출, 시간 추가 (issue 14; docs/orders.md)
  order_not_ready: { code: 'failed-precondition', message: '준비완료된 주문만 고객을 호출할 수 있습니다.' },
  customer_called_recently: {
    code: 'resource-exhausted',
    message: '고객 호출은 1분에 한 번만 할 수 있습니다. 잠시 후 다시 호출해 주세요.',
  },
  extend_prep_not_preparing: { code: 'failed-precondition', message: '준비중인 주문만 준비 시간을 추가할 수 있습니다.' },
  prep_extension_limit: { code: 'failed-precondition', message: '준비 시간은 최대 3번까지 추가할 수 있습니다.' },
  prep_extension_key_reused: {
    code: 'already-exists',
    message: '같은 요청으로 다른 시간 추가가 이미 처리되었습니다. 주문을 다시 확인해 주세요.',
  },
  invalid_transition: { code: 'failed-precondition', message: '현재 주문 상태에서는 할 수 없는 작업입니다.' },

  // Placing an order
  store_not_found: { code: 'not-found', message: '매장을 찾을 수 없습니다.' },
  store_inactive: { code: 'failed-precondition', message: '현재 주문할 수 없는 매장입니다.' },
  store_closed: { code: 'failed-precondition', message: '매장이 영업 준비중입니다.' },
  store_paused: { code: 'failed-precondition', message: '매장이 잠시 주문을 받지 않고 있습니다.' },
  // Opening hours (docs/hours.md); `details.message` names the next opening time
  store_outside_hours: { code: 'failed-precondition', message: '지금은 영업시간이 아닙니다.' },
  store_holiday: { code: 'failed-precondition', message: '오늘은 휴무일입니다.' },
  channel_not_offered: { code: 'failed-precondition', message: '이 매장에서 지원하지 않는 주문 방식입니다.' },
  menu_item_not_found: { code: 'not-found', message: '메뉴를 찾을 수 없습니다.' },
  menu_item_sold_out: { code: 'failed-precondition', message: '품절된 메뉴가 포함되어 있습니다.' },
  unknown_option: { code: 'invalid-argument', message: '선택할 수 없는 옵션입니다.' },
  option_choice_count: { code: 'invalid-argument', message: '옵션 선택 개수가 올바르지 않습니다.' },
  idempotency_key_reused: {
    code: 'already-exists',
    message: '같은 요청 번호로 다른 주문이 이미 접수되었습니다.',
  },

  // Partner onboarding, store management and access (docs/onboarding.md)
  admin_only: { code: 'permission-denied', message: '관리자만 할 수 있는 작업입니다.' },
  not_store_member: { code: 'permission-denied', message: '이 매장에 대한 권한이 없습니다.' },
  store_owner_only: { code: 'permission-denied', message: '사장님(매장 소유자)만 할 수 있는 작업입니다.' },
  application_not_found: { code: 'not-found', message: '입점신청을 찾을 수 없습니다.' },
  application_pending: {
    code: 'already-exists',
    message: '심사 중인 입점신청이 이미 있습니다. 심사 결과를 기다려 주세요.',
  },
  application_already_reviewed: { code: 'failed-precondition', message: '이미 심사가 끝난 입점신청입니다.' },
  too_many_stores: { code: 'resource-exhausted', message: '한 계정으로 관리할 수 있는 매장 수를 초과했습니다.' },
  already_member: {
    code: 'already-exists',
    message: '이미 다른 권한으로 등록된 직원입니다. 삭제 후 다시 추가해 주세요.',
  },
  last_owner: {
    code: 'failed-precondition',
    message: '매장에는 사장님이 한 명 이상 있어야 합니다. 다른 사장님을 먼저 추가해 주세요.',
  },

  // Reviews (docs/reviews.md)
  review_not_found: { code: 'not-found', message: '리뷰를 찾을 수 없습니다.' },
  not_review_author: { code: 'permission-denied', message: '본인이 작성한 리뷰만 수정하거나 삭제할 수 있습니다.' },
  order_not_completed: { code: 'failed-precondition', message: '완료된 주문에만 리뷰를 작성할 수 있습니다.' },
  review_window_closed: { code: 'failed-precondition', message: '리뷰 작성 기간이 지났습니다.' },
  review_exists: { code: 'already-exists', message: '이 주문에는 이미 리뷰를 작성했습니다. 작성한 리뷰를 수정해 주세요.' },
  review_deleted: { code: 'failed-precondition', message: '삭제한 리뷰는 다시 작성할 수 없습니다.' },
  review_hidden: { code: 'failed-precondition', message: '숨김 처리된 리뷰에는 답글을 달 수 없습니다.' },
  own_review_report: { code: 'failed-precondition', message: '본인이 작성한 리뷰는 신고할 수 없습니다.' },
  // Abuse limits and account checks (issue 11; docs/abuse-and-privacy.md)
  app_check_failed: {
    code: 'unauthenticated',
    message: '앱 인증에 실패했습니다. 공식 앱을 최신 버전으로 업데이트한 뒤 다시 시도해 주세요.',
  },
  app_check_token_reused: { code: 'unauthenticated', message: '요청 인증이 만료되었습니다. 다시 시도해 주세요.' },
  anonymous_account: { code: 'permission-denied', message: '비회원(익명) 계정으로는 이용할 수 없습니다. 회원가입 후 다시 시도해 주세요.' },
  account_disabled: { code: 'permission-denied', message: '이용이 중지된 계정입니다. 고객센터에 문의해 주세요.' },
  // Applying for a store and accepting a store invitation both need a verified email.
  email_not_verified: { code: 'failed-precondition', message: '이메일 인증을 마친 뒤 다시 시도해 주세요.' },
  too_many_unanswered_orders: {
    code: 'resource-exhausted',
    message: '이 매장에서 아직 접수 대기 중인 주문이 많습니다. 매장이 주문을 확인한 뒤 다시 주문해 주세요.',
  },
  order_rate_limited: { code: 'resource-exhausted', message: '짧은 시간에 주문이 너무 많습니다. 잠시 후 다시 주문해 주세요.' },
  // Sales and exports (docs/sales.md)
  export_too_large: {
    code: 'resource-exhausted',
    message: '내보낼 주문이 너무 많습니다. 기간을 나눠서 내려받아 주세요.',
  },
  // Store invitations (docs/onboarding.md "Invitations")
  invitation_not_found: { code: 'not-found', message: '초대를 찾을 수 없습니다.' },
  invitation_not_for_you: { code: 'permission-denied', message: '다른 이메일 주소로 보낸 초대입니다.' },
  invitation_expired: { code: 'failed-precondition', message: '만료된 초대입니다. 사장님께 다시 초대를 요청해 주세요.' },
  invitation_revoked: { code: 'failed-precondition', message: '취소된 초대입니다.' },
  invitation_declined: { code: 'failed-precondition', message: '이미 거절한 초대입니다.' },
  invitation_already_accepted: { code: 'failed-precondition', message: '이미 수락된 초대입니다.' },
} as const satisfies Record<string, { code: ErrorCode; message: string }>;

export type Reason = keyof typeof REASONS;

/**
 * A denial raised by domain or adapter code; the callable shell turns it into an HttpsError. `extra`
 * goes to the app in `details`, typed per reason by ReasonExtras (contract/types.ts, the client's types).
 */
export class DomainError<R extends Reason = Reason> extends Error {
  readonly extra: Record<string, unknown>;
  constructor(
    readonly reason: R,
    extra: ReasonDetails[R] = {} as ReasonDetails[R],
  ) {
    super(REASONS[reason].message);
    this.name = 'DomainError';
    this.extra = extra as Record<string, unknown>;
  }
  get code(): ErrorCode {
    return REASONS[this.reason].code;
  }
}
