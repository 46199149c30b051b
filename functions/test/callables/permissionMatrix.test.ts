// Who may call what: every callable the project exports, against every kind of caller, in ONE table.
// Each cell is run on a fresh database: an allowed call must succeed and change something; a denied
// one must fail with exactly that code and reason and write nothing (Firestore or claims).
// A callable exported from src/index.ts without a row here fails the last test: add its row.
import { strict as assert } from 'node:assert';
import type { CallableFunction } from 'firebase-functions/v2/https';
import { registerDevice, unregisterDevice } from '../../src/callables/devices';
import { deleteMenuItem, setMenuItemSoldOut, upsertMenuItem } from '../../src/callables/menu';
import {
  cancelOrder,
  callCustomer,
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
import {
  deleteReply,
  deleteReview,
  editReview,
  moderateReview,
  replyToReview,
  reportReview,
  submitReview,
} from '../../src/callables/reviews';
import { exportOrders, getSalesSummary } from '../../src/callables/sales';
import { removeStoreMember } from '../../src/callables/storeMembers';
import {
  acceptStoreInvitation,
  declineStoreInvitation,
  inviteStoreMember,
  revokeStoreInvitation,
} from '../../src/callables/storeInvitations';
import { setStoreStatus, updateStore } from '../../src/callables/storeSettings';
import { pauseStore, resumeStore, setBusyMode, setStoreHours } from '../../src/callables/storeHours';
import * as indexExports from '../../src/index';
import { db, firestore } from '../../src/infra/firestore';
import { FakeAuth, installFakeAuth } from '../support/auth';
import { as, AuthContext, call, expectError } from '../support/callables';
import { dumpDatabase } from '../support/database';
import { DELIVERY, OTHER_STORE_ID, requestId, seedStore, STORE_ID } from '../support/fixtures';
import { CUSTOMER, placeDelivery, placePickup } from '../support/orders';
import { APPLICATION_FORM, seedMember } from '../support/partners';

// ---------------------------------------------------------------------------------------------
// The callers. "customer" placed the order the row acts on; "otherPartner" owns another store.
const ACTORS = ['anonymous', 'nonPartner', 'customer', 'staff', 'owner', 'otherPartner', 'admin'] as const;
type ActorKind = (typeof ACTORS)[number];

const UIDS = {
  nonPartner: 'signed-in-1',
  customer: CUSTOMER,
  staff: `staff-of-${STORE_ID}`,
  owner: `owner-of-${STORE_ID}`,
  otherPartner: `owner-of-${OTHER_STORE_ID}`,
  admin: 'admin-1',
} as const;
const APPLICANT = 'applicant-1';
const NEWCOMER = 'newcomer-1'; // has an account, belongs to no store: the one inviteStoreMember invites
const INVITING_STORE = 'store-c'; // invites each caller, so each can accept or decline their own invitation
const BARISTA = 'barista-1'; // staff of the store: the one removeStoreMember removes
const DEVICE_TOKEN = 'fcm-token-for-the-permission-matrix';

// ---------------------------------------------------------------------------------------------
// Outcomes.
type Outcome = 'allow' | { code: string; reason: string };
const ALLOW = 'allow' as const;
const deny = (code: string, reason: string): Outcome => ({ code, reason });
const UNAUTHENTICATED = deny('unauthenticated', 'unauthenticated');
const NOT_PARTICIPANT = deny('permission-denied', 'not_order_participant');
const CUSTOMER_MAY_NOT = deny('permission-denied', 'actor_not_permitted');
const NOT_MEMBER = deny('permission-denied', 'not_store_member');
const OWNER_ONLY = deny('permission-denied', 'store_owner_only');
const ADMIN_ONLY = deny('permission-denied', 'admin_only');
const NOT_AUTHOR = deny('permission-denied', 'not_review_author');

/** What a row's input builder may set up first (orders in a given state, an application). */
interface World {
  auth: FakeAuth;
  /** 'ready' was marked ready over a minute ago, so 고객 호출 is due. */
  pickupOrder(state: 'received' | 'preparing' | 'ready'): Promise<string>;
  deliveryOrder(state: 'received' | 'preparing_shipment' | 'shipped'): Promise<string>;
  pendingApplication(): Promise<string>;
  /** A pending invitation to this email (staff of INVITING_STORE, or of STORE_ID when `storeId` says so). */
  invitation(email: string, storeId?: string): Promise<string>;
  /** A completed order of "customer"; with `review`, their review of it (and with `reply`, the owner's reply). */
  completedOrder(then?: 'review' | 'reply'): Promise<string>;
}

interface Row {
  /** The export name in src/index.ts. */
  callable: string;
  fn: CallableFunction<any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- any callable, whatever its input and output
  /** Builds the call's input; `callerUid` is the actor about to call (null when anonymous). */
  input: (world: World, callerUid: string | null) => unknown; // the input, or a promise of it
  expect: Record<ActorKind, Outcome>;
  /** A read (sales): an allowed call must answer for the store and write nothing. */
  readOnly?: boolean;
}

/** Columns in ACTORS order: anonymous, nonPartner, customer, staff, owner, otherPartner, admin. */
function row(
  callable: string,
  fn: Row['fn'],
  input: Row['input'],
  [anonymous, nonPartner, customer, staff, owner, otherPartner, admin]: [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome],
  options: { readOnly?: boolean } = {},
): Row {
  return { callable, fn, input, expect: { anonymous, nonPartner, customer, staff, owner, otherPartner, admin }, ...options };
}

const ORDER_PROCESSING: [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome] = [
  UNAUTHENTICATED,
  NOT_PARTICIPANT,
  CUSTOMER_MAY_NOT,
  ALLOW,
  ALLOW,
  NOT_PARTICIPANT,
  ALLOW,
];
const STORE_MANAGEMENT: [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome] = [
  UNAUTHENTICATED,
  NOT_MEMBER,
  NOT_MEMBER,
  OWNER_ONLY,
  ALLOW,
  NOT_MEMBER,
  ALLOW,
];
const emailOf = (uid: string | null) => (uid === UIDS.admin ? 'admin@example.com' : `${uid ?? NEWCOMER}@example.com`);
const ANY_SIGNED_IN: [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome] = [
  UNAUTHENTICATED,
  ALLOW,
  ALLOW,
  ALLOW,
  ALLOW,
  ALLOW,
  ALLOW,
];

// ---------------------------------------------------------------------------------------------
// THE MATRIX: one row per exported callable.
const MATRIX: Row[] = [
  // Orders (core)
  row(
    'placeOrder',
    placeOrder,
    () => ({
      storeId: STORE_ID,
      channel: 'delivery',
      requestId: requestId(),
      items: [{ menuItemId: 'beans', quantity: 1 }],
      delivery: DELIVERY,
    }),
    ANY_SIGNED_IN,
  ),
  row('startPreparing', startPreparing, async (w) => ({ orderId: await w.pickupOrder('received'), prepMinutes: 10 }), ORDER_PROCESSING),
  row('completeOrder', completeOrder, async (w) => ({ orderId: await w.pickupOrder('preparing') }), ORDER_PROCESSING),
  // 준비완료, 고객 호출, 시간 추가 (issue 14): the store's members and admins, like the other order commands
  row('markReady', markReady, async (w) => ({ orderId: await w.pickupOrder('preparing') }), ORDER_PROCESSING),
  row('callCustomer', callCustomer, async (w) => ({ orderId: await w.pickupOrder('ready') }), ORDER_PROCESSING),
  row('extendPrep', extendPrep, async (w) => ({ orderId: await w.pickupOrder('preparing'), addMinutes: 10 }), ORDER_PROCESSING),
  row('prepareShipment', prepareShipment, async (w) => ({ orderId: await w.deliveryOrder('received') }), ORDER_PROCESSING),
  row(
    'shipOrder',
    shipOrder,
    async (w) => ({
      orderId: await w.deliveryOrder('preparing_shipment'),
      carrier: 'cj',
      trackingNumber: '123456789012',
    }),
    ORDER_PROCESSING,
  ),
  row(
    'updateTracking',
    updateTracking,
    async (w) => ({
      orderId: await w.deliveryOrder('shipped'),
      carrier: 'epost',
      trackingNumber: '1234567890123',
    }),
    ORDER_PROCESSING,
  ),
  // Each side gives a reason of its own (domain/cancelReasons.ts).
  row(
    'cancelOrder',
    cancelOrder,
    async (w, callerUid) => ({
      orderId: await w.pickupOrder('received'),
      reason: callerUid === UIDS.customer ? 'changed_mind' : 'customer_request',
    }),
    [UNAUTHENTICATED, NOT_PARTICIPANT, ALLOW, ALLOW, ALLOW, NOT_PARTICIPANT, ALLOW],
  ),

  // Onboarding
  row('submitPartnerApplication', submitPartnerApplication, () => APPLICATION_FORM, ANY_SIGNED_IN),
  row(
    'reviewPartnerApplication',
    reviewPartnerApplication,
    async (w) => ({
      applicationId: await w.pendingApplication(),
      decision: 'approve',
    }),
    [UNAUTHENTICATED, ADMIN_ONLY, ADMIN_ONLY, ADMIN_ONLY, ADMIN_ONLY, ADMIN_ONLY, ALLOW],
  ),

  // Members
  row(
    'inviteStoreMember',
    inviteStoreMember,
    () => ({ storeId: STORE_ID, email: `${NEWCOMER}@example.com`, role: 'staff' }),
    STORE_MANAGEMENT,
  ),
  // Each signed-in caller answers an invitation sent to their own verified email.
  row(
    'acceptStoreInvitation',
    acceptStoreInvitation,
    async (w, callerUid) => ({
      invitationId: await w.invitation(emailOf(callerUid)),
    }),
    ANY_SIGNED_IN,
  ),
  row(
    'declineStoreInvitation',
    declineStoreInvitation,
    async (w, callerUid) => ({
      invitationId: await w.invitation(emailOf(callerUid)),
    }),
    ANY_SIGNED_IN,
  ),
  row(
    'revokeStoreInvitation',
    revokeStoreInvitation,
    async (w) => ({
      invitationId: await w.invitation(`${NEWCOMER}@example.com`, STORE_ID),
    }),
    STORE_MANAGEMENT,
  ),
  row('removeStoreMember', removeStoreMember, () => ({ storeId: STORE_ID, uid: BARISTA }), STORE_MANAGEMENT),

  // Store settings
  row('setStoreStatus', setStoreStatus, () => ({ storeId: STORE_ID, open: false }), STORE_MANAGEMENT),
  row('updateStore', updateStore, () => ({ storeId: STORE_ID, name: '고카페인 새이름점', deliveryFee: 2500 }), STORE_MANAGEMENT),
  // Opening hours, pause and busy mode (docs/hours.md)
  row(
    'setStoreHours',
    setStoreHours,
    () => ({ storeId: STORE_ID, weekly: { mon: [{ open: '08:00', close: '18:00' }] }, holidays: ['2026-12-25'] }),
    STORE_MANAGEMENT,
  ),
  row('pauseStore', pauseStore, () => ({ storeId: STORE_ID, minutes: 30 }), STORE_MANAGEMENT),
  row(
    'resumeStore',
    resumeStore,
    async () => {
      await db()
        .doc(`stores/${STORE_ID}`)
        .update({ pausedUntil: firestore().Timestamp.fromMillis(Date.now() + 3_600_000) });
      return { storeId: STORE_ID };
    },
    STORE_MANAGEMENT,
  ),
  row(
    'setBusyMode',
    setBusyMode,
    () => ({ storeId: STORE_ID, addMinutes: 10, until: new Date(Date.now() + 3_600_000).toISOString() }),
    STORE_MANAGEMENT,
  ),

  // Menu
  row('upsertMenuItem', upsertMenuItem, () => ({ storeId: STORE_ID, name: '바닐라 라떼', price: 5000 }), STORE_MANAGEMENT),
  row('deleteMenuItem', deleteMenuItem, () => ({ storeId: STORE_ID, itemId: 'latte' }), STORE_MANAGEMENT),
  row('setMenuItemSoldOut', setMenuItemSoldOut, () => ({ storeId: STORE_ID, itemId: 'latte', soldOut: true }), STORE_MANAGEMENT),

  // Devices (push notifications): every signed-in user registers their own
  row('registerDevice', registerDevice, () => ({ token: DEVICE_TOKEN, platform: 'ios' }), ANY_SIGNED_IN),
  row(
    'unregisterDevice',
    unregisterDevice,
    async (_w, callerUid) => {
      if (callerUid) await call(registerDevice, { token: DEVICE_TOKEN, platform: 'android' }, { uid: callerUid, token: {} });
      return { token: DEVICE_TOKEN };
    },
    ANY_SIGNED_IN,
  ),

  // Reviews (docs/reviews.md): the order's customer writes; owners reply; admins moderate
  row('submitReview', submitReview, async (w) => ({ orderId: await w.completedOrder(), rating: 5, text: '맛있어요' }), [
    UNAUTHENTICATED,
    NOT_PARTICIPANT,
    ALLOW,
    NOT_PARTICIPANT,
    NOT_PARTICIPANT,
    NOT_PARTICIPANT,
    NOT_PARTICIPANT,
  ]),
  row('editReview', editReview, async (w) => ({ reviewId: await w.completedOrder('review'), rating: 2 }), [
    UNAUTHENTICATED,
    NOT_AUTHOR,
    ALLOW,
    NOT_AUTHOR,
    NOT_AUTHOR,
    NOT_AUTHOR,
    NOT_AUTHOR,
  ]),
  row('deleteReview', deleteReview, async (w) => ({ reviewId: await w.completedOrder('review') }), [
    UNAUTHENTICATED,
    NOT_AUTHOR,
    ALLOW,
    NOT_AUTHOR,
    NOT_AUTHOR,
    NOT_AUTHOR,
    NOT_AUTHOR,
  ]),
  row('replyToReview', replyToReview, async (w) => ({ reviewId: await w.completedOrder('review'), text: '감사합니다' }), [
    UNAUTHENTICATED,
    NOT_MEMBER,
    NOT_MEMBER,
    OWNER_ONLY,
    ALLOW,
    NOT_MEMBER,
    NOT_MEMBER,
  ]),
  row('deleteReply', deleteReply, async (w) => ({ reviewId: await w.completedOrder('reply') }), [
    UNAUTHENTICATED,
    NOT_MEMBER,
    NOT_MEMBER,
    OWNER_ONLY,
    ALLOW,
    NOT_MEMBER,
    NOT_MEMBER,
  ]),
  row('reportReview', reportReview, async (w) => ({ reviewId: await w.completedOrder('review'), reason: 'spam' }), [
    UNAUTHENTICATED,
    ALLOW,
    deny('failed-precondition', 'own_review_report'),
    ALLOW,
    ALLOW,
    ALLOW,
    ALLOW,
  ]),
  row('moderateReview', moderateReview, async (w) => ({ reviewId: await w.completedOrder('review'), decision: 'hide', reason: '욕설' }), [
    UNAUTHENTICATED,
    ADMIN_ONLY,
    ADMIN_ONLY,
    ADMIN_ONLY,
    ADMIN_ONLY,
    ADMIN_ONLY,
    ALLOW,
  ]),
  // Sales (docs/sales.md): owners and admins; staff process orders but do not see the figures
  row('getSalesSummary', getSalesSummary, () => ({ storeId: STORE_ID, from: '2026-03-01', to: '2026-03-31' }), STORE_MANAGEMENT, {
    readOnly: true,
  }),
  row('exportOrders', exportOrders, () => ({ storeId: STORE_ID, from: '2026-03-01', to: '2026-03-31' }), STORE_MANAGEMENT, {
    readOnly: true,
  }),
];

// ---------------------------------------------------------------------------------------------

describe('permission matrix', () => {
  const auth = installFakeAuth();

  const contextOf = (actor: ActorKind): AuthContext | undefined => (actor === 'anonymous' ? as.anonymous : auth.tokenOf(UIDS[actor]));

  beforeEach(async () => {
    await seedStore(STORE_ID);
    await seedStore(OTHER_STORE_ID);
    await seedStore(INVITING_STORE);
    for (const uid of [UIDS.nonPartner, UIDS.customer, APPLICANT, NEWCOMER]) auth.addUser(uid);
    auth.addUser(UIDS.admin, 'admin@example.com', { admin: true });
    await seedMember(auth, STORE_ID, UIDS.owner, 'owner');
    await seedMember(auth, STORE_ID, UIDS.staff, 'staff');
    await seedMember(auth, STORE_ID, BARISTA, 'staff');
    await seedMember(auth, OTHER_STORE_ID, UIDS.otherPartner, 'owner');
  });

  const owner = as.owner(STORE_ID);
  const world: World = {
    auth,
    async pickupOrder(state) {
      const orderId = await placePickup('takeout', CUSTOMER);
      if (state !== 'received') await call(startPreparing, { orderId, prepMinutes: 10 }, owner);
      if (state === 'ready') {
        await call(markReady, { orderId }, owner);
        const { Timestamp } = firestore();
        await db()
          .collection('orders')
          .doc(orderId)
          .update({ readyAt: Timestamp.fromMillis(Date.now() - 2 * 60_000) });
      }
      return orderId;
    },
    async deliveryOrder(state) {
      const orderId = await placeDelivery(CUSTOMER);
      if (state !== 'received') await call(prepareShipment, { orderId }, owner);
      if (state === 'shipped') await call(shipOrder, { orderId, carrier: 'cj', trackingNumber: '123456789012' }, owner);
      return orderId;
    },
    async invitation(email, storeId = INVITING_STORE) {
      const result = await call(inviteStoreMember, { storeId, email, role: 'staff' }, as.admin());
      return result.invitationId as string;
    },
    async pendingApplication() {
      const result = await call(submitPartnerApplication, APPLICATION_FORM, as.customer(APPLICANT));
      return result.applicationId as string;
    },
    async completedOrder(then) {
      const orderId = await placePickup('takeout', CUSTOMER);
      await call(startPreparing, { orderId, prepMinutes: 10 }, owner);
      await call(completeOrder, { orderId }, owner);
      if (then) await call(submitReview, { orderId, rating: 4, text: '좋아요' }, as.customer(CUSTOMER));
      if (then === 'reply') await call(replyToReview, { reviewId: orderId, text: '감사합니다' }, owner);
      return orderId;
    },
  };

  for (const entry of MATRIX) {
    describe(entry.callable, () => {
      for (const actor of ACTORS) {
        const outcome = entry.expect[actor];
        const label = outcome === ALLOW ? 'allowed' : `denied: ${outcome.code}/${outcome.reason}`;
        it(`${actor} → ${label}`, async () => {
          const input = await entry.input(world, actor === 'anonymous' ? null : UIDS[actor]);
          const before = await dumpDatabase();
          const claimsWrites = auth.claimsWrites.length;
          if (outcome === ALLOW && entry.readOnly) {
            const result = await call(entry.fn, input, contextOf(actor));
            assert.equal(result.storeId, STORE_ID, 'an allowed read answers for the store');
            assert.deepEqual(await dumpDatabase(), before, 'a read must not write');
          } else if (outcome === ALLOW) {
            await call(entry.fn, input, contextOf(actor));
            assert.notDeepEqual(await dumpDatabase(), before, 'an allowed call must take effect');
          } else {
            await expectError(call(entry.fn, input, contextOf(actor)), outcome.code, outcome.reason);
            assert.deepEqual(await dumpDatabase(), before, 'a denied call must not write');
            assert.equal(auth.claimsWrites.length, claimsWrites, 'a denied call must not change claims');
          }
        });
      }
    });
  }

  it('has one row for every callable exported by src/index.ts, and no others', () => {
    const index = indexExports as Record<string, unknown>;
    const exported = Object.entries(index)
      .filter(([, value]) => Boolean((value as { __endpoint?: { callableTrigger?: unknown } })?.__endpoint?.callableTrigger))
      .map(([name]) => name)
      .sort();
    assert.deepEqual(MATRIX.map((entry) => entry.callable).sort(), exported);
    for (const entry of MATRIX) assert.equal(entry.fn, index[entry.callable], `${entry.callable} is the exported function`);
    assert.equal(new Set(MATRIX.map((entry) => entry.callable)).size, MATRIX.length, 'one row per callable');
  });
});
