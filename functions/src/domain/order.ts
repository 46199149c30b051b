// Order model shared by every layer. Pure TypeScript: no Firebase imports.
// Times are epoch milliseconds here; the Firestore adapter converts them to Timestamps.
import type { TrackingSnapshot } from './tracking';

export const PICKUP_CHANNELS = ['dine_in', 'takeout'] as const;
export const CHANNELS = [...PICKUP_CHANNELS, 'delivery'] as const;
export type PickupChannel = (typeof PICKUP_CHANNELS)[number];
export type Channel = (typeof CHANNELS)[number];

export const ORDER_STATUSES = [
  'received',
  'preparing',
  // 준비완료 (픽업 대기): an optional step of pickup orders between preparing and completed (issue 14)
  'ready',
  'preparing_shipment',
  'shipped',
  'completed',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

// The terminal and open status sets are derived from the transition table (domain/lifecycle.ts).

export type Flow = 'pickup' | 'delivery';

export const ACTOR_ROLES = ['customer', 'partner', 'system', 'admin'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

/** One hour after receipt an open pickup order completes by itself (partner guide §03). */
export const AUTO_COMPLETE_AFTER_MS = 60 * 60 * 1000;

/** 시간 추가 (extendPrep): minutes per extension and how many extensions an order may get. */
export const PREP_EXTENSION_MIN_MINUTES = 5;
export const PREP_EXTENSION_MAX_MINUTES = 30;
export const MAX_PREP_EXTENSIONS = 3;

/** 고객 호출 (callCustomer): at most one ready push per minute. */
export const CUSTOMER_CALL_INTERVAL_MS = 60 * 1000;

export function flowOf(channel: Channel): Flow {
  return channel === 'delivery' ? 'delivery' : 'pickup';
}

export interface OrderItemOption {
  groupId: string;
  groupName: string;
  choices: { id: string; name: string; price: number }[];
}

/** A line as it was when ordered: name and prices are snapshotted so menu edits never change it. */
export interface OrderItem {
  menuItemId: string;
  name: string;
  unitPrice: number; // base price + chosen option prices, KRW
  quantity: number;
  options: OrderItemOption[];
  lineTotal: number; // unitPrice * quantity, KRW
}

export interface DeliveryAddress {
  recipient: string;
  phone: string;
  postalCode: string;
  address1: string;
  address2: string | null;
}

export interface Shipment {
  carrier: string;
  trackingNumber: string;
  shippedAt: number;
  updatedAt: number;
  deliveredAt: number | null;
  /**
   * When tracking was last refreshed for this carrier and number: set on ship and on a tracking change,
   * then by every courier event and poll. The polling fallback visits the oldest first.
   */
  lastCheckedAt?: number;
  /** Latest courier state for this number, shown to the customer; null until the first event. */
  lastEvent?: TrackingSnapshot | null;
}

export interface Cancellation {
  by: ActorRole;
  uid: string | null;
  reason: string;
  note: string | null;
  at: number;
}

export interface Completion {
  by: ActorRole;
  uid: string | null;
  at: number;
}

export interface PrepExtension {
  addMinutes: number;
  at: number;
  /** The caller's key for this extension (extendPrep's requestId): a retry with it adds nothing. */
  requestId?: string;
}

export interface Prep {
  minutes: number;
  startedAt: number;
  /** 시간 추가 entries in order; absent on orders never extended. */
  extensions?: PrepExtension[];
}

export interface CustomerCall {
  count: number;
  lastAt: number;
}

/** The minutes chosen at 준비시작, before any extension. */
export function initialPrepMinutes(prep: Prep): number {
  return prep.minutes - (prep.extensions ?? []).reduce((sum, extension) => sum + extension.addMinutes, 0);
}

export interface Order {
  orderId: string;
  storeId: string;
  storeName: string;
  customerUid: string;
  requestId: string;
  channel: Channel;
  status: OrderStatus;
  items: OrderItem[];
  subtotal: number;
  deliveryFee: number;
  total: number;
  orderNumber: number;
  businessDate: string; // YYYY-MM-DD in Asia/Seoul
  customerNote: string | null;
  delivery: DeliveryAddress | null;
  createdAt: number;
  updatedAt: number;
  autoCompleteAt: number | null; // pickup orders only
  /**
   * The promised preparation: `minutes` is the current promise (the start's minutes plus every
   * extension), so the promised ready time is always startedAt + minutes.
   */
  prep: Prep | null;
  /** When the order became `ready` (준비완료); absent on orders that never did. */
  readyAt?: number | null;
  /** The customer calls (고객 호출) after the ready push; absent until the first. */
  customerCall?: CustomerCall | null;
  shipmentPreparingAt: number | null;
  shipment: Shipment | null;
  cancellation: Cancellation | null;
  completion: Completion | null;
  version: number;
}
