// Who the caller is, from their ID token's custom claims. This module owns the claim shape:
//   { admin?: true, stores?: { [storeId]: 'owner' | 'staff' } }
// Rules and callables check these claims so that no extra document is read to authorize a call.
import { Order } from '../domain/order';
import { Actor, decide, Decision, OrderCommand } from '../domain/stateMachine';
import { DomainError } from '../domain/reasons';

export const STORE_ROLES = ['owner', 'staff'] as const;
export type StoreRole = (typeof STORE_ROLES)[number];

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
  return role === 'owner' || role === 'staff' ? role : null;
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
