// The rules tests' environment: @firebase/rules-unit-testing against the Firestore the mocha run
// started (hidane evaluates security rules; so does the official emulator), loaded with
// firestore.rules, in a project of its own so the callable tests' data never mixes in. Seeds one
// fixed data set; the actors below are the identities the tests read and write as.
import { readFileSync } from 'node:fs';
import { initializeTestEnvironment, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { doc, type Firestore, setDoc, setLogLevel, Timestamp } from 'firebase/firestore';
import { RULES_PATH } from '../support/indexFile';

export async function startRulesEnv(projectId: string, options: { rules?: string } = {}): Promise<RulesTestEnvironment> {
  const hostPort = process.env.FIRESTORE_EMULATOR_HOST;
  if (!hostPort) throw new Error('FIRESTORE_EMULATOR_HOST is not set: run under the mocha hooks (test/support/hooks.ts)');
  const colon = hostPort.lastIndexOf(':');
  // The client SDK logs every denied request as an error; the tests assert on them instead.
  setLogLevel('silent');
  const env = await initializeTestEnvironment({
    projectId,
    firestore: {
      rules: options.rules ?? readFileSync(RULES_PATH, 'utf8'),
      host: hostPort.slice(0, colon),
      port: Number(hostPort.slice(colon + 1)),
    },
  });
  await env.clearFirestore();
  await env.withSecurityRulesDisabled(async (context) => seed(context.firestore() as unknown as Firestore));
  return env;
}

// ---- Who acts. Claims follow src/app/caller.ts.

export interface Actor {
  name: string;
  uid: string | null;
  claims?: Record<string, unknown>;
}

export const ACTORS = {
  owner: { name: 'owner of store-1', uid: 'owner-1', claims: { stores: { 'store-1': 'owner' } } },
  staff: { name: 'staff of store-1', uid: 'staff-1', claims: { stores: { 'store-1': 'staff' } } },
  otherPartner: { name: 'owner of store-2 (another store)', uid: 'owner-2', claims: { stores: { 'store-2': 'owner' } } },
  suspendedOwner: { name: 'owner of store-3 (inactive)', uid: 'owner-3', claims: { stores: { 'store-3': 'owner' } } },
  oddRole: { name: 'user with an unknown role at store-1', uid: 'viewer-1', claims: { stores: { 'store-1': 'viewer' } } },
  customer: { name: 'customer-1', uid: 'customer-1' },
  otherCustomer: { name: 'customer-2 (another customer)', uid: 'customer-2' },
  admin: { name: 'admin', uid: 'admin-1', claims: { admin: true } },
  // Claims a token could still carry after its member was removed: no membership document exists.
  removedStaff: {
    name: 'removed staff of store-1 (old token still claims it)',
    uid: 'removed-1',
    claims: { stores: { 'store-1': 'staff' } },
  },
  invitee: { name: 'invitee (verified email)', uid: 'invitee-1', claims: { email: 'invitee@example.com', email_verified: true } },
  unverifiedInvitee: {
    name: 'same email, not verified',
    uid: 'invitee-2',
    claims: { email: 'invitee@example.com', email_verified: false },
  },
  anonymous: { name: 'anonymous (signed out)', uid: null },
} satisfies Record<string, Actor>;

// One client per actor and environment: every context is a Firebase app with its own connection,
// and past ~150 of them the client SDK starts reporting itself offline.
const clients = new WeakMap<RulesTestEnvironment, Map<string, Firestore>>();

export function firestoreAs(env: RulesTestEnvironment, actor: Actor): Firestore {
  const byActor = clients.get(env) ?? new Map<string, Firestore>();
  clients.set(env, byActor);
  const key = JSON.stringify([actor.uid, actor.claims ?? null]);
  let client = byActor.get(key);
  if (!client) {
    const context = actor.uid === null ? env.unauthenticatedContext() : env.authenticatedContext(actor.uid, actor.claims);
    client = context.firestore() as unknown as Firestore;
    byActor.set(key, client);
  }
  return client;
}

// ---- The data every rules test starts from.

const minutes = (n: number) => Timestamp.fromMillis(Date.UTC(2026, 10, 26, 1, 0) + n * 60_000);

interface SeedOrder {
  storeId: string;
  customerUid: string;
  channel: 'dine_in' | 'takeout' | 'delivery';
  status: string;
  at: number;
}

/** Orders by id; `at` is minutes after 10:00 KST, so newest-first order is by `at` descending. */
export const ORDERS: Record<string, SeedOrder> = {
  'pickup-received-c1': { storeId: 'store-1', customerUid: 'customer-1', channel: 'takeout', status: 'received', at: 10 },
  'pickup-preparing-c2': { storeId: 'store-1', customerUid: 'customer-2', channel: 'dine_in', status: 'preparing', at: 20 },
  'pickup-received-c1-later': { storeId: 'store-1', customerUid: 'customer-1', channel: 'dine_in', status: 'received', at: 50 },
  'pickup-completed-c1': { storeId: 'store-1', customerUid: 'customer-1', channel: 'takeout', status: 'completed', at: 5 },
  'pickup-cancelled-c2': { storeId: 'store-1', customerUid: 'customer-2', channel: 'dine_in', status: 'cancelled', at: 30 },
  'delivery-received-c1': { storeId: 'store-1', customerUid: 'customer-1', channel: 'delivery', status: 'received', at: 40 },
  'delivery-preparing-c2': { storeId: 'store-1', customerUid: 'customer-2', channel: 'delivery', status: 'preparing_shipment', at: 60 },
  'delivery-shipped-c1': { storeId: 'store-1', customerUid: 'customer-1', channel: 'delivery', status: 'shipped', at: 70 },
  'delivery-completed-c2': { storeId: 'store-1', customerUid: 'customer-2', channel: 'delivery', status: 'completed', at: 8 },
  'store2-pickup-received-c1': { storeId: 'store-2', customerUid: 'customer-1', channel: 'takeout', status: 'received', at: 80 },
  'store2-delivery-shipped-c2': { storeId: 'store-2', customerUid: 'customer-2', channel: 'delivery', status: 'shipped', at: 90 },
};

export const STORE_IDS = ['store-1', 'store-2', 'store-3'] as const;
export const MENU_ITEM_IDS = ['americano', 'latte'] as const;
export const MEMBERS: Record<string, Record<string, 'owner' | 'staff'>> = {
  'store-1': { 'owner-1': 'owner', 'staff-1': 'staff' },
  'store-2': { 'owner-2': 'owner' },
  'store-3': { 'owner-3': 'owner' },
};

export const APPLICATIONS: Record<string, { applicantUid: string; status: string; at: number }> = {
  'application-c1-old': { applicantUid: 'customer-1', status: 'rejected', at: 1 },
  'application-c1-new': { applicantUid: 'customer-1', status: 'pending', at: 3 },
  'application-c2': { applicantUid: 'customer-2', status: 'pending', at: 2 },
};

/** Store invitations (storeInvitations/{id}), as callables/storeInvitations.ts writes them. */
export const INVITATIONS: Record<string, { storeId: string; email: string; status: string }> = {
  'invitation-1': { storeId: 'store-1', email: 'invitee@example.com', status: 'pending' },
  'invitation-2': { storeId: 'store-2', email: 'invitee@example.com', status: 'pending' },
  'invitation-3': { storeId: 'store-1', email: 'someone@example.com', status: 'pending' },
};

/** Reviews by id (docs/reviews.md); `at` as for orders. Visible ones also get their public copy. */
export const REVIEWS: Record<
  string,
  { storeId: string; customerUid: string; status: string; replied: boolean; reportState: string; at: number }
> = {
  'review-c1-visible': { storeId: 'store-1', customerUid: 'customer-1', status: 'visible', replied: false, reportState: 'none', at: 100 },
  'review-c2-replied': { storeId: 'store-1', customerUid: 'customer-2', status: 'visible', replied: true, reportState: 'none', at: 110 },
  'review-c1-hidden': { storeId: 'store-1', customerUid: 'customer-1', status: 'hidden', replied: false, reportState: 'resolved', at: 120 },
  'review-c2-deleted': { storeId: 'store-1', customerUid: 'customer-2', status: 'deleted', replied: false, reportState: 'none', at: 130 },
  'review-c2-reported': { storeId: 'store-1', customerUid: 'customer-2', status: 'visible', replied: false, reportState: 'open', at: 140 },
  'store2-review-c1': { storeId: 'store-2', customerUid: 'customer-1', status: 'visible', replied: false, reportState: 'none', at: 150 },
};

/** Every other document that exists, for the write tests. */
export const OTHER_DOCUMENTS: Record<string, Record<string, unknown>> = {
  'stores/store-1/orderCounters/2026-11-26': { last: 11 },
  'users/customer-1': {
    stores: {},
    membershipVersion: 0,
    claimsVersion: 0,
    claimsUpdatedAt: null,
    pendingApplicationId: 'application-c1-new',
  },
  'users/owner-1': { stores: { 'store-1': 'owner' }, membershipVersion: 1, claimsVersion: 1, claimsUpdatedAt: minutes(0) },
  'users/customer-1/devices/token-c1': {
    uid: 'customer-1',
    token: 'fcm-token-c1',
    platform: 'ios',
    createdAt: minutes(0),
    refreshedAt: minutes(0),
  },
  'deviceTokens/token-c1': { uid: 'customer-1', token: 'fcm-token-c1', platform: 'ios', createdAt: minutes(0), refreshedAt: minutes(0) },
  'notificationClaims/onOrderCreated:pickup-received-c1': {
    functionName: 'onOrderCreated',
    orderId: 'pickup-received-c1',
    storeId: 'store-1',
    state: 'done',
  },
  'trackingEvents/event-1': { eventId: 'event-1', carrier: 'kr.cjlogistics', trackingNumber: '1234567890', outcome: 'updated' },
  'orderLimits/customer-1': { placements: [{ at: minutes(0), storeId: 'store-1', orderId: 'pickup-received-c1' }], updatedAt: minutes(0) },
};

async function seed(db: Firestore): Promise<void> {
  const writes: Promise<void>[] = [];
  const put = (path: string, data: Record<string, unknown>) => writes.push(setDoc(doc(db, path), data));
  for (const storeId of STORE_IDS) {
    put(`stores/${storeId}`, { name: storeId, active: storeId !== 'store-3', open: true, channels: ['dine_in', 'takeout', 'delivery'] });
    put(`stores/${storeId}/private/profile`, {
      phone: '02-555-1234',
      businessNumber: '220-81-62517',
      ownerUid: `owner-of-${storeId}`,
      applicationId: storeId,
    });
    for (const itemId of MENU_ITEM_IDS)
      put(`stores/${storeId}/menuItems/${itemId}`, { name: itemId, price: 4000, soldOut: false, options: [] });
    for (const [uid, role] of Object.entries(MEMBERS[storeId])) {
      put(`stores/${storeId}/members/${uid}`, { storeId, uid, role, createdAt: minutes(0), updatedAt: minutes(0) });
      put(`stores/${storeId}/memberContacts/${uid}`, { storeId, uid, email: `${uid}@example.com` });
    }
  }
  for (const [orderId, order] of Object.entries(ORDERS)) {
    const { at, ...fields } = order;
    const pickup = order.channel !== 'delivery';
    put(`orders/${orderId}`, {
      ...fields,
      createdAt: minutes(at),
      autoCompleteAt: pickup ? minutes(at + 60) : null,
      items: [{ menuItemId: 'americano', name: 'americano', unitPrice: 4000, quantity: 1, options: [], lineTotal: 4000 }],
      total: 4000,
      version: 2,
    });
    for (const version of ['000001', '000002']) {
      put(`orders/${orderId}/events/${version}`, {
        version: Number(version),
        storeId: order.storeId,
        customerUid: order.customerUid,
        at: minutes(at),
        data: {},
      });
    }
    // Version 2 was made by the store's owner: who it was is members-only.
    put(`orders/${orderId}/staffActions/000002`, {
      version: 2,
      actorRole: 'partner',
      actorUid: `owner-of-${order.storeId}`,
      storeId: order.storeId,
      at: minutes(at),
    });
  }
  for (const [applicationId, application] of Object.entries(APPLICATIONS)) {
    put(`partnerApplications/${applicationId}`, {
      applicantUid: application.applicantUid,
      status: application.status,
      storeName: 'new store',
      createdAt: minutes(application.at),
    });
  }
  for (const [invitationId, invitation] of Object.entries(INVITATIONS)) {
    put(`storeInvitations/${invitationId}`, {
      ...invitation,
      storeName: invitation.storeId,
      role: 'staff',
      invitedBy: 'owner-1',
      createdAt: minutes(0),
      expiresAt: minutes(7 * 24 * 60),
    });
  }
  for (const [path, data] of Object.entries(OTHER_DOCUMENTS)) put(path, data);
  for (const [reviewId, { at, ...review }] of Object.entries(REVIEWS)) {
    const rated = review.status === 'deleted' ? {} : { rating: 4, text: 'good' };
    put(`reviews/${reviewId}`, {
      ...review,
      ...rated,
      authorName: '김**',
      createdAt: minutes(at),
      lastReportedAt: review.reportState === 'none' ? null : minutes(at),
    });
    if (review.status === 'visible') {
      put(`publicReviews/${reviewId}`, {
        reviewId,
        storeId: review.storeId,
        authorName: '김**',
        rating: 4,
        text: 'good',
        reply: null,
        createdAt: minutes(at),
      });
    }
  }
  put('reviews/review-c2-reported/reports/report-1', {
    reviewId: 'review-c2-reported',
    storeId: 'store-1',
    reason: 'abusive',
    createdAt: minutes(140),
  });
  await Promise.all(writes);
}
