// The order lifecycle, specified in one place. Each command has one entry in COMMANDS: its rule
// rows (flow, from, to, actors, guard), what a repeat means, why it is refused from other states,
// the patch it applies, the customer notice it causes and its timer effects. Order creation is the
// `place` command (PLACE). The engine that runs this table is domain/stateMachine.ts; the status
// sets below are derived from it. Pure TypeScript: no Firebase imports.

import { isCancelReasonFor } from './cancelReasons';
import type { CustomerNotice } from './notifications';
import {
  ActorRole,
  AUTO_COMPLETE_AFTER_MS,
  Channel,
  CUSTOMER_CALL_INTERVAL_MS,
  DeliveryAddress,
  Flow,
  flowOf,
  initialPrepMinutes,
  MAX_PREP_EXTENSIONS,
  Order,
  OrderItem,
  ORDER_STATUSES,
  OrderStatus,
} from './order';
import { Reason } from './reasons';

export type OrderCommand =
  | { type: 'start_preparing'; prepMinutes: number }
  | { type: 'mark_ready' }
  | { type: 'call_customer' }
  | { type: 'extend_prep'; addMinutes: number; requestId?: string }
  | { type: 'complete' }
  | { type: 'auto_complete' }
  | { type: 'prepare_shipment' }
  | { type: 'ship'; carrier: string; trackingNumber: string }
  | { type: 'update_tracking'; carrier: string; trackingNumber: string }
  | { type: 'mark_delivered' }
  | { type: 'cancel'; reason: string; note: string | null };

export type CommandType = OrderCommand['type'];

export interface Actor {
  role: ActorRole;
  uid: string | null; // null for the system
}

/** What the machine needs to see of an order. */
export type OrderState = Pick<Order, 'channel' | 'status' | 'createdAt' | 'autoCompleteAt' | 'prep' | 'shipment'> &
  Partial<Pick<Order, 'readyAt' | 'customerCall'>>;

/** What applying a command needs to see of an order. */
export type AppliedOrder = Pick<Order, 'status' | 'version' | 'shipment'> & Partial<Pick<Order, 'prep' | 'customerCall'>>;

/** What a trigger sees of an order before and after a change, to tell which command it was. */
export type ObservedOrder = Pick<Order, 'status' | 'shipment'> & Partial<Pick<Order, 'prep' | 'customerCall'>>;

export type Decision =
  { outcome: 'transition'; from: OrderStatus; to: OrderStatus } | { outcome: 'noop' } | { outcome: 'deny'; reason: Reason };

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

/** One row of the machine: in this flow, these actors may take the order from these states to `to`. */
export interface RuleRow {
  flow: Flow;
  from: readonly OrderStatus[];
  to: OrderStatus;
  actors: readonly ActorRole[];
  /** Extra condition beyond state and actor; returns the denial reason, or null to allow. */
  guard?: (order: OrderState, now: number) => Reason | null;
}

// ---------------------------------------------------------------------------------------------
// Timers

/** The order timers on Cloud Tasks. */
export type TimerName = 'autoComplete' | 'reminder';

/**
 * What a command does to the timers. `cancel` deletes a timer that is still pending (its due time
 * not reached); a timer a command leaves alone re-checks the order when it fires.
 */
export interface TimerEffects {
  schedule?: readonly TimerName[];
  cancel?: readonly TimerName[];
}

/** The reason auto_complete's guard gives before the hour: the timer fired early. */
export const NOT_YET_DUE: Reason = 'not_yet_due';

export function autoCompleteAtOf(order: Pick<Order, 'createdAt' | 'autoCompleteAt'>): number {
  return order.autoCompleteAt ?? order.createdAt + AUTO_COMPLETE_AFTER_MS;
}

/** The earliest time the customer may be called again: a minute after the last ready push. */
export function nextCustomerCallAt(order: Partial<Pick<Order, 'readyAt' | 'customerCall'>>): number {
  const lastPush = order.customerCall?.lastAt ?? order.readyAt ?? 0;
  return lastPush + CUSTOMER_CALL_INTERVAL_MS;
}

// ---------------------------------------------------------------------------------------------
// The commands

const STAFF: readonly ActorRole[] = ['partner', 'admin'];

interface CommandSpec<C extends OrderCommand> {
  /** The rule rows (partner guide §03-§06). */
  rules: readonly RuleRow[];
  /**
   * A command repeated against the state it produced is a successful no-op, so a client can retry
   * after a lost response; the same command with different data is not a repeat. Returns null when
   * this is no repeat, so the rule rows decide.
   */
  repeat(order: OrderState, command: C): Decision | null;
  /** Why no rule row starts from this (open) state; 'invalid_transition' when not given. */
  refusal?(status: OrderStatus, actor: Actor): Reason;
  /** The fields the transition sets beyond status/updatedAt/version, and extra history data. */
  apply: (order: AppliedOrder, command: C, actor: Actor, now: number) => { patch?: Partial<Order>; data?: Record<string, unknown> };
  /** The push the customer gets once the transition is written (by the order-updated trigger). */
  notice: CustomerNotice;
  /**
   * For a command that keeps the status: how a trigger, seeing only before and after, tells that
   * this command happened (and so its notice is due).
   */
  happened?(before: ObservedOrder, after: ObservedOrder): boolean;
  timers: TimerEffects;
}

type CommandSpecs = { [K in CommandType]: CommandSpec<Extract<OrderCommand, { type: K }>> };

const noop: Decision = { outcome: 'noop' };
const repeatWhen = (status: OrderStatus) => (order: OrderState) => (order.status === status ? noop : null);
const completion = (actor: Actor, now: number) => ({ patch: { completion: { by: actor.role, uid: actor.uid, at: now } } });

function sameTracking(order: Pick<Order, 'shipment'>, command: { carrier: string; trackingNumber: string }): boolean {
  return order.shipment?.carrier === command.carrier && order.shipment.trackingNumber === command.trackingNumber;
}

/** Table order is the order rows are matched in (and the order of TRANSITIONS). */
export const COMMANDS: CommandSpecs = {
  // ── 매장/포장 ──────────────────────────────────────────────────────────────────────────────
  start_preparing: {
    rules: [{ flow: 'pickup', from: ['received'], to: 'preparing', actors: STAFF }],
    repeat(order, command) {
      if (order.status !== 'preparing') return null;
      if (order.prep && initialPrepMinutes(order.prep) === command.prepMinutes) return noop;
      return { outcome: 'deny', reason: 'already_preparing' };
    },
    refusal: (status) => (status === 'ready' ? 'already_preparing' : 'invalid_transition'),
    apply: (_order, command, _actor, now) => ({ patch: { prep: { minutes: command.prepMinutes, startedAt: now } } }),
    notice: 'preparing',
    timers: {},
  },
  // 준비완료 and 고객 호출 (issue 14): optional; 처리 완료 works from preparing as the guide says, and from ready.
  mark_ready: {
    rules: [{ flow: 'pickup', from: ['preparing'], to: 'ready', actors: STAFF }],
    repeat: repeatWhen('ready'),
    refusal: (status) => (status === 'received' ? 'preparation_not_started' : 'invalid_transition'),
    apply: (_order, _command, _actor, now) => ({ patch: { readyAt: now } }),
    notice: 'ready',
    timers: {},
  },
  call_customer: {
    rules: [
      {
        flow: 'pickup',
        from: ['ready'],
        to: 'ready',
        actors: STAFF,
        guard: (order, now) => (now >= nextCustomerCallAt(order) ? null : 'customer_called_recently'),
      },
    ],
    // Each call is a new request (another push), never a retry of the last one.
    repeat: () => null,
    refusal: () => 'order_not_ready',
    apply(order, _command, _actor, now) {
      const count = (order.customerCall?.count ?? 0) + 1;
      return { patch: { customerCall: { count, lastAt: now } }, data: { call: count } };
    },
    notice: 'customer_called',
    // Each recorded call is one more ready push (the trigger's event id keys it once).
    happened: (before, after) => (after.customerCall?.count ?? 0) > (before.customerCall?.count ?? 0),
    timers: {},
  },
  extend_prep: {
    rules: [
      {
        flow: 'pickup',
        from: ['preparing'],
        to: 'preparing',
        actors: STAFF,
        guard: (order) => ((order.prep?.extensions?.length ?? 0) < MAX_PREP_EXTENSIONS ? null : 'prep_extension_limit'),
      },
    ],
    // Each extension is a new request (more minutes); only one carrying the key of an extension
    // already made is a retry (its response was lost), whatever the order's status is now. The same
    // key with other minutes is no retry: refused, as placeOrder refuses a reused key.
    repeat(order, command) {
      if (command.requestId === undefined) return null;
      const made = order.prep?.extensions?.find((extension) => extension.requestId === command.requestId);
      if (!made) return null;
      return made.addMinutes === command.addMinutes ? noop : { outcome: 'deny', reason: 'prep_extension_key_reused' };
    },
    refusal: (status) => (status === 'received' ? 'preparation_not_started' : 'extend_prep_not_preparing'),
    apply(order, command, _actor, now) {
      const prep = order.prep;
      if (!prep) throw new Error('extend_prep allowed without prep'); // the rows only allow it from preparing
      const extension = {
        addMinutes: command.addMinutes,
        at: now,
        ...(command.requestId === undefined ? {} : { requestId: command.requestId }),
      };
      const extensions = [...(prep.extensions ?? []), extension];
      const minutes = prep.minutes + command.addMinutes;
      return {
        patch: { prep: { minutes, startedAt: prep.startedAt, extensions } },
        data: { previousMinutes: prep.minutes, minutes, promisedAt: prep.startedAt + minutes * 60_000 },
      };
    },
    notice: 'prep_extended',
    happened: (before, after) => (after.prep?.extensions?.length ?? 0) > (before.prep?.extensions?.length ?? 0),
    timers: {},
  },
  complete: {
    rules: [{ flow: 'pickup', from: ['preparing', 'ready'], to: 'completed', actors: STAFF }],
    repeat: repeatWhen('completed'),
    refusal: (status) => (status === 'received' ? 'preparation_not_started' : 'invalid_transition'),
    apply: (_order, _command, actor, now) => completion(actor, now),
    notice: 'completed',
    timers: { cancel: ['autoComplete'] },
  },
  // The one-hour timer itself (partner guide §03): completes any open pickup order once it is due.
  auto_complete: {
    rules: [
      {
        flow: 'pickup',
        from: ['received', 'preparing', 'ready'],
        to: 'completed',
        actors: ['system'],
        guard: (order, now) => (now >= autoCompleteAtOf(order) ? null : NOT_YET_DUE),
      },
    ],
    repeat: repeatWhen('completed'),
    apply: (_order, _command, actor, now) => completion(actor, now),
    notice: 'completed',
    timers: {},
  },
  // ── 배송 ───────────────────────────────────────────────────────────────────────────────────
  prepare_shipment: {
    rules: [{ flow: 'delivery', from: ['received'], to: 'preparing_shipment', actors: STAFF }],
    repeat: repeatWhen('preparing_shipment'),
    refusal: (status) => (status === 'shipped' ? 'already_shipped' : 'invalid_transition'),
    apply: (_order, _command, _actor, now) => ({ patch: { shipmentPreparingAt: now } }),
    notice: 'preparing_shipment',
    timers: {},
  },
  ship: {
    rules: [{ flow: 'delivery', from: ['preparing_shipment'], to: 'shipped', actors: STAFF }],
    repeat(order, command) {
      if (order.status !== 'shipped') return null;
      return sameTracking(order, command) ? noop : { outcome: 'deny', reason: 'already_shipped' };
    },
    refusal: (status) => (status === 'received' ? 'shipment_not_prepared' : 'invalid_transition'),
    apply: (_order, command, _actor, now) => ({
      patch: {
        shipment: {
          carrier: command.carrier,
          trackingNumber: command.trackingNumber,
          shippedAt: now,
          updatedAt: now,
          deliveredAt: null,
          lastCheckedAt: now,
          lastEvent: null,
        },
      },
    }),
    notice: 'shipped',
    timers: {},
  },
  update_tracking: {
    rules: [{ flow: 'delivery', from: ['shipped'], to: 'shipped', actors: STAFF }],
    repeat: (order, command) => (order.status === 'shipped' && sameTracking(order, command) ? noop : null),
    refusal: () => 'not_shipped',
    apply(order, command, _actor, now) {
      const previous = order.shipment;
      return {
        patch: {
          shipment: {
            carrier: command.carrier,
            trackingNumber: command.trackingNumber,
            shippedAt: previous?.shippedAt ?? now,
            updatedAt: now,
            deliveredAt: null,
            // Events of the previous number no longer describe this parcel.
            lastCheckedAt: now,
            lastEvent: null,
          },
        },
        data: { previous: previous ? { carrier: previous.carrier, trackingNumber: previous.trackingNumber } : null },
      };
    },
    notice: 'tracking_updated',
    // Courier progress on the same number also touches the shipment; only a new carrier or number counts.
    happened: (before, after) => !!before.shipment && !!after.shipment && !sameTracking(before, after.shipment),
    timers: {},
  },
  mark_delivered: {
    rules: [{ flow: 'delivery', from: ['shipped'], to: 'completed', actors: ['system'] }],
    repeat: repeatWhen('completed'),
    refusal: () => 'not_shipped',
    apply(order, _command, actor, now) {
      const { patch } = completion(actor, now);
      return { patch: order.shipment ? { ...patch, shipment: { ...order.shipment, deliveredAt: now } } : patch };
    },
    notice: 'completed',
    timers: {},
  },
  // ── 취소 ───────────────────────────────────────────────────────────────────────────────────
  // The owner before completion (pickup) or before shipment (delivery); the customer only before
  // anyone has started on the order.
  cancel: {
    rules: [
      { flow: 'pickup', from: ['received', 'preparing', 'ready'], to: 'cancelled', actors: STAFF },
      { flow: 'delivery', from: ['received', 'preparing_shipment'], to: 'cancelled', actors: STAFF },
      { flow: 'pickup', from: ['received'], to: 'cancelled', actors: ['customer'] },
      { flow: 'delivery', from: ['received'], to: 'cancelled', actors: ['customer'] },
    ],
    repeat: repeatWhen('cancelled'),
    refusal(status, actor) {
      if (status === 'shipped') return 'cancel_after_shipment';
      if (actor.role === 'customer') return 'customer_cancel_too_late';
      return 'invalid_transition';
    },
    apply: (_order, command, actor, now) => ({
      patch: { cancellation: { by: actor.role, uid: actor.uid, reason: command.reason, note: command.note, at: now } },
    }),
    notice: 'cancelled',
    timers: { cancel: ['autoComplete'] },
  },
};

export const COMMAND_TYPES = Object.keys(COMMANDS) as CommandType[];

/**
 * Checks a command makes beyond its rule rows, before the order's state: a reason speaks for one
 * side (a customer can't say the store is busy), which is part of who they are.
 */
export function actorDenial(command: OrderCommand, actor: Actor): Reason | null {
  if (command.type === 'cancel' && !isCancelReasonFor(command.reason, actor.role)) return 'cancel_reason_not_for_actor';
  return null;
}

/** Why no rule row of this command starts from the order's state. */
export function stateDenial(status: OrderStatus, command: OrderCommand, actor: Actor): Reason {
  if (status === 'cancelled') return 'order_cancelled';
  if (status === 'completed') return 'order_completed';
  return COMMANDS[command.type].refusal?.(status, actor) ?? 'invalid_transition';
}

// ---------------------------------------------------------------------------------------------
// 주문 접수: the `place` command

export interface Placement {
  orderId: string;
  store: { storeId: string; name: string };
  customerUid: string;
  requestId: string;
  channel: Channel;
  priced: Pick<Order, 'items' | 'subtotal' | 'deliveryFee' | 'total'> & { items: OrderItem[] };
  orderNumber: number;
  businessDate: string;
  customerNote: string | null;
  delivery: DeliveryAddress | null;
  at: number;
  /** How long an open pickup order waits before it completes by itself. */
  autoCompleteAfterMs: number;
}

/** Order creation: who may place, the state it starts in, and the timers it starts. */
export const PLACE = {
  actors: ['customer'] as readonly ActorRole[],
  to: 'received' as OrderStatus,
  timers: { schedule: ['autoComplete', 'reminder'] } as TimerEffects,
};

/** The new order (version 1) and its first history entry. */
export function placedOrder(placement: Placement): { order: Order; event: OrderEvent } {
  const { at } = placement;
  const order: Order = {
    orderId: placement.orderId,
    storeId: placement.store.storeId,
    storeName: placement.store.name,
    customerUid: placement.customerUid,
    requestId: placement.requestId,
    channel: placement.channel,
    status: PLACE.to,
    ...placement.priced,
    orderNumber: placement.orderNumber,
    businessDate: placement.businessDate,
    customerNote: placement.customerNote,
    delivery: placement.delivery,
    createdAt: at,
    updatedAt: at,
    autoCompleteAt: flowOf(placement.channel) === 'pickup' ? at + placement.autoCompleteAfterMs : null,
    prep: null,
    shipmentPreparingAt: null,
    shipment: null,
    cancellation: null,
    completion: null,
    version: 1,
  };
  const event: OrderEvent = {
    version: 1,
    command: 'place',
    actorRole: 'customer',
    actorUid: placement.customerUid,
    from: null,
    to: PLACE.to,
    at,
    data: { requestId: placement.requestId },
  };
  return { order, event };
}

// ---------------------------------------------------------------------------------------------
// Derived from the table

interface TableRow extends RuleRow {
  command: CommandType;
}

const ROWS: readonly TableRow[] = COMMAND_TYPES.flatMap((command) => COMMANDS[command].rules.map((rule) => ({ command, ...rule })));

/** Statuses of a flow that some row leaves: the order is still open. In ORDER_STATUSES order. */
function openIn(flow: Flow): OrderStatus[] {
  const left = new Set(ROWS.filter((row) => row.flow === flow).flatMap((row) => row.from));
  return ORDER_STATUSES.filter((status) => left.has(status));
}

/** Statuses rows lead to but never leave. */
export const TERMINAL_STATUSES: readonly OrderStatus[] = ORDER_STATUSES.filter(
  (status) => ROWS.some((row) => row.to === status) && !ROWS.some((row) => row.from.includes(status)),
);
export const OPEN_PICKUP_STATUSES: readonly OrderStatus[] = openIn('pickup');
export const OPEN_DELIVERY_STATUSES: readonly OrderStatus[] = openIn('delivery');

export function isTerminal(status: OrderStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** The rows of the machine as data (no guards), e.g. for the generated state diagram. */
export const RULE_ROWS: readonly Omit<TableRow, 'guard'>[] = ROWS.map(({ guard: _guard, ...row }) => row);

export const TABLE_ROWS = ROWS;

interface TimerSpec {
  flows: readonly Flow[];
  /** The timer still has something to do for an order in this state. */
  pendingWhile(order: Pick<Order, 'channel' | 'status'>): boolean;
  /** When it fires, where that follows from the order alone. */
  dueAt?(order: Pick<Order, 'createdAt' | 'autoCompleteAt'>): number;
}

export const TIMERS: Readonly<Record<TimerName, TimerSpec>> = {
  // Pending while auto_complete may still act on the order.
  autoComplete: {
    flows: ['pickup'],
    pendingWhile: (order) =>
      COMMANDS.auto_complete.rules.some((row) => row.flow === flowOf(order.channel) && row.from.includes(order.status)),
    dueAt: autoCompleteAtOf,
  },
  // Due REMINDER_MINUTES (a parameter) after creation; pending until anyone has acted on the order.
  reminder: {
    flows: ['pickup', 'delivery'],
    pendingWhile: (order) => order.status === PLACE.to,
  },
};

/** A timer exists for this order and still has something to do. */
export function timerPending(timer: TimerName, order: Pick<Order, 'channel' | 'status'>): boolean {
  return TIMERS[timer].flows.includes(flowOf(order.channel)) && TIMERS[timer].pendingWhile(order);
}

/** What a refusal of a timer's own command means for the timer. */
export type TimerRefusal = 'moot' | 'early' | 'not_applicable';

/**
 * The timer fired on an order that is already done (moot), before its time (early) or of a flow
 * it does not apply to; null for a refusal the timer can't explain.
 */
export function timerRefusal(reason: Reason): TimerRefusal | null {
  if (reason === 'order_cancelled' || reason === 'order_completed') return 'moot';
  if (reason === NOT_YET_DUE) return 'early';
  if (reason === 'not_pickup_order' || reason === 'not_delivery_order') return 'not_applicable';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Effects of an observed change

export interface TransitionEffects {
  /** The command that (most likely) made the change; null when no command explains it. */
  command: CommandType | null;
  notice: CustomerNotice | null;
  timers: TimerEffects;
}

const NO_EFFECTS: TransitionEffects = { command: null, notice: null, timers: {} };

/**
 * Which command a stored change was, and so which notice and timer changes follow. A status change
 * is the first row from `before` to `after` (else any row into `after`, for a change written
 * around the machine); a change that keeps the status is a command whose `happened` says so.
 */
export function effectsOf(before: ObservedOrder, after: ObservedOrder): TransitionEffects {
  let command: CommandType | undefined;
  if (before.status !== after.status) {
    const into = ROWS.filter((row) => row.to === after.status && !row.from.includes(after.status));
    command = (into.find((row) => row.from.includes(before.status)) ?? into[0])?.command;
  } else {
    command = COMMAND_TYPES.find((type) => {
      const spec = COMMANDS[type];
      return spec.happened && spec.rules.some((row) => row.to === after.status) && spec.happened(before, after);
    });
  }
  if (!command) return NO_EFFECTS;
  return { command, notice: COMMANDS[command].notice, timers: COMMANDS[command].timers };
}

/**
 * The timers a stored change cancels: those its command cancels that were pending before the
 * change and are due after it.
 */
export function timersCancelledBy(
  before: ObservedOrder,
  after: ObservedOrder & Pick<Order, 'channel' | 'createdAt' | 'autoCompleteAt' | 'updatedAt'>,
): TimerName[] {
  const cancel = effectsOf(before, after).timers.cancel ?? [];
  return cancel.filter((timer) => {
    const dueAt = TIMERS[timer].dueAt?.(after);
    return timerPending(timer, { channel: after.channel, status: before.status }) && (dueAt === undefined || after.updatedAt < dueAt);
  });
}
