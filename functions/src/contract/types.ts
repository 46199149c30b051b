// Types of the public contract that are not callables' requests and responses: the extra fields
// each error reason carries in `details`, and the Firestore documents the apps read (times in epoch
// ms, as the client package's converters give them). Type-only: the client generator expands them.
import type { ApplicationStatus, PartnerApplication } from '../domain/partnerApplication';
import type { MenuItemDetails } from '../domain/menuRules';
import type { Order, OrderStatus } from '../domain/order';
import type { OrderEvent } from '../domain/stateMachine';
import type { StaffAction } from '../domain/privacy';
import type { PrivateStoreField, PrivateStoreProfile, StoreProfile } from '../domain/store';
import type { StoreRole } from '../domain/permissions';
import type { Reason } from '../domain/reasons';
import type { Invitation } from '../domain/invitations';
import type { MemberContact, Membership } from '../infra/stores';

/** A rejected field (callables/shell.ts FieldIssue). */
interface FieldIssue {
  path: string;
  message: string;
}

/** The order's status when a state-machine rule refused the command. */
interface AtStatus {
  status: OrderStatus;
}
/** Which requested line (and option group) placeOrder refused. */
interface AtMenuItem {
  menuItemId: string;
}

/** placeOrder's refusal by the hours: `message` (also details.message) names the next opening time. */
interface ClosedUntil {
  message: string;
  /** ISO-8601; null when no opening is known. */
  opensAt: string | null;
}

/**
 * `details` beyond `{reason, message}`, per reason. A reason not listed carries nothing else.
 * Keep it in step with the `new DomainError(reason, extra)` calls (grep them when you add one).
 */
export interface ReasonExtras {
  invalid_argument: { fields: FieldIssue[] };
  not_store_member: { storeId?: string };
  store_owner_only: { storeId?: string };
  store_not_found: { storeId?: string };
  menu_item_not_found: { menuItemId?: string; storeId?: string; itemId?: string };
  menu_item_sold_out: AtMenuItem;
  unknown_option: AtMenuItem & { groupId: string; choiceId?: string };
  option_choice_count: AtMenuItem & { groupId: string; min?: number; max?: number };
  idempotency_key_reused: { orderId: string };
  application_pending: { applicationId: string };
  application_already_reviewed: { status?: ApplicationStatus; max?: number };
  too_many_stores: { max: number };
  already_member: { role?: StoreRole; max?: number };
  not_pickup_order: AtStatus;
  not_delivery_order: AtStatus;
  order_cancelled: AtStatus;
  order_completed: AtStatus;
  already_preparing: AtStatus;
  preparation_not_started: AtStatus;
  shipment_not_prepared: AtStatus;
  already_shipped: AtStatus;
  not_shipped: AtStatus;
  cancel_after_shipment: AtStatus;
  customer_cancel_too_late: AtStatus;
  cancel_reason_not_for_actor: AtStatus;
  not_yet_due: AtStatus;
  invalid_transition: AtStatus;
  order_not_ready: AtStatus;
  /** `retryAt`: when the next call is allowed (ISO-8601). */
  customer_called_recently: AtStatus & { retryAt?: string };
  extend_prep_not_preparing: AtStatus;
  prep_extension_limit: AtStatus & { max?: number };
  prep_extension_key_reused: AtStatus & { addMinutes?: number };
  actor_not_permitted: Partial<AtStatus> & { storeId?: string };
  store_paused: ClosedUntil;
  store_outside_hours: ClosedUntil;
  store_holiday: ClosedUntil;
  too_many_unanswered_orders: { storeId?: string };
  order_rate_limited: { storeId?: string };
  export_too_large: { maxOrders: number };
}

/** Every reason with its extras (empty for those not listed above). */
export type ReasonDetails = {
  [R in Reason]: R extends keyof ReasonExtras ? ReasonExtras[R] : Record<never, never>;
};

/** The Firestore documents the apps read, as the client converters return them. */
export interface ContractDocuments {
  /** orders/{orderId} (orderId is the document id; the converter adds it). */
  OrderDoc: Order;
  /** orders/{orderId}/events/{version}. */
  OrderEventDoc: OrderEvent & { storeId: string; customerUid: string };
  /** stores/{storeId}: the public part (anyone reads an active store). */
  StoreDoc: Omit<StoreProfile, PrivateStoreField>;
  /** stores/{storeId}/private/profile: the business records (its members and admins). */
  StorePrivateProfileDoc: PrivateStoreProfile & { updatedAt: number | null };
  /** orders/{orderId}/staffActions/{version}: who acted for the store (its members only). */
  StaffActionDoc: StaffAction & { storeId: string };
  /** stores/{storeId}/menuItems/{itemId}. */
  MenuItemDoc: MenuItemDetails;
  /** stores/{storeId}/members/{uid}. */
  MemberDoc: Membership;
  /** partnerApplications/{applicationId}. */
  PartnerApplicationDoc: PartnerApplication;
  /** storeInvitations/{invitationId}: the invitee (verified email) and the store's owners. */
  StoreInvitationDoc: Invitation;
  /** stores/{storeId}/memberContacts/{uid}: a member's sign-in email (owners, and the member). */
  MemberContactDoc: MemberContact;
}
