// Korean labels as the backend uses them, and the courier tracking link.
import {
  CANCEL_REASON_LABELS,
  CARRIERS,
  CHANNEL_LABELS,
  STATUS_LABELS,
  STORE_STATUS_LABELS,
  TRACKING_STATUS_LABELS,
} from './generated/contract.js';

export { CANCEL_REASON_LABELS, CARRIERS, CHANNEL_LABELS, STATUS_LABELS, STORE_STATUS_LABELS, TRACKING_STATUS_LABELS };

export type Channel = keyof typeof CHANNEL_LABELS;
export type OrderStatus = keyof typeof STATUS_LABELS;
export type CancelReason = keyof typeof CANCEL_REASON_LABELS;
export type CarrierCode = (typeof CARRIERS)[number]['code'];

export const statusLabel = (status: OrderStatus): string => STATUS_LABELS[status];
export const channelLabel = (channel: Channel): string => CHANNEL_LABELS[channel];

/** A stored cancellation reason's label; unknown codes read as 기타 (as the server does). */
export function cancelReasonLabel(reason: string): string {
  return Object.prototype.hasOwnProperty.call(CANCEL_REASON_LABELS, reason)
    ? CANCEL_REASON_LABELS[reason as CancelReason]
    : CANCEL_REASON_LABELS.other;
}

export function carrierName(code: string): string | undefined {
  return CARRIERS.find((carrier) => carrier.code === code)?.name;
}

/** The carrier's public tracking page for a number, or null for an unknown carrier. */
export function trackingUrl(carrierCode: string, trackingNumber: string): string | null {
  const carrier = CARRIERS.find((candidate) => candidate.code === carrierCode);
  return carrier ? carrier.trackingUrlTemplate.replace('{trackingNumber}', encodeURIComponent(trackingNumber)) : null;
}
