// Push notifications as data: the exact FCM payloads (Korean text, data keys, Android/APNs
// settings), which order changes reach the customer, the 500-token batches and how a failed send
// is treated. Pure TypeScript: the shapes match firebase-admin's MulticastMessage structurally, but
// nothing here imports Firebase.

import { findCarrier, trackingUrl } from './carriers';
import { effectsOf, ObservedOrder } from './lifecycle';
import { Channel, Order, OrderItem } from './order';
import { CHANNEL_LABELS, cancelReasonLabel } from './publicView';

/** FCM accepts at most 500 tokens in one multicast send. */
export const MAX_TOKENS_PER_SEND = 500;

/** Android notification channels the apps create (see docs/notifications.md). */
export const ANDROID_CHANNELS = { newOrders: 'new_orders', orderStatus: 'order_status' } as const;

export interface PushContent {
  notification: { title: string; body: string };
  /** FCM data values are strings only. */
  data: Record<string, string>;
  android: {
    priority: 'high' | 'normal';
    notification: { channelId: string; sound: string; tag?: string };
  };
  apns: {
    headers: Record<string, string>;
    payload: { aps: { sound: string; 'interruption-level': 'active' | 'time-sensitive' } };
  };
  webpush: { headers: Record<string, string> };
}

/** One multicast send: the same content to up to 500 tokens. */
export type PushMessage = PushContent & { tokens: string[] };

export type OrderSummary = Pick<Order, 'orderId' | 'storeId' | 'channel' | 'orderNumber' | 'items' | 'total'>;

/** 12000 -> "12,000원". Integer KRW only, so plain digit grouping is exact. */
export function formatWon(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.abs(Math.trunc(amount)));
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}원`;
}

export function channelTag(channel: Channel): string {
  return `[${CHANNEL_LABELS[channel]}]`;
}

/** "아메리카노" or "아메리카노 외 2건": the first line's name and how many other lines follow. */
export function itemSummary(items: readonly Pick<OrderItem, 'name'>[]): string {
  if (items.length === 0) return '';
  const others = items.length - 1;
  return others > 0 ? `${items[0].name} 외 ${others}건` : items[0].name;
}

function orderData(order: OrderSummary, type: string): Record<string, string> {
  return {
    type,
    orderId: order.orderId,
    storeId: order.storeId,
    channel: order.channel,
    orderNumber: String(order.orderNumber),
  };
}

/** For the store: must not be missed, so high priority and a time-sensitive alert with sound. */
function urgentDelivery(): Pick<PushContent, 'android' | 'apns' | 'webpush'> {
  return {
    android: { priority: 'high', notification: { channelId: ANDROID_CHANNELS.newOrders, sound: 'default' } },
    apns: {
      headers: { 'apns-priority': '10', 'apns-push-type': 'alert' },
      payload: { aps: { sound: 'default', 'interruption-level': 'time-sensitive' } },
    },
    webpush: { headers: { Urgency: 'high' } },
  };
}

/** The new-order push to every device of every member of the store. */
export function newOrderContent(order: OrderSummary): PushContent {
  return {
    notification: {
      title: `${channelTag(order.channel)} 새 주문 #${order.orderNumber}`,
      body: `${itemSummary(order.items)} · ${formatWon(order.total)}`,
    },
    data: orderData(order, 'order.received'),
    ...urgentDelivery(),
  };
}

/** The one reminder for an order still `received` some minutes after it arrived. */
export function reminderContent(order: OrderSummary, minutes: number): PushContent {
  return {
    notification: {
      title: `${channelTag(order.channel)} 확인하지 않은 주문 #${order.orderNumber}`,
      body: `접수 후 ${minutes}분이 지났습니다. 주문을 확인해 주세요. ${itemSummary(order.items)} · ${formatWon(order.total)}`,
    },
    data: { ...orderData(order, 'order.reminder'), minutes: String(minutes) },
    ...urgentDelivery(),
  };
}

// ---------------------------------------------------------------------------------------------
// Customer notifications

export const CUSTOMER_NOTICES = [
  'preparing',
  'prep_extended',
  'ready',
  'customer_called',
  'completed',
  'preparing_shipment',
  'shipped',
  'tracking_updated',
  'cancelled',
] as const;
export type CustomerNotice = (typeof CUSTOMER_NOTICES)[number];

/** Which change of an order, if any, the customer hears about: the notice of the command that made it. */
export function customerNoticeFor(before: ObservedOrder, after: ObservedOrder): CustomerNotice | null {
  return effectsOf(before, after).notice;
}

export type CustomerOrder = OrderSummary &
  Pick<Order, 'storeName' | 'status' | 'prep' | 'shipment' | 'cancellation'> &
  Partial<Pick<Order, 'readyAt' | 'customerCall'>>;

/** 14:05 in Asia/Seoul (UTC+9 all year, no DST). */
export function seoulClock(ms: number): string {
  const seoul = new Date(ms + 9 * 60 * 60 * 1000);
  return `${String(seoul.getUTCHours()).padStart(2, '0')}:${String(seoul.getUTCMinutes()).padStart(2, '0')}`;
}

export const READY_TEXT = '주문하신 메뉴가 준비되었습니다';

function readyText(order: CustomerOrder): { body: string; data: Record<string, string> } {
  const label = CHANNEL_LABELS[order.channel];
  const data: Record<string, string> = {};
  if (order.readyAt != null) data.readyAt = new Date(order.readyAt).toISOString();
  if (order.customerCall) data.call = String(order.customerCall.count);
  return { body: `${READY_TEXT}. ${label} 주문을 픽업대에서 받아 가세요.`, data };
}

function carrierLine(order: CustomerOrder): string {
  const shipment = order.shipment;
  if (!shipment) return '';
  const name = findCarrier(shipment.carrier)?.name ?? shipment.carrier;
  return `${name} ${shipment.trackingNumber}`;
}

function shipmentData(order: CustomerOrder): Record<string, string> {
  const shipment = order.shipment;
  if (!shipment) return {};
  const url = trackingUrl(shipment.carrier, shipment.trackingNumber);
  return {
    carrier: shipment.carrier,
    carrierName: findCarrier(shipment.carrier)?.name ?? shipment.carrier,
    trackingNumber: shipment.trackingNumber,
    ...(url ? { trackingUrl: url } : {}),
  };
}

/** What the customer reads for each notice, after "주문 #12 · ". */
function customerText(order: CustomerOrder, notice: CustomerNotice): { body: string; data: Record<string, string> } {
  switch (notice) {
    case 'preparing': {
      const minutes = order.prep?.minutes;
      const data: Record<string, string> = {};
      if (order.prep) {
        data.prepMinutes = String(order.prep.minutes);
        data.readyAt = new Date(order.prep.startedAt + order.prep.minutes * 60_000).toISOString();
      }
      return {
        body: minutes ? `준비를 시작했습니다. 약 ${minutes}분 후 준비 완료 예정` : '준비를 시작했습니다.',
        data,
      };
    }
    case 'prep_extended': {
      const prep = order.prep;
      if (!prep) return { body: '준비 시간이 변경되었습니다.', data: {} };
      const promisedAt = prep.startedAt + prep.minutes * 60_000;
      const added = prep.extensions?.at(-1)?.addMinutes;
      return {
        body: `준비 시간이 ${added !== undefined ? `${added}분 ` : ''}늘어났습니다. ${seoulClock(promisedAt)}쯤 준비 완료 예정`,
        data: {
          prepMinutes: String(prep.minutes),
          ...(added !== undefined ? { addMinutes: String(added) } : {}),
          readyAt: new Date(promisedAt).toISOString(),
        },
      };
    }
    case 'ready':
    case 'customer_called':
      return readyText(order);
    case 'completed':
      return {
        body: order.channel === 'delivery' ? '배송이 완료되었습니다.' : '주문이 완료되었습니다. 이용해 주셔서 감사합니다.',
        data: {},
      };
    case 'preparing_shipment':
      return { body: '배송 준비를 시작했습니다.', data: {} };
    case 'shipped':
      return { body: `상품이 발송되었습니다. ${carrierLine(order)}`, data: shipmentData(order) };
    case 'tracking_updated':
      return { body: `송장 정보가 변경되었습니다. ${carrierLine(order)}`, data: shipmentData(order) };
    case 'cancelled': {
      const reason = order.cancellation?.reason ?? 'other';
      return { body: cancelReasonLabel(reason), data: { reason } };
    }
  }
}

/** The push to the customer's devices for one notice. */
export function customerContent(order: CustomerOrder, notice: CustomerNotice): PushContent {
  const text = customerText(order, notice);
  return {
    notification: {
      title: `${channelTag(order.channel)} ${order.storeName}`,
      body: `주문 #${order.orderNumber} · ${text.body}`,
    },
    data: { ...orderData(order, `order.${notice}`), status: order.status, ...text.data },
    android: {
      priority: 'high',
      // One notification per order on the phone: a later status replaces the earlier one.
      notification: { channelId: ANDROID_CHANNELS.orderStatus, sound: 'default', tag: order.orderId },
    },
    apns: {
      headers: { 'apns-priority': '10', 'apns-push-type': 'alert', 'apns-collapse-id': order.orderId },
      payload: { aps: { sound: 'default', 'interruption-level': 'active' } },
    },
    webpush: { headers: { Urgency: 'normal' } },
  };
}

// ---------------------------------------------------------------------------------------------
// Sending

export function chunk<T>(list: readonly T[], size = MAX_TOKENS_PER_SEND): T[][] {
  if (size < 1) throw new RangeError('chunk size must be positive');
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export function multicast(content: PushContent, tokens: string[]): PushMessage {
  return { ...content, tokens };
}

/** FCM says the token will never work again: delete the device. */
export const INVALID_TOKEN_ERRORS: readonly string[] = [
  'messaging/registration-token-not-registered',
  'messaging/invalid-registration-token',
];

/** Worth another attempt later: FCM or the network was unavailable or throttled us. */
export const RETRYABLE_SEND_ERRORS: readonly string[] = [
  'messaging/internal-error',
  'messaging/server-unavailable',
  'messaging/unavailable',
  'messaging/quota-exceeded',
  'messaging/message-rate-exceeded',
  'messaging/device-message-rate-exceeded',
  'messaging/unknown-error',
];

export type SendFailureKind = 'invalid_token' | 'retry' | 'permanent';

/**
 * How one token's failure is handled. A missing code (a thrown request) is retried; a code that
 * names a bad message or configuration is permanent for this notification, and retrying the same
 * payload would fail the same way.
 */
export function sendFailureKind(code: string | undefined): SendFailureKind {
  if (code && INVALID_TOKEN_ERRORS.includes(code)) return 'invalid_token';
  if (!code || RETRYABLE_SEND_ERRORS.includes(code)) return 'retry';
  return 'permanent';
}
