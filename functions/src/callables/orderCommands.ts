// The partner and customer commands on an existing order. Each is one state-machine command run
// in one transaction by runOrderCommand. A partner is whoever holds a membership document at the
// order's store, read in that same transaction: a removed member's next call is refused even while
// their ID token still claims the store.
import { Caller, claimedStoreIds, decideForCaller } from '../access/claims';
import { toPublicView } from '../domain/publicView';
import { OrderCommand } from '../domain/stateMachine';
import { runOrderCommand } from '../infra/orderCommands';
import { memberRef, readStoreRole, storeRoleFromSnapshot } from '../infra/stores';
import { cancelOrderInput, extendPrepInput, orderIdInput, startPreparingInput, trackingInput } from './schemas';
import { defineCallable } from './shell';

async function commandForCaller(orderId: string, command: OrderCommand, caller: Caller) {
  // The order's store is known only once the order is read. A partner's token usually claims the one
  // store they work at: read that membership in the same batch as the order (one round trip). The
  // claim only picks the document; the role is the document's. Otherwise (no claim, several, or
  // another store than the order's) the membership is read after the order.
  const claimed = claimedStoreIds(caller);
  const hintedStoreId = claimed.length === 1 ? claimed[0] : null;
  const { order } = await runOrderCommand(orderId, command, {
    prefetch: hintedStoreId ? [memberRef(hintedStoreId, caller.uid)] : [],
    authorize: async (tx, current, [membership]) => {
      const storeRole =
        membership && hintedStoreId === current.storeId
          ? storeRoleFromSnapshot(membership)
          : await readStoreRole(tx, current.storeId, caller.uid);
      return (order, at) => decideForCaller(caller, storeRole, order, command, at);
    },
  });
  return toPublicView(order);
}

/** 준비시작: received → preparing, with the estimated minutes shown to the customer. */
export const startPreparing = defineCallable('startPreparing', startPreparingInput, (input, caller) =>
  commandForCaller(input.orderId, { type: 'start_preparing', prepMinutes: input.prepMinutes }, caller),
);

/** 처리 완료: preparing → completed. */
export const completeOrder = defineCallable('completeOrder', orderIdInput, (input, caller) =>
  commandForCaller(input.orderId, { type: 'complete' }, caller),
);

/** 배송 준비: received → preparing_shipment. */
export const prepareShipment = defineCallable('prepareShipment', orderIdInput, (input, caller) =>
  commandForCaller(input.orderId, { type: 'prepare_shipment' }, caller),
);

/** 발송 처리: preparing_shipment → shipped, with courier and tracking number. */
export const shipOrder = defineCallable('shipOrder', trackingInput, (input, caller) =>
  commandForCaller(
    input.orderId,
    { type: 'ship', carrier: input.carrier, trackingNumber: input.trackingNumber },
    caller,
  ),
);

/** 송장 수정: only while shipped. */
export const updateTracking = defineCallable('updateTracking', trackingInput, (input, caller) =>
  commandForCaller(
    input.orderId,
    { type: 'update_tracking', carrier: input.carrier, trackingNumber: input.trackingNumber },
    caller,
  ),
);

/** 주문 취소, by the order's customer or a partner of its store. */
export const cancelOrder = defineCallable('cancelOrder', cancelOrderInput, (input, caller) =>
  commandForCaller(input.orderId, { type: 'cancel', reason: input.reason, note: input.note ?? null }, caller),
);

/** 준비완료: preparing → ready (매장/포장); the customer is pushed "주문하신 메뉴가 준비되었습니다". */
export const markReady = defineCallable('markReady', orderIdInput, (input, caller) =>
  commandForCaller(input.orderId, { type: 'mark_ready' }, caller),
);

/** 고객 호출: the ready push again, at most once a minute, on a ready order; no status change. */
export const callCustomer = defineCallable('callCustomer', orderIdInput, (input, caller) =>
  commandForCaller(input.orderId, { type: 'call_customer' }, caller),
);

/** 시간 추가: 5-30 more minutes on a preparing order, at most three times; the customer hears the new time. */
export const extendPrep = defineCallable('extendPrep', extendPrepInput, (input, caller) =>
  commandForCaller(input.orderId, { type: 'extend_prep', addMinutes: input.addMinutes }, caller),
);
