// The reads the Gocafein apps make, each described ONCE, declaratively. The app functions in
// firestore.ts, the rules tests (functions/test/rules/reads.test.ts) and the index-coverage check
// (functions/test/rules/indexCoverage.test.ts) all build their queries from these descriptors, so a
// query the app runs is a query the rules and indexes were tested for. No Firebase import here:
// createReads(sdk) builds SDK queries with whichever copy of 'firebase/firestore' it is handed.
import type * as FirestoreSdk from 'firebase/firestore';
import {
  type MemberContactDoc,
  type MemberDoc,
  type MenuItemDoc,
  OPEN_DELIVERY_STATUSES,
  OPEN_PICKUP_STATUSES,
  type OrderDoc,
  type OrderEventDoc,
  type PartnerApplicationDoc,
  PICKUP_CHANNELS,
  type StaffActionDoc,
  type StoreDoc,
  type StoreInvitationDoc,
  type StorePrivateProfileDoc,
  TERMINAL_STATUSES,
} from './generated/contract.js';

/** The variables an app fills in: the partner's store, the signed-in user, an order, a sub-tab. */
export type ParamName = 'storeId' | 'uid' | 'orderId' | 'status' | 'email';
export type Params = Partial<Record<ParamName, string>>;
export interface Param {
  param: ParamName;
}
export type Value = string | number | boolean | readonly string[] | Param;
export type WhereOp = FirestoreSdk.WhereFilterOp;

/** Who the rules let run the query (docs/rules-and-indexes.md "What the rules allow"). */
export type Reader =
  | 'store member'
  | 'customer'
  | 'customer or store member'
  | 'store member or admin'
  | 'user'
  | 'applicant'
  | 'admin'
  | 'anyone'
  | 'store owner'
  | 'invitee';

/** Which document type a read returns (its converter). */
export interface DocumentTypes {
  order: OrderDoc;
  orderEvent: OrderEventDoc & { eventId: string };
  store: StoreDoc;
  storePrivateProfile: StorePrivateProfileDoc & { profileId: string };
  staffAction: StaffActionDoc & { actionId: string };
  menuItem: MenuItemDoc;
  member: MemberDoc;
  partnerApplication: PartnerApplicationDoc;
  invitation: StoreInvitationDoc;
  memberContact: MemberContactDoc;
  user: Record<string, unknown> & { uid: string };
  // Reviews (docs/reviews.md); not in the generated contract yet.
  review: Record<string, unknown> & { reviewId: string };
  publicReview: Record<string, unknown> & { reviewId: string };
  reviewReport: Record<string, unknown> & { reportId: string };
}
export type DocumentKind = keyof DocumentTypes;

export interface AppQuery {
  id: string;
  title: string;
  reader: Reader;
  document: DocumentKind;
  /** Collection path, segment by segment. */
  path: readonly (string | Param)[];
  where: readonly (readonly [field: string, op: WhereOp, value: Value])[];
  orderBy?: readonly (readonly [field: string, direction: 'asc' | 'desc'])[];
  limit?: number;
  /** Values a parameter takes in the app (one sub-tab each). */
  choices?: Partial<Record<ParamName, readonly string[]>>;
  note?: string;
}

export interface AppDocumentRead {
  id: string;
  title: string;
  reader: Reader;
  document: DocumentKind;
  path: readonly (string | Param)[];
}

const p = (param: ParamName): Param => ({ param });

export const APP_QUERIES = [
  {
    id: 'pickupOpenOrders',
    title: 'Partner · 주문현황 › 매장/포장 tab: open orders (접수, 준비 중), newest first',
    reader: 'store member',
    document: 'order',
    path: ['orders'],
    where: [
      ['storeId', '==', p('storeId')],
      ['channel', 'in', PICKUP_CHANNELS],
      ['status', 'in', OPEN_PICKUP_STATUSES],
    ],
    orderBy: [['createdAt', 'desc']],
    note: 'Listen with onSnapshot. Two `in` filters in one query are allowed (2 × 2 = 4 disjunctions of the 30 Firestore allows).',
  },
  {
    id: 'pickupFinishedOrders',
    title: 'Partner · 매장/포장 finished orders (완료, 취소), newest first, 50 a page',
    reader: 'store member',
    document: 'order',
    path: ['orders'],
    where: [
      ['storeId', '==', p('storeId')],
      ['channel', 'in', PICKUP_CHANNELS],
      ['status', 'in', TERMINAL_STATUSES],
    ],
    orderBy: [['createdAt', 'desc']],
    limit: 50,
    note: 'Next page: add startAfter(lastSnapshot) before limit (cursors need no other index).',
  },
  {
    id: 'deliveryTabOrders',
    title: 'Partner · 주문현황 › 배송 tab: one sub-tab (접수 / 배송 준비 중 / 배송 중), newest first',
    reader: 'store member',
    document: 'order',
    path: ['orders'],
    where: [
      ['storeId', '==', p('storeId')],
      ['channel', '==', 'delivery'],
      ['status', '==', p('status')],
    ],
    orderBy: [['createdAt', 'desc']],
    choices: { status: OPEN_DELIVERY_STATUSES },
  },
  {
    id: 'deliveryFinishedOrders',
    title: 'Partner · 배송 finished orders (완료, 취소), newest first, 50 a page',
    reader: 'store member',
    document: 'order',
    path: ['orders'],
    where: [
      ['storeId', '==', p('storeId')],
      ['channel', '==', 'delivery'],
      ['status', 'in', TERMINAL_STATUSES],
    ],
    orderBy: [['createdAt', 'desc']],
    limit: 50,
  },
  {
    id: 'partnerOrderEvents',
    title: "Partner · 주문 상세: the order's history, oldest first",
    reader: 'store member',
    document: 'orderEvent',
    path: ['orders', p('orderId'), 'events'],
    where: [['storeId', '==', p('storeId')]],
    note: 'Event ids are zero-padded versions, so document order is version order. The storeId filter is what lets the rules allow the list.',
  },
  {
    id: 'partnerOrderStaffActions',
    title: 'Partner · 주문 상세: which owner or staff member made each change (not shown to customers)',
    reader: 'store member',
    document: 'staffAction',
    path: ['orders', p('orderId'), 'staffActions'],
    where: [['storeId', '==', p('storeId')]],
    note: "One entry per partner or admin transition, id = the history entry's version. History entries carry only the role.",
  },
  {
    id: 'customerOrderHistory',
    title: 'Customer · 주문 내역 (order history), newest first, 20 a page',
    reader: 'customer',
    document: 'order',
    path: ['orders'],
    where: [['customerUid', '==', p('uid')]],
    orderBy: [['createdAt', 'desc']],
    limit: 20,
  },
  {
    id: 'customerOrderEvents',
    title: "Customer · order detail: the order's history, oldest first",
    reader: 'customer',
    document: 'orderEvent',
    path: ['orders', p('orderId'), 'events'],
    where: [['customerUid', '==', p('uid')]],
  },
  {
    id: 'activeStores',
    title: 'Anyone · active stores',
    reader: 'anyone',
    document: 'store',
    path: ['stores'],
    where: [['active', '==', true]],
    note: 'The `active == true` filter is required: rules only let a list through if it can return active stores alone.',
  },
  {
    id: 'storeMenu',
    title: "Anyone · a store's menu (an active store's; its members read it always)",
    reader: 'anyone',
    document: 'menuItem',
    path: ['stores', p('storeId'), 'menuItems'],
    where: [],
  },
  {
    id: 'storeMemberList',
    title: "Partner · the store's members",
    reader: 'store member',
    document: 'member',
    path: ['stores', p('storeId'), 'members'],
    where: [],
  },
  {
    id: 'myPartnerApplications',
    title: 'Applicant · my partner applications (입점신청), newest first',
    reader: 'applicant',
    document: 'partnerApplication',
    path: ['partnerApplications'],
    where: [['applicantUid', '==', p('uid')]],
    orderBy: [['createdAt', 'desc']],
  },
  {
    id: 'pendingPartnerApplications',
    title: 'Admin · pending partner applications, oldest first',
    reader: 'admin',
    document: 'partnerApplication',
    path: ['partnerApplications'],
    where: [['status', '==', 'pending']],
    orderBy: [['createdAt', 'asc']],
  },
  {
    id: 'myStoreInvitations',
    title: 'Anyone signed in · invitations to my verified email, still pending',
    reader: 'invitee',
    document: 'invitation',
    path: ['storeInvitations'],
    where: [
      ['email', '==', p('email')],
      ['status', '==', 'pending'],
    ],
    note: "`email` is the token's `email` claim (auth.currentUser.email, lower-case); the rules also need `email_verified`. An expired one is still `pending`: compare `expiresAt` with now.",
  },
  {
    id: 'storePendingInvitations',
    title: "Owner · the store's pending invitations",
    reader: 'store owner',
    document: 'invitation',
    path: ['storeInvitations'],
    where: [
      ['storeId', '==', p('storeId')],
      ['status', '==', 'pending'],
    ],
  },
  {
    id: 'storeMemberContacts',
    title: "Owner · the members' sign-in emails",
    reader: 'store owner',
    document: 'memberContact',
    path: ['stores', p('storeId'), 'memberContacts'],
    where: [],
    note: "Staff read only their own (`doc(db, 'stores', storeId, 'memberContacts', uid)`).",
  },
  {
    id: 'publicStoreReviews',
    title: "Anyone · a store's reviews (visible ones), newest first, 20 a page",
    reader: 'anyone',
    document: 'publicReview',
    path: ['publicReviews'],
    where: [['storeId', '==', p('storeId')]],
    orderBy: [['createdAt', 'desc']],
    limit: 20,
    note: "Next page: startAfter(lastSnapshot) before limit. The rules refuse a list without a limit, or over 50. The store's rating is on the store document (`rating`).",
  },
  {
    id: 'partnerStoreReviews',
    title: 'Partner · 리뷰 tab: all reviews of the store with their replies (hidden ones too), newest first, 50 a page',
    reader: 'store member',
    document: 'review',
    path: ['reviews'],
    where: [
      ['storeId', '==', p('storeId')],
      ['status', 'in', ['visible', 'hidden']],
    ],
    orderBy: [['createdAt', 'desc']],
    limit: 50,
    note: "Admins may run it too. `reportCount` shows reports; the reports themselves are in the review's `reports`.",
  },
  {
    id: 'partnerUnansweredReviews',
    title: 'Partner · 리뷰 › 미답변: visible reviews without a reply, newest first',
    reader: 'store member',
    document: 'review',
    path: ['reviews'],
    where: [
      ['storeId', '==', p('storeId')],
      ['status', '==', 'visible'],
      ['replied', '==', false],
    ],
    orderBy: [['createdAt', 'desc']],
    limit: 50,
  },
  {
    id: 'partnerReviewReports',
    title: 'Partner · the reports of one review (no reporter named)',
    reader: 'store member',
    document: 'reviewReport',
    path: ['reviews', p('orderId'), 'reports'],
    where: [['storeId', '==', p('storeId')]],
    note: "A review's id is its order's id. The storeId filter is what lets the rules allow the list.",
  },
  {
    id: 'customerReviews',
    title: 'Customer · 내 리뷰: my reviews (hidden ones too), newest first, 20 a page',
    reader: 'customer',
    document: 'review',
    path: ['reviews'],
    where: [
      ['customerUid', '==', p('uid')],
      ['status', 'in', ['visible', 'hidden']],
    ],
    orderBy: [['createdAt', 'desc']],
    limit: 20,
  },
  {
    id: 'reportedReviews',
    title: 'Admin · reported reviews awaiting a decision (moderateReview), oldest report first',
    reader: 'admin',
    document: 'review',
    path: ['reviews'],
    where: [['reportState', '==', 'open']],
    orderBy: [['lastReportedAt', 'asc']],
  },
] as const satisfies readonly AppQuery[];

/** Single documents the apps read or listen to (no index involved; the rules tests cover them). */
export const APP_DOCUMENT_READS = [
  {
    id: 'order',
    title: "An order (its customer, its store's members)",
    reader: 'customer or store member',
    document: 'order',
    path: ['orders', p('orderId')],
  },
  {
    id: 'store',
    title: 'A store (anyone if active; its members always)',
    reader: 'anyone',
    document: 'store',
    path: ['stores', p('storeId')],
  },
  {
    id: 'storePrivateProfile',
    title: "A store's business records: phone, address, business number (its members, admins)",
    reader: 'store member or admin',
    document: 'storePrivateProfile',
    path: ['stores', p('storeId'), 'private', 'profile'],
  },
  {
    id: 'user',
    title: 'My user document (claimsVersion: refresh the ID token when it changes)',
    reader: 'user',
    document: 'user',
    path: ['users', p('uid')],
  },
  {
    id: 'review',
    title: "A review, by its order id (its customer, its store's members, admins)",
    reader: 'customer or store member',
    document: 'review',
    path: ['reviews', p('orderId')],
  },
  {
    id: 'publicReview',
    title: "A visible review's public copy (anyone)",
    reader: 'anyone',
    document: 'publicReview',
    path: ['publicReviews', p('orderId')],
  },
] as const satisfies readonly AppDocumentRead[];

export type AppQueryId = (typeof APP_QUERIES)[number]['id'];
export type AppDocumentReadId = (typeof APP_DOCUMENT_READS)[number]['id'];

/** The document id lands in this field (as the server's *FromSnapshot functions do). */
const ID_FIELDS: Record<DocumentKind, string> = {
  order: 'orderId',
  orderEvent: 'eventId',
  store: 'storeId',
  storePrivateProfile: 'profileId', // always 'profile': one per store, under it
  staffAction: 'actionId',
  menuItem: 'itemId',
  member: 'uid',
  partnerApplication: 'applicationId',
  invitation: 'invitationId',
  memberContact: 'uid',
  user: 'uid',
  review: 'reviewId',
  publicReview: 'reviewId',
  reviewReport: 'reportId',
};

/** Timestamps become epoch milliseconds, as on the server (domain types use ms). */
export function fromStored(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (typeof (value as { toMillis?: unknown }).toMillis === 'function') return (value as { toMillis(): number }).toMillis();
  if (Array.isArray(value)) return value.map(fromStored);
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[key] = fromStored(inner);
  return out;
}

function resolve(value: Value, params: Params): unknown {
  if (value !== null && typeof value === 'object' && 'param' in value) {
    const resolved = params[value.param];
    if (resolved === undefined) throw new Error(`parameter ${value.param} is missing`);
    return resolved;
  }
  return Array.isArray(value) ? [...(value as unknown[])] : value;
}

function pathOf(path: readonly (string | Param)[], params: Params): [string, ...string[]] {
  return path.map((segment) => String(resolve(segment, params))) as [string, ...string[]];
}

export type ReadSdk = Pick<typeof FirestoreSdk, 'collection' | 'doc' | 'query' | 'where' | 'orderBy' | 'limit'>;

/** Builds the apps' queries and typed converters with the given 'firebase/firestore' module. */
export function createReads(sdk: ReadSdk) {
  const converters = new Map<DocumentKind, FirestoreSdk.FirestoreDataConverter<unknown>>();
  function converter<K extends DocumentKind>(kind: K): FirestoreSdk.FirestoreDataConverter<DocumentTypes[K]> {
    let found = converters.get(kind);
    if (!found) {
      found = {
        toFirestore: () => {
          throw new Error('Gocafein apps never write Firestore directly: use the callables.');
        },
        fromFirestore: (snapshot, options) => ({
          ...(fromStored(snapshot.data(options)) as object),
          [ID_FIELDS[kind]]: snapshot.id,
        }),
      };
      converters.set(kind, found);
    }
    return found as FirestoreSdk.FirestoreDataConverter<DocumentTypes[K]>;
  }

  function buildQuery(db: FirestoreSdk.Firestore, spec: AppQuery, params: Params): FirestoreSdk.Query {
    const [first, ...rest] = pathOf(spec.path, params);
    const constraints: FirestoreSdk.QueryConstraint[] = [
      ...spec.where.map(([field, op, value]) => sdk.where(field, op, resolve(value, params))),
      ...(spec.orderBy ?? []).map(([field, direction]) => sdk.orderBy(field, direction)),
      ...(spec.limit !== undefined ? [sdk.limit(spec.limit)] : []),
    ];
    return sdk.query(sdk.collection(db, first, ...rest), ...constraints);
  }

  function buildDocument(db: FirestoreSdk.Firestore, read: AppDocumentRead, params: Params): FirestoreSdk.DocumentReference {
    const [first, ...rest] = pathOf(read.path, params);
    return sdk.doc(db, first, ...rest);
  }

  type QuerySpec<Id extends AppQueryId> = Extract<(typeof APP_QUERIES)[number], { id: Id }>;
  type ReadSpec<Id extends AppDocumentReadId> = Extract<(typeof APP_DOCUMENT_READS)[number], { id: Id }>;

  /** The app query `id` with its parameters, typed by its document. */
  function appQuery<Id extends AppQueryId>(db: FirestoreSdk.Firestore, id: Id, params: Params) {
    const spec = APP_QUERIES.find((candidate) => candidate.id === id) as QuerySpec<Id> | undefined;
    if (!spec) throw new Error(`unknown app query ${id}`);
    return buildQuery(db, spec, params).withConverter(converter(spec.document as QuerySpec<Id>['document']));
  }

  function appDocument<Id extends AppDocumentReadId>(db: FirestoreSdk.Firestore, id: Id, params: Params) {
    const read = APP_DOCUMENT_READS.find((candidate) => candidate.id === id) as ReadSpec<Id> | undefined;
    if (!read) throw new Error(`unknown app document ${id}`);
    return buildDocument(db, read, params).withConverter(converter(read.document as ReadSpec<Id>['document']));
  }

  type Db = FirestoreSdk.Firestore;
  return {
    converter,
    buildQuery,
    buildDocument,
    appQuery,
    appDocument,
    // Partner center (주문현황)
    /** 매장/포장 tab: open orders, newest first (listen with onSnapshot). */
    pickupOpenOrders: (db: Db, storeId: string) => appQuery(db, 'pickupOpenOrders', { storeId }),
    /** 매장/포장 finished orders (완료, 취소), 50 a page. */
    pickupFinishedOrders: (db: Db, storeId: string) => appQuery(db, 'pickupFinishedOrders', { storeId }),
    /** 배송 tab, one sub-tab: 접수 / 배송 준비 중 / 배송 중. */
    deliveryTabOrders: (db: Db, storeId: string, status: (typeof OPEN_DELIVERY_STATUSES)[number]) =>
      appQuery(db, 'deliveryTabOrders', { storeId, status }),
    /** 배송 finished orders (완료, 취소), 50 a page. */
    deliveryFinishedOrders: (db: Db, storeId: string) => appQuery(db, 'deliveryFinishedOrders', { storeId }),
    /** An order's history for its store's members, oldest first. */
    partnerOrderEvents: (db: Db, storeId: string, orderId: string) => appQuery(db, 'partnerOrderEvents', { storeId, orderId }),
    /** Who (which owner or staff uid) made each change of an order; members only. */
    partnerOrderStaffActions: (db: Db, storeId: string, orderId: string) => appQuery(db, 'partnerOrderStaffActions', { storeId, orderId }),
    /** The store's phone, address and business number (partner center settings); members and admins. */
    storePrivateProfile: (db: Db, storeId: string) => appDocument(db, 'storePrivateProfile', { storeId }),
    storeMemberList: (db: Db, storeId: string) => appQuery(db, 'storeMemberList', { storeId }),
    /** The members' sign-in emails (owners; a staff member reads only their own document). */
    storeMemberContacts: (db: Db, storeId: string) => appQuery(db, 'storeMemberContacts', { storeId }),
    /** The store's pending invitations (owners). */
    storePendingInvitations: (db: Db, storeId: string) => appQuery(db, 'storePendingInvitations', { storeId }),
    /** Invitations to the signed-in user's verified email, still pending. */
    myStoreInvitations: (db: Db, email: string) => appQuery(db, 'myStoreInvitations', { email }),
    // Reviews
    /** 리뷰 tab: every review of the store with its reply, newest first, 50 a page. */
    partnerStoreReviews: (db: Db, storeId: string) => appQuery(db, 'partnerStoreReviews', { storeId }),
    /** 리뷰 › 미답변: visible reviews without a reply, newest first. */
    partnerUnansweredReviews: (db: Db, storeId: string) => appQuery(db, 'partnerUnansweredReviews', { storeId }),
    /** A store page's reviews (visible ones, masked names), newest first, 20 a page. */
    publicStoreReviews: (db: Db, storeId: string) => appQuery(db, 'publicStoreReviews', { storeId }),
    /** 내 리뷰: the customer's own reviews (hidden ones too). */
    customerReviews: (db: Db, uid: string) => appQuery(db, 'customerReviews', { uid }),
    // Customer app
    /** 주문 내역: the customer's orders, newest first, 20 a page. */
    customerOrderHistory: (db: Db, uid: string) => appQuery(db, 'customerOrderHistory', { uid }),
    customerOrderEvents: (db: Db, uid: string, orderId: string) => appQuery(db, 'customerOrderEvents', { uid, orderId }),
    activeStores: (db: Db) => appQuery(db, 'activeStores', {}),
    /** A store page: the store document and its menu. */
    storeDocument: (db: Db, storeId: string) => appDocument(db, 'store', { storeId }),
    storeMenu: (db: Db, storeId: string) => appQuery(db, 'storeMenu', { storeId }),
    orderDocument: (db: Db, orderId: string) => appDocument(db, 'order', { orderId }),
    userDocument: (db: Db, uid: string) => appDocument(db, 'user', { uid }),
    // Onboarding
    myPartnerApplications: (db: Db, uid: string) => appQuery(db, 'myPartnerApplications', { uid }),
    pendingPartnerApplications: (db: Db) => appQuery(db, 'pendingPartnerApplications', {}),
  };
}
