// Runs one state-machine command against a stored order, in one transaction: read the order,
// decide with the pure machine, write the patch and the history entry. Everything that changes an
// existing order (callables, tasks, sweeps, tracking intake) goes through here.
import type { DocumentReference, DocumentSnapshot, Transaction } from 'firebase-admin/firestore';
import * as logger from 'firebase-functions/logger';
import { Order } from '../domain/order';
import { DomainError } from '../domain/reasons';
import { MAX_PREP_EXTENSIONS } from '../domain/order';
import { Actor, applyTransition, decide, Decision, nextCustomerCallAt, OrderCommand, OrderEvent, OrderPatch } from '../domain/stateMachine';
import { now } from '../infra/clock';
import { db } from '../infra/firestore';
import { orderFromSnapshot, orderRef, writeTransition } from '../infra/orders';
import { memberRef, readStoreRole, storeRoleFromSnapshot } from '../infra/stores';
import { Caller, claimedStoreIds, decideForCaller } from './caller';
import { LOG_EVENTS } from '../logEvents';

export interface CommandResult {
  order: Order;
  outcome: 'transition' | 'noop';
}

export type DecideFor = (order: Order, at: number) => { actor: Actor; decision: Decision };

/** Shapes an allowed transition before it is written, e.g. to record what caused it. */
export type TransitionExtension = (transition: { patch: OrderPatch; event: OrderEvent }) => {
  patch: OrderPatch;
  event: OrderEvent;
};

export interface StagedCommand extends CommandResult {
  actor: Actor;
}

/**
 * Decides a command for an order already read in `tx` and stages its writes there: the order patch
 * and its history entry. Throws a DomainError on a denial, with nothing staged. Callers that must
 * read other documents in the same transaction (tracking intake) read first, then call this.
 */
export function stageOrderCommand(
  tx: Transaction,
  order: Order,
  command: OrderCommand,
  decideFor: DecideFor,
  at: number,
  extend?: TransitionExtension,
): StagedCommand {
  const { actor, decision } = decideFor(order, at);
  if (decision.outcome === 'deny') {
    logger.info(LOG_EVENTS.orderCommandDenied, {
      orderId: order.orderId,
      storeId: order.storeId,
      command: command.type,
      reason: decision.reason,
      status: order.status,
      actorRole: actor.role,
    });
    throw new DomainError(decision.reason, denialExtra(order, command, decision.reason, at));
  }
  if (decision.outcome === 'noop') return { order, outcome: 'noop', actor };
  const applied = applyTransition(order, command, actor, decision.to, at);
  const { patch, event } = extend ? extend(applied) : applied;
  writeTransition(tx, order, patch, event);
  return { order: { ...order, ...patch }, outcome: 'transition', actor };
}

function denialExtra(
  order: Order,
  command: OrderCommand,
  reason: DomainError['reason'],
  at: number,
): Record<string, unknown> & { status: Order['status'] } {
  if (reason === 'customer_called_recently') {
    return { status: order.status, retryAt: new Date(Math.max(at, nextCustomerCallAt(order))).toISOString() };
  }
  if (reason === 'prep_extension_limit') return { status: order.status, max: MAX_PREP_EXTENSIONS };
  if (reason === 'prep_extension_key_reused' && command.type === 'extend_prep') {
    // The minutes the key was first used with: what the order already got.
    const made = order.prep?.extensions?.find((extension) => extension.requestId === command.requestId);
    return { status: order.status, ...(made ? { addMinutes: made.addMinutes } : {}) };
  }
  return { status: order.status };
}

/**
 * Reads, in the command's transaction, whatever decides who the caller is towards this order (a
 * partner's membership document), and returns the decider. `prefetched` are the snapshots of the
 * `prefetch` references, read in the same batch as the order.
 */
export type AuthorizeFor = (tx: Transaction, order: Order, prefetched: DocumentSnapshot[]) => Promise<DecideFor>;

/**
 * @param decideFor chooses the actor and decision for the order as read in this attempt; it throws
 *   a DomainError when the caller has no role on the order. A function of (tx, order) returning a
 *   promise of one (AuthorizeFor) may read documents first, in the same transaction; documents it
 *   can name before the order is read (`prefetch`) come in the order's own read, one round trip.
 */
export async function runOrderCommand(
  orderId: string,
  command: OrderCommand,
  decideFor: DecideFor | { authorize: AuthorizeFor; prefetch?: DocumentReference[] },
): Promise<CommandResult> {
  const prefetch = typeof decideFor === 'function' ? [] : (decideFor.prefetch ?? []);
  const result = await db().runTransaction(async (tx) => {
    // One BatchGetDocuments, which also begins the transaction (firebase-admin starts it lazily).
    const [snapshot, ...prefetched] = await tx.getAll(orderRef(orderId), ...prefetch);
    if (!snapshot.exists) throw new DomainError('order_not_found');
    const order = orderFromSnapshot(snapshot);
    const decider = typeof decideFor === 'function' ? decideFor : await decideFor.authorize(tx, order, prefetched);
    return stageOrderCommand(tx, order, command, decider, now());
  });
  logger.info(LOG_EVENTS.orderCommand, {
    orderId,
    storeId: result.order.storeId,
    command: command.type,
    outcome: result.outcome,
    status: result.order.status,
    version: result.order.version,
    actorRole: result.actor.role,
  });
  return { order: result.order, outcome: result.outcome };
}

export const SYSTEM_ACTOR: Actor = { role: 'system', uid: null };

/** Decides a command as the system itself. */
export function decideAsSystem(command: OrderCommand): DecideFor {
  return (order, at) => ({ actor: SYSTEM_ACTOR, decision: decide(order, command, SYSTEM_ACTOR, at) });
}

/** A command by the system itself (auto-complete timer, courier delivery report). */
export function runSystemCommand(orderId: string, command: OrderCommand): Promise<CommandResult> {
  return runOrderCommand(orderId, command, decideAsSystem(command));
}

/**
 * A command by a signed-in caller (partner, admin or the order's customer). A partner is whoever
 * holds a membership document at the order's store, read in the command's transaction: a removed
 * member's next call is refused even while their ID token still claims the store.
 */
export function runCallerCommand(orderId: string, command: OrderCommand, caller: Caller): Promise<CommandResult> {
  // The order's store is known only once the order is read. A partner's token usually claims the one
  // store they work at: read that membership in the same batch as the order (one round trip). The
  // claim only picks the document; the role is the document's. Otherwise (no claim, several, or
  // another store than the order's) the membership is read after the order.
  const claimed = claimedStoreIds(caller);
  const hintedStoreId = claimed.length === 1 ? claimed[0] : null;
  return runOrderCommand(orderId, command, {
    prefetch: hintedStoreId ? [memberRef(hintedStoreId, caller.uid)] : [],
    authorize: async (tx, current, [membership]) => {
      const storeRole =
        membership && hintedStoreId === current.storeId
          ? storeRoleFromSnapshot(membership)
          : await readStoreRole(tx, current.storeId, caller.uid);
      return (order, at) => decideForCaller(caller, storeRole, order, command, at);
    },
  });
}
