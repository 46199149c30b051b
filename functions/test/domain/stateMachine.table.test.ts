// The whole transition table of the order state machine, written out by hand from the spec.
// Every reachable state of each flow x every command x every actor role has one expected outcome:
//   '→<status>'  the command transitions the order to <status>
//   'noop'       a repeat of the command that produced the current state (idempotent success)
//   <reason>     a denial with exactly that reason
// Nothing here is computed from TRANSITIONS: if the machine changes, this table must be edited.
import assert from 'node:assert/strict';
import { CANCEL_REASON_CODES, CancelReason } from '../../src/domain/cancelReasons';
import { ActorRole, ACTOR_ROLES, Channel, Order, OrderStatus } from '../../src/domain/order';
import { Reason } from '../../src/domain/reasons';
import { Actor, applyTransition, COMMAND_TYPES, CommandType, decide, Decision, OrderCommand } from '../../src/domain/stateMachine';
import { newOrder } from '../support/orderFactory';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.UTC(2026, 10, 26, 3, 0, 0); // 2026-11-26 12:00 KST

type Expect = `→${OrderStatus}` | 'noop' | Reason;
type Flow = 'pickup' | 'delivery';
/** [flow, command, state, customer, partner, system, admin] */
type Row = [Flow, CommandType, OrderStatus, Expect, Expect, Expect, Expect];

// Short names keep the table one row per line.
const NP: Reason = 'actor_not_permitted';
const ND: Reason = 'not_delivery_order'; // a delivery-only command on a pickup order
const NPU: Reason = 'not_pickup_order'; // a pickup-only command on a delivery order
const DONE: Reason = 'order_completed';
const GONE: Reason = 'order_cancelled';

// The table runs at a time when auto-completion is due (createdAt + 2h); see the targeted cases
// below for 'not_yet_due'. Commands carry the canonical data of COMMANDS: start_preparing and ship
// repeat the data the fixtures were built with (→ noop), update_tracking carries a new number.
// prettier-ignore
const TABLE: readonly Row[] = [
  // flow        command              state                 customer   partner                 system          admin
  // ── pickup (dine_in / takeout) ─────────────────────────────────────────────────────────────────────────────────────
  ['pickup',   'start_preparing',  'received',           NP,        '→preparing',           NP,             '→preparing'],
  ['pickup',   'start_preparing',  'preparing',          NP,        'noop',                 NP,             'noop'],
  ['pickup',   'start_preparing',  'ready',              NP,        'already_preparing',    NP,             'already_preparing'],
  ['pickup',   'start_preparing',  'completed',          NP,        DONE,                   NP,             DONE],
  ['pickup',   'start_preparing',  'cancelled',          NP,        GONE,                   NP,             GONE],

  ['pickup',   'mark_ready',       'received',           NP,        'preparation_not_started', NP,          'preparation_not_started'],
  ['pickup',   'mark_ready',       'preparing',          NP,        '→ready',               NP,             '→ready'],
  ['pickup',   'mark_ready',       'ready',              NP,        'noop',                 NP,             'noop'],
  ['pickup',   'mark_ready',       'completed',          NP,        DONE,                   NP,             DONE],
  ['pickup',   'mark_ready',       'cancelled',          NP,        GONE,                   NP,             GONE],

  ['pickup',   'call_customer',    'received',           NP,        'order_not_ready',      NP,             'order_not_ready'],
  ['pickup',   'call_customer',    'preparing',          NP,        'order_not_ready',      NP,             'order_not_ready'],
  ['pickup',   'call_customer',    'ready',              NP,        '→ready',               NP,             '→ready'],
  ['pickup',   'call_customer',    'completed',          NP,        DONE,                   NP,             DONE],
  ['pickup',   'call_customer',    'cancelled',          NP,        GONE,                   NP,             GONE],

  ['pickup',   'extend_prep',      'received',           NP,        'preparation_not_started', NP,          'preparation_not_started'],
  ['pickup',   'extend_prep',      'preparing',          NP,        '→preparing',           NP,             '→preparing'],
  ['pickup',   'extend_prep',      'ready',              NP,        'extend_prep_not_preparing', NP,        'extend_prep_not_preparing'],
  ['pickup',   'extend_prep',      'completed',          NP,        DONE,                   NP,             DONE],
  ['pickup',   'extend_prep',      'cancelled',          NP,        GONE,                   NP,             GONE],

  ['pickup',   'complete',         'received',           NP,        'preparation_not_started', NP,          'preparation_not_started'],
  ['pickup',   'complete',         'preparing',          NP,        '→completed',           NP,             '→completed'],
  ['pickup',   'complete',         'ready',              NP,        '→completed',           NP,             '→completed'],
  ['pickup',   'complete',         'completed',          NP,        'noop',                 NP,             'noop'],
  ['pickup',   'complete',         'cancelled',          NP,        GONE,                   NP,             GONE],

  ['pickup',   'auto_complete',    'received',           NP,        NP,                     '→completed',   NP],
  ['pickup',   'auto_complete',    'preparing',          NP,        NP,                     '→completed',   NP],
  ['pickup',   'auto_complete',    'ready',              NP,        NP,                     '→completed',   NP],
  ['pickup',   'auto_complete',    'completed',          NP,        NP,                     'noop',         NP],
  ['pickup',   'auto_complete',    'cancelled',          NP,        NP,                     GONE,           NP],

  ['pickup',   'prepare_shipment', 'received',           NP,        ND,                     NP,             ND],
  ['pickup',   'prepare_shipment', 'preparing',          NP,        ND,                     NP,             ND],
  ['pickup',   'prepare_shipment', 'ready',              NP,        ND,                     NP,             ND],
  ['pickup',   'prepare_shipment', 'completed',          NP,        ND,                     NP,             ND],
  ['pickup',   'prepare_shipment', 'cancelled',          NP,        ND,                     NP,             ND],

  ['pickup',   'ship',             'received',           NP,        ND,                     NP,             ND],
  ['pickup',   'ship',             'preparing',          NP,        ND,                     NP,             ND],
  ['pickup',   'ship',             'ready',              NP,        ND,                     NP,             ND],
  ['pickup',   'ship',             'completed',          NP,        ND,                     NP,             ND],
  ['pickup',   'ship',             'cancelled',          NP,        ND,                     NP,             ND],

  ['pickup',   'update_tracking',  'received',           NP,        ND,                     NP,             ND],
  ['pickup',   'update_tracking',  'preparing',          NP,        ND,                     NP,             ND],
  ['pickup',   'update_tracking',  'ready',              NP,        ND,                     NP,             ND],
  ['pickup',   'update_tracking',  'completed',          NP,        ND,                     NP,             ND],
  ['pickup',   'update_tracking',  'cancelled',          NP,        ND,                     NP,             ND],

  ['pickup',   'mark_delivered',   'received',           NP,        NP,                     ND,             NP],
  ['pickup',   'mark_delivered',   'preparing',          NP,        NP,                     ND,             NP],
  ['pickup',   'mark_delivered',   'ready',              NP,        NP,                     ND,             NP],
  ['pickup',   'mark_delivered',   'completed',          NP,        NP,                     ND,             NP],
  ['pickup',   'mark_delivered',   'cancelled',          NP,        NP,                     ND,             NP],

  ['pickup',   'cancel',           'received',           '→cancelled', '→cancelled',        NP,             '→cancelled'],
  ['pickup',   'cancel',           'preparing',          'customer_cancel_too_late', '→cancelled', NP,      '→cancelled'],
  ['pickup',   'cancel',           'ready',              'customer_cancel_too_late', '→cancelled', NP,      '→cancelled'],
  ['pickup',   'cancel',           'completed',          DONE,      DONE,                   NP,             DONE],
  ['pickup',   'cancel',           'cancelled',          'noop',    'noop',                 NP,             'noop'],

  // ── delivery ──────────────────────────────────────────────────────────────────────────────────────────────────────
  ['delivery', 'start_preparing',  'received',           NP,        NPU,                    NP,             NPU],
  ['delivery', 'start_preparing',  'preparing_shipment', NP,        NPU,                    NP,             NPU],
  ['delivery', 'start_preparing',  'shipped',            NP,        NPU,                    NP,             NPU],
  ['delivery', 'start_preparing',  'completed',          NP,        NPU,                    NP,             NPU],
  ['delivery', 'start_preparing',  'cancelled',          NP,        NPU,                    NP,             NPU],

  ['delivery', 'mark_ready',       'received',           NP,        NPU,                    NP,             NPU],
  ['delivery', 'mark_ready',       'preparing_shipment', NP,        NPU,                    NP,             NPU],
  ['delivery', 'mark_ready',       'shipped',            NP,        NPU,                    NP,             NPU],
  ['delivery', 'mark_ready',       'completed',          NP,        NPU,                    NP,             NPU],
  ['delivery', 'mark_ready',       'cancelled',          NP,        NPU,                    NP,             NPU],

  ['delivery', 'call_customer',    'received',           NP,        NPU,                    NP,             NPU],
  ['delivery', 'call_customer',    'preparing_shipment', NP,        NPU,                    NP,             NPU],
  ['delivery', 'call_customer',    'shipped',            NP,        NPU,                    NP,             NPU],
  ['delivery', 'call_customer',    'completed',          NP,        NPU,                    NP,             NPU],
  ['delivery', 'call_customer',    'cancelled',          NP,        NPU,                    NP,             NPU],

  ['delivery', 'extend_prep',      'received',           NP,        NPU,                    NP,             NPU],
  ['delivery', 'extend_prep',      'preparing_shipment', NP,        NPU,                    NP,             NPU],
  ['delivery', 'extend_prep',      'shipped',            NP,        NPU,                    NP,             NPU],
  ['delivery', 'extend_prep',      'completed',          NP,        NPU,                    NP,             NPU],
  ['delivery', 'extend_prep',      'cancelled',          NP,        NPU,                    NP,             NPU],

  ['delivery', 'complete',         'received',           NP,        NPU,                    NP,             NPU],
  ['delivery', 'complete',         'preparing_shipment', NP,        NPU,                    NP,             NPU],
  ['delivery', 'complete',         'shipped',            NP,        NPU,                    NP,             NPU],
  ['delivery', 'complete',         'completed',          NP,        NPU,                    NP,             NPU],
  ['delivery', 'complete',         'cancelled',          NP,        NPU,                    NP,             NPU],

  ['delivery', 'auto_complete',    'received',           NP,        NP,                     NPU,            NP],
  ['delivery', 'auto_complete',    'preparing_shipment', NP,        NP,                     NPU,            NP],
  ['delivery', 'auto_complete',    'shipped',            NP,        NP,                     NPU,            NP],
  ['delivery', 'auto_complete',    'completed',          NP,        NP,                     NPU,            NP],
  ['delivery', 'auto_complete',    'cancelled',          NP,        NP,                     NPU,            NP],

  ['delivery', 'prepare_shipment', 'received',           NP,        '→preparing_shipment',  NP,             '→preparing_shipment'],
  ['delivery', 'prepare_shipment', 'preparing_shipment', NP,        'noop',                 NP,             'noop'],
  ['delivery', 'prepare_shipment', 'shipped',            NP,        'already_shipped',      NP,             'already_shipped'],
  ['delivery', 'prepare_shipment', 'completed',          NP,        DONE,                   NP,             DONE],
  ['delivery', 'prepare_shipment', 'cancelled',          NP,        GONE,                   NP,             GONE],

  ['delivery', 'ship',             'received',           NP,        'shipment_not_prepared', NP,            'shipment_not_prepared'],
  ['delivery', 'ship',             'preparing_shipment', NP,        '→shipped',             NP,             '→shipped'],
  ['delivery', 'ship',             'shipped',            NP,        'noop',                 NP,             'noop'],
  ['delivery', 'ship',             'completed',          NP,        DONE,                   NP,             DONE],
  ['delivery', 'ship',             'cancelled',          NP,        GONE,                   NP,             GONE],

  ['delivery', 'update_tracking',  'received',           NP,        'not_shipped',          NP,             'not_shipped'],
  ['delivery', 'update_tracking',  'preparing_shipment', NP,        'not_shipped',          NP,             'not_shipped'],
  ['delivery', 'update_tracking',  'shipped',            NP,        '→shipped',             NP,             '→shipped'],
  ['delivery', 'update_tracking',  'completed',          NP,        DONE,                   NP,             DONE],
  ['delivery', 'update_tracking',  'cancelled',          NP,        GONE,                   NP,             GONE],

  ['delivery', 'mark_delivered',   'received',           NP,        NP,                     'not_shipped',  NP],
  ['delivery', 'mark_delivered',   'preparing_shipment', NP,        NP,                     'not_shipped',  NP],
  ['delivery', 'mark_delivered',   'shipped',            NP,        NP,                     '→completed',   NP],
  ['delivery', 'mark_delivered',   'completed',          NP,        NP,                     'noop',         NP],
  ['delivery', 'mark_delivered',   'cancelled',          NP,        NP,                     GONE,           NP],

  ['delivery', 'cancel',           'received',           '→cancelled', '→cancelled',        NP,             '→cancelled'],
  ['delivery', 'cancel',           'preparing_shipment', 'customer_cancel_too_late', '→cancelled', NP,      '→cancelled'],
  ['delivery', 'cancel',           'shipped',            'cancel_after_shipment', 'cancel_after_shipment', NP, 'cancel_after_shipment'],
  ['delivery', 'cancel',           'completed',          DONE,      DONE,                   NP,             DONE],
  ['delivery', 'cancel',           'cancelled',          'noop',    'noop',                 NP,             'noop'],
];

const PICKUP_STATES: readonly OrderStatus[] = ['received', 'preparing', 'ready', 'completed', 'cancelled'];
const DELIVERY_STATES: readonly OrderStatus[] = ['received', 'preparing_shipment', 'shipped', 'completed', 'cancelled'];
const CHANNELS_OF: Record<Flow, readonly Channel[]> = { pickup: ['dine_in', 'takeout'], delivery: ['delivery'] };

const ACTORS: Record<ActorRole, Actor> = {
  customer: { role: 'customer', uid: 'customer-1' },
  partner: { role: 'partner', uid: 'partner-1' },
  system: { role: 'system', uid: null },
  admin: { role: 'admin', uid: 'admin-1' },
};

const PREP_MINUTES = 15;
const TRACKING = { carrier: 'cj', trackingNumber: '123456789012' };
const NEW_TRACKING = { carrier: 'hanjin', trackingNumber: '987654321098' };

/** The data each command carries in the table. */
const COMMANDS: Record<CommandType, OrderCommand> = {
  start_preparing: { type: 'start_preparing', prepMinutes: PREP_MINUTES },
  mark_ready: { type: 'mark_ready' },
  call_customer: { type: 'call_customer' },
  extend_prep: { type: 'extend_prep', addMinutes: 10 },
  complete: { type: 'complete' },
  auto_complete: { type: 'auto_complete' },
  prepare_shipment: { type: 'prepare_shipment' },
  ship: { type: 'ship', ...TRACKING },
  update_tracking: { type: 'update_tracking', ...NEW_TRACKING },
  mark_delivered: { type: 'mark_delivered' },
  cancel: { type: 'cancel', reason: 'customer_request', note: null },
};

/** The customer cancels with a reason of their own side (domain/cancelReasons.ts). */
const CUSTOMER_CANCEL: OrderCommand = { type: 'cancel', reason: 'changed_mind', note: null };
const commandFor = (command: CommandType, role: ActorRole): OrderCommand =>
  command === 'cancel' && role === 'customer' ? CUSTOMER_CANCEL : COMMANDS[command];

function baseOrder(channel: Channel): Order {
  return newOrder(channel, {}, { at: T0, autoCompleteAfterMs: HOUR });
}

/** An order in `status`, with the data it would have picked up on the way there (built by hand). */
function orderIn(channel: Channel, status: OrderStatus): Order {
  const o = baseOrder(channel);
  const at = (m: number) => T0 + m * MIN;
  const shipment = { ...TRACKING, shippedAt: at(20), updatedAt: at(20), deliveredAt: null };
  switch (`${channel === 'delivery' ? 'delivery' : 'pickup'}:${status}`) {
    case 'pickup:received':
    case 'delivery:received':
      return o;
    case 'pickup:preparing':
      return { ...o, status, updatedAt: at(5), version: 2, prep: { minutes: PREP_MINUTES, startedAt: at(5) } };
    case 'pickup:ready':
      return {
        ...o,
        status,
        updatedAt: at(12),
        version: 3,
        prep: { minutes: PREP_MINUTES, startedAt: at(5) },
        readyAt: at(12),
      };
    case 'pickup:completed':
      return {
        ...o,
        status,
        updatedAt: at(30),
        version: 3,
        prep: { minutes: PREP_MINUTES, startedAt: at(5) },
        completion: { by: 'partner', uid: 'partner-1', at: at(30) },
      };
    case 'pickup:cancelled':
    case 'delivery:cancelled':
      return {
        ...o,
        status,
        updatedAt: at(3),
        version: 2,
        cancellation: { by: 'partner', uid: 'partner-1', reason: 'store_busy', note: '주문 폭주', at: at(3) },
      };
    case 'delivery:preparing_shipment':
      return { ...o, status, updatedAt: at(5), version: 2, shipmentPreparingAt: at(5) };
    case 'delivery:shipped':
      return { ...o, status, updatedAt: at(20), version: 3, shipmentPreparingAt: at(5), shipment };
    case 'delivery:completed':
      return {
        ...o,
        status,
        updatedAt: at(90),
        version: 4,
        shipmentPreparingAt: at(5),
        shipment: { ...shipment, deliveredAt: at(90) },
        completion: { by: 'system', uid: null, at: at(90) },
      };
    default:
      throw new Error(`no fixture for ${channel} ${status}`);
  }
}

function expected(cell: Expect, from: OrderStatus): Decision {
  if (cell === 'noop') return { outcome: 'noop' };
  if (cell.startsWith('→')) return { outcome: 'transition', from, to: cell.slice(1) as OrderStatus };
  return { outcome: 'deny', reason: cell as Reason };
}

describe('state machine: transition table', () => {
  const NOW = T0 + 2 * HOUR;

  it('covers every (flow, reachable state, command) exactly once, with the known commands and actors', () => {
    assert.deepEqual(
      [...COMMAND_TYPES],
      [
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
      ],
    );
    assert.deepEqual([...ACTOR_ROLES], ['customer', 'partner', 'system', 'admin']);
    const keys = TABLE.map(([flow, command, state]) => `${flow}/${command}/${state}`);
    assert.equal(new Set(keys).size, keys.length, 'duplicate rows');
    const wanted: string[] = [];
    for (const [flow, states] of [
      ['pickup', PICKUP_STATES],
      ['delivery', DELIVERY_STATES],
    ] as const) {
      for (const command of COMMAND_TYPES) for (const state of states) wanted.push(`${flow}/${command}/${state}`);
    }
    assert.deepEqual([...keys].sort(), [...wanted].sort());
  });

  for (const [flow, command, state, ...cells] of TABLE) {
    for (const channel of CHANNELS_OF[flow]) {
      ACTOR_ROLES.forEach((role, i) => {
        const cell = cells[i]!;
        it(`${channel} ${state} · ${command} by ${role} → ${cell}`, () => {
          const order = orderIn(channel, state);
          const decision = decide(order, commandFor(command, role), ACTORS[role], NOW);
          assert.deepEqual(decision, expected(cell, state));
        });
      });
    }
  }
});

// Which reasons a side may give, written out by hand: the customer speaks for themselves, staff
// and admins for the store. A reason of the other side is refused in every state, before the state
// is looked at; a reason of the actor's own side decides exactly as the table's cancel rows.
const CUSTOMER_REASONS: readonly CancelReason[] = ['changed_mind', 'reorder'];
const STORE_REASONS: readonly CancelReason[] = [
  'customer_request',
  'sold_out',
  'store_busy',
  'store_closing',
  'delivery_unavailable',
  'other',
];

describe('state machine: cancellation reasons belong to the side that cancels', () => {
  const NOW = T0 + 2 * HOUR;

  it('every reason belongs to exactly one side', () => {
    assert.deepEqual([...CUSTOMER_REASONS, ...STORE_REASONS].sort(), [...CANCEL_REASON_CODES].sort());
  });

  for (const [flow, command, state, ...cells] of TABLE.filter((row) => row[1] === 'cancel')) {
    for (const channel of CHANNELS_OF[flow]) {
      ACTOR_ROLES.forEach((role, i) => {
        const own = role === 'customer' ? CUSTOMER_REASONS : STORE_REASONS;
        for (const reason of [...CANCEL_REASON_CODES, 'no_such_reason']) {
          const cell: Expect = role === 'system' ? NP : own.includes(reason as CancelReason) ? cells[i]! : 'cancel_reason_not_for_actor';
          it(`${channel} ${state} · ${command} by ${role} with ${reason} → ${cell}`, () => {
            const decision = decide(orderIn(channel, state), { type: 'cancel', reason, note: '메모' }, ACTORS[role], NOW);
            assert.deepEqual(decision, expected(cell, state));
          });
        }
      });
    }
  }
});

describe('state machine: data-dependent decisions', () => {
  const partner = ACTORS.partner;
  const system = ACTORS.system;

  describe('auto_complete due time (createdAt + 1h)', () => {
    for (const channel of ['dine_in', 'takeout'] as const) {
      for (const status of ['received', 'preparing'] as const) {
        it(`${channel} ${status}: denied not_yet_due one ms before, allowed at and after the due time`, () => {
          const order = orderIn(channel, status);
          const due = T0 + HOUR;
          assert.deepEqual(decide(order, COMMANDS.auto_complete, system, T0), { outcome: 'deny', reason: 'not_yet_due' });
          assert.deepEqual(decide(order, COMMANDS.auto_complete, system, due - 1), {
            outcome: 'deny',
            reason: 'not_yet_due',
          });
          assert.deepEqual(decide(order, COMMANDS.auto_complete, system, due), {
            outcome: 'transition',
            from: status,
            to: 'completed',
          });
          assert.deepEqual(decide(order, COMMANDS.auto_complete, system, due + 1), {
            outcome: 'transition',
            from: status,
            to: 'completed',
          });
        });
      }
    }

    it('falls back to createdAt + 1h when autoCompleteAt is not stored', () => {
      const order = { ...orderIn('takeout', 'received'), autoCompleteAt: null };
      assert.deepEqual(decide(order, COMMANDS.auto_complete, system, T0 + HOUR - 1), {
        outcome: 'deny',
        reason: 'not_yet_due',
      });
      assert.equal(decide(order, COMMANDS.auto_complete, system, T0 + HOUR).outcome, 'transition');
    });

    it('an already completed order is a no-op even before the due time; a cancelled one stays denied', () => {
      assert.deepEqual(decide(orderIn('dine_in', 'completed'), COMMANDS.auto_complete, system, T0 + MIN), {
        outcome: 'noop',
      });
      assert.deepEqual(decide(orderIn('dine_in', 'cancelled'), COMMANDS.auto_complete, system, T0 + MIN), {
        outcome: 'deny',
        reason: 'order_cancelled',
      });
    });

    it('before the due time, the actor and flow checks still come first', () => {
      const early = T0 + MIN;
      assert.deepEqual(decide(orderIn('dine_in', 'received'), COMMANDS.auto_complete, partner, early), {
        outcome: 'deny',
        reason: 'actor_not_permitted',
      });
      assert.deepEqual(decide(orderIn('delivery', 'received'), COMMANDS.auto_complete, system, early), {
        outcome: 'deny',
        reason: 'not_pickup_order',
      });
    });

    it('the other pickup commands do not depend on the clock', () => {
      const early = T0 + MIN;
      assert.deepEqual(decide(orderIn('dine_in', 'received'), COMMANDS.start_preparing, partner, early), {
        outcome: 'transition',
        from: 'received',
        to: 'preparing',
      });
      assert.deepEqual(decide(orderIn('dine_in', 'preparing'), COMMANDS.complete, partner, early), {
        outcome: 'transition',
        from: 'preparing',
        to: 'completed',
      });
    });
  });

  describe('repeats: same data is a no-op, different data is not', () => {
    for (const role of ['partner', 'admin'] as const) {
      it(`start_preparing on a preparing order by ${role}: same minutes noop, other minutes already_preparing`, () => {
        const order = orderIn('takeout', 'preparing');
        const actor = ACTORS[role];
        assert.deepEqual(decide(order, { type: 'start_preparing', prepMinutes: PREP_MINUTES }, actor, T0), {
          outcome: 'noop',
        });
        assert.deepEqual(decide(order, { type: 'start_preparing', prepMinutes: PREP_MINUTES + 5 }, actor, T0), {
          outcome: 'deny',
          reason: 'already_preparing',
        });
        assert.deepEqual(decide(order, { type: 'start_preparing', prepMinutes: PREP_MINUTES - 1 }, actor, T0), {
          outcome: 'deny',
          reason: 'already_preparing',
        });
      });

      it(`ship on a shipped order by ${role}: same tracking noop, other number or carrier already_shipped`, () => {
        const order = orderIn('delivery', 'shipped');
        const actor = ACTORS[role];
        assert.deepEqual(decide(order, { type: 'ship', ...TRACKING }, actor, T0), { outcome: 'noop' });
        assert.deepEqual(decide(order, { type: 'ship', carrier: 'cj', trackingNumber: '111111111111' }, actor, T0), {
          outcome: 'deny',
          reason: 'already_shipped',
        });
        assert.deepEqual(decide(order, { type: 'ship', carrier: 'hanjin', trackingNumber: TRACKING.trackingNumber }, actor, T0), {
          outcome: 'deny',
          reason: 'already_shipped',
        });
      });

      it(`update_tracking on a shipped order by ${role}: identical carrier+number noop, any change transitions`, () => {
        const order = orderIn('delivery', 'shipped');
        const actor = ACTORS[role];
        const self = { outcome: 'transition', from: 'shipped', to: 'shipped' };
        assert.deepEqual(decide(order, { type: 'update_tracking', ...TRACKING }, actor, T0), { outcome: 'noop' });
        assert.deepEqual(decide(order, { type: 'update_tracking', carrier: 'cj', trackingNumber: '111111111111' }, actor, T0), self);
        assert.deepEqual(
          decide(order, { type: 'update_tracking', carrier: 'hanjin', trackingNumber: TRACKING.trackingNumber }, actor, T0),
          self,
        );
      });
    }

    it('update_tracking with the shipped tracking data is still not_shipped before shipment', () => {
      const order = orderIn('delivery', 'preparing_shipment');
      assert.deepEqual(decide(order, { type: 'update_tracking', ...TRACKING }, partner, T0), {
        outcome: 'deny',
        reason: 'not_shipped',
      });
    });

    it('ship with the shipped tracking data on a completed (delivered) order is order_completed, not a no-op', () => {
      const order = orderIn('delivery', 'completed');
      assert.deepEqual(decide(order, { type: 'ship', ...TRACKING }, partner, T0), {
        outcome: 'deny',
        reason: 'order_completed',
      });
    });

    it('start_preparing with the same minutes on a completed order is order_completed, not a no-op', () => {
      assert.deepEqual(decide(orderIn('dine_in', 'completed'), COMMANDS.start_preparing, partner, T0), {
        outcome: 'deny',
        reason: 'order_completed',
      });
    });

    it('a repeat is only recognised after the actor check (customer repeating start_preparing is not permitted)', () => {
      assert.deepEqual(decide(orderIn('dine_in', 'preparing'), COMMANDS.start_preparing, ACTORS.customer, T0), {
        outcome: 'deny',
        reason: 'actor_not_permitted',
      });
    });
  });
});

describe('state machine: applyTransition', () => {
  const NOW = T0 + 42 * MIN;

  it('start_preparing records prep minutes and start time, bumps the version and logs the command data', () => {
    const order = orderIn('dine_in', 'received');
    const { patch, event } = applyTransition(order, { type: 'start_preparing', prepMinutes: 20 }, ACTORS.partner, 'preparing', NOW);
    assert.deepEqual(patch, { status: 'preparing', updatedAt: NOW, version: 2, prep: { minutes: 20, startedAt: NOW } });
    assert.deepEqual(event, {
      version: 2,
      command: 'start_preparing',
      actorRole: 'partner',
      actorUid: 'partner-1',
      from: 'received',
      to: 'preparing',
      at: NOW,
      data: { prepMinutes: 20 },
    });
  });

  it('complete records who completed the order', () => {
    const order = orderIn('takeout', 'preparing');
    const { patch, event } = applyTransition(order, { type: 'complete' }, ACTORS.admin, 'completed', NOW);
    assert.deepEqual(patch, {
      status: 'completed',
      updatedAt: NOW,
      version: 3,
      completion: { by: 'admin', uid: 'admin-1', at: NOW },
    });
    assert.deepEqual(event, {
      version: 3,
      command: 'complete',
      actorRole: 'admin',
      actorUid: 'admin-1',
      from: 'preparing',
      to: 'completed',
      at: NOW,
      data: {},
    });
  });

  it('auto_complete records completion by the system', () => {
    const order = orderIn('dine_in', 'received');
    const { patch, event } = applyTransition(order, { type: 'auto_complete' }, ACTORS.system, 'completed', T0 + HOUR);
    assert.deepEqual(patch, {
      status: 'completed',
      updatedAt: T0 + HOUR,
      version: 2,
      completion: { by: 'system', uid: null, at: T0 + HOUR },
    });
    assert.equal(event.command, 'auto_complete');
    assert.equal(event.actorRole, 'system');
    assert.equal(event.actorUid, null);
    assert.equal(event.from, 'received');
  });

  it('prepare_shipment records shipmentPreparingAt', () => {
    const order = orderIn('delivery', 'received');
    const { patch, event } = applyTransition(order, { type: 'prepare_shipment' }, ACTORS.partner, 'preparing_shipment', NOW);
    assert.deepEqual(patch, { status: 'preparing_shipment', updatedAt: NOW, version: 2, shipmentPreparingAt: NOW });
    assert.deepEqual(event, {
      version: 2,
      command: 'prepare_shipment',
      actorRole: 'partner',
      actorUid: 'partner-1',
      from: 'received',
      to: 'preparing_shipment',
      at: NOW,
      data: {},
    });
  });

  it('ship records the shipment with shippedAt = updatedAt = lastCheckedAt = now, no delivery and no courier event yet', () => {
    const order = orderIn('delivery', 'preparing_shipment');
    const command: OrderCommand = { type: 'ship', carrier: 'epost', trackingNumber: '1234567890123' };
    const { patch, event } = applyTransition(order, command, ACTORS.partner, 'shipped', NOW);
    assert.deepEqual(patch, {
      status: 'shipped',
      updatedAt: NOW,
      version: 3,
      shipment: {
        carrier: 'epost',
        trackingNumber: '1234567890123',
        shippedAt: NOW,
        updatedAt: NOW,
        deliveredAt: null,
        lastCheckedAt: NOW,
        lastEvent: null,
      },
    });
    assert.deepEqual(event.data, { carrier: 'epost', trackingNumber: '1234567890123' });
    assert.equal(event.version, 3);
    assert.equal(event.from, 'preparing_shipment');
    assert.equal(event.to, 'shipped');
  });

  it('update_tracking replaces carrier and number, keeps shippedAt, resets the courier state, and records the previous values in the event', () => {
    const shipped = orderIn('delivery', 'shipped');
    const order: typeof shipped = { ...shipped };
    order.shipment = {
      ...shipped.shipment!,
      lastCheckedAt: T0 + 30 * MIN,
      lastEvent: {
        eventId: 'evt-old-number',
        source: 'webhook',
        status: 'in_transit',
        occurredAt: T0 + 25 * MIN,
        location: '옥천HUB',
        description: '간선상차',
        receivedAt: T0 + 30 * MIN,
      },
    };
    const shippedAt = order.shipment!.shippedAt;
    const command: OrderCommand = { type: 'update_tracking', ...NEW_TRACKING };
    const commandBefore = structuredClone(command);
    const orderBefore = structuredClone(order);
    const { patch, event } = applyTransition(order, command, ACTORS.partner, 'shipped', NOW);
    assert.notEqual(shippedAt, NOW);
    assert.deepEqual(patch, {
      status: 'shipped',
      updatedAt: NOW,
      version: 4,
      shipment: { ...NEW_TRACKING, shippedAt, updatedAt: NOW, deliveredAt: null, lastCheckedAt: NOW, lastEvent: null },
    });
    assert.deepEqual(event, {
      version: 4,
      command: 'update_tracking',
      actorRole: 'partner',
      actorUid: 'partner-1',
      from: 'shipped',
      to: 'shipped',
      at: NOW,
      data: { ...NEW_TRACKING, previous: TRACKING },
    });
    // Pure: neither the command nor the order is mutated.
    assert.deepEqual(command, commandBefore);
    assert.deepEqual(order, orderBefore);
  });

  it('mark_delivered sets deliveredAt on the existing shipment and records completion by the system', () => {
    const order = orderIn('delivery', 'shipped');
    const { patch, event } = applyTransition(order, { type: 'mark_delivered' }, ACTORS.system, 'completed', NOW);
    assert.deepEqual(patch, {
      status: 'completed',
      updatedAt: NOW,
      version: 4,
      shipment: { ...order.shipment!, deliveredAt: NOW },
      completion: { by: 'system', uid: null, at: NOW },
    });
    assert.equal(patch.shipment!.shippedAt, T0 + 20 * MIN);
    assert.deepEqual(event, {
      version: 4,
      command: 'mark_delivered',
      actorRole: 'system',
      actorUid: null,
      from: 'shipped',
      to: 'completed',
      at: NOW,
      data: {},
    });
    assert.equal(order.shipment!.deliveredAt, null, 'the input order is not mutated');
  });

  for (const [role, channel, from, version] of [
    ['customer', 'takeout', 'received', 2],
    ['partner', 'dine_in', 'preparing', 3],
    ['admin', 'delivery', 'preparing_shipment', 3],
  ] as const) {
    it(`cancel by ${role} from ${from} records by, uid, reason, note and time`, () => {
      const order = orderIn(channel, from);
      const note = role === 'customer' ? null : '재료 소진';
      const command: OrderCommand = { type: 'cancel', reason: 'sold_out', note };
      const { patch, event } = applyTransition(order, command, ACTORS[role], 'cancelled', NOW);
      assert.deepEqual(patch, {
        status: 'cancelled',
        updatedAt: NOW,
        version,
        cancellation: { by: role, uid: ACTORS[role].uid, reason: 'sold_out', note, at: NOW },
      });
      assert.deepEqual(event, {
        version,
        command: 'cancel',
        actorRole: role,
        actorUid: ACTORS[role].uid,
        from,
        to: 'cancelled',
        at: NOW,
        data: { reason: 'sold_out', note },
      });
    });
  }
});

describe('state machine: 준비완료, 고객 호출, 시간 추가 (issue 14)', () => {
  const partner = ACTORS.partner;
  const READY_AT = T0 + 12 * MIN; // orderIn('…', 'ready').readyAt

  describe('call_customer at most once a minute', () => {
    it('within a minute of the ready push: customer_called_recently; from a minute on: a self-transition', () => {
      const order = orderIn('takeout', 'ready');
      const recently = { outcome: 'deny', reason: 'customer_called_recently' };
      assert.deepEqual(decide(order, COMMANDS.call_customer, partner, READY_AT), recently);
      assert.deepEqual(decide(order, COMMANDS.call_customer, partner, READY_AT + MIN - 1), recently);
      assert.deepEqual(decide(order, COMMANDS.call_customer, partner, READY_AT + MIN), {
        outcome: 'transition',
        from: 'ready',
        to: 'ready',
      });
    });

    it('after a call, the minute counts from that call', () => {
      const lastAt = READY_AT + 5 * MIN;
      const order = { ...orderIn('dine_in', 'ready'), customerCall: { count: 2, lastAt } };
      assert.deepEqual(decide(order, COMMANDS.call_customer, ACTORS.admin, lastAt + MIN - 1), {
        outcome: 'deny',
        reason: 'customer_called_recently',
      });
      assert.equal(decide(order, COMMANDS.call_customer, ACTORS.admin, lastAt + MIN).outcome, 'transition');
    });

    it('the actor check comes before the minute (a customer is not permitted, even too early)', () => {
      assert.deepEqual(decide(orderIn('dine_in', 'ready'), COMMANDS.call_customer, ACTORS.customer, READY_AT), {
        outcome: 'deny',
        reason: 'actor_not_permitted',
      });
    });
  });

  describe('extend_prep at most three times', () => {
    const extended = (count: number): Order => {
      const order = orderIn('takeout', 'preparing');
      const extensions = Array.from({ length: count }, (_, i) => ({ addMinutes: 5, at: T0 + (6 + i) * MIN }));
      return { ...order, prep: { minutes: PREP_MINUTES + 5 * count, startedAt: T0 + 5 * MIN, extensions } };
    };
    for (const count of [0, 1, 2]) {
      it(`after ${count} extension(s): allowed`, () => {
        assert.deepEqual(decide(extended(count), COMMANDS.extend_prep, partner, T0), {
          outcome: 'transition',
          from: 'preparing',
          to: 'preparing',
        });
      });
    }
    it('after three: prep_extension_limit', () => {
      assert.deepEqual(decide(extended(3), COMMANDS.extend_prep, partner, T0), {
        outcome: 'deny',
        reason: 'prep_extension_limit',
      });
    });
    it('a start_preparing retry with the first minutes is still a no-op after extensions; other minutes are not', () => {
      assert.deepEqual(decide(extended(2), COMMANDS.start_preparing, partner, T0), { outcome: 'noop' });
      assert.deepEqual(decide(extended(2), { type: 'start_preparing', prepMinutes: PREP_MINUTES + 10 }, partner, T0), {
        outcome: 'deny',
        reason: 'already_preparing',
      });
    });
  });

  describe('extend_prep with a requestId: a retry adds nothing', () => {
    const keyed = (status: OrderStatus, ...requestIds: string[]): Order => {
      const order = orderIn('takeout', status);
      const extensions = requestIds.map((requestId, i) => ({ addMinutes: 10, at: T0 + (6 + i) * MIN, requestId }));
      return { ...order, prep: { minutes: PREP_MINUTES + 10 * requestIds.length, startedAt: T0 + 5 * MIN, extensions } };
    };
    const extend = (requestId?: string): OrderCommand => ({ type: 'extend_prep', addMinutes: 10, requestId });

    it('the key of an extension already made: noop, even past the limit or after the order moved on', () => {
      assert.deepEqual(decide(keyed('preparing', 'req-aaaa-1'), extend('req-aaaa-1'), partner, T0), { outcome: 'noop' });
      assert.deepEqual(decide(keyed('preparing', 'k1-xxxxxx', 'k2-xxxxxx', 'k3-xxxxxx'), extend('k3-xxxxxx'), partner, T0), {
        outcome: 'noop',
      });
      assert.deepEqual(decide(keyed('ready', 'req-aaaa-1'), extend('req-aaaa-1'), partner, T0), { outcome: 'noop' });
    });
    it('a new key, or none, is a new extension', () => {
      const transition = { outcome: 'transition', from: 'preparing', to: 'preparing' };
      assert.deepEqual(decide(keyed('preparing', 'req-aaaa-1'), extend('req-bbbb-2'), partner, T0), transition);
      assert.deepEqual(decide(keyed('preparing', 'req-aaaa-1'), extend(), partner, T0), transition);
      assert.deepEqual(decide(keyed('ready', 'req-aaaa-1'), extend('req-bbbb-2'), partner, T0), {
        outcome: 'deny',
        reason: 'extend_prep_not_preparing',
      });
    });
    it('the key of an extension already made with other minutes: prep_extension_key_reused, not a retry', () => {
      assert.deepEqual(
        decide(keyed('preparing', 'req-aaaa-1'), { type: 'extend_prep', addMinutes: 20, requestId: 'req-aaaa-1' }, partner, T0),
        {
          outcome: 'deny',
          reason: 'prep_extension_key_reused',
        },
      );
    });
    it('the key is checked after who the caller is', () => {
      assert.deepEqual(decide(keyed('preparing', 'req-aaaa-1'), extend('req-aaaa-1'), ACTORS.customer, T0), {
        outcome: 'deny',
        reason: 'actor_not_permitted',
      });
    });
    it('the applied extension keeps its key; without one, none is stored', () => {
      const order = orderIn('takeout', 'preparing');
      const keyedPatch = applyTransition(order, extend('req-aaaa-1'), partner, 'preparing', T0 + 20 * MIN).patch;
      assert.deepEqual(keyedPatch.prep?.extensions, [{ addMinutes: 10, at: T0 + 20 * MIN, requestId: 'req-aaaa-1' }]);
      const plainPatch = applyTransition(order, extend(), partner, 'preparing', T0 + 20 * MIN).patch;
      assert.deepEqual(plainPatch.prep?.extensions, [{ addMinutes: 10, at: T0 + 20 * MIN }]);
    });
  });

  it('auto_complete completes a ready order at the hour, not before', () => {
    const order = orderIn('dine_in', 'ready');
    assert.deepEqual(decide(order, COMMANDS.auto_complete, ACTORS.system, T0 + HOUR - 1), {
      outcome: 'deny',
      reason: 'not_yet_due',
    });
    assert.deepEqual(decide(order, COMMANDS.auto_complete, ACTORS.system, T0 + HOUR), {
      outcome: 'transition',
      from: 'ready',
      to: 'completed',
    });
  });

  describe('applyTransition', () => {
    const NOW = T0 + 20 * MIN;

    it('mark_ready records readyAt and the history entry', () => {
      const { patch, event } = applyTransition(orderIn('takeout', 'preparing'), COMMANDS.mark_ready, partner, 'ready', NOW);
      assert.deepEqual(patch, { status: 'ready', updatedAt: NOW, version: 3, readyAt: NOW });
      assert.deepEqual(event, {
        version: 3,
        command: 'mark_ready',
        actorRole: 'partner',
        actorUid: 'partner-1',
        from: 'preparing',
        to: 'ready',
        at: NOW,
        data: {},
      });
    });

    it('call_customer counts the calls and keeps the status', () => {
      const first = applyTransition(orderIn('dine_in', 'ready'), COMMANDS.call_customer, partner, 'ready', NOW);
      assert.deepEqual(first.patch, { status: 'ready', updatedAt: NOW, version: 4, customerCall: { count: 1, lastAt: NOW } });
      assert.deepEqual(first.event.data, { call: 1 });
      const again = applyTransition(
        { ...orderIn('dine_in', 'ready'), version: 4, customerCall: { count: 1, lastAt: NOW } },
        COMMANDS.call_customer,
        ACTORS.admin,
        'ready',
        NOW + 2 * MIN,
      );
      assert.deepEqual(again.patch.customerCall, { count: 2, lastAt: NOW + 2 * MIN });
      assert.equal(again.event.version, 5);
    });

    it('extend_prep adds the minutes to the promise, keeps the start, appends the extension and logs old/new', () => {
      const order = orderIn('takeout', 'preparing');
      const before = structuredClone(order);
      const { patch, event } = applyTransition(order, { type: 'extend_prep', addMinutes: 10 }, partner, 'preparing', NOW);
      assert.deepEqual(patch, {
        status: 'preparing',
        updatedAt: NOW,
        version: 3,
        prep: { minutes: PREP_MINUTES + 10, startedAt: T0 + 5 * MIN, extensions: [{ addMinutes: 10, at: NOW }] },
      });
      assert.deepEqual(event.data, {
        addMinutes: 10,
        previousMinutes: PREP_MINUTES,
        minutes: PREP_MINUTES + 10,
        promisedAt: T0 + 5 * MIN + (PREP_MINUTES + 10) * MIN,
      });
      assert.equal(event.from, 'preparing');
      assert.equal(event.to, 'preparing');
      assert.deepEqual(order, before, 'the input order is not mutated');
    });
  });
});
