// Who may do what at a store. Pure: the callables read the caller's role from their custom claims
// (app/caller.ts) and ask here whether that role may take the action.
//
// Roles (partner guide §01: the owner enters the partner center once the store is approved):
//   owner  runs the store: orders, menu, store settings and its members. A store always keeps one.
//   staff  processes orders (준비시작, 처리 완료, 배송, 취소) and nothing else; no sales figures
//          or exports (매출 is the owner's business, docs/sales.md).
// Admins (claim `admin: true`) review applications and may act for any store, for support.
import { Reason } from './reasons';

export const STORE_ROLES = ['owner', 'staff'] as const;
export type StoreRole = (typeof STORE_ROLES)[number];

export const STORE_ACTIONS = ['process_orders', 'manage_members', 'manage_menu', 'manage_store', 'view_sales'] as const;
export type StoreAction = (typeof STORE_ACTIONS)[number];

export const ROLE_PERMISSIONS: Readonly<Record<StoreRole, readonly StoreAction[]>> = {
  owner: STORE_ACTIONS,
  staff: ['process_orders'],
};

/**
 * At most this many stores per user. Each store costs about 35 bytes of custom claims
 * (`"<20-char id>":"owner",`), so ten keep the partner part near 350 of the 1,000 bytes Firebase allows.
 */
export const MAX_STORES_PER_USER = 10;

export function isStoreRole(value: unknown): value is StoreRole {
  return (STORE_ROLES as readonly unknown[]).includes(value);
}

/** Why this caller may not take the action at the store, or null if they may. */
export function storeActionDenial(role: StoreRole | null, admin: boolean, action: StoreAction): Reason | null {
  if (admin) return null;
  if (!role) return 'not_store_member';
  return ROLE_PERMISSIONS[role].includes(action) ? null : 'store_owner_only';
}

/**
 * Adding a user to a store: 'noop' when they already hold exactly that role (a retried call),
 * a denial when they hold another role or already belong to the maximum number of stores.
 */
export function memberAdditionDecision(
  stores: Readonly<Record<string, StoreRole>>,
  storeId: string,
  role: StoreRole,
): 'add' | 'noop' | Reason {
  const current = stores[storeId];
  if (current === role) return 'noop';
  if (current) return 'already_member';
  return Object.keys(stores).length >= MAX_STORES_PER_USER ? 'too_many_stores' : 'add';
}

/** Removing a member: a store must keep at least one owner, so the only owner cannot leave. */
export function memberRemovalDenial(targetRole: StoreRole, ownerCount: number): Reason | null {
  return targetRole === 'owner' && ownerCount <= 1 ? 'last_owner' : null;
}
