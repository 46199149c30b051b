import { CANCEL_REASON_LABELS, CARRIERS, CHANNEL_LABELS, STATUS_LABELS, STORE_STATUS_LABELS, TRACKING_STATUS_LABELS } from './generated/contract.js';
export { CANCEL_REASON_LABELS, CARRIERS, CHANNEL_LABELS, STATUS_LABELS, STORE_STATUS_LABELS, TRACKING_STATUS_LABELS };
export type Channel = keyof typeof CHANNEL_LABELS;
export type OrderStatus = keyof typeof STATUS_LABELS;
export type CancelReason = keyof typeof CANCEL_REASON_LABELS;
export type CarrierCode = (typeof CARRIERS)[number]['code'];
export declare const statusLabel: (status: OrderStatus) => string;
export declare const channelLabel: (channel: Channel) => string;
/** A stored cancellation reason's label; unknown codes read as 기타 (as the server does). */
export declare function cancelReasonLabel(reason: string): string;
export declare function carrierName(code: string): string | undefined;
/** The carrier's public tracking page for a number, or null for an unknown carrier. */
export declare function trackingUrl(carrierCode: string, trackingNumber: string): string | null;
