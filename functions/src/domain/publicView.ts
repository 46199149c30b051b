// The order as every callable returns it: JSON-safe (ISO-8601 times), with Korean labels.

import { CANCEL_REASONS, CancelReason } from './cancelReasons';
import { findCarrier, trackingUrl } from './carriers';
import { Order, OrderStatus } from './order';
import { TRACKING_STATUS_LABELS, TrackingSnapshot } from './tracking';

export const STATUS_LABELS: Record<OrderStatus, string> = {
  received: '주문 접수',
  preparing: '준비중',
  ready: '준비완료',
  preparing_shipment: '배송 준비 중',
  shipped: '배송 중',
  completed: '완료',
  cancelled: '취소',
};

export const CHANNEL_LABELS = { dine_in: '매장', takeout: '포장', delivery: '배송' } as const;

const iso = (ms: number | null | undefined): string | null => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

export function cancelReasonLabel(reason: string): string {
  return Object.hasOwn(CANCEL_REASONS, reason) ? CANCEL_REASONS[reason as CancelReason] : CANCEL_REASONS.other;
}

/** The latest courier state as the customer app shows it (no provider event ids). */
function trackingView(snapshot: TrackingSnapshot | null | undefined) {
  if (!snapshot) return null;
  return {
    status: snapshot.status,
    statusLabel: TRACKING_STATUS_LABELS[snapshot.status] ?? TRACKING_STATUS_LABELS.unknown,
    occurredAt: iso(snapshot.occurredAt),
    location: snapshot.location,
    description: snapshot.description,
  };
}

export function toPublicView(order: Order) {
  return {
    orderId: order.orderId,
    storeId: order.storeId,
    storeName: order.storeName,
    customerUid: order.customerUid,
    channel: order.channel,
    channelLabel: CHANNEL_LABELS[order.channel],
    status: order.status,
    statusLabel: STATUS_LABELS[order.status],
    orderNumber: order.orderNumber,
    businessDate: order.businessDate,
    items: order.items,
    subtotal: order.subtotal,
    deliveryFee: order.deliveryFee,
    total: order.total,
    customerNote: order.customerNote,
    delivery: order.delivery,
    createdAt: iso(order.createdAt),
    updatedAt: iso(order.updatedAt),
    autoCompleteAt: iso(order.autoCompleteAt),
    prep: order.prep && {
      minutes: order.prep.minutes,
      startedAt: iso(order.prep.startedAt),
      readyAt: iso(order.prep.startedAt + order.prep.minutes * 60_000),
      extensions: (order.prep.extensions ?? []).map((extension) => ({ addMinutes: extension.addMinutes, at: iso(extension.at) })),
    },
    /** When the order became 준비완료 (픽업 대기); null if it never did. */
    readyAt: iso(order.readyAt),
    customerCall: order.customerCall ? { count: order.customerCall.count, lastAt: iso(order.customerCall.lastAt) } : null,
    shipmentPreparingAt: iso(order.shipmentPreparingAt),
    shipment: order.shipment && {
      carrier: order.shipment.carrier,
      carrierName: findCarrier(order.shipment.carrier)?.name ?? order.shipment.carrier,
      trackingNumber: order.shipment.trackingNumber,
      trackingUrl: trackingUrl(order.shipment.carrier, order.shipment.trackingNumber),
      shippedAt: iso(order.shipment.shippedAt),
      updatedAt: iso(order.shipment.updatedAt),
      deliveredAt: iso(order.shipment.deliveredAt),
      lastEvent: trackingView(order.shipment.lastEvent),
    },
    cancellation: order.cancellation && {
      by: order.cancellation.by,
      reason: order.cancellation.reason,
      reasonLabel: cancelReasonLabel(order.cancellation.reason),
      note: order.cancellation.note,
      at: iso(order.cancellation.at),
    },
    completion: order.completion && { by: order.completion.by, at: iso(order.completion.at) },
    version: order.version,
  };
}

export type OrderPublicView = ReturnType<typeof toPublicView>;
