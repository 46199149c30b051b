// THE CALLABLE CONTRACT: one entry per callable the apps call. From this registry come the typed
// client package (client/), the JSON Schemas for non-JS clients (client/schemas), and the callable
// tables in docs/contract.md. Regenerate after a change: `cd functions && npx tsx test/contract/generate.ts`.
//
// Adding a callable: one entry below, `name: entry(requestSchema, responseOf<typeof import('../callables/x')['name']>(), {...})`.
// A callable exported from src/index.ts without an entry fails test/contract/contract.test.ts.
//
// Only the generator and the tests load this file (index.ts never does). Responses are types only:
// `typeof import(...)` names the handler's module without loading it.
import type { z } from 'zod/mini';
import { registerDeviceInput, unregisterDeviceInput } from '../callables/devices';
import { cancelOrderInput, extendPrepInput, orderIdInput, placeOrderInput, startPreparingInput, trackingInput } from '../boundary/schemas';
import {
  invitationIdInput,
  inviteStoreMemberInput,
  menuItemInput,
  removeStoreMemberInput,
  reviewPartnerApplicationInput,
  setMenuItemSoldOutInput,
  setStoreStatusInput,
  submitPartnerApplicationInput,
  updateStoreInput,
  upsertMenuItemInput,
} from '../boundary/storeSchemas';
import {
  editReviewInput,
  moderateReviewInput,
  replyToReviewInput,
  reportReviewInput,
  reviewIdInput,
  submitReviewInput,
} from '../boundary/reviewSchemas';
import { salesRangeInput } from '../boundary/salesSchemas';
import { pauseStoreInput, resumeStoreInput, setBusyModeInput, setStoreHoursInput } from '../boundary/storeHoursSchemas';

/** Raise on a breaking change to any request or response (test/contract/contract.test.ts says when). */
export const CONTRACT_VERSION = 3; // 2: addStoreMember replaced by invitations (issue 11); 3: order status `ready` (issue 14)

/** Who may call it (the permission matrix is the authority; this is the docs' summary). */
export type Audience = 'customer' | 'store member' | 'store owner' | 'customer or store member' | 'signed-in user' | 'admin';

declare const RESPONSE: unique symbol;
/** A phantom carrying the callable's response type; never read at run time. */
export interface ResponseMarker<T> {
  readonly [RESPONSE]?: T;
}
type HandlerResult<F> = F extends { run(...args: never[]): infer R } ? Awaited<R> : never;
export const responseOf = <F>(): ResponseMarker<HandlerResult<F>> => ({});

export interface CallableEntry<Request extends z.ZodMiniType = z.ZodMiniType> {
  request: Request;
  response: ResponseMarker<unknown>;
  audience: Audience;
  /** One line in Korean, as the docs table shows it. */
  summary: string;
  /** Docs page with the details. */
  doc: string;
}

const entry = <Request extends z.ZodMiniType, Response>(
  request: Request,
  response: ResponseMarker<Response>,
  about: Omit<CallableEntry, 'request' | 'response'>,
) => ({ request, response, ...about });

const ORDERS = 'docs/orders.md#callable-contract';
const ONBOARDING = 'docs/onboarding.md';
const NOTIFICATIONS = 'docs/notifications.md';
const REVIEWS = 'docs/reviews.md';
const SALES = 'docs/sales.md';
const HOURS = 'docs/hours.md';

export const CALLABLES = {
  // Orders
  placeOrder: entry(placeOrderInput, responseOf<(typeof import('../callables/placeOrder'))['placeOrder']>(), {
    audience: 'customer',
    summary: '주문하기 (매장, 포장, 배송). 같은 requestId로 다시 보내면 같은 주문이 돌아옵니다.',
    doc: ORDERS,
  }),
  startPreparing: entry(startPreparingInput, responseOf<(typeof import('../callables/orderCommands'))['startPreparing']>(), {
    audience: 'store member',
    summary: '준비시작: 접수 → 준비중, 예상 준비 시간(분)을 고객에게 알립니다.',
    doc: ORDERS,
  }),
  completeOrder: entry(orderIdInput, responseOf<(typeof import('../callables/orderCommands'))['completeOrder']>(), {
    audience: 'store member',
    summary: '처리 완료: 준비중 또는 준비완료 → 완료.',
    doc: ORDERS,
  }),
  prepareShipment: entry(orderIdInput, responseOf<(typeof import('../callables/orderCommands'))['prepareShipment']>(), {
    audience: 'store member',
    summary: '배송 준비: 접수 → 배송 준비 중.',
    doc: ORDERS,
  }),
  shipOrder: entry(trackingInput, responseOf<(typeof import('../callables/orderCommands'))['shipOrder']>(), {
    audience: 'store member',
    summary: '발송 처리: 택배사와 송장번호를 입력하면 배송 중이 됩니다.',
    doc: ORDERS,
  }),
  updateTracking: entry(trackingInput, responseOf<(typeof import('../callables/orderCommands'))['updateTracking']>(), {
    audience: 'store member',
    summary: '송장 수정: 발송된 주문의 택배사·송장번호를 바꿉니다.',
    doc: ORDERS,
  }),
  cancelOrder: entry(cancelOrderInput, responseOf<(typeof import('../callables/orderCommands'))['cancelOrder']>(), {
    audience: 'customer or store member',
    summary: '주문 취소 (사유 필수, 기타는 메모 필수).',
    doc: ORDERS,
  }),
  markReady: entry(orderIdInput, responseOf<(typeof import('../callables/orderCommands'))['markReady']>(), {
    audience: 'store member',
    summary: '준비완료 (매장/포장): 준비중 → 준비완료, 고객에게 준비 완료 알림. 반복 호출은 변화 없음.',
    doc: ORDERS,
  }),
  callCustomer: entry(orderIdInput, responseOf<(typeof import('../callables/orderCommands'))['callCustomer']>(), {
    audience: 'store member',
    summary: '고객 호출: 준비완료 주문의 준비 완료 알림을 다시 보냄 (1분에 한 번).',
    doc: ORDERS,
  }),
  extendPrep: entry(extendPrepInput, responseOf<(typeof import('../callables/orderCommands'))['extendPrep']>(), {
    audience: 'store member',
    summary: '시간 추가: 준비중 주문의 준비 시간을 5~30분 늘림 (최대 3번), 고객에게 새 예정 시각 알림.',
    doc: ORDERS,
  }),
  // Onboarding, stores, menus, members
  submitPartnerApplication: entry(
    submitPartnerApplicationInput,
    responseOf<(typeof import('../callables/partnerApplications'))['submitPartnerApplication']>(),
    { audience: 'signed-in user', summary: '입점신청.', doc: ONBOARDING },
  ),
  reviewPartnerApplication: entry(
    reviewPartnerApplicationInput,
    responseOf<(typeof import('../callables/partnerApplications'))['reviewPartnerApplication']>(),
    { audience: 'admin', summary: '입점신청 심사 (승인하면 매장이 만들어집니다).', doc: ONBOARDING },
  ),
  inviteStoreMember: entry(inviteStoreMemberInput, responseOf<(typeof import('../callables/storeInvitations'))['inviteStoreMember']>(), {
    audience: 'store owner',
    summary: '직원·공동 사장님 초대 (이메일과 역할로; 수락해야 멤버가 됩니다).',
    doc: ONBOARDING,
  }),
  acceptStoreInvitation: entry(invitationIdInput, responseOf<(typeof import('../callables/storeInvitations'))['acceptStoreInvitation']>(), {
    audience: 'signed-in user',
    summary: '초대 수락 (초대받은 이메일로 로그인하고 인증을 마친 사용자).',
    doc: ONBOARDING,
  }),
  declineStoreInvitation: entry(
    invitationIdInput,
    responseOf<(typeof import('../callables/storeInvitations'))['declineStoreInvitation']>(),
    {
      audience: 'signed-in user',
      summary: '초대 거절.',
      doc: ONBOARDING,
    },
  ),
  revokeStoreInvitation: entry(invitationIdInput, responseOf<(typeof import('../callables/storeInvitations'))['revokeStoreInvitation']>(), {
    audience: 'store owner',
    summary: '보낸 초대 취소 (수락 전까지).',
    doc: ONBOARDING,
  }),
  removeStoreMember: entry(removeStoreMemberInput, responseOf<(typeof import('../callables/storeMembers'))['removeStoreMember']>(), {
    audience: 'store owner',
    summary: '직원 삭제.',
    doc: ONBOARDING,
  }),
  setStoreStatus: entry(setStoreStatusInput, responseOf<(typeof import('../callables/storeSettings'))['setStoreStatus']>(), {
    audience: 'store member',
    summary: '영업중 / 준비중 / 일시정지.',
    doc: ONBOARDING,
  }),
  updateStore: entry(updateStoreInput, responseOf<(typeof import('../callables/storeSettings'))['updateStore']>(), {
    audience: 'store owner',
    summary: '매장 정보 수정 (이름, 전화, 주문 방식, 배송비, 기본 준비 시간, 영업 마감 시각).',
    doc: ONBOARDING,
  }),
  setStoreHours: entry(setStoreHoursInput, responseOf<(typeof import('../callables/storeHours'))['setStoreHours']>(), {
    audience: 'store owner',
    summary: '영업시간(요일별, 자정 넘김 가능)과 휴무일 설정. weekly가 null이면 매일 종일 영업.',
    doc: HOURS,
  }),
  pauseStore: entry(pauseStoreInput, responseOf<(typeof import('../callables/storeHours'))['pauseStore']>(), {
    audience: 'store owner',
    summary: '일시정지 (종료 시간 또는 분), 종료 시간이 지나면 저절로 다시 주문을 받습니다.',
    doc: HOURS,
  }),
  resumeStore: entry(resumeStoreInput, responseOf<(typeof import('../callables/storeHours'))['resumeStore']>(), {
    audience: 'store owner',
    summary: '일시정지 해제.',
    doc: HOURS,
  }),
  setBusyMode: entry(setBusyModeInput, responseOf<(typeof import('../callables/storeHours'))['setBusyMode']>(), {
    audience: 'store owner',
    summary: '바쁨 모드: 종료 시간까지 기본 준비 시간에 분을 더해 매장 화면에 보여 줍니다 (0이면 끄기).',
    doc: HOURS,
  }),
  upsertMenuItem: entry(upsertMenuItemInput, responseOf<(typeof import('../callables/menu'))['upsertMenuItem']>(), {
    audience: 'store member',
    summary: '메뉴 추가·수정 (옵션 포함).',
    doc: ONBOARDING,
  }),
  deleteMenuItem: entry(menuItemInput, responseOf<(typeof import('../callables/menu'))['deleteMenuItem']>(), {
    audience: 'store member',
    summary: '메뉴 삭제.',
    doc: ONBOARDING,
  }),
  setMenuItemSoldOut: entry(setMenuItemSoldOutInput, responseOf<(typeof import('../callables/menu'))['setMenuItemSoldOut']>(), {
    audience: 'store member',
    summary: '품절 / 품절 해제.',
    doc: ONBOARDING,
  }),
  // Notifications
  registerDevice: entry(registerDeviceInput, responseOf<(typeof import('../callables/devices'))['registerDevice']>(), {
    audience: 'signed-in user',
    summary: '푸시 알림 기기 등록 (로그인 후, 앱 시작 때마다).',
    doc: NOTIFICATIONS,
  }),
  unregisterDevice: entry(unregisterDeviceInput, responseOf<(typeof import('../callables/devices'))['unregisterDevice']>(), {
    audience: 'signed-in user',
    summary: '푸시 알림 기기 해제 (로그아웃 전).',
    doc: NOTIFICATIONS,
  }),
  // Reviews
  submitReview: entry(submitReviewInput, responseOf<(typeof import('../callables/reviews'))['submitReview']>(), {
    audience: 'customer',
    summary: '리뷰 작성: 완료된 주문에 한 번, 완료 후 REVIEW_WINDOW_DAYS일 안에 (별점 1~5, 내용은 선택).',
    doc: REVIEWS,
  }),
  editReview: entry(editReviewInput, responseOf<(typeof import('../callables/reviews'))['editReview']>(), {
    audience: 'customer',
    summary: '리뷰 수정 (작성 기간 안에).',
    doc: REVIEWS,
  }),
  deleteReview: entry(reviewIdInput, responseOf<(typeof import('../callables/reviews'))['deleteReview']>(), {
    audience: 'customer',
    summary: '리뷰 삭제 (별점에서도 빠지며, 다시 작성할 수 없습니다).',
    doc: REVIEWS,
  }),
  replyToReview: entry(replyToReviewInput, responseOf<(typeof import('../callables/reviews'))['replyToReview']>(), {
    audience: 'store owner',
    summary: '사장님 답글 작성·수정 (리뷰마다 하나).',
    doc: REVIEWS,
  }),
  deleteReply: entry(reviewIdInput, responseOf<(typeof import('../callables/reviews'))['deleteReply']>(), {
    audience: 'store owner',
    summary: '사장님 답글 삭제.',
    doc: REVIEWS,
  }),
  reportReview: entry(reportReviewInput, responseOf<(typeof import('../callables/reviews'))['reportReview']>(), {
    audience: 'signed-in user',
    summary: '리뷰 신고 (작성자 본인 제외). 신고만으로 숨겨지지 않습니다.',
    doc: REVIEWS,
  }),
  moderateReview: entry(moderateReviewInput, responseOf<(typeof import('../callables/reviews'))['moderateReview']>(), {
    audience: 'admin',
    summary: '신고된 리뷰 검토: 유지 또는 숨김 (사유 필수).',
    doc: REVIEWS,
  }),
  // Sales (매출)
  getSalesSummary: entry(salesRangeInput, responseOf<(typeof import('../callables/sales'))['getSalesSummary']>(), {
    audience: 'store owner',
    summary: '매출 요약: 영업일별·기간 합계, 주문 방식별 매출, 취소 사유, 준비 시간, 시간대별 주문, 인기 메뉴 (최대 92일).',
    doc: SALES,
  }),
  exportOrders: entry(salesRangeInput, responseOf<(typeof import('../callables/sales'))['exportOrders']>(), {
    audience: 'store owner',
    summary: '주문내역 CSV 내려받기 (엑셀용, 크면 15분짜리 다운로드 링크).',
    doc: SALES,
  }),
} satisfies Record<string, CallableEntry>;

export type CallableName = keyof typeof CALLABLES;
/** What an app sends: the schema's input side. */
export type CallableRequests = { [K in CallableName]: z.input<(typeof CALLABLES)[K]['request']> };
/** What the handler returns, as the SDK hands it to the app (JSON). */
export type CallableResponses = {
  [K in CallableName]: (typeof CALLABLES)[K]['response'] extends ResponseMarker<infer R> ? R : never;
};
