import type * as FirestoreSdk from 'firebase/firestore';
import { type MemberDoc, type MenuItemDoc, OPEN_DELIVERY_STATUSES, type OrderDoc, type OrderEventDoc, type PartnerApplicationDoc, type StoreDoc } from './generated/contract.js';
/** The variables an app fills in: the partner's store, the signed-in user, an order, a sub-tab. */
export type ParamName = 'storeId' | 'uid' | 'orderId' | 'status';
export type Params = Partial<Record<ParamName, string>>;
export interface Param {
    param: ParamName;
}
export type Value = string | number | boolean | readonly string[] | Param;
export type WhereOp = FirestoreSdk.WhereFilterOp;
/** Who the rules let run the query (docs/rules-and-indexes.md "What the rules allow"). */
export type Reader = 'store member' | 'customer' | 'customer or store member' | 'user' | 'applicant' | 'admin' | 'anyone';
/** Which document type a read returns (its converter). */
export interface DocumentTypes {
    order: OrderDoc;
    orderEvent: OrderEventDoc & {
        eventId: string;
    };
    store: StoreDoc;
    menuItem: MenuItemDoc;
    member: MemberDoc;
    partnerApplication: PartnerApplicationDoc;
    user: Record<string, unknown> & {
        uid: string;
    };
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
export declare const APP_QUERIES: readonly [{
    readonly id: "pickupOpenOrders";
    readonly title: "Partner · 주문현황 › 매장/포장 tab: open orders (접수, 준비 중), newest first";
    readonly reader: "store member";
    readonly document: "order";
    readonly path: readonly ["orders"];
    readonly where: readonly [readonly ["storeId", "==", Param], readonly ["channel", "in", readonly ["dine_in", "takeout"]], readonly ["status", "in", readonly ["received", "preparing"]]];
    readonly orderBy: readonly [readonly ["createdAt", "desc"]];
    readonly note: "Listen with onSnapshot. Two `in` filters in one query are allowed (2 × 2 = 4 disjunctions of the 30 Firestore allows).";
}, {
    readonly id: "pickupFinishedOrders";
    readonly title: "Partner · 매장/포장 finished orders (완료, 취소), newest first, 50 a page";
    readonly reader: "store member";
    readonly document: "order";
    readonly path: readonly ["orders"];
    readonly where: readonly [readonly ["storeId", "==", Param], readonly ["channel", "in", readonly ["dine_in", "takeout"]], readonly ["status", "in", readonly ["completed", "cancelled"]]];
    readonly orderBy: readonly [readonly ["createdAt", "desc"]];
    readonly limit: 50;
    readonly note: "Next page: add startAfter(lastSnapshot) before limit (cursors need no other index).";
}, {
    readonly id: "deliveryTabOrders";
    readonly title: "Partner · 주문현황 › 배송 tab: one sub-tab (접수 / 배송 준비 중 / 배송 중), newest first";
    readonly reader: "store member";
    readonly document: "order";
    readonly path: readonly ["orders"];
    readonly where: readonly [readonly ["storeId", "==", Param], readonly ["channel", "==", "delivery"], readonly ["status", "==", Param]];
    readonly orderBy: readonly [readonly ["createdAt", "desc"]];
    readonly choices: {
        readonly status: readonly ["received", "preparing_shipment", "shipped"];
    };
}, {
    readonly id: "deliveryFinishedOrders";
    readonly title: "Partner · 배송 finished orders (완료, 취소), newest first, 50 a page";
    readonly reader: "store member";
    readonly document: "order";
    readonly path: readonly ["orders"];
    readonly where: readonly [readonly ["storeId", "==", Param], readonly ["channel", "==", "delivery"], readonly ["status", "in", readonly ["completed", "cancelled"]]];
    readonly orderBy: readonly [readonly ["createdAt", "desc"]];
    readonly limit: 50;
}, {
    readonly id: "partnerOrderEvents";
    readonly title: "Partner · 주문 상세: the order's history, oldest first";
    readonly reader: "store member";
    readonly document: "orderEvent";
    readonly path: readonly ["orders", Param, "events"];
    readonly where: readonly [readonly ["storeId", "==", Param]];
    readonly note: "Event ids are zero-padded versions, so document order is version order. The storeId filter is what lets the rules allow the list.";
}, {
    readonly id: "customerOrderHistory";
    readonly title: "Customer · 주문 내역 (order history), newest first, 20 a page";
    readonly reader: "customer";
    readonly document: "order";
    readonly path: readonly ["orders"];
    readonly where: readonly [readonly ["customerUid", "==", Param]];
    readonly orderBy: readonly [readonly ["createdAt", "desc"]];
    readonly limit: 20;
}, {
    readonly id: "customerOrderEvents";
    readonly title: "Customer · order detail: the order's history, oldest first";
    readonly reader: "customer";
    readonly document: "orderEvent";
    readonly path: readonly ["orders", Param, "events"];
    readonly where: readonly [readonly ["customerUid", "==", Param]];
}, {
    readonly id: "activeStores";
    readonly title: "Anyone · active stores";
    readonly reader: "anyone";
    readonly document: "store";
    readonly path: readonly ["stores"];
    readonly where: readonly [readonly ["active", "==", true]];
    readonly note: "The `active == true` filter is required: rules only let a list through if it can return active stores alone.";
}, {
    readonly id: "storeMenu";
    readonly title: "Anyone · a store's menu (an active store's; its members read it always)";
    readonly reader: "anyone";
    readonly document: "menuItem";
    readonly path: readonly ["stores", Param, "menuItems"];
    readonly where: readonly [];
}, {
    readonly id: "storeMemberList";
    readonly title: "Partner · the store's members";
    readonly reader: "store member";
    readonly document: "member";
    readonly path: readonly ["stores", Param, "members"];
    readonly where: readonly [];
}, {
    readonly id: "myPartnerApplications";
    readonly title: "Applicant · my partner applications (입점신청), newest first";
    readonly reader: "applicant";
    readonly document: "partnerApplication";
    readonly path: readonly ["partnerApplications"];
    readonly where: readonly [readonly ["applicantUid", "==", Param]];
    readonly orderBy: readonly [readonly ["createdAt", "desc"]];
}, {
    readonly id: "pendingPartnerApplications";
    readonly title: "Admin · pending partner applications, oldest first";
    readonly reader: "admin";
    readonly document: "partnerApplication";
    readonly path: readonly ["partnerApplications"];
    readonly where: readonly [readonly ["status", "==", "pending"]];
    readonly orderBy: readonly [readonly ["createdAt", "asc"]];
}];
/** Single documents the apps read or listen to (no index involved; the rules tests cover them). */
export declare const APP_DOCUMENT_READS: readonly [{
    readonly id: "order";
    readonly title: "An order (its customer, its store's members)";
    readonly reader: "customer or store member";
    readonly document: "order";
    readonly path: readonly ["orders", Param];
}, {
    readonly id: "store";
    readonly title: "A store (anyone if active; its members always)";
    readonly reader: "anyone";
    readonly document: "store";
    readonly path: readonly ["stores", Param];
}, {
    readonly id: "user";
    readonly title: "My user document (claimsVersion: refresh the ID token when it changes)";
    readonly reader: "user";
    readonly document: "user";
    readonly path: readonly ["users", Param];
}];
export type AppQueryId = (typeof APP_QUERIES)[number]['id'];
export type AppDocumentReadId = (typeof APP_DOCUMENT_READS)[number]['id'];
/** Timestamps become epoch milliseconds, as on the server (domain types use ms). */
export declare function fromStored(value: unknown): unknown;
export type ReadSdk = Pick<typeof FirestoreSdk, 'collection' | 'doc' | 'query' | 'where' | 'orderBy' | 'limit'>;
/** Builds the apps' queries and typed converters with the given 'firebase/firestore' module. */
export declare function createReads(sdk: ReadSdk): {
    converter: <K extends DocumentKind>(kind: K) => FirestoreSdk.FirestoreDataConverter<DocumentTypes[K]>;
    buildQuery: (db: FirestoreSdk.Firestore, spec: AppQuery, params: Params) => FirestoreSdk.Query;
    buildDocument: (db: FirestoreSdk.Firestore, read: AppDocumentRead, params: Params) => FirestoreSdk.DocumentReference;
    appQuery: <Id extends AppQueryId>(db: FirestoreSdk.Firestore, id: Id, params: Params) => FirestoreSdk.Query<DocumentTypes[(Extract<{
        readonly id: "pickupOpenOrders";
        readonly title: "Partner · 주문현황 › 매장/포장 tab: open orders (접수, 준비 중), newest first";
        readonly reader: "store member";
        readonly document: "order";
        readonly path: readonly ["orders"];
        readonly where: readonly [readonly ["storeId", "==", Param], readonly ["channel", "in", readonly ["dine_in", "takeout"]], readonly ["status", "in", readonly ["received", "preparing"]]];
        readonly orderBy: readonly [readonly ["createdAt", "desc"]];
        readonly note: "Listen with onSnapshot. Two `in` filters in one query are allowed (2 × 2 = 4 disjunctions of the 30 Firestore allows).";
    }, {
        id: Id;
    }> | Extract<{
        readonly id: "pickupFinishedOrders";
        readonly title: "Partner · 매장/포장 finished orders (완료, 취소), newest first, 50 a page";
        readonly reader: "store member";
        readonly document: "order";
        readonly path: readonly ["orders"];
        readonly where: readonly [readonly ["storeId", "==", Param], readonly ["channel", "in", readonly ["dine_in", "takeout"]], readonly ["status", "in", readonly ["completed", "cancelled"]]];
        readonly orderBy: readonly [readonly ["createdAt", "desc"]];
        readonly limit: 50;
        readonly note: "Next page: add startAfter(lastSnapshot) before limit (cursors need no other index).";
    }, {
        id: Id;
    }> | Extract<{
        readonly id: "deliveryTabOrders";
        readonly title: "Partner · 주문현황 › 배송 tab: one sub-tab (접수 / 배송 준비 중 / 배송 중), newest first";
        readonly reader: "store member";
        readonly document: "order";
        readonly path: readonly ["orders"];
        readonly where: readonly [readonly ["storeId", "==", Param], readonly ["channel", "==", "delivery"], readonly ["status", "==", Param]];
        readonly orderBy: readonly [readonly ["createdAt", "desc"]];
        readonly choices: {
            readonly status: readonly ["received", "preparing_shipment", "shipped"];
        };
    }, {
        id: Id;
    }> | Extract<{
        readonly id: "deliveryFinishedOrders";
        readonly title: "Partner · 배송 finished orders (완료, 취소), newest first, 50 a page";
        readonly reader: "store member";
        readonly document: "order";
        readonly path: readonly ["orders"];
        readonly where: readonly [readonly ["storeId", "==", Param], readonly ["channel", "==", "delivery"], readonly ["status", "in", readonly ["completed", "cancelled"]]];
        readonly orderBy: readonly [readonly ["createdAt", "desc"]];
        readonly limit: 50;
    }, {
        id: Id;
    }> | Extract<{
        readonly id: "partnerOrderEvents";
        readonly title: "Partner · 주문 상세: the order's history, oldest first";
        readonly reader: "store member";
        readonly document: "orderEvent";
        readonly path: readonly ["orders", Param, "events"];
        readonly where: readonly [readonly ["storeId", "==", Param]];
        readonly note: "Event ids are zero-padded versions, so document order is version order. The storeId filter is what lets the rules allow the list.";
    }, {
        id: Id;
    }> | Extract<{
        readonly id: "customerOrderHistory";
        readonly title: "Customer · 주문 내역 (order history), newest first, 20 a page";
        readonly reader: "customer";
        readonly document: "order";
        readonly path: readonly ["orders"];
        readonly where: readonly [readonly ["customerUid", "==", Param]];
        readonly orderBy: readonly [readonly ["createdAt", "desc"]];
        readonly limit: 20;
    }, {
        id: Id;
    }> | Extract<{
        readonly id: "customerOrderEvents";
        readonly title: "Customer · order detail: the order's history, oldest first";
        readonly reader: "customer";
        readonly document: "orderEvent";
        readonly path: readonly ["orders", Param, "events"];
        readonly where: readonly [readonly ["customerUid", "==", Param]];
    }, {
        id: Id;
    }> | Extract<{
        readonly id: "activeStores";
        readonly title: "Anyone · active stores";
        readonly reader: "anyone";
        readonly document: "store";
        readonly path: readonly ["stores"];
        readonly where: readonly [readonly ["active", "==", true]];
        readonly note: "The `active == true` filter is required: rules only let a list through if it can return active stores alone.";
    }, {
        id: Id;
    }> | Extract<{
        readonly id: "storeMenu";
        readonly title: "Anyone · a store's menu (an active store's; its members read it always)";
        readonly reader: "anyone";
        readonly document: "menuItem";
        readonly path: readonly ["stores", Param, "menuItems"];
        readonly where: readonly [];
    }, {
        id: Id;
    }> | Extract<{
        readonly id: "storeMemberList";
        readonly title: "Partner · the store's members";
        readonly reader: "store member";
        readonly document: "member";
        readonly path: readonly ["stores", Param, "members"];
        readonly where: readonly [];
    }, {
        id: Id;
    }> | Extract<{
        readonly id: "myPartnerApplications";
        readonly title: "Applicant · my partner applications (입점신청), newest first";
        readonly reader: "applicant";
        readonly document: "partnerApplication";
        readonly path: readonly ["partnerApplications"];
        readonly where: readonly [readonly ["applicantUid", "==", Param]];
        readonly orderBy: readonly [readonly ["createdAt", "desc"]];
    }, {
        id: Id;
    }> | Extract<{
        readonly id: "pendingPartnerApplications";
        readonly title: "Admin · pending partner applications, oldest first";
        readonly reader: "admin";
        readonly document: "partnerApplication";
        readonly path: readonly ["partnerApplications"];
        readonly where: readonly [readonly ["status", "==", "pending"]];
        readonly orderBy: readonly [readonly ["createdAt", "asc"]];
    }, {
        id: Id;
    }>)["document"]], FirestoreSdk.DocumentData>;
    appDocument: <Id extends AppDocumentReadId>(db: FirestoreSdk.Firestore, id: Id, params: Params) => FirestoreSdk.DocumentReference<DocumentTypes[(Extract<{
        readonly id: "order";
        readonly title: "An order (its customer, its store's members)";
        readonly reader: "customer or store member";
        readonly document: "order";
        readonly path: readonly ["orders", Param];
    }, {
        id: Id;
    }> | Extract<{
        readonly id: "store";
        readonly title: "A store (anyone if active; its members always)";
        readonly reader: "anyone";
        readonly document: "store";
        readonly path: readonly ["stores", Param];
    }, {
        id: Id;
    }> | Extract<{
        readonly id: "user";
        readonly title: "My user document (claimsVersion: refresh the ID token when it changes)";
        readonly reader: "user";
        readonly document: "user";
        readonly path: readonly ["users", Param];
    }, {
        id: Id;
    }>)["document"]], FirestoreSdk.DocumentData>;
    /** 매장/포장 tab: open orders, newest first (listen with onSnapshot). */
    pickupOpenOrders: (db: FirestoreSdk.Firestore, storeId: string) => FirestoreSdk.Query<OrderDoc, FirestoreSdk.DocumentData>;
    /** 매장/포장 finished orders (완료, 취소), 50 a page. */
    pickupFinishedOrders: (db: FirestoreSdk.Firestore, storeId: string) => FirestoreSdk.Query<OrderDoc, FirestoreSdk.DocumentData>;
    /** 배송 tab, one sub-tab: 접수 / 배송 준비 중 / 배송 중. */
    deliveryTabOrders: (db: FirestoreSdk.Firestore, storeId: string, status: (typeof OPEN_DELIVERY_STATUSES)[number]) => FirestoreSdk.Query<OrderDoc, FirestoreSdk.DocumentData>;
    /** 배송 finished orders (완료, 취소), 50 a page. */
    deliveryFinishedOrders: (db: FirestoreSdk.Firestore, storeId: string) => FirestoreSdk.Query<OrderDoc, FirestoreSdk.DocumentData>;
    /** An order's history for its store's members, oldest first. */
    partnerOrderEvents: (db: FirestoreSdk.Firestore, storeId: string, orderId: string) => FirestoreSdk.Query<OrderEventDoc & {
        eventId: string;
    }, FirestoreSdk.DocumentData>;
    storeMemberList: (db: FirestoreSdk.Firestore, storeId: string) => FirestoreSdk.Query<MemberDoc, FirestoreSdk.DocumentData>;
    /** 주문 내역: the customer's orders, newest first, 20 a page. */
    customerOrderHistory: (db: FirestoreSdk.Firestore, uid: string) => FirestoreSdk.Query<OrderDoc, FirestoreSdk.DocumentData>;
    customerOrderEvents: (db: FirestoreSdk.Firestore, uid: string, orderId: string) => FirestoreSdk.Query<OrderEventDoc & {
        eventId: string;
    }, FirestoreSdk.DocumentData>;
    activeStores: (db: FirestoreSdk.Firestore) => FirestoreSdk.Query<StoreDoc, FirestoreSdk.DocumentData>;
    /** A store page: the store document and its menu. */
    storeDocument: (db: FirestoreSdk.Firestore, storeId: string) => FirestoreSdk.DocumentReference<StoreDoc, FirestoreSdk.DocumentData>;
    storeMenu: (db: FirestoreSdk.Firestore, storeId: string) => FirestoreSdk.Query<MenuItemDoc, FirestoreSdk.DocumentData>;
    orderDocument: (db: FirestoreSdk.Firestore, orderId: string) => FirestoreSdk.DocumentReference<OrderDoc, FirestoreSdk.DocumentData>;
    userDocument: (db: FirestoreSdk.Firestore, uid: string) => FirestoreSdk.DocumentReference<Record<string, unknown> & {
        uid: string;
    }, FirestoreSdk.DocumentData>;
    myPartnerApplications: (db: FirestoreSdk.Firestore, uid: string) => FirestoreSdk.Query<PartnerApplicationDoc, FirestoreSdk.DocumentData>;
    pendingPartnerApplications: (db: FirestoreSdk.Firestore) => FirestoreSdk.Query<PartnerApplicationDoc, FirestoreSdk.DocumentData>;
};
