import * as sdk from 'firebase/firestore';
export declare const converter: <K extends import("./queries.js").DocumentKind>(kind: K) => sdk.FirestoreDataConverter<import("./queries.js").DocumentTypes[K]>, appQuery: <Id extends import("./queries.js").AppQueryId>(db: sdk.Firestore, id: Id, params: import("./queries.js").Params) => sdk.Query<import("./queries.js").DocumentTypes[(Extract<{
    readonly id: "pickupOpenOrders";
    readonly title: "Partner · 주문현황 › 매장/포장 tab: open orders (접수, 준비 중), newest first";
    readonly reader: "store member";
    readonly document: "order";
    readonly path: readonly ["orders"];
    readonly where: readonly [readonly ["storeId", "==", import("./queries.js").Param], readonly ["channel", "in", readonly ["dine_in", "takeout"]], readonly ["status", "in", readonly ["received", "preparing"]]];
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
    readonly where: readonly [readonly ["storeId", "==", import("./queries.js").Param], readonly ["channel", "in", readonly ["dine_in", "takeout"]], readonly ["status", "in", readonly ["completed", "cancelled"]]];
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
    readonly where: readonly [readonly ["storeId", "==", import("./queries.js").Param], readonly ["channel", "==", "delivery"], readonly ["status", "==", import("./queries.js").Param]];
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
    readonly where: readonly [readonly ["storeId", "==", import("./queries.js").Param], readonly ["channel", "==", "delivery"], readonly ["status", "in", readonly ["completed", "cancelled"]]];
    readonly orderBy: readonly [readonly ["createdAt", "desc"]];
    readonly limit: 50;
}, {
    id: Id;
}> | Extract<{
    readonly id: "partnerOrderEvents";
    readonly title: "Partner · 주문 상세: the order's history, oldest first";
    readonly reader: "store member";
    readonly document: "orderEvent";
    readonly path: readonly ["orders", import("./queries.js").Param, "events"];
    readonly where: readonly [readonly ["storeId", "==", import("./queries.js").Param]];
    readonly note: "Event ids are zero-padded versions, so document order is version order. The storeId filter is what lets the rules allow the list.";
}, {
    id: Id;
}> | Extract<{
    readonly id: "customerOrderHistory";
    readonly title: "Customer · 주문 내역 (order history), newest first, 20 a page";
    readonly reader: "customer";
    readonly document: "order";
    readonly path: readonly ["orders"];
    readonly where: readonly [readonly ["customerUid", "==", import("./queries.js").Param]];
    readonly orderBy: readonly [readonly ["createdAt", "desc"]];
    readonly limit: 20;
}, {
    id: Id;
}> | Extract<{
    readonly id: "customerOrderEvents";
    readonly title: "Customer · order detail: the order's history, oldest first";
    readonly reader: "customer";
    readonly document: "orderEvent";
    readonly path: readonly ["orders", import("./queries.js").Param, "events"];
    readonly where: readonly [readonly ["customerUid", "==", import("./queries.js").Param]];
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
    readonly path: readonly ["stores", import("./queries.js").Param, "menuItems"];
    readonly where: readonly [];
}, {
    id: Id;
}> | Extract<{
    readonly id: "storeMemberList";
    readonly title: "Partner · the store's members";
    readonly reader: "store member";
    readonly document: "member";
    readonly path: readonly ["stores", import("./queries.js").Param, "members"];
    readonly where: readonly [];
}, {
    id: Id;
}> | Extract<{
    readonly id: "myPartnerApplications";
    readonly title: "Applicant · my partner applications (입점신청), newest first";
    readonly reader: "applicant";
    readonly document: "partnerApplication";
    readonly path: readonly ["partnerApplications"];
    readonly where: readonly [readonly ["applicantUid", "==", import("./queries.js").Param]];
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
}>)["document"]], sdk.DocumentData>, appDocument: <Id extends import("./queries.js").AppDocumentReadId>(db: sdk.Firestore, id: Id, params: import("./queries.js").Params) => sdk.DocumentReference<import("./queries.js").DocumentTypes[(Extract<{
    readonly id: "order";
    readonly title: "An order (its customer, its store's members)";
    readonly reader: "customer or store member";
    readonly document: "order";
    readonly path: readonly ["orders", import("./queries.js").Param];
}, {
    id: Id;
}> | Extract<{
    readonly id: "store";
    readonly title: "A store (anyone if active; its members always)";
    readonly reader: "anyone";
    readonly document: "store";
    readonly path: readonly ["stores", import("./queries.js").Param];
}, {
    id: Id;
}> | Extract<{
    readonly id: "user";
    readonly title: "My user document (claimsVersion: refresh the ID token when it changes)";
    readonly reader: "user";
    readonly document: "user";
    readonly path: readonly ["users", import("./queries.js").Param];
}, {
    id: Id;
}>)["document"]], sdk.DocumentData>, pickupOpenOrders: (db: sdk.Firestore, storeId: string) => sdk.Query<import("./index.js").OrderDoc, sdk.DocumentData>, pickupFinishedOrders: (db: sdk.Firestore, storeId: string) => sdk.Query<import("./index.js").OrderDoc, sdk.DocumentData>, deliveryTabOrders: (db: sdk.Firestore, storeId: string, status: typeof import("./index.js").OPEN_DELIVERY_STATUSES[number]) => sdk.Query<import("./index.js").OrderDoc, sdk.DocumentData>, deliveryFinishedOrders: (db: sdk.Firestore, storeId: string) => sdk.Query<import("./index.js").OrderDoc, sdk.DocumentData>, partnerOrderEvents: (db: sdk.Firestore, storeId: string, orderId: string) => sdk.Query<import("./index.js").OrderEventDoc & {
    eventId: string;
}, sdk.DocumentData>, storeMemberList: (db: sdk.Firestore, storeId: string) => sdk.Query<import("./index.js").MemberDoc, sdk.DocumentData>, customerOrderHistory: (db: sdk.Firestore, uid: string) => sdk.Query<import("./index.js").OrderDoc, sdk.DocumentData>, customerOrderEvents: (db: sdk.Firestore, uid: string, orderId: string) => sdk.Query<import("./index.js").OrderEventDoc & {
    eventId: string;
}, sdk.DocumentData>, activeStores: (db: sdk.Firestore) => sdk.Query<import("./index.js").StoreDoc, sdk.DocumentData>, storeDocument: (db: sdk.Firestore, storeId: string) => sdk.DocumentReference<import("./index.js").StoreDoc, sdk.DocumentData>, storeMenu: (db: sdk.Firestore, storeId: string) => sdk.Query<import("./index.js").MenuItemDoc, sdk.DocumentData>, orderDocument: (db: sdk.Firestore, orderId: string) => sdk.DocumentReference<import("./index.js").OrderDoc, sdk.DocumentData>, userDocument: (db: sdk.Firestore, uid: string) => sdk.DocumentReference<Record<string, unknown> & {
    uid: string;
}, sdk.DocumentData>, myPartnerApplications: (db: sdk.Firestore, uid: string) => sdk.Query<import("./index.js").PartnerApplicationDoc, sdk.DocumentData>, pendingPartnerApplications: (db: sdk.Firestore) => sdk.Query<import("./index.js").PartnerApplicationDoc, sdk.DocumentData>;
