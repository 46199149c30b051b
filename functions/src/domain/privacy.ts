// Personal data in orders: what a customer may learn about the store's staff, and when a customer's
// contact details leave an order. Pure; times are epoch ms.
import type { DeliveryAddress, Order } from './order';
import { isTerminal } from './lifecycle';
import type { OrderEvent, OrderPatch } from './stateMachine';

/** Who acted for the store: kept only where the store's members read it (orders/{id}/staffActions). */
export interface StaffAction {
  version: number;
  command: OrderEvent['command'];
  actorRole: 'partner' | 'admin';
  actorUid: string;
  at: number;
}

/**
 * The order patch and history entry as the customer may read them: a partner's or admin's uid is
 * replaced by null (the role stays), and returned separately as the members-only staff action.
 * Customers' and the system's entries are unchanged (a customer's uid is their own).
 */
export function withoutStaffIdentity(
  patch: OrderPatch,
  event: OrderEvent,
): { patch: OrderPatch; event: OrderEvent; staffAction: StaffAction | null } {
  const role = event.actorRole;
  if ((role !== 'partner' && role !== 'admin') || event.actorUid === null) return { patch, event, staffAction: null };
  const redacted: OrderPatch = { ...patch };
  if (patch.completion) redacted.completion = { ...patch.completion, uid: null };
  if (patch.cancellation) redacted.cancellation = { ...patch.cancellation, uid: null };
  return {
    patch: redacted,
    event: { ...event, actorUid: null },
    staffAction: { version: event.version, command: event.command, actorRole: role, actorUid: event.actorUid, at: event.at },
  };
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** What replaces a redacted value. */
export const REDACTED = '(파기됨)';

/** When the order ended (completed or cancelled), or null while it is open. */
export function endedAt(order: Pick<Order, 'status' | 'completion' | 'cancellation' | 'updatedAt'>): number | null {
  if (!isTerminal(order.status)) return null;
  return order.completion?.at ?? order.cancellation?.at ?? order.updatedAt;
}

/**
 * Whether the order's customer contact details are due for destruction: the order ended at least
 * `retentionMs` ago, and it still holds a phone number or address.
 */
export function redactionDue(
  order: Pick<Order, 'status' | 'completion' | 'cancellation' | 'updatedAt' | 'delivery'> & { personalDataRedactedAt?: number | null },
  retentionMs: number,
  now: number,
): boolean {
  if (order.personalDataRedactedAt) return false;
  const ended = endedAt(order);
  if (ended === null || ended > now - retentionMs) return false;
  return order.delivery !== null && order.delivery !== undefined;
}

/**
 * The delivery block without the customer's phone number and address. The recipient's name is
 * reduced to its first character (the store's records still tell one parcel from another); the
 * postal code stays (a district, not a person) for delivery statistics.
 */
export function redactedDelivery(delivery: DeliveryAddress): DeliveryAddress {
  return {
    recipient: delivery.recipient ? `${Array.from(delivery.recipient)[0]}*` : REDACTED,
    phone: REDACTED,
    postalCode: delivery.postalCode,
    address1: REDACTED,
    address2: delivery.address2 === null ? null : REDACTED,
  };
}
