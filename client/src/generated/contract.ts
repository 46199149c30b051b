// GENERATED from functions/src/contract by `cd functions && npx tsx test/contract/generate.ts`. Do not edit.

/** Raised on every breaking change to a request or response. */
export const CONTRACT_VERSION = 3;

export const CALLABLE_NAMES = [
  "placeOrder",
  "startPreparing",
  "completeOrder",
  "prepareShipment",
  "shipOrder",
  "updateTracking",
  "cancelOrder",
  "markReady",
  "callCustomer",
  "extendPrep",
  "submitPartnerApplication",
  "reviewPartnerApplication",
  "inviteStoreMember",
  "acceptStoreInvitation",
  "declineStoreInvitation",
  "revokeStoreInvitation",
  "removeStoreMember",
  "setStoreStatus",
  "updateStore",
  "setStoreHours",
  "pauseStore",
  "resumeStore",
  "setBusyMode",
  "upsertMenuItem",
  "deleteMenuItem",
  "setMenuItemSoldOut",
  "registerDevice",
  "unregisterDevice",
  "submitReview",
  "editReview",
  "deleteReview",
  "replyToReview",
  "deleteReply",
  "reportReview",
  "moderateReview",
  "getSalesSummary",
  "exportOrders"
] as const;

export type OrderView = {
  orderId: string;
  storeId: string;
  storeName: string;
  customerUid: string;
  channel: "dine_in" | "takeout" | "delivery";
  channelLabel: "매장" | "포장" | "배송";
  status: "received" | "preparing" | "ready" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
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
    extensions: {
      addMinutes: number;
      at: null | string;
    }[];
  };
  readyAt: null | string;
  customerCall: null | {
    count: number;
    lastAt: null | string;
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
  closeoutHour: number;
  hours: null | {
    weekly: null | {
      mon: {
        open: string;
        close: string;
      }[];
      tue: {
        open: string;
        close: string;
      }[];
      wed: {
        open: string;
        close: string;
      }[];
      thu: {
        open: string;
        close: string;
      }[];
      fri: {
        open: string;
        close: string;
      }[];
      sat: {
        open: string;
        close: string;
      }[];
      sun: {
        open: string;
        close: string;
      }[];
    };
    holidays: string[];
  };
  busyMode: null | {
    addMinutes: number;
    endsAt: string;
  };
  now: {
    reason: "open" | "paused" | "inactive" | "closed_by_owner" | "holiday" | "outside_hours";
    message: string;
    opensAt: null | string;
    closesAt: null | string;
    waitMinutes: number;
    busyUntil: null | string;
  };
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
  markReady: {
    orderId: string;
  };
  callCustomer: {
    orderId: string;
  };
  extendPrep: {
    addMinutes: number;
    orderId: string;
    requestId?: string;
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
  inviteStoreMember: {
    storeId: string;
    email: string;
    role: "owner" | "staff";
  };
  acceptStoreInvitation: {
    invitationId: string;
  };
  declineStoreInvitation: {
    invitationId: string;
  };
  revokeStoreInvitation: {
    invitationId: string;
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
    closeoutHour?: number;
  };
  setStoreHours: {
    storeId: string;
    weekly: null | {
      mon?: {
        open: string;
        close: string;
      }[];
      tue?: {
        open: string;
        close: string;
      }[];
      wed?: {
        open: string;
        close: string;
      }[];
      thu?: {
        open: string;
        close: string;
      }[];
      fri?: {
        open: string;
        close: string;
      }[];
      sat?: {
        open: string;
        close: string;
      }[];
      sun?: {
        open: string;
        close: string;
      }[];
    };
    holidays?: string[];
  };
  pauseStore: {
    storeId: string;
    until?: string;
    minutes?: number;
  };
  resumeStore: {
    storeId: string;
  };
  setBusyMode: {
    storeId: string;
    addMinutes: number;
    until?: null | string;
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
  submitReview: {
    orderId: string;
    rating: number;
    text?: null | string;
  };
  editReview: {
    reviewId: string;
    rating: number;
    text?: null | string;
  };
  deleteReview: {
    reviewId: string;
  };
  replyToReview: {
    reviewId: string;
    text: string;
  };
  deleteReply: {
    reviewId: string;
  };
  reportReview: {
    reviewId: string;
    reason: "other" | "abusive" | "spam" | "personal_info" | "unrelated";
    note?: string;
  };
  moderateReview: {
    reviewId: string;
    decision: "keep" | "hide";
    reason: string;
  };
  getSalesSummary: {
    storeId: string;
    from: string;
    to: string;
  };
  exportOrders: {
    storeId: string;
    from: string;
    to: string;
  };
}

/** What each callable returns (JSON: times are ISO-8601 strings). */
export interface CallableResponses {
  placeOrder: {
    orderId: string;
    orderNumber: number;
    status: "received" | "preparing" | "ready" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
    total: number;
    order: OrderView;
  };
  startPreparing: OrderView;
  completeOrder: OrderView;
  prepareShipment: OrderView;
  shipOrder: OrderView;
  updateTracking: OrderView;
  cancelOrder: OrderView;
  markReady: OrderView;
  callCustomer: OrderView;
  extendPrep: OrderView;
  submitPartnerApplication: {
    applicationId: string;
    status: "pending" | "approved" | "rejected";
  };
  reviewPartnerApplication: {
    applicationId: string;
    status: "pending" | "approved" | "rejected";
    storeId: null | string;
  };
  inviteStoreMember: {
    created: boolean;
    invitationId: string;
    storeId: string;
    storeName: string;
    email: string;
    role: "owner" | "staff";
    status: "declined" | "revoked" | "pending" | "accepted";
    expiresAt: string;
  };
  acceptStoreInvitation: {
    invitationId: string;
    storeId: string;
    role: "owner" | "staff";
    accepted: boolean;
  };
  declineStoreInvitation: {
    invitationId: string;
    storeId: string;
    declined: boolean;
  };
  revokeStoreInvitation: {
    invitationId: string;
    storeId: string;
    revoked: boolean;
  };
  removeStoreMember: {
    storeId: string;
    uid: string;
    removed: boolean;
  };
  setStoreStatus: StoreView;
  updateStore: StoreView;
  setStoreHours: StoreView;
  pauseStore: StoreView;
  resumeStore: StoreView;
  setBusyMode: StoreView;
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
  submitReview: {
    storeId: string;
    orderId: string;
    storeName: string;
    createdAt: number;
    rating: null | 1 | 2 | 3 | 4 | 5;
    text: null | string;
    reviewId: string;
    authorName: string;
    status: "visible" | "hidden" | "deleted";
    reply: null | {
      text: string;
      createdAt: number;
      updatedAt: number;
    };
    replied: boolean;
    firstRepliedAt: null | number;
    reportCount: number;
    reportState: "open" | "none" | "resolved";
    lastReportedAt: null | number;
    moderation: null | {
      decision: "keep" | "hide";
      reason: string;
      at: number;
    };
    orderCompletedAt: number;
    updatedAt: number;
    editedAt: null | number;
    deletedAt: null | number;
    changed: boolean;
  };
  editReview: {
    storeId: string;
    orderId: string;
    storeName: string;
    createdAt: number;
    rating: null | 1 | 2 | 3 | 4 | 5;
    text: null | string;
    reviewId: string;
    authorName: string;
    status: "visible" | "hidden" | "deleted";
    reply: null | {
      text: string;
      createdAt: number;
      updatedAt: number;
    };
    replied: boolean;
    firstRepliedAt: null | number;
    reportCount: number;
    reportState: "open" | "none" | "resolved";
    lastReportedAt: null | number;
    moderation: null | {
      decision: "keep" | "hide";
      reason: string;
      at: number;
    };
    orderCompletedAt: number;
    updatedAt: number;
    editedAt: null | number;
    deletedAt: null | number;
    changed: boolean;
  };
  deleteReview: {
    reviewId: string;
    deleted: boolean;
  };
  replyToReview: {
    storeId: string;
    orderId: string;
    storeName: string;
    createdAt: number;
    rating: null | 1 | 2 | 3 | 4 | 5;
    text: null | string;
    reviewId: string;
    authorName: string;
    status: "visible" | "hidden" | "deleted";
    reply: null | {
      text: string;
      createdAt: number;
      updatedAt: number;
    };
    replied: boolean;
    firstRepliedAt: null | number;
    reportCount: number;
    reportState: "open" | "none" | "resolved";
    lastReportedAt: null | number;
    moderation: null | {
      decision: "keep" | "hide";
      reason: string;
      at: number;
    };
    orderCompletedAt: number;
    updatedAt: number;
    editedAt: null | number;
    deletedAt: null | number;
    changed: boolean;
  };
  deleteReply: {
    storeId: string;
    orderId: string;
    storeName: string;
    createdAt: number;
    rating: null | 1 | 2 | 3 | 4 | 5;
    text: null | string;
    reviewId: string;
    authorName: string;
    status: "visible" | "hidden" | "deleted";
    reply: null | {
      text: string;
      createdAt: number;
      updatedAt: number;
    };
    replied: boolean;
    firstRepliedAt: null | number;
    reportCount: number;
    reportState: "open" | "none" | "resolved";
    lastReportedAt: null | number;
    moderation: null | {
      decision: "keep" | "hide";
      reason: string;
      at: number;
    };
    orderCompletedAt: number;
    updatedAt: number;
    editedAt: null | number;
    deletedAt: null | number;
    changed: boolean;
  };
  reportReview: {
    reviewId: string;
    reported: boolean;
  };
  moderateReview: {
    storeId: string;
    orderId: string;
    storeName: string;
    createdAt: number;
    rating: null | 1 | 2 | 3 | 4 | 5;
    text: null | string;
    reviewId: string;
    authorName: string;
    status: "visible" | "hidden" | "deleted";
    reply: null | {
      text: string;
      createdAt: number;
      updatedAt: number;
    };
    replied: boolean;
    firstRepliedAt: null | number;
    reportCount: number;
    reportState: "open" | "none" | "resolved";
    lastReportedAt: null | number;
    moderation: null | {
      decision: "keep" | "hide";
      reason: string;
      at: number;
    };
    orderCompletedAt: number;
    updatedAt: number;
    editedAt: null | number;
    deletedAt: null | number;
    changed: boolean;
  };
  getSalesSummary: {
    from: string;
    to: string;
    days: {
      byChannel: {
        dine_in: {
          orders: number;
          completedOrders: number;
          completedSales: number;
          cancelledOrders: number;
          cancelledAmount: number;
        };
        takeout: {
          orders: number;
          completedOrders: number;
          completedSales: number;
          cancelledOrders: number;
          cancelledAmount: number;
        };
        delivery: {
          orders: number;
          completedOrders: number;
          completedSales: number;
          cancelledOrders: number;
          cancelledAmount: number;
        };
      };
      orders: number;
      completedOrders: number;
      completedSales: number;
      cancelledOrders: number;
      cancelledAmount: number;
      businessDate: string;
    }[];
    total: {
      byChannel: {
        dine_in: {
          orders: number;
          completedOrders: number;
          completedSales: number;
          cancelledOrders: number;
          cancelledAmount: number;
        };
        takeout: {
          orders: number;
          completedOrders: number;
          completedSales: number;
          cancelledOrders: number;
          cancelledAmount: number;
        };
        delivery: {
          orders: number;
          completedOrders: number;
          completedSales: number;
          cancelledOrders: number;
          cancelledAmount: number;
        };
      };
      orders: number;
      completedOrders: number;
      completedSales: number;
      cancelledOrders: number;
      cancelledAmount: number;
    };
    cancellations: {
      byActor: {
        customer: number;
        partner: number;
        system: number;
        admin: number;
      };
      byReason: Record<string, number>;
    };
    durations: {
      receiptToStart: {
        count: number;
        averageSeconds: null | number;
        p90Seconds: null | number;
      };
      startToReady: {
        count: number;
        averageSeconds: null | number;
        p90Seconds: null | number;
      };
      startToComplete: {
        count: number;
        averageSeconds: null | number;
        p90Seconds: null | number;
      };
    };
    ordersByHour: number[];
    topItemsByQuantity: {
      menuItemId: string;
      name: string;
      quantity: number;
      amount: number;
    }[];
    topItemsByAmount: {
      menuItemId: string;
      name: string;
      quantity: number;
      amount: number;
    }[];
    storeId: string;
    closeoutHour: number;
  };
  exportOrders: {
    storeId: string;
    from: string;
    to: string;
    rows: number;
    bytes: number;
    fileName: string;
    delivery: "inline";
    csv: string;
  } | {
    storeId: string;
    from: string;
    to: string;
    rows: number;
    bytes: number;
    fileName: string;
    delivery: "url";
    url: string;
    expiresAt: string;
  };
}

/** Every error reason with its HttpsError code and Korean message. */
export const REASONS = {
  "invalid_argument": {
    "code": "invalid-argument",
    "message": "입력값을 확인해 주세요."
  },
  "unauthenticated": {
    "code": "unauthenticated",
    "message": "로그인이 필요합니다."
  },
  "internal": {
    "code": "internal",
    "message": "일시적인 오류가 발생했습니다. 잠시 후 다시 시도해 주세요."
  },
  "contention": {
    "code": "aborted",
    "message": "주문이 몰려 처리하지 못했습니다. 잠시 후 다시 시도해 주세요."
  },
  "order_not_found": {
    "code": "not-found",
    "message": "주문을 찾을 수 없습니다."
  },
  "not_order_participant": {
    "code": "permission-denied",
    "message": "이 주문에 대한 권한이 없습니다."
  },
  "actor_not_permitted": {
    "code": "permission-denied",
    "message": "이 작업을 수행할 권한이 없습니다."
  },
  "not_pickup_order": {
    "code": "failed-precondition",
    "message": "매장/포장 주문에서만 할 수 있는 작업입니다."
  },
  "not_delivery_order": {
    "code": "failed-precondition",
    "message": "배송 주문에서만 할 수 있는 작업입니다."
  },
  "order_cancelled": {
    "code": "failed-precondition",
    "message": "이미 취소된 주문입니다."
  },
  "order_completed": {
    "code": "failed-precondition",
    "message": "이미 완료된 주문입니다."
  },
  "already_preparing": {
    "code": "failed-precondition",
    "message": "이미 준비를 시작한 주문입니다. 준비 시간은 변경할 수 없습니다."
  },
  "preparation_not_started": {
    "code": "failed-precondition",
    "message": "준비시작 후에 처리 완료할 수 있습니다."
  },
  "shipment_not_prepared": {
    "code": "failed-precondition",
    "message": "배송 준비 후에 발송 처리할 수 있습니다."
  },
  "already_shipped": {
    "code": "failed-precondition",
    "message": "이미 발송 처리된 주문입니다. 송장 정보는 송장 수정으로 변경해 주세요."
  },
  "not_shipped": {
    "code": "failed-precondition",
    "message": "발송 처리된 주문만 송장을 수정할 수 있습니다."
  },
  "cancel_after_shipment": {
    "code": "failed-precondition",
    "message": "이미 발송 처리된 주문은 취소할 수 없습니다."
  },
  "customer_cancel_too_late": {
    "code": "failed-precondition",
    "message": "준비가 시작된 주문은 취소할 수 없습니다. 매장에 문의해 주세요."
  },
  "cancel_reason_not_for_actor": {
    "code": "permission-denied",
    "message": "선택할 수 없는 취소 사유입니다. 다른 취소 사유를 선택해 주세요."
  },
  "not_yet_due": {
    "code": "failed-precondition",
    "message": "아직 자동 완료 시간이 되지 않았습니다."
  },
  "order_not_ready": {
    "code": "failed-precondition",
    "message": "준비완료된 주문만 고객을 호출할 수 있습니다."
  },
  "customer_called_recently": {
    "code": "resource-exhausted",
    "message": "고객 호출은 1분에 한 번만 할 수 있습니다. 잠시 후 다시 호출해 주세요."
  },
  "extend_prep_not_preparing": {
    "code": "failed-precondition",
    "message": "준비중인 주문만 준비 시간을 추가할 수 있습니다."
  },
  "prep_extension_limit": {
    "code": "failed-precondition",
    "message": "준비 시간은 최대 3번까지 추가할 수 있습니다."
  },
  "prep_extension_key_reused": {
    "code": "already-exists",
    "message": "같은 요청으로 다른 시간 추가가 이미 처리되었습니다. 주문을 다시 확인해 주세요."
  },
  "invalid_transition": {
    "code": "failed-precondition",
    "message": "현재 주문 상태에서는 할 수 없는 작업입니다."
  },
  "store_not_found": {
    "code": "not-found",
    "message": "매장을 찾을 수 없습니다."
  },
  "store_inactive": {
    "code": "failed-precondition",
    "message": "현재 주문할 수 없는 매장입니다."
  },
  "store_closed": {
    "code": "failed-precondition",
    "message": "매장이 영업 준비중입니다."
  },
  "store_paused": {
    "code": "failed-precondition",
    "message": "매장이 잠시 주문을 받지 않고 있습니다."
  },
  "store_outside_hours": {
    "code": "failed-precondition",
    "message": "지금은 영업시간이 아닙니다."
  },
  "store_holiday": {
    "code": "failed-precondition",
    "message": "오늘은 휴무일입니다."
  },
  "channel_not_offered": {
    "code": "failed-precondition",
    "message": "이 매장에서 지원하지 않는 주문 방식입니다."
  },
  "menu_item_not_found": {
    "code": "not-found",
    "message": "메뉴를 찾을 수 없습니다."
  },
  "menu_item_sold_out": {
    "code": "failed-precondition",
    "message": "품절된 메뉴가 포함되어 있습니다."
  },
  "unknown_option": {
    "code": "invalid-argument",
    "message": "선택할 수 없는 옵션입니다."
  },
  "option_choice_count": {
    "code": "invalid-argument",
    "message": "옵션 선택 개수가 올바르지 않습니다."
  },
  "idempotency_key_reused": {
    "code": "already-exists",
    "message": "같은 요청 번호로 다른 주문이 이미 접수되었습니다."
  },
  "admin_only": {
    "code": "permission-denied",
    "message": "관리자만 할 수 있는 작업입니다."
  },
  "not_store_member": {
    "code": "permission-denied",
    "message": "이 매장에 대한 권한이 없습니다."
  },
  "store_owner_only": {
    "code": "permission-denied",
    "message": "사장님(매장 소유자)만 할 수 있는 작업입니다."
  },
  "application_not_found": {
    "code": "not-found",
    "message": "입점신청을 찾을 수 없습니다."
  },
  "application_pending": {
    "code": "already-exists",
    "message": "심사 중인 입점신청이 이미 있습니다. 심사 결과를 기다려 주세요."
  },
  "application_already_reviewed": {
    "code": "failed-precondition",
    "message": "이미 심사가 끝난 입점신청입니다."
  },
  "too_many_stores": {
    "code": "resource-exhausted",
    "message": "한 계정으로 관리할 수 있는 매장 수를 초과했습니다."
  },
  "already_member": {
    "code": "already-exists",
    "message": "이미 다른 권한으로 등록된 직원입니다. 삭제 후 다시 추가해 주세요."
  },
  "last_owner": {
    "code": "failed-precondition",
    "message": "매장에는 사장님이 한 명 이상 있어야 합니다. 다른 사장님을 먼저 추가해 주세요."
  },
  "review_not_found": {
    "code": "not-found",
    "message": "리뷰를 찾을 수 없습니다."
  },
  "not_review_author": {
    "code": "permission-denied",
    "message": "본인이 작성한 리뷰만 수정하거나 삭제할 수 있습니다."
  },
  "order_not_completed": {
    "code": "failed-precondition",
    "message": "완료된 주문에만 리뷰를 작성할 수 있습니다."
  },
  "review_window_closed": {
    "code": "failed-precondition",
    "message": "리뷰 작성 기간이 지났습니다."
  },
  "review_exists": {
    "code": "already-exists",
    "message": "이 주문에는 이미 리뷰를 작성했습니다. 작성한 리뷰를 수정해 주세요."
  },
  "review_deleted": {
    "code": "failed-precondition",
    "message": "삭제한 리뷰는 다시 작성할 수 없습니다."
  },
  "review_hidden": {
    "code": "failed-precondition",
    "message": "숨김 처리된 리뷰에는 답글을 달 수 없습니다."
  },
  "own_review_report": {
    "code": "failed-precondition",
    "message": "본인이 작성한 리뷰는 신고할 수 없습니다."
  },
  "app_check_failed": {
    "code": "unauthenticated",
    "message": "앱 인증에 실패했습니다. 공식 앱을 최신 버전으로 업데이트한 뒤 다시 시도해 주세요."
  },
  "app_check_token_reused": {
    "code": "unauthenticated",
    "message": "요청 인증이 만료되었습니다. 다시 시도해 주세요."
  },
  "anonymous_account": {
    "code": "permission-denied",
    "message": "비회원(익명) 계정으로는 이용할 수 없습니다. 회원가입 후 다시 시도해 주세요."
  },
  "account_disabled": {
    "code": "permission-denied",
    "message": "이용이 중지된 계정입니다. 고객센터에 문의해 주세요."
  },
  "email_not_verified": {
    "code": "failed-precondition",
    "message": "이메일 인증을 마친 뒤 다시 시도해 주세요."
  },
  "too_many_unanswered_orders": {
    "code": "resource-exhausted",
    "message": "이 매장에서 아직 접수 대기 중인 주문이 많습니다. 매장이 주문을 확인한 뒤 다시 주문해 주세요."
  },
  "order_rate_limited": {
    "code": "resource-exhausted",
    "message": "짧은 시간에 주문이 너무 많습니다. 잠시 후 다시 주문해 주세요."
  },
  "export_too_large": {
    "code": "resource-exhausted",
    "message": "내보낼 주문이 너무 많습니다. 기간을 나눠서 내려받아 주세요."
  },
  "invitation_not_found": {
    "code": "not-found",
    "message": "초대를 찾을 수 없습니다."
  },
  "invitation_not_for_you": {
    "code": "permission-denied",
    "message": "다른 이메일 주소로 보낸 초대입니다."
  },
  "invitation_expired": {
    "code": "failed-precondition",
    "message": "만료된 초대입니다. 사장님께 다시 초대를 요청해 주세요."
  },
  "invitation_revoked": {
    "code": "failed-precondition",
    "message": "취소된 초대입니다."
  },
  "invitation_declined": {
    "code": "failed-precondition",
    "message": "이미 거절한 초대입니다."
  },
  "invitation_already_accepted": {
    "code": "failed-precondition",
    "message": "이미 수락된 초대입니다."
  }
} as const;

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
    status?: "received" | "preparing" | "ready" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
    storeId?: string;
  };
  not_pickup_order: {
    status: "received" | "preparing" | "ready" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
  };
  not_delivery_order: {
    status: "received" | "preparing" | "ready" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
  };
  order_cancelled: {
    status: "received" | "preparing" | "ready" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
  };
  order_completed: {
    status: "received" | "preparing" | "ready" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
  };
  already_preparing: {
    status: "received" | "preparing" | "ready" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
  };
  preparation_not_started: {
    status: "received" | "preparing" | "ready" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
  };
  shipment_not_prepared: {
    status: "received" | "preparing" | "ready" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
  };
  already_shipped: {
    status: "received" | "preparing" | "ready" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
  };
  not_shipped: {
    status: "received" | "preparing" | "ready" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
  };
  cancel_after_shipment: {
    status: "received" | "preparing" | "ready" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
  };
  customer_cancel_too_late: {
    status: "received" | "preparing" | "ready" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
  };
  cancel_reason_not_for_actor: {
    status: "received" | "preparing" | "ready" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
  };
  not_yet_due: {
    status: "received" | "preparing" | "ready" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
  };
  order_not_ready: {
    status: "received" | "preparing" | "ready" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
  };
  customer_called_recently: {
    status: "received" | "preparing" | "ready" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
    retryAt?: string;
  };
  extend_prep_not_preparing: {
    status: "received" | "preparing" | "ready" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
  };
  prep_extension_limit: {
    status: "received" | "preparing" | "ready" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
    max?: number;
  };
  prep_extension_key_reused: {
    status: "received" | "preparing" | "ready" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
    addMinutes?: number;
  };
  invalid_transition: {
    status: "received" | "preparing" | "ready" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
  };
  store_not_found: {
    storeId?: string;
  };
  store_inactive: Record<never, never>;
  store_closed: Record<never, never>;
  store_paused: {
    message: string;
    opensAt: null | string;
  };
  store_outside_hours: {
    message: string;
    opensAt: null | string;
  };
  store_holiday: {
    message: string;
    opensAt: null | string;
  };
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
  already_member: {
    role?: "owner" | "staff";
    max?: number;
  };
  last_owner: Record<never, never>;
  review_not_found: Record<never, never>;
  not_review_author: Record<never, never>;
  order_not_completed: Record<never, never>;
  review_window_closed: Record<never, never>;
  review_exists: Record<never, never>;
  review_deleted: Record<never, never>;
  review_hidden: Record<never, never>;
  own_review_report: Record<never, never>;
  app_check_failed: Record<never, never>;
  app_check_token_reused: Record<never, never>;
  anonymous_account: Record<never, never>;
  account_disabled: Record<never, never>;
  email_not_verified: Record<never, never>;
  too_many_unanswered_orders: {
    storeId?: string;
  };
  order_rate_limited: {
    storeId?: string;
  };
  export_too_large: {
    maxOrders: number;
  };
  invitation_not_found: Record<never, never>;
  invitation_not_for_you: Record<never, never>;
  invitation_expired: Record<never, never>;
  invitation_revoked: Record<never, never>;
  invitation_declined: Record<never, never>;
  invitation_already_accepted: Record<never, never>;
}

export interface OrderDoc {
  orderId: string;
  storeId: string;
  storeName: string;
  customerUid: string;
  requestId: string;
  channel: "dine_in" | "takeout" | "delivery";
  status: "received" | "preparing" | "ready" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
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
    extensions?: {
      addMinutes: number;
      at: number;
      requestId?: string;
    }[];
  };
  readyAt?: null | number;
  customerCall?: null | {
    count: number;
    lastAt: number;
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
  command: "start_preparing" | "mark_ready" | "call_customer" | "extend_prep" | "complete" | "auto_complete" | "prepare_shipment" | "ship" | "update_tracking" | "mark_delivered" | "cancel" | "place";
  actorRole: "customer" | "partner" | "system" | "admin";
  actorUid: null | string;
  from: null | "received" | "preparing" | "ready" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
  to: "received" | "preparing" | "ready" | "preparing_shipment" | "shipped" | "completed" | "cancelled";
  at: number;
  data: Record<string, unknown>;
  storeId: string;
  customerUid: string;
}

export interface StoreDoc {
  open: boolean;
  storeId: string;
  name: string;
  channels: ("dine_in" | "takeout" | "delivery")[];
  pausedUntil: null | number;
  deliveryFee: number;
  defaultPrepMinutes: number;
  closeoutHour?: number;
  createdAt: null | number;
  updatedAt: null | number;
  active: boolean;
  hours?: null | {
    weekly: null | {
      mon: {
        open: string;
        close: string;
      }[];
      tue: {
        open: string;
        close: string;
      }[];
      wed: {
        open: string;
        close: string;
      }[];
      thu: {
        open: string;
        close: string;
      }[];
      fri: {
        open: string;
        close: string;
      }[];
      sat: {
        open: string;
        close: string;
      }[];
      sun: {
        open: string;
        close: string;
      }[];
    };
    holidays: string[];
  };
  busyMode?: null | {
    addMinutes: number;
    endsAt: number;
  };
}

export interface StorePrivateProfileDoc {
  phone: null | string;
  businessNumber: null | string;
  address: null | {
    postalCode: string;
    address1: string;
    address2: null | string;
  };
  applicationId: null | string;
  ownerUid: null | string;
  updatedAt: null | number;
}

export interface StaffActionDoc {
  version: number;
  command: "start_preparing" | "mark_ready" | "call_customer" | "extend_prep" | "complete" | "auto_complete" | "prepare_shipment" | "ship" | "update_tracking" | "mark_delivered" | "cancel" | "place";
  actorRole: "partner" | "admin";
  actorUid: string;
  at: number;
  storeId: string;
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
  addedBy: null | string;
  invitationId?: null | string;
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

export interface StoreInvitationDoc {
  invitationId: string;
  storeId: string;
  storeName: string;
  email: string;
  role: "owner" | "staff";
  status: "declined" | "revoked" | "pending" | "accepted";
  invitedBy: string;
  createdAt: number;
  updatedAt: number;
  expiresAt: number;
  respondedAt: null | number;
  respondedBy: null | string;
}

export interface MemberContactDoc {
  storeId: string;
  uid: string;
  email: string;
}

export const CHANNELS = [
  "dine_in",
  "takeout",
  "delivery"
] as const;
export const PICKUP_CHANNELS = [
  "dine_in",
  "takeout"
] as const;
export const ORDER_STATUSES = [
  "received",
  "preparing",
  "ready",
  "preparing_shipment",
  "shipped",
  "completed",
  "cancelled"
] as const;
export const OPEN_PICKUP_STATUSES = [
  "received",
  "preparing",
  "ready"
] as const;
export const OPEN_DELIVERY_STATUSES = [
  "received",
  "preparing_shipment",
  "shipped"
] as const;
export const TERMINAL_STATUSES = [
  "completed",
  "cancelled"
] as const;

export const STATUS_LABELS = {
  "received": "주문 접수",
  "preparing": "준비중",
  "ready": "준비완료",
  "preparing_shipment": "배송 준비 중",
  "shipped": "배송 중",
  "completed": "완료",
  "cancelled": "취소"
} as const;

export const CHANNEL_LABELS = {
  "dine_in": "매장",
  "takeout": "포장",
  "delivery": "배송"
} as const;

export const CANCEL_REASON_LABELS = {
  "customer_request": "고객 요청으로 취소되었습니다.",
  "changed_mind": "고객님의 요청으로 주문이 취소되었습니다.",
  "reorder": "주문 변경을 위해 취소되었습니다. 다시 주문해 주세요.",
  "sold_out": "재료 소진으로 주문이 취소되었습니다.",
  "store_busy": "주문이 많아 매장에서 주문을 취소했습니다.",
  "store_closing": "매장 영업 종료로 주문이 취소되었습니다.",
  "delivery_unavailable": "배송이 불가능한 지역이라 주문이 취소되었습니다.",
  "other": "매장 사정으로 주문이 취소되었습니다."
} as const;

export const STORE_STATUS_LABELS = {
  "open": "영업중",
  "closed": "준비중",
  "paused": "일시정지",
  "inactive": "운영중지"
} as const;

export const TRACKING_STATUS_LABELS = {
  "information_received": "송장 등록",
  "at_pickup": "집화 완료",
  "in_transit": "배송 중",
  "out_for_delivery": "배송 출발",
  "attempt_fail": "배송 실패",
  "delivered": "배송 완료",
  "available_for_pickup": "수령 대기",
  "exception": "배송 확인 필요",
  "unknown": "배송 조회 중"
} as const;

export const CARRIERS = [
  {
    "code": "cj",
    "name": "CJ대한통운",
    "trackingUrlTemplate": "https://trace.cjlogistics.com/next/tracking.html?wblNo={trackingNumber}"
  },
  {
    "code": "epost",
    "name": "우체국택배",
    "trackingUrlTemplate": "https://service.epost.go.kr/trace.RetrieveDomRigiTraceList.comm?sid1={trackingNumber}"
  },
  {
    "code": "hanjin",
    "name": "한진택배",
    "trackingUrlTemplate": "https://www.hanjin.com/kor/CMS/DeliveryMgr/WaybillResult.do?mCode=MN038&schLang=KR&wblnumText2={trackingNumber}"
  },
  {
    "code": "lotte",
    "name": "롯데택배",
    "trackingUrlTemplate": "https://www.lotteglogis.com/home/reservation/tracking/linkView?InvNo={trackingNumber}"
  },
  {
    "code": "logen",
    "name": "로젠택배",
    "trackingUrlTemplate": "https://www.ilogen.com/web/personal/trace/{trackingNumber}"
  },
  {
    "code": "kdexp",
    "name": "경동택배",
    "trackingUrlTemplate": "https://kdexp.com/service/delivery/etc/delivery.do?barcode={trackingNumber}"
  },
  {
    "code": "daesin",
    "name": "대신택배",
    "trackingUrlTemplate": "https://www.ds3211.co.kr/freight/internalFreightSearch.ht?billno={trackingNumber}"
  },
  {
    "code": "ilyang",
    "name": "일양로지스",
    "trackingUrlTemplate": "https://www.ilyanglogis.com/functionality/tracking_result.asp?hawb_no={trackingNumber}"
  },
  {
    "code": "cvsnet",
    "name": "GS Postbox 택배",
    "trackingUrlTemplate": "https://www.cvsnet.co.kr/invoice/tracking.do?invoice_no={trackingNumber}"
  },
  {
    "code": "cupost",
    "name": "CU 편의점택배",
    "trackingUrlTemplate": "https://www.cupost.co.kr/postbox/delivery/localResult.cupost?invoice_no={trackingNumber}"
  }
] as const;
