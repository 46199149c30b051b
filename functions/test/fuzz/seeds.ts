// The fuzz seed table: one valid payload per exported callable, built in a world with a store, its
// members and a customer's orders. test/fuzz/callables.test.ts fails when a callable exported from
// src/index.ts has no entry here: adding a callable means adding its one line.
import type { CallableFunction } from 'firebase-functions/v2/https';
import { registerDevice, unregisterDevice } from '../../src/callables/devices';
import { deleteMenuItem, setMenuItemSoldOut, upsertMenuItem } from '../../src/callables/menu';
import {
  callCustomer,
  cancelOrder,
  completeOrder,
  extendPrep,
  markReady,
  prepareShipment,
  shipOrder,
  startPreparing,
  updateTracking,
} from '../../src/callables/orderCommands';
import { reviewPartnerApplication, submitPartnerApplication } from '../../src/callables/partnerApplications';
import { placeOrder } from '../../src/callables/placeOrder';
import { exportOrders, getSalesSummary } from '../../src/callables/sales';
import {
  deleteReply,
  deleteReview,
  editReview,
  moderateReview,
  replyToReview,
  reportReview,
  submitReview,
} from '../../src/callables/reviews';
import { removeStoreMember } from '../../src/callables/storeMembers';
import {
  acceptStoreInvitation,
  declineStoreInvitation,
  inviteStoreMember,
  revokeStoreInvitation,
} from '../../src/callables/storeInvitations';
import { setStoreStatus, updateStore } from '../../src/callables/storeSettings';
import { pauseStore, resumeStore, setBusyMode, setStoreHours } from '../../src/callables/storeHours';
import { db, firestore } from '../../src/infra/firestore';
import { as, call } from '../support/callables';
import { DELIVERY, requestId, STORE_ID } from '../support/fixtures';
import { CUSTOMER, placeDelivery, placePickup } from '../support/orders';
import { APPLICATION_FORM, FLAT_WHITE } from '../support/partners';

export const FUZZ_STORE_ID = STORE_ID;
export const FUZZ_UIDS = {
  customer: CUSTOMER,
  otherCustomer: 'customer-2',
  staff: `staff-of-${STORE_ID}`,
  owner: `owner-of-${STORE_ID}`,
  otherPartner: 'owner-of-store-b',
  admin: 'admin-1',
} as const;
export const FUZZ_NEWCOMER = 'newcomer-1';
export const FUZZ_BARISTA = 'barista-1';
export const FUZZ_APPLICANT = 'applicant-1';
const DEVICE_TOKEN = 'fcm-token-for-the-fuzz-test';

const owner = as.owner(STORE_ID, FUZZ_UIDS.owner);

/** Orders and applications a seed may need, created through the real callables. */
export const world = {
  /** 'ready' was marked ready over a minute ago, so 고객 호출 is due. */
  pickupOrder: async (state: 'received' | 'preparing' | 'ready') => {
    const orderId = await placePickup('takeout', CUSTOMER);
    if (state !== 'received') await call(startPreparing, { orderId, prepMinutes: 10 }, owner);
    if (state === 'ready') {
      await call(markReady, { orderId }, owner);
      await db()
        .doc(`orders/${orderId}`)
        .update({ readyAt: firestore().Timestamp.fromMillis(Date.now() - 2 * 60_000) });
    }
    return orderId;
  },
  deliveryOrder: async (state: 'received' | 'preparing_shipment' | 'shipped') => {
    const orderId = await placeDelivery(CUSTOMER);
    if (state !== 'received') await call(prepareShipment, { orderId }, owner);
    if (state === 'shipped') await call(shipOrder, { orderId, carrier: 'cj', trackingNumber: '123456789012' }, owner);
    return orderId;
  },
  pendingApplication: async () =>
    (await call(submitPartnerApplication, APPLICATION_FORM, as.customer(FUZZ_APPLICANT))).applicationId as string,
  invitation: async () =>
    (await call(inviteStoreMember, { storeId: STORE_ID, email: `${FUZZ_NEWCOMER}@example.com`, role: 'staff' }, owner))
      .invitationId as string,
  /** A completed order of the customer; with `review`, their review (with `reply`, the owner's reply too). */
  completedOrder: async (then?: 'review' | 'reply') => {
    const orderId = await placePickup('takeout', CUSTOMER);
    await call(startPreparing, { orderId, prepMinutes: 10 }, owner);
    await call(completeOrder, { orderId }, owner);
    if (then) await call(submitReview, { orderId, rating: 4, text: '좋아요' }, as.customer(CUSTOMER));
    if (then === 'reply') await call(replyToReview, { reviewId: orderId, text: '감사합니다' }, owner);
    return orderId;
  },
  registeredDevice: async () => {
    await call(registerDevice, { token: DEVICE_TOKEN, platform: 'android' }, as.customer(CUSTOMER));
    return DEVICE_TOKEN;
  },
};

export interface FuzzSeed {
  fn: CallableFunction<any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- any callable, whatever its input and output
  /** A payload the callable accepts from the right actor. */
  seed: () => unknown; // the payload, or a promise of it
}
const entry = (fn: FuzzSeed['fn'], seed: FuzzSeed['seed']): FuzzSeed => ({ fn, seed });

// prettier-ignore
export const FUZZ_SEEDS: Record<string, FuzzSeed> = {
  placeOrder: entry(placeOrder, () => ({ storeId: STORE_ID, channel: 'delivery', requestId: requestId(), customerNote: '문 앞에 놓아 주세요', items: [{ menuItemId: 'americano', quantity: 2, options: [{ groupId: 'size', choiceIds: ['large'] }, { groupId: 'shot', choiceIds: ['shot1', 'decaf'] }] }], delivery: DELIVERY })),
  startPreparing: entry(startPreparing, async () => ({ orderId: await world.pickupOrder('received'), prepMinutes: 10 })),
  completeOrder: entry(completeOrder, async () => ({ orderId: await world.pickupOrder('preparing') })),
  markReady: entry(markReady, async () => ({ orderId: await world.pickupOrder('preparing') })),
  callCustomer: entry(callCustomer, async () => ({ orderId: await world.pickupOrder('ready') })),
  extendPrep: entry(extendPrep, async () => ({ orderId: await world.pickupOrder('preparing'), addMinutes: 10 })),
  prepareShipment: entry(prepareShipment, async () => ({ orderId: await world.deliveryOrder('received') })),
  shipOrder: entry(shipOrder, async () => ({ orderId: await world.deliveryOrder('preparing_shipment'), carrier: 'cj', trackingNumber: '123456789012' })),
  updateTracking: entry(updateTracking, async () => ({ orderId: await world.deliveryOrder('shipped'), carrier: 'epost', trackingNumber: '1234567890123' })),
  cancelOrder: entry(cancelOrder, async () => ({ orderId: await world.pickupOrder('received'), reason: 'other', note: '매장 사정' })),
  submitPartnerApplication: entry(submitPartnerApplication, () => APPLICATION_FORM),
  reviewPartnerApplication: entry(reviewPartnerApplication, async () => ({ applicationId: await world.pendingApplication(), decision: 'approve', note: '확인 완료' })),
  inviteStoreMember: entry(inviteStoreMember, () => ({ storeId: STORE_ID, email: `${FUZZ_NEWCOMER}@example.com`, role: 'staff' })),
  acceptStoreInvitation: entry(acceptStoreInvitation, async () => ({ invitationId: await world.invitation() })),
  declineStoreInvitation: entry(declineStoreInvitation, async () => ({ invitationId: await world.invitation() })),
  revokeStoreInvitation: entry(revokeStoreInvitation, async () => ({ invitationId: await world.invitation() })),
  removeStoreMember: entry(removeStoreMember, () => ({ storeId: STORE_ID, uid: FUZZ_BARISTA })),
  setStoreStatus: entry(setStoreStatus, () => ({ storeId: STORE_ID, open: true, pausedUntil: new Date(Date.now() + 30 * 60_000).toISOString() })),
  updateStore: entry(updateStore, () => ({ storeId: STORE_ID, name: '고카페인 새이름점', phone: '02-123-4567', channels: ['takeout', 'delivery'], deliveryFee: 2500, defaultPrepMinutes: 15 })),
  setStoreHours: entry(setStoreHours, () => ({ storeId: STORE_ID, weekly: { mon: [{ open: '08:00', close: '18:00' }], sat: [{ open: '10:00', close: '22:00' }, { open: '22:00', close: '02:00' }] }, holidays: ['2026-12-25'] })),
  pauseStore: entry(pauseStore, () => ({ storeId: STORE_ID, minutes: 30 })),
  resumeStore: entry(resumeStore, () => ({ storeId: STORE_ID })),
  setBusyMode: entry(setBusyMode, () => ({ storeId: STORE_ID, addMinutes: 15, until: new Date(Date.now() + 60 * 60_000).toISOString() })),
  upsertMenuItem: entry(upsertMenuItem, () => ({ storeId: STORE_ID, itemId: 'flat-white', ...FLAT_WHITE, soldOut: false })),
  deleteMenuItem: entry(deleteMenuItem, () => ({ storeId: STORE_ID, itemId: 'latte' })),
  setMenuItemSoldOut: entry(setMenuItemSoldOut, () => ({ storeId: STORE_ID, itemId: 'latte', soldOut: true })),
  registerDevice: entry(registerDevice, () => ({ token: DEVICE_TOKEN, platform: 'ios' })),
  unregisterDevice: entry(unregisterDevice, async () => ({ token: await world.registeredDevice() })),
  getSalesSummary: entry(getSalesSummary, () => ({ storeId: STORE_ID, from: '2026-11-01', to: '2026-11-30' })),
  exportOrders: entry(exportOrders, () => ({ storeId: STORE_ID, from: '2026-11-01', to: '2026-11-30' })),
  submitReview: entry(submitReview, async () => ({ orderId: await world.completedOrder(), rating: 5, text: '커피가 맛있어요 ☕' })),
  editReview: entry(editReview, async () => ({ reviewId: await world.completedOrder('review'), rating: 3, text: '보통이에요' })),
  deleteReview: entry(deleteReview, async () => ({ reviewId: await world.completedOrder('review') })),
  replyToReview: entry(replyToReview, async () => ({ reviewId: await world.completedOrder('review'), text: '감사합니다' })),
  deleteReply: entry(deleteReply, async () => ({ reviewId: await world.completedOrder('reply') })),
  reportReview: entry(reportReview, async () => ({ reviewId: await world.completedOrder('review'), reason: 'other', note: '광고 같아요' })),
  moderateReview: entry(moderateReview, async () => ({ reviewId: await world.completedOrder('review'), decision: 'hide', reason: '욕설' })),
};
