// Who the caller is, from their ID token's custom claims. This module owns the claim shape:
//   { admin?: true, stores?: { [storeId]: 'owner' | 'staff' } }
// `stores` mirrors the membership documents stores/{storeId}/members/{uid} (via users/{uid}.stores,
// see infra/users.ts); `admin` is granted out of band and never touched here. Rules and callables
// check these claims so that no extra document is read to authorize a call.
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

export function storeRoleOf(caller: Caller, storeId: string): StoreRole | null {
  const stores = caller.token.stores;
  if (!stores || typeof stores !== 'object') return null;
  const role = (stores as Record<string, unknown>)[storeId];
  return isStoreRole(role) ? role : null;
}

/** Every role the caller holds towards this order, most privileged first. */
export function actorsFor(caller: Caller, order: Pick<Order, 'storeId' | 'customerUid'>): Actor[] {
  const actors: Actor[] = [];
  if (storeRoleOf(caller, order.storeId)) actors.push({ role: 'partner', uid: caller.uid });
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
  order: Order,
  command: OrderCommand,
  now: number,
): { actor: Actor; decision: Decision } {
  const actors = actorsFor(caller, order);
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

/** Throws unless the caller's claims allow the action at this store (domain/permissions.ts). */
export function requireStoreAction(caller: Caller, storeId: string, action: StoreAction): void {
  const denial = storeActionDenial(storeRoleOf(caller, storeId), isAdmin(caller), action);
  if (denial) throw new DomainError(denial, { storeId });
}

/** Firebase refuses custom claims whose JSON is longer than this. */
export const CLAIMS_BYTE_LIMIT = 1000;

export type CustomClaims = Record<string, unknown>;

/**
 * The user's claims with `stores` replaced by their memberships. Every other key (`admin`, or claims
 * another feature sets) is kept as it is; `stores` is left out when they belong to no store.
 */
export function withStoreClaims(existing: CustomClaims | undefined, stores: Readonly<Record<string, StoreRole>>): CustomClaims {
  const { stores: _previous, ...others } = existing ?? {};
  const sorted = Object.fromEntries(Object.entries(stores).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const claims = Object.keys(sorted).length > 0 ? { ...others, stores: sorted } : others;
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
