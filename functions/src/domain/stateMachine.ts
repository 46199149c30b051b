// The engine of the order state machine: decides allow, no-op or deny-with-reason for (state,
// command, actor) and applies an allowed transition, both by reading the one specification in
// domain/lifecycle.ts. Pure TypeScript: the Firestore shell reads the order, calls
// `decide`/`applyTransition` inside a transaction and writes what they return.

import { flowOf, OrderStatus } from './order';
import {
  Actor,
  actorDenial,
  AppliedOrder,
  COMMANDS,
  Decision,
  OrderCommand,
  OrderEvent,
  OrderPatch,
  OrderState,
  stateDenial,
  TABLE_ROWS,
} from './lifecycle';

export type { Actor, CommandType, Decision, OrderCommand, OrderEvent, OrderPatch, OrderState, RuleRow } from './lifecycle';
export { autoCompleteAtOf, COMMAND_TYPES, nextCustomerCallAt, RULE_ROWS } from './lifecycle';

/** The whole lifecycle of both flows as one table (rows of domain/lifecycle.ts COMMANDS, with guards). */
export const TRANSITIONS = TABLE_ROWS;

/**
 * Decides a command. Checks run from the most to the least fundamental, so the reason names the
 * first thing the caller would have to change: who they are, then the kind of order, then its state.
 */
export function decide(order: OrderState, command: OrderCommand, actor: Actor, now: number): Decision {
  const flow = flowOf(order.channel);
  const spec = COMMANDS[command.type];
  const forActor = spec.rules.filter((rule) => rule.actors.includes(actor.role));
  if (forActor.length === 0) return { outcome: 'deny', reason: 'actor_not_permitted' };
  const denial = actorDenial(command, actor);
  if (denial) return { outcome: 'deny', reason: denial };

  const forFlow = forActor.filter((rule) => rule.flow === flow);
  if (forFlow.length === 0) {
    return { outcome: 'deny', reason: flow === 'pickup' ? 'not_delivery_order' : 'not_pickup_order' };
  }

  // The spec's own type of command: COMMANDS[command.type] takes exactly this command.
  const repeat = (spec.repeat as (order: OrderState, command: OrderCommand) => Decision | null)(order, command);
  if (repeat) return repeat;

  const rule = forFlow.find((candidate) => candidate.from.includes(order.status));
  if (!rule) return { outcome: 'deny', reason: stateDenial(order.status, command, actor) };

  const guardReason = rule.guard?.(order, now) ?? null;
  if (guardReason) return { outcome: 'deny', reason: guardReason };
  return { outcome: 'transition', from: order.status, to: rule.to };
}

/** Applies an allowed transition: the patch for the order and its history entry. */
export function applyTransition(
  order: AppliedOrder,
  command: OrderCommand,
  actor: Actor,
  to: OrderStatus,
  now: number,
): { patch: OrderPatch; event: OrderEvent } {
  const version = order.version + 1;
  const apply = COMMANDS[command.type].apply as (
    order: AppliedOrder,
    command: OrderCommand,
    actor: Actor,
    now: number,
  ) => { patch?: Partial<OrderPatch>; data?: Record<string, unknown> };
  const applied = apply(order, command, actor, now);
  const patch: OrderPatch = { status: to, updatedAt: now, version, ...applied.patch };
  const { type, ...commandData } = command;
  const event: OrderEvent = {
    version,
    command: type,
    actorRole: actor.role,
    actorUid: actor.uid,
    from: order.status,
    to,
    at: now,
    data: { ...commandData, ...applied.data },
  };
  return { patch, event };
}
