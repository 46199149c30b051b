// The order state machine: one declarative table of transitions, a decision function that says
// allow, no-op or deny-with-reason for (state, command, actor), and the pure patch each transition
// applies. Pure TypeScript: the Firestore shell reads the order, calls `decide`/`applyTransition`
// inside a transaction and writes what they return.

import {
  ActorRole,
  AUTO_COMPLETE_AFTER_MS,
  CUSTOMER_CALL_INTERVAL_MS,
  Flow,
  flowOf,
  initialPrepMinutes,
  MAX_PREP_EXTENSIONS,
  Order,
  OrderStatus,
} from './order';
import { isCancelReasonFor } from './cancelReasons';
import { Reason } from './reasons';

export type OrderCommand =
  | { type: 'start_preparing'; prepMinutes: number }
  | { type: 'mark_ready' }
  | { type: 'call_customer' }
  | { type: 'extend_prep'; addMinutes: number }
  | { type: 'complete' }
  | { type: 'auto_complete' }
  | { type: 'prepare_shipment' }
  | { type: 'ship'; carrier: string; trackingNumber: string }
  | { type: 'update_tracking'; carrier: string; trackingNumber: string }
  | { type: 'mark_delivered' }
  | { type: 'cancel'; reason: string; note: string | null };

export type CommandType = OrderCommand['type'];

export const COMMAND_TYPES: readonly CommandType[] = [
  'start_preparing',
  'mark_ready',
  'call_customer',
  'extend_prep',
  'complete',
  'auto_complete',
  'prepare_shipment',
  'ship',
  'update_tracking',
  'mark_delivered',
  'cancel',
];

export interface Actor {
  role: ActorRole;
  uid: string | null; // null for the system
}

/** What the machine needs to see of an order. */
export type OrderState = Pick<Order, 'channel' | 'status' | 'createdAt' | 'autoCompleteAt' | 'prep' | 'shipment'> &
  Partial<Pick<Order, 'readyAt' | 'customerCall'>>;

interface TransitionRule {
  command: CommandType;
  flow: Flow;
  from: readonly OrderStatus[];
  to: OrderStatus;
  actors: readonly ActorRole[];
  /** Extra condition beyond state and actor; returns the denial reason, or null to allow. */
  guard?: (order: OrderState, now: number) => Reason | null;
}

const STAFF: readonly ActorRole[] = ['partner', 'admin'];

/** The whole lifecycle of both flows (partner guide §03-§06). */
export const TRANSITIONS: readonly TransitionRule[] = [
  // 매장/포장
  { command: 'start_preparing', flow: 'pickup', from: ['received'], to: 'preparing', actors: STAFF },
  // 준비완료 and 고객 호출 (issue 14): optional; 처리 완료 works from preparing as the guide says, and from ready.
  { command: 'mark_ready', flow: 'pickup', from: ['preparing'], to: 'ready', actors: STAFF },
  {
    command: 'call_customer',
    flow: 'pickup',
    from: ['ready'],
    to: 'ready',
    actors: STAFF,
    guard: (order, now) => (now >= nextCustomerCallAt(order) ? null : 'customer_called_recently'),
  },
  {
    command: 'extend_prep',
    flow: 'pickup',
    from: ['preparing'],
    to: 'preparing',
    actors: STAFF,
    guard: (order) => ((order.prep?.extensions?.length ?? 0) < MAX_PREP_EXTENSIONS ? null : 'prep_extension_limit'),
  },
  { command: 'complete', flow: 'pickup', from: ['preparing', 'ready'], to: 'completed', actors: STAFF },
  {
    command: 'auto_complete',
    flow: 'pickup',
    from: ['received', 'preparing', 'ready'],
    to: 'completed',
    actors: ['system'],
    guard: (order, now) => (now >= autoCompleteAtOf(order) ? null : 'not_yet_due'),
  },
  // 배송
  { command: 'prepare_shipment', flow: 'delivery', from: ['received'], to: 'preparing_shipment', actors: STAFF },
  { command: 'ship', flow: 'delivery', from: ['preparing_shipment'], to: 'shipped', actors: STAFF },
  { command: 'update_tracking', flow: 'delivery', from: ['shipped'], to: 'shipped', actors: STAFF },
  { command: 'mark_delivered', flow: 'delivery', from: ['shipped'], to: 'completed', actors: ['system'] },
  // 취소: the owner before completion (pickup) or before shipment (delivery); the customer only
  // before anyone has started on the order.
  { command: 'cancel', flow: 'pickup', from: ['received', 'preparing', 'ready'], to: 'cancelled', actors: STAFF },
  { command: 'cancel', flow: 'delivery', from: ['received', 'preparing_shipment'], to: 'cancelled', actors: STAFF },
  { command: 'cancel', flow: 'pickup', from: ['received'], to: 'cancelled', actors: ['customer'] },
  { command: 'cancel', flow: 'delivery', from: ['received'], to: 'cancelled', actors: ['customer'] },
];

export type Decision =
  | { outcome: 'transition'; from: OrderStatus; to: OrderStatus }
  | { outcome: 'noop' }
  | { outcome: 'deny'; reason: Reason };

export function autoCompleteAtOf(order: Pick<Order, 'createdAt' | 'autoCompleteAt'>): number {
  return order.autoCompleteAt ?? order.createdAt + AUTO_COMPLETE_AFTER_MS;
}

/** The earliest time the customer may be called again: a minute after the last ready push. */
export function nextCustomerCallAt(order: Partial<Pick<Order, 'readyAt' | 'customerCall'>>): number {
  const lastPush = order.customerCall?.lastAt ?? order.readyAt ?? 0;
  return lastPush + CUSTOMER_CALL_INTERVAL_MS;
}

/**
 * Decides a command. Checks run from the most to the least fundamental, so the reason names the
 * first thing the caller would have to change: who they are, then the kind of order, then its state.
 */
export function decide(order: OrderState, command: OrderCommand, actor: Actor, now: number): Decision {
  const flow = flowOf(order.channel);
  const forCommand = TRANSITIONS.filter((rule) => rule.command === command.type);
  const forActor = forCommand.filter((rule) => rule.actors.includes(actor.role));
  if (forActor.length === 0) return { outcome: 'deny', reason: 'actor_not_permitted' };
  // A reason speaks for one side (a customer can't say the store is busy): part of who they are.
  if (command.type === 'cancel' && !isCancelReasonFor(command.reason, actor.role)) {
    return { outcome: 'deny', reason: 'cancel_reason_not_for_actor' };
  }

  const forFlow = forActor.filter((rule) => rule.flow === flow);
  if (forFlow.length === 0) {
    return { outcome: 'deny', reason: flow === 'pickup' ? 'not_delivery_order' : 'not_pickup_order' };
  }

  const repeat = repeatDecision(order, command);
  if (repeat) return repeat;

  const rule = forFlow.find((candidate) => candidate.from.includes(order.status));
  if (!rule) return { outcome: 'deny', reason: stateDenial(order.status, command, actor) };

  const guardReason = rule.guard?.(order, now) ?? null;
  if (guardReason) return { outcome: 'deny', reason: guardReason };
  return { outcome: 'transition', from: order.status, to: rule.to };
}

/**
 * A command repeated against the state it produced is a successful no-op, so a client can retry
 * after a lost response. The same command with different data is not a repeat.
 */
function repeatDecision(order: OrderState, command: OrderCommand): Decision | null {
  const noop: Decision = { outcome: 'noop' };
  switch (command.type) {
    case 'start_preparing':
      if (order.status !== 'preparing') return null;
      if (order.prep && initialPrepMinutes(order.prep) === command.prepMinutes) return noop;
      return { outcome: 'deny', reason: 'already_preparing' };
    case 'mark_ready':
      return order.status === 'ready' ? noop : null;
    case 'call_customer':
    case 'extend_prep':
      // Each call is a new request (another push, more minutes), never a retry of the last one.
      return null;
    case 'ship':
      if (order.status !== 'shipped') return null;
      return sameTracking(order, command) ? noop : { outcome: 'deny', reason: 'already_shipped' };
    case 'update_tracking':
      return order.status === 'shipped' && sameTracking(order, command) ? noop : null;
    case 'prepare_shipment':
      return order.status === 'preparing_shipment' ? noop : null;
    case 'complete':
    case 'auto_complete':
    case 'mark_delivered':
      return order.status === 'completed' ? noop : null;
    case 'cancel':
      return order.status === 'cancelled' ? noop : null;
  }
}

function sameTracking(order: OrderState, command: { carrier: string; trackingNumber: string }): boolean {
  return order.shipment?.carrier === command.carrier && order.shipment.trackingNumber === command.trackingNumber;
}

/** Why no transition of this command starts from the order's state. */
function stateDenial(status: OrderStatus, command: OrderCommand, actor: Actor): Reason {
  if (status === 'cancelled') return 'order_cancelled';
  if (status === 'completed') return 'order_completed';
  switch (command.type) {
    case 'cancel':
      if (status === 'shipped') return 'cancel_after_shipment';
      if (actor.role === 'customer') return 'customer_cancel_too_late';
      return 'invalid_transition';
    case 'start_preparing':
      return status === 'ready' ? 'already_preparing' : 'invalid_transition';
    case 'complete':
    case 'mark_ready':
      return status === 'received' ? 'preparation_not_started' : 'invalid_transition';
    case 'call_customer':
      return 'order_not_ready';
    case 'extend_prep':
      return status === 'received' ? 'preparation_not_started' : 'extend_prep_not_preparing';
    case 'ship':
      return status === 'received' ? 'shipment_not_prepared' : 'invalid_transition';
    case 'update_tracking':
    case 'mark_delivered':
      return 'not_shipped';
    case 'prepare_shipment':
      return status === 'shipped' ? 'already_shipped' : 'invalid_transition';
    default:
      return 'invalid_transition';
  }
}

/** The fields a transition changes, in domain terms (epoch ms). */
export type OrderPatch = Partial<Order> & Pick<Order, 'status' | 'updatedAt' | 'version'>;

/** The history entry written with every transition: `orders/{orderId}/events/{version}`. */
export interface OrderEvent {
  version: number;
  /** 'place' is the creation entry (version 1, from null); the rest are commands. */
  command: CommandType | 'place';
  actorRole: ActorRole;
  actorUid: string | null;
  from: OrderStatus | null;
  to: OrderStatus;
  at: number;
  data: Record<string, unknown>;
}

/** Applies an allowed transition: the patch for the order and its history entry. */
export function applyTransition(
  order: Pick<Order, 'status' | 'version' | 'shipment'> & Partial<Pick<Order, 'prep' | 'customerCall'>>,
  command: OrderCommand,
  actor: Actor,
  to: OrderStatus,
  now: number,
): { patch: OrderPatch; event: OrderEvent } {
  const version = order.version + 1;
  const patch: OrderPatch = { status: to, updatedAt: now, version };
  const { type, ...commandData } = command;
  const data: Record<string, unknown> = commandData;
  switch (command.type) {
    case 'start_preparing':
      patch.prep = { minutes: command.prepMinutes, startedAt: now };
      break;
    case 'mark_ready':
      patch.readyAt = now;
      break;
    case 'call_customer': {
      const count = (order.customerCall?.count ?? 0) + 1;
      patch.customerCall = { count, lastAt: now };
      data.call = count;
      break;
    }
    case 'extend_prep': {
      const prep = order.prep;
      if (!prep) throw new Error('extend_prep allowed without prep'); // the table only allows it from preparing
      const extensions = [...(prep.extensions ?? []), { addMinutes: command.addMinutes, at: now }];
      patch.prep = { minutes: prep.minutes + command.addMinutes, startedAt: prep.startedAt, extensions };
      data.previousMinutes = prep.minutes;
      data.minutes = patch.prep.minutes;
      data.promisedAt = prep.startedAt + patch.prep.minutes * 60_000;
      break;
    }
    case 'prepare_shipment':
      patch.shipmentPreparingAt = now;
      break;
    case 'ship':
      patch.shipment = {
        carrier: command.carrier,
        trackingNumber: command.trackingNumber,
        shippedAt: now,
        updatedAt: now,
        deliveredAt: null,
        lastCheckedAt: now,
        lastEvent: null,
      };
      break;
    case 'update_tracking': {
      const previous = order.shipment;
      patch.shipment = {
        carrier: command.carrier,
        trackingNumber: command.trackingNumber,
        shippedAt: previous?.shippedAt ?? now,
        updatedAt: now,
        deliveredAt: null,
        // Events of the previous number no longer describe this parcel.
        lastCheckedAt: now,
        lastEvent: null,
      };
      data.previous = previous ? { carrier: previous.carrier, trackingNumber: previous.trackingNumber } : null;
      break;
    }
    case 'mark_delivered':
      if (order.shipment) patch.shipment = { ...order.shipment, deliveredAt: now };
      patch.completion = { by: actor.role, uid: actor.uid, at: now };
      break;
    case 'complete':
    case 'auto_complete':
      patch.completion = { by: actor.role, uid: actor.uid, at: now };
      break;
    case 'cancel':
      patch.cancellation = { by: actor.role, uid: actor.uid, reason: command.reason, note: command.note, at: now };
      break;
  }
  const event: OrderEvent = {
    version,
    command: type,
    actorRole: actor.role,
    actorUid: actor.uid,
    from: order.status,
    to,
    at: now,
    data,
  };
  return { patch, event };
}
