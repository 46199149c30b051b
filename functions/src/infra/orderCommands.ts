// Runs one state-machine command against a stored order, in one transaction: read the order,
// decide with the pure machine, write the patch and the history entry. Everything that changes an
// existing order (callables, tasks, sweeps, tracking intake) goes through here.
import * as logger from 'firebase-functions/logger';
import { Order } from '../domain/order';
import { DomainError } from '../domain/reasons';
import { Actor, applyTransition, decide, Decision, OrderCommand } from '../domain/stateMachine';
import { now } from './clock';
import { db } from './firestore';
import { orderFromSnapshot, orderRef, writeTransition } from './orders';

export interface CommandResult {
  order: Order;
  outcome: 'transition' | 'noop';
}

/**
 * @param decideFor chooses the actor and decision for the order as read in this attempt; it throws
 *   a DomainError when the caller has no role on the order.
 */
export async function runOrderCommand(
  orderId: string,
  command: OrderCommand,
  decideFor: (order: Order, at: number) => { actor: Actor; decision: Decision },
): Promise<CommandResult> {
  const result = await db().runTransaction(async (tx) => {
    const snapshot = await tx.get(orderRef(orderId));
    if (!snapshot.exists) throw new DomainError('order_not_found');
    const order = orderFromSnapshot(snapshot);
    const at = now();
    const { actor, decision } = decideFor(order, at);
    if (decision.outcome === 'deny') {
      logger.info('order.command_denied', {
        orderId,
        storeId: order.storeId,
        command: command.type,
        reason: decision.reason,
        status: order.status,
        actorRole: actor.role,
      });
      throw new DomainError(decision.reason, { status: order.status });
    }
    if (decision.outcome === 'noop') return { order, outcome: 'noop' as const, actor };
    const { patch, event } = applyTransition(order, command, actor, decision.to, at);
    writeTransition(tx, orderId, patch, event);
    return { order: { ...order, ...patch }, outcome: 'transition' as const, actor };
  });
  logger.info('order.command', {
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

/** A command by the system itself (auto-complete timer, courier delivery report). */
export function runSystemCommand(orderId: string, command: OrderCommand): Promise<CommandResult> {
  return runOrderCommand(orderId, command, (order, at) => ({
    actor: SYSTEM_ACTOR,
    decision: decide(order, command, SYSTEM_ACTOR, at),
  }));
}
