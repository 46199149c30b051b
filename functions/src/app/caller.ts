// Who the caller is. This module owns the claim shape:
//   { admin?: true, stores?: { [storeId]: 'owner' | 'staff' } }
// `stores` mirrors the membership documents stores/{storeId}/members/{uid} (via users/{uid}.stores,
// see infra/users.ts); `admin` mirrors users/{uid}.admin. Both are written only by the claims sync.
// Claims are the app's hint (which partner center to show) and nothing more for stores: every
// store write decides on the membership document read in its own transaction (the `storeRole`
// arguments below, from infra/stores.ts readStoreRole), so a removal takes effect on the next call,
// not at the next token refresh. `admin` is still taken from the token (see docs/onboarding.md).
import { fingerprint } from '../domain/ids';
import { Order } from '../domain/order';
import { isStoreRole, StoreAction, storeActionDenial, type StoreRole } from '../domain/permissions';
import { Actor, decide, Decision, OrderCommand } from '../domain/stateMachine';
import { DomainError } from '../domain/reasons';

export { STORE_ROLES } from '../domain/permissions';
export type { StoreRole } from '../domain/permissions';

export interface Caller {
  uid: string;
  token: Record<string, unknown>;
}

export function isAdmin(caller: Caller): boolean {
  return caller.token.admin === true;
}

/** The role the caller's token claims at the store: a hint for the app, never authority. */
export function claimedStoreRole(caller: Caller, storeId: string): StoreRole | null {
  const stores = caller.token.stores;
  if (!stores || typeof stores !== 'object') return null;
  const role = (stores as Record<string, unknown>)[storeId];
  return isStoreRole(role) ? role : null;
}

/** The stores the caller's token claims a role at: which membership documents to read, never authority. */
export function claimedStoreIds(caller: Caller): string[] {
  const stores = caller.token.stores;
  if (!stores || typeof stores !== 'object') return [];
  return Object.keys(stores as Record<string, unknown>).filter((storeId) => claimedStoreRole(caller, storeId) !== null);
}

/**
 * Every role the caller holds towards this order, most privileged first. `storeRole` is the
 * caller's membership at the order's store, read in the command's transaction.
 */
export function actorsFor(caller: Caller, storeRole: StoreRole | null, order: Pick<Order, 'storeId' | 'customerUid'>): Actor[] {
  const actors: Actor[] = [];
  if (storeRole) actors.push({ role: 'partner', uid: caller.uid });
  if (isAdmin(caller)) actors.push({ role: 'admin', uid: caller.uid });
  if (order.customerUid === caller.uid) actors.push({ role: 'customer', uid: caller.uid });
  return actors;
}

/**
 * Decides a command for a caller who may hold several roles (an owner ordering at their own store
 * is also its customer): the first role the machine allows wins; otherwise the most privileged
 * role's denial is reported.
 */
export function decideForCaller(
  caller: Caller,
  storeRole: StoreRole | null,
  order: Order,
  command: OrderCommand,
  now: number,
): { actor: Actor; decision: Decision } {
  const actors = actorsFor(caller, storeRole, order);
  if (actors.length === 0) throw new DomainError('not_order_participant');
  let first: { actor: Actor; decision: Decision } | undefined;
  for (const actor of actors) {
    const decision = decide(order, command, actor, now);
    if (decision.outcome !== 'deny') return { actor, decision };
    first ??= { actor, decision };
  }
  return first!;
}

/** Throws unless the caller is an admin (custom claim `admin: true`). */
export function requireAdmin(caller: Caller): void {
  if (!isAdmin(caller)) throw new DomainError('admin_only');
}

/**
 * Throws unless the caller may take the action at this store (domain/permissions.ts). `storeRole`
 * is their membership read in the same transaction as the write, never the token's claim.
 */
export function requireStoreAction(caller: Caller, storeRole: StoreRole | null, storeId: string, action: StoreAction): void {
  const denial = storeActionDenial(storeRole, isAdmin(caller), action);
  if (denial) throw new DomainError(denial, { storeId });
}

/** Firebase refuses custom claims whose JSON is longer than this. */
export const CLAIMS_BYTE_LIMIT = 1000;

export type CustomClaims = Record<string, unknown>;

/**
 * The user's claims derived from the server's documents: `stores` from their memberships and
 * `admin` from users/{uid}.admin. Both keys are always recomputed, never copied from `existing`,
 * so a sync that read the claims before a revocation cannot write the revoked claim back. Keys
 * this module does not own (another feature's) are kept as they are; `stores` is left out when
 * they belong to no store, `admin` when they are not one.
 */
export function withStoreClaims(
  existing: CustomClaims | undefined,
  stores: Readonly<Record<string, StoreRole>>,
  admin = false,
): CustomClaims {
  const { stores: _previous, admin: _previousAdmin, ...others } = existing ?? {};
  const sorted = Object.fromEntries(Object.entries(stores).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const withAdmin: CustomClaims = admin ? { ...others, admin: true } : others;
  const claims = Object.keys(sorted).length > 0 ? { ...withAdmin, stores: sorted } : withAdmin;
  const size = claimsByteSize(claims);
  if (size > CLAIMS_BYTE_LIMIT) {
    // MAX_STORES_PER_USER keeps `stores` far below this; reaching it means another claim grew.
    throw new Error(`custom claims would be ${size} bytes, over Firebase's ${CLAIMS_BYTE_LIMIT}`);
  }
  return claims;
}

export function claimsByteSize(claims: CustomClaims): number {
  return Buffer.byteLength(JSON.stringify(claims), 'utf8');
}

/** Same claims regardless of key order. */
export function sameClaims(a: CustomClaims | undefined, b: CustomClaims | undefined): boolean {
  return fingerprint(a ?? {}) === fingerprint(b ?? {});
}
