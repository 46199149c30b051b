// The partner and customer commands on an existing order: parse, run the command for the caller
// (app/runOrderCommand.ts runCallerCommand), answer with the order's public view.
import { Caller } from '../app/caller';
import { runCallerCommand } from '../app/runOrderCommand';
import { toPublicView } from '../domain/publicView';
import { OrderCommand } from '../domain/stateMachine';
import { cancelOrderInput, extendPrepInput, orderIdInput, startPreparingInput, trackingInput } from '../boundary/schemas';
import { defineCallable } from './shell';

async function commandForCaller(orderId: string, command: OrderCommand, caller: Caller) {
  const { order } = await runCallerCommand(orderId, command, caller);
  return toPublicView(order);
}

/** 준비시작: received → preparing, with the estimated minutes shown to the customer. */
export const startPreparing = /* @__PURE__ */ defineCallable('startPreparing', startPreparingInput, (input, caller) =>
  commandForCaller(input.orderId, { type: 'start_preparing', prepMinutes: input.prepMinutes }, caller),
);

/** 처리 완료: preparing → completed. */
export const completeOrder = /* @__PURE__ */ defineCallable('completeOrder', orderIdInput, (input, caller) =>
  commandForCaller(input.orderId, { type: 'complete' }, caller),
);

/** 배송 준비: received → preparing_shipment. */
export const prepareShipment = /* @__PURE__ */ defineCallable('prepareShipment', orderIdInput, (input, caller) =>
  commandForCaller(input.orderId, { type: 'prepare_shipment' }, caller),
);

/** 발송 처리: preparing_shipment → shipped, with courier and tracking number. */
export const shipOrder = /* @__PURE__ */ defineCallable('shipOrder', trackingInput, (input, caller) =>
  commandForCaller(input.orderId, { type: 'ship', carrier: input.carrier, trackingNumber: input.trackingNumber }, caller),
);

/** 송장 수정: only while shipped. */
export const updateTracking = /* @__PURE__ */ defineCallable('updateTracking', trackingInput, (input, caller) =>
  commandForCaller(input.orderId, { type: 'update_tracking', carrier: input.carrier, trackingNumber: input.trackingNumber }, caller),
);

/** 주문 취소, by the order's customer or a partner of its store. */
export const cancelOrder = /* @__PURE__ */ defineCallable('cancelOrder', cancelOrderInput, (input, caller) =>
  commandForCaller(input.orderId, { type: 'cancel', reason: input.reason, note: input.note ?? null }, caller),
);

/** 준비완료: preparing → ready (매장/포장); the customer is pushed "주문하신 메뉴가 준비되었습니다". */
export const markReady = /* @__PURE__ */ defineCallable('markReady', orderIdInput, (input, caller) =>
  commandForCaller(input.orderId, { type: 'mark_ready' }, caller),
);

/** 고객 호출: the ready push again, at most once a minute, on a ready order; no status change. */
export const callCustomer = /* @__PURE__ */ defineCallable('callCustomer', orderIdInput, (input, caller) =>
  commandForCaller(input.orderId, { type: 'call_customer' }, caller),
);

/** 시간 추가: 5-30 more minutes on a preparing order, at most three times; the customer hears the new time. */
export const extendPrep = /* @__PURE__ */ defineCallable('extendPrep', extendPrepInput, (input, caller) =>
  commandForCaller(
    input.orderId,
    { type: 'extend_prep', addMinutes: input.addMinutes, ...(input.requestId === undefined ? {} : { requestId: input.requestId }) },
    caller,
  ),
);
