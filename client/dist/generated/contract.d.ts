/** Raised on every breaking change to a request or response. */
export declare const CONTRACT_VERSION = 1;
export declare const CALLABLE_NAMES: readonly ["placeOrder", "startPreparing", "completeOrder", "prepareShipment", "shipOrder", "updateTracking", "cancelOrder", "submitPartnerApplication", "reviewPartnerApplication", "addStoreMember", "removeStoreMember", "setStoreStatus", "updateStore", "upsertMenuItem", "deleteMenuItem", "setMenuItemSoldOut", "registerDevice", "unregisterDevice"];
export type OrderView = {
    orderId: string;
    storeId: string;
    storeName: string;
    customerUid: string;
    channel: "dine_in" | "takeout" | "delivery";
    channelLabel: "매장" | "포장" | "배송";
    status: "received" | "preparing" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
    statusLabel: string;
    orderNumber: number;
    businessDate: string;
    items: {
        menuItemId: string;
        name: string;
        unitPrice: number;
        quantity: number;
        options: {
            groupId: string;
            groupName: string;
            choices: {
                id: string;
                name: string;
                price: number;
            }[];
        }[];
        lineTotal: number;
    }[];
    subtotal: number;
    deliveryFee: number;
    total: number;
    customerNote: null | string;
    delivery: null | {
        recipient: string;
        phone: string;
        postalCode: string;
        address1: string;
        address2: null | string;
    };
    createdAt: null | string;
    updatedAt: null | string;
    autoCompleteAt: null | string;
    prep: null | {
        minutes: number;
        startedAt: null | string;
        readyAt: null | string;
    };
    shipmentPreparingAt: null | string;
    shipment: null | {
        carrier: string;
        carrierName: string;
        trackingNumber: string;
        trackingUrl: null | string;
        shippedAt: null | string;
        updatedAt: null | string;
        deliveredAt: null | string;
        lastEvent: null | {
            status: "information_received" | "at_pickup" | "in_transit" | "out_for_delivery" | "attempt_fail" | "delivered" | "available_for_pickup" | "exception" | "unknown";
            statusLabel: string;
            occurredAt: null | string;
            location: null | string;
            description: null | string;
        };
    };
    cancellation: null | {
        by: "customer" | "partner" | "system" | "admin";
        reason: string;
        reasonLabel: string;
        note: null | string;
        at: null | string;
    };
    completion: null | {
        by: "customer" | "partner" | "system" | "admin";
        at: null | string;
    };
    version: number;
};
export type StoreView = {
    storeId: string;
    name: string;
    active: boolean;
    open: boolean;
    pausedUntil: null | string;
    status: "open" | "closed" | "paused" | "inactive";
    statusLabel: "영업중" | "준비중" | "일시정지" | "운영중지";
    channels: ("dine_in" | "takeout" | "delivery")[];
    deliveryFee: number;
    defaultPrepMinutes: number;
    phone: null | string;
    address: null | {
        postalCode: string;
        address1: string;
        address2: null | string;
    };
    businessNumber: null | string;
    updatedAt: null | string;
};
/** What each callable takes: the zod schema's input side. */
export interface CallableRequests {
    placeOrder: {
        storeId: string;
        channel: "dine_in" | "takeout" | "delivery";
        items: {
            menuItemId: string;
            quantity: number;
            options?: {
                groupId: string;
                choiceIds: string[];
            }[];
        }[];
        requestId: string;
        customerNote?: string;
        delivery?: {
            recipient: string;
            phone: string;
            postalCode: string;
            address1: string;
            address2?: string;
        };
    };
    startPreparing: {
        prepMinutes: number;
        orderId: string;
    };
    completeOrder: {
        orderId: string;
    };
    prepareShipment: {
        orderId: string;
    };
    shipOrder: {
        carrier: "cj" | "epost" | "hanjin" | "lotte" | "logen" | "kdexp" | "daesin" | "ilyang" | "cvsnet" | "cupost";
        trackingNumber: string;
        orderId: string;
    };
    updateTracking: {
        carrier: "cj" | "epost" | "hanjin" | "lotte" | "logen" | "kdexp" | "daesin" | "ilyang" | "cvsnet" | "cupost";
        trackingNumber: string;
        orderId: string;
    };
    cancelOrder: {
        reason: "customer_request" | "changed_mind" | "reorder" | "sold_out" | "store_busy" | "store_closing" | "delivery_unavailable" | "other";
        orderId: string;
        note?: string;
    };
    submitPartnerApplication: {
        storeName: string;
        ownerName: string;
        businessNumber: string;
        phone: string;
        address: {
            postalCode: string;
            address1: string;
            address2?: string;
        };
        channels: ("dine_in" | "takeout" | "delivery")[];
    };
    reviewPartnerApplication: {
        applicationId: string;
        decision: "approve" | "reject";
        note?: string;
    };
    addStoreMember: {
        storeId: string;
        email: string;
        role: "owner" | "staff";
    };
    removeStoreMember: {
        storeId: string;
        uid: string;
    };
    setStoreStatus: {
        storeId: string;
        open: boolean;
        pausedUntil?: null | string;
    };
    updateStore: {
        storeId: string;
        name?: string;
        phone?: string;
        channels?: ("dine_in" | "takeout" | "delivery")[];
        deliveryFee?: number;
        defaultPrepMinutes?: number;
    };
    upsertMenuItem: {
        storeId: string;
        name: string;
        price: number;
        itemId?: string;
        category?: null | string;
        description?: null | string;
        options?: {
            groupId: string;
            name: string;
            required: boolean;
            maxSelect: number;
            choices: {
                id: string;
                name: string;
                price: number;
            }[];
        }[];
        soldOut?: boolean;
    };
    deleteMenuItem: {
        storeId: string;
        itemId: string;
    };
    setMenuItemSoldOut: {
        storeId: string;
        itemId: string;
        soldOut: boolean;
    };
    registerDevice: {
        token: string;
        platform: "ios" | "android" | "web";
    };
    unregisterDevice: {
        token: string;
    };
}
/** What each callable returns (JSON: times are ISO-8601 strings). */
export interface CallableResponses {
    placeOrder: {
        orderId: string;
        orderNumber: number;
        status: "received" | "preparing" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
        total: number;
        order: OrderView;
    };
    startPreparing: OrderView;
    completeOrder: OrderView;
    prepareShipment: OrderView;
    shipOrder: OrderView;
    updateTracking: OrderView;
    cancelOrder: OrderView;
    submitPartnerApplication: {
        applicationId: string;
        status: "pending" | "approved" | "rejected";
    };
    reviewPartnerApplication: {
        applicationId: string;
        status: "pending" | "approved" | "rejected";
        storeId: null | string;
    };
    addStoreMember: {
        storeId: string;
        uid: string;
        role: "owner" | "staff";
        added: boolean;
    };
    removeStoreMember: {
        storeId: string;
        uid: string;
        removed: boolean;
    };
    setStoreStatus: StoreView;
    updateStore: StoreView;
    upsertMenuItem: {
        itemId: string;
        created: boolean;
    };
    deleteMenuItem: {
        itemId: string;
        deleted: boolean;
    };
    setMenuItemSoldOut: {
        itemId: string;
        soldOut: boolean;
    };
    registerDevice: {
        tokenId: string;
        platform: "ios" | "android" | "web";
        createdAt: string;
        refreshedAt: string;
    };
    unregisterDevice: {
        removed: boolean;
    };
}
/** Every error reason with its HttpsError code and Korean message. */
export declare const REASONS: {
    readonly invalid_argument: {
        readonly code: "invalid-argument";
        readonly message: "입력값을 확인해 주세요.";
    };
    readonly unauthenticated: {
        readonly code: "unauthenticated";
        readonly message: "로그인이 필요합니다.";
    };
    readonly internal: {
        readonly code: "internal";
        readonly message: "일시적인 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.";
    };
    readonly contention: {
        readonly code: "aborted";
        readonly message: "주문이 몰려 처리하지 못했습니다. 잠시 후 다시 시도해 주세요.";
    };
    readonly order_not_found: {
        readonly code: "not-found";
        readonly message: "주문을 찾을 수 없습니다.";
    };
    readonly not_order_participant: {
        readonly code: "permission-denied";
        readonly message: "이 주문에 대한 권한이 없습니다.";
    };
    readonly actor_not_permitted: {
        readonly code: "permission-denied";
        readonly message: "이 작업을 수행할 권한이 없습니다.";
    };
    readonly not_pickup_order: {
        readonly code: "failed-precondition";
        readonly message: "매장/포장 주문에서만 할 수 있는 작업입니다.";
    };
    readonly not_delivery_order: {
        readonly code: "failed-precondition";
        readonly message: "배송 주문에서만 할 수 있는 작업입니다.";
    };
    readonly order_cancelled: {
        readonly code: "failed-precondition";
        readonly message: "이미 취소된 주문입니다.";
    };
    readonly order_completed: {
        readonly code: "failed-precondition";
        readonly message: "이미 완료된 주문입니다.";
    };
    readonly already_preparing: {
        readonly code: "failed-precondition";
        readonly message: "이미 준비를 시작한 주문입니다. 준비 시간은 변경할 수 없습니다.";
    };
    readonly preparation_not_started: {
        readonly code: "failed-precondition";
        readonly message: "준비시작 후에 처리 완료할 수 있습니다.";
    };
    readonly shipment_not_prepared: {
        readonly code: "failed-precondition";
        readonly message: "배송 준비 후에 발송 처리할 수 있습니다.";
    };
    readonly already_shipped: {
        readonly code: "failed-precondition";
        readonly message: "이미 발송 처리된 주문입니다. 송장 정보는 송장 수정으로 변경해 주세요.";
    };
    readonly not_shipped: {
        readonly code: "failed-precondition";
        readonly message: "발송 처리된 주문만 송장을 수정할 수 있습니다.";
    };
    readonly cancel_after_shipment: {
        readonly code: "failed-precondition";
        readonly message: "이미 발송 처리된 주문은 취소할 수 없습니다.";
    };
    readonly customer_cancel_too_late: {
        readonly code: "failed-precondition";
        readonly message: "준비가 시작된 주문은 취소할 수 없습니다. 매장에 문의해 주세요.";
    };
    readonly not_yet_due: {
        readonly code: "failed-precondition";
        readonly message: "아직 자동 완료 시간이 되지 않았습니다.";
    };
    readonly invalid_transition: {
        readonly code: "failed-precondition";
        readonly message: "현재 주문 상태에서는 할 수 없는 작업입니다.";
    };
    readonly store_not_found: {
        readonly code: "not-found";
        readonly message: "매장을 찾을 수 없습니다.";
    };
    readonly store_inactive: {
        readonly code: "failed-precondition";
        readonly message: "현재 주문할 수 없는 매장입니다.";
    };
    readonly store_closed: {
        readonly code: "failed-precondition";
        readonly message: "매장이 영업 준비중입니다.";
    };
    readonly store_paused: {
        readonly code: "failed-precondition";
        readonly message: "매장이 잠시 주문을 받지 않고 있습니다.";
    };
    readonly channel_not_offered: {
        readonly code: "failed-precondition";
        readonly message: "이 매장에서 지원하지 않는 주문 방식입니다.";
    };
    readonly menu_item_not_found: {
        readonly code: "not-found";
        readonly message: "메뉴를 찾을 수 없습니다.";
    };
    readonly menu_item_sold_out: {
        readonly code: "failed-precondition";
        readonly message: "품절된 메뉴가 포함되어 있습니다.";
    };
    readonly unknown_option: {
        readonly code: "invalid-argument";
        readonly message: "선택할 수 없는 옵션입니다.";
    };
    readonly option_choice_count: {
        readonly code: "invalid-argument";
        readonly message: "옵션 선택 개수가 올바르지 않습니다.";
    };
    readonly idempotency_key_reused: {
        readonly code: "already-exists";
        readonly message: "같은 요청 번호로 다른 주문이 이미 접수되었습니다.";
    };
    readonly admin_only: {
        readonly code: "permission-denied";
        readonly message: "관리자만 할 수 있는 작업입니다.";
    };
    readonly not_store_member: {
        readonly code: "permission-denied";
        readonly message: "이 매장에 대한 권한이 없습니다.";
    };
    readonly store_owner_only: {
        readonly code: "permission-denied";
        readonly message: "사장님(매장 소유자)만 할 수 있는 작업입니다.";
    };
    readonly application_not_found: {
        readonly code: "not-found";
        readonly message: "입점신청을 찾을 수 없습니다.";
    };
    readonly application_pending: {
        readonly code: "already-exists";
        readonly message: "심사 중인 입점신청이 이미 있습니다. 심사 결과를 기다려 주세요.";
    };
    readonly application_already_reviewed: {
        readonly code: "failed-precondition";
        readonly message: "이미 심사가 끝난 입점신청입니다.";
    };
    readonly too_many_stores: {
        readonly code: "resource-exhausted";
        readonly message: "한 계정으로 관리할 수 있는 매장 수를 초과했습니다.";
    };
    readonly user_not_found: {
        readonly code: "not-found";
        readonly message: "해당 이메일로 가입한 사용자를 찾을 수 없습니다.";
    };
    readonly already_member: {
        readonly code: "already-exists";
        readonly message: "이미 다른 권한으로 등록된 직원입니다. 삭제 후 다시 추가해 주세요.";
    };
    readonly last_owner: {
        readonly code: "failed-precondition";
        readonly message: "매장에는 사장님이 한 명 이상 있어야 합니다. 다른 사장님을 먼저 추가해 주세요.";
    };
};
/** `details` fields beyond {reason, message}, per reason. */
export interface ReasonExtras {
    invalid_argument: {
        fields: {
            path: string;
            message: string;
        }[];
    };
    unauthenticated: Record<never, never>;
    internal: Record<never, never>;
    contention: Record<never, never>;
    order_not_found: Record<never, never>;
    not_order_participant: Record<never, never>;
    actor_not_permitted: {
        status?: "received" | "preparing" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
        storeId?: string;
    };
    not_pickup_order: {
        status: "received" | "preparing" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
    };
    not_delivery_order: {
        status: "received" | "preparing" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
    };
    order_cancelled: {
        status: "received" | "preparing" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
    };
    order_completed: {
        status: "received" | "preparing" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
    };
    already_preparing: {
        status: "received" | "preparing" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
    };
    preparation_not_started: {
        status: "received" | "preparing" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
    };
    shipment_not_prepared: {
        status: "received" | "preparing" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
    };
    already_shipped: {
        status: "received" | "preparing" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
    };
    not_shipped: {
        status: "received" | "preparing" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
    };
    cancel_after_shipment: {
        status: "received" | "preparing" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
    };
    customer_cancel_too_late: {
        status: "received" | "preparing" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
    };
    not_yet_due: {
        status: "received" | "preparing" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
    };
    invalid_transition: {
        status: "received" | "preparing" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
    };
    store_not_found: {
        storeId?: string;
    };
    store_inactive: Record<never, never>;
    store_closed: Record<never, never>;
    store_paused: Record<never, never>;
    channel_not_offered: Record<never, never>;
    menu_item_not_found: {
        menuItemId?: string;
        storeId?: string;
        itemId?: string;
    };
    menu_item_sold_out: {
        menuItemId: string;
    };
    unknown_option: {
        menuItemId: string;
        groupId: string;
        choiceId?: string;
    };
    option_choice_count: {
        menuItemId: string;
        groupId: string;
        min?: number;
        max?: number;
    };
    idempotency_key_reused: {
        orderId: string;
    };
    admin_only: Record<never, never>;
    not_store_member: {
        storeId?: string;
    };
    store_owner_only: {
        storeId?: string;
    };
    application_not_found: Record<never, never>;
    application_pending: {
        applicationId: string;
    };
    application_already_reviewed: {
        status?: "pending" | "approved" | "rejected";
        max?: number;
    };
    too_many_stores: {
        max: number;
    };
    user_not_found: Record<never, never>;
    already_member: {
        role?: "owner" | "staff";
        max?: number;
    };
    last_owner: Record<never, never>;
}
export interface OrderDoc {
    orderId: string;
    storeId: string;
    storeName: string;
    customerUid: string;
    requestId: string;
    channel: "dine_in" | "takeout" | "delivery";
    status: "received" | "preparing" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
    items: {
        menuItemId: string;
        name: string;
        unitPrice: number;
        quantity: number;
        options: {
            groupId: string;
            groupName: string;
            choices: {
                id: string;
                name: string;
                price: number;
            }[];
        }[];
        lineTotal: number;
    }[];
    subtotal: number;
    deliveryFee: number;
    total: number;
    orderNumber: number;
    businessDate: string;
    customerNote: null | string;
    delivery: null | {
        recipient: string;
        phone: string;
        postalCode: string;
        address1: string;
        address2: null | string;
    };
    createdAt: number;
    updatedAt: number;
    autoCompleteAt: null | number;
    prep: null | {
        minutes: number;
        startedAt: number;
    };
    shipmentPreparingAt: null | number;
    shipment: null | {
        carrier: string;
        trackingNumber: string;
        shippedAt: number;
        updatedAt: number;
        deliveredAt: null | number;
        lastCheckedAt?: number;
        lastEvent?: null | {
            eventId: string;
            source: "webhook" | "poll";
            status: "information_received" | "at_pickup" | "in_transit" | "out_for_delivery" | "attempt_fail" | "delivered" | "available_for_pickup" | "exception" | "unknown";
            occurredAt: number;
            location: null | string;
            description: null | string;
            receivedAt: number;
        };
    };
    cancellation: null | {
        by: "customer" | "partner" | "system" | "admin";
        uid: null | string;
        reason: string;
        note: null | string;
        at: number;
    };
    completion: null | {
        by: "customer" | "partner" | "system" | "admin";
        uid: null | string;
        at: number;
    };
    version: number;
}
export interface OrderEventDoc {
    version: number;
    command: "start_preparing" | "complete" | "auto_complete" | "prepare_shipment" | "ship" | "update_tracking" | "mark_delivered" | "cancel" | "place";
    actorRole: "customer" | "partner" | "system" | "admin";
    actorUid: null | string;
    from: null | "received" | "preparing" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
    to: "received" | "preparing" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
    at: number;
    data: Record<string, unknown>;
    storeId: string;
    customerUid: string;
}
export interface StoreDoc {
    phone: null | string;
    address: null | {
        postalCode: string;
        address1: string;
        address2: null | string;
    };
    ownerUid: null | string;
    businessNumber: null | string;
    applicationId: null | string;
    createdAt: null | number;
    updatedAt: null | number;
    storeId: string;
    name: string;
    active: boolean;
    open: boolean;
    pausedUntil: null | number;
    channels: ("dine_in" | "takeout" | "delivery")[];
    deliveryFee: number;
    defaultPrepMinutes: number;
}
export interface MenuItemDoc {
    category: null | string;
    description: null | string;
    createdAt: number;
    updatedAt: number;
    itemId: string;
    name: string;
    price: number;
    soldOut: boolean;
    options: {
        groupId: string;
        name: string;
        required: boolean;
        maxSelect: number;
        choices: {
            id: string;
            name: string;
            price: number;
        }[];
    }[];
}
export interface MemberDoc {
    storeId: string;
    uid: string;
    role: "owner" | "staff";
    email: null | string;
    addedBy: null | string;
    createdAt: number;
    updatedAt: number;
}
export interface PartnerApplicationDoc {
    applicationId: string;
    applicantUid: string;
    status: "pending" | "approved" | "rejected";
    createdAt: number;
    updatedAt: number;
    reviewedAt: null | number;
    reviewedBy: null | string;
    reviewNote: null | string;
    storeId: null | string;
    storeName: string;
    ownerName: string;
    businessNumber: string;
    phone: string;
    address: {
        postalCode: string;
        address1: string;
        address2: null | string;
    };
    channels: ("dine_in" | "takeout" | "delivery")[];
}
export declare const CHANNELS: readonly ["dine_in", "takeout", "delivery"];
export declare const PICKUP_CHANNELS: readonly ["dine_in", "takeout"];
export declare const ORDER_STATUSES: readonly ["received", "preparing", "preparing_shipment", "shipped", "completed", "cancelled"];
export declare const OPEN_PICKUP_STATUSES: readonly ["received", "preparing"];
export declare const OPEN_DELIVERY_STATUSES: readonly ["received", "preparing_shipment", "shipped"];
export declare const TERMINAL_STATUSES: readonly ["completed", "cancelled"];
export declare const STATUS_LABELS: {
    readonly received: "주문 접수";
    readonly preparing: "준비중";
    readonly preparing_shipment: "배송 준비 중";
    readonly shipped: "배송 중";
    readonly completed: "완료";
    readonly cancelled: "취소";
};
export declare const CHANNEL_LABELS: {
    readonly dine_in: "매장";
    readonly takeout: "포장";
    readonly delivery: "배송";
};
export declare const CANCEL_REASON_LABELS: {
    readonly customer_request: "고객 요청으로 취소되었습니다.";
    readonly changed_mind: "고객님의 요청으로 주문이 취소되었습니다.";
    readonly reorder: "주문 변경을 위해 취소되었습니다. 다시 주문해 주세요.";
    readonly sold_out: "재료 소진으로 주문이 취소되었습니다.";
    readonly store_busy: "주문이 많아 매장에서 주문을 취소했습니다.";
    readonly store_closing: "매장 영업 종료로 주문이 취소되었습니다.";
    readonly delivery_unavailable: "배송이 불가능한 지역이라 주문이 취소되었습니다.";
    readonly other: "매장 사정으로 주문이 취소되었습니다.";
};
export declare const STORE_STATUS_LABELS: {
    readonly open: "영업중";
    readonly closed: "준비중";
    readonly paused: "일시정지";
    readonly inactive: "운영중지";
};
export declare const TRACKING_STATUS_LABELS: {
    readonly information_received: "송장 등록";
    readonly at_pickup: "집화 완료";
    readonly in_transit: "배송 중";
    readonly out_for_delivery: "배송 출발";
    readonly attempt_fail: "배송 실패";
    readonly delivered: "배송 완료";
    readonly available_for_pickup: "수령 대기";
    readonly exception: "배송 확인 필요";
    readonly unknown: "배송 조회 중";
};
export declare const CARRIERS: readonly [{
    readonly code: "cj";
    readonly name: "CJ대한통운";
    readonly trackingUrlTemplate: "https://trace.cjlogistics.com/next/tracking.html?wblNo={trackingNumber}";
}, {
    readonly code: "epost";
    readonly name: "우체국택배";
    readonly trackingUrlTemplate: "https://service.epost.go.kr/trace.RetrieveDomRigiTraceList.comm?sid1={trackingNumber}";
}, {
    readonly code: "hanjin";
    readonly name: "한진택배";
    readonly trackingUrlTemplate: "https://www.hanjin.com/kor/CMS/DeliveryMgr/WaybillResult.do?mCode=MN038&schLang=KR&wblnumText2={trackingNumber}";
}, {
    readonly code: "lotte";
    readonly name: "롯데택배";
    readonly trackingUrlTemplate: "https://www.lotteglogis.com/home/reservation/tracking/linkView?InvNo={trackingNumber}";
}, {
    readonly code: "logen";
    readonly name: "로젠택배";
    readonly trackingUrlTemplate: "https://www.ilogen.com/web/personal/trace/{trackingNumber}";
}, {
    readonly code: "kdexp";
    readonly name: "경동택배";
    readonly trackingUrlTemplate: "https://kdexp.com/service/delivery/etc/delivery.do?barcode={trackingNumber}";
}, {
    readonly code: "daesin";
    readonly name: "대신택배";
    readonly trackingUrlTemplate: "https://www.ds3211.co.kr/freight/internalFreightSearch.ht?billno={trackingNumber}";
}, {
    readonly code: "ilyang";
    readonly name: "일양로지스";
    readonly trackingUrlTemplate: "https://www.ilyanglogis.com/functionality/tracking_result.asp?hawb_no={trackingNumber}";
}, {
    readonly code: "cvsnet";
    readonly name: "GS Postbox 택배";
    readonly trackingUrlTemplate: "https://www.cvsnet.co.kr/invoice/tracking.do?invoice_no={trackingNumber}";
}, {
    readonly code: "cupost";
    readonly name: "CU 편의점택배";
    readonly trackingUrlTemplate: "https://www.cupost.co.kr/postbox/delivery/localResult.cupost?invoice_no={trackingNumber}";
}];
