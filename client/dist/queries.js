import { OPEN_DELIVERY_STATUSES, OPEN_PICKUP_STATUSES, PICKUP_CHANNELS, TERMINAL_STATUSES, } from './generated/contract.js';
const p = (param) => ({ param });
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
];
/** Single documents the apps read or listen to (no index involved; the rules tests cover them). */
export const APP_DOCUMENT_READS = [
    { id: 'order', title: "An order (its customer, its store's members)", reader: 'customer or store member', document: 'order', path: ['orders', p('orderId')] },
    { id: 'store', title: 'A store (anyone if active; its members always)', reader: 'anyone', document: 'store', path: ['stores', p('storeId')] },
    { id: 'user', title: 'My user document (claimsVersion: refresh the ID token when it changes)', reader: 'user', document: 'user', path: ['users', p('uid')] },
];
/** The document id lands in this field (as the server's *FromSnapshot functions do). */
const ID_FIELDS = {
    order: 'orderId',
    orderEvent: 'eventId',
    store: 'storeId',
    menuItem: 'itemId',
    member: 'uid',
    partnerApplication: 'applicationId',
    user: 'uid',
};
/** Timestamps become epoch milliseconds, as on the server (domain types use ms). */
export function fromStored(value) {
    if (value === null || typeof value !== 'object')
        return value;
    if (typeof value.toMillis === 'function')
        return value.toMillis();
    if (Array.isArray(value))
        return value.map(fromStored);
    const out = {};
    for (const [key, inner] of Object.entries(value))
        out[key] = fromStored(inner);
    return out;
}
function resolve(value, params) {
    if (value !== null && typeof value === 'object' && 'param' in value) {
        const resolved = params[value.param];
        if (resolved === undefined)
            throw new Error(`parameter ${value.param} is missing`);
        return resolved;
    }
    return Array.isArray(value) ? [...value] : value;
}
function pathOf(path, params) {
    return path.map((segment) => String(resolve(segment, params)));
}
/** Builds the apps' queries and typed converters with the given 'firebase/firestore' module. */
export function createReads(sdk) {
    const converters = new Map();
    function converter(kind) {
        let found = converters.get(kind);
        if (!found) {
            found = {
                toFirestore: () => {
                    throw new Error('Gocafein apps never write Firestore directly: use the callables.');
                },
                fromFirestore: (snapshot, options) => ({
                    ...fromStored(snapshot.data(options)),
                    [ID_FIELDS[kind]]: snapshot.id,
                }),
            };
            converters.set(kind, found);
        }
        return found;
    }
    function buildQuery(db, spec, params) {
        const [first, ...rest] = pathOf(spec.path, params);
        const constraints = [
            ...spec.where.map(([field, op, value]) => sdk.where(field, op, resolve(value, params))),
            ...(spec.orderBy ?? []).map(([field, direction]) => sdk.orderBy(field, direction)),
            ...(spec.limit !== undefined ? [sdk.limit(spec.limit)] : []),
        ];
        return sdk.query(sdk.collection(db, first, ...rest), ...constraints);
    }
    function buildDocument(db, read, params) {
        const [first, ...rest] = pathOf(read.path, params);
        return sdk.doc(db, first, ...rest);
    }
    /** The app query `id` with its parameters, typed by its document. */
    function appQuery(db, id, params) {
        const spec = APP_QUERIES.find((candidate) => candidate.id === id);
        if (!spec)
            throw new Error(`unknown app query ${id}`);
        return buildQuery(db, spec, params).withConverter(converter(spec.document));
    }
    function appDocument(db, id, params) {
        const read = APP_DOCUMENT_READS.find((candidate) => candidate.id === id);
        if (!read)
            throw new Error(`unknown app document ${id}`);
        return buildDocument(db, read, params).withConverter(converter(read.document));
    }
    return {
        converter,
        buildQuery,
        buildDocument,
        appQuery,
        appDocument,
        // Partner center (주문현황)
        /** 매장/포장 tab: open orders, newest first (listen with onSnapshot). */
        pickupOpenOrders: (db, storeId) => appQuery(db, 'pickupOpenOrders', { storeId }),
        /** 매장/포장 finished orders (완료, 취소), 50 a page. */
        pickupFinishedOrders: (db, storeId) => appQuery(db, 'pickupFinishedOrders', { storeId }),
        /** 배송 tab, one sub-tab: 접수 / 배송 준비 중 / 배송 중. */
        deliveryTabOrders: (db, storeId, status) => appQuery(db, 'deliveryTabOrders', { storeId, status }),
        /** 배송 finished orders (완료, 취소), 50 a page. */
        deliveryFinishedOrders: (db, storeId) => appQuery(db, 'deliveryFinishedOrders', { storeId }),
        /** An order's history for its store's members, oldest first. */
        partnerOrderEvents: (db, storeId, orderId) => appQuery(db, 'partnerOrderEvents', { storeId, orderId }),
        storeMemberList: (db, storeId) => appQuery(db, 'storeMemberList', { storeId }),
        // Customer app
        /** 주문 내역: the customer's orders, newest first, 20 a page. */
        customerOrderHistory: (db, uid) => appQuery(db, 'customerOrderHistory', { uid }),
        customerOrderEvents: (db, uid, orderId) => appQuery(db, 'customerOrderEvents', { uid, orderId }),
        activeStores: (db) => appQuery(db, 'activeStores', {}),
        /** A store page: the store document and its menu. */
        storeDocument: (db, storeId) => appDocument(db, 'store', { storeId }),
        storeMenu: (db, storeId) => appQuery(db, 'storeMenu', { storeId }),
        orderDocument: (db, orderId) => appDocument(db, 'order', { orderId }),
        userDocument: (db, uid) => appDocument(db, 'user', { uid }),
        // Onboarding
        myPartnerApplications: (db, uid) => appQuery(db, 'myPartnerApplications', { uid }),
        pendingPartnerApplications: (db) => appQuery(db, 'pendingPartnerApplications', {}),
    };
}
