// Property test: random command sequences (random command, data, actor and clock advance) applied
// with decide + applyTransition to an in-memory order that starts as `received`, on a random channel.
// After every step the lifecycle invariants of the spec must hold.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CANCEL_REASON_CODES, isCancelReasonFor } from '../../src/domain/cancelReasons';
import { ACTOR_ROLES, ActorRole, AUTO_COMPLETE_AFTER_MS, Channel, CHANNELS, Order, OrderStatus } from '../../src/domain/order';
import { REASONS } from '../../src/domain/reasons';
import { Actor, applyTransition, CommandType, decide, OrderCommand, OrderEvent } from '../../src/domain/stateMachine';
import { placed } from '../support/orderFactory';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 26, 3, 0, 0);

// Hand-written from the spec, independent of TRANSITIONS.
const REACHABLE: Record<'pickup' | 'delivery', readonly OrderStatus[]> = {
  pickup: ['received', 'preparing', 'ready', 'completed', 'cancelled'],
  delivery: ['received', 'preparing_shipment', 'shipped', 'completed', 'cancelled'],
};
const TERMINAL: readonly OrderStatus[] = ['completed', 'cancelled'];
const MAY_TRANSITION: Record<ActorRole, readonly CommandType[]> = {
  customer: ['cancel'],
  partner: [
    'start_preparing',
    'mark_ready',
    'call_customer',
    'extend_prep',
    'complete',
    'prepare_shipment',
    'ship',
    'update_tracking',
    'cancel',
  ],
  admin: [
    'start_preparing',
    'mark_ready',
    'call_customer',
    'extend_prep',
    'complete',
    'prepare_shipment',
    'ship',
    'update_tracking',
    'cancel',
  ],
  system: ['auto_complete', 'mark_delivered'],
};

// Small pools of data so repeats (same data) and changes (different data) both happen often.
const trackingArb = fc.record({
  carrier: fc.constantFrom('cj', 'hanjin'),
  trackingNumber: fc.constantFrom('123456789012', '210987654321'),
});
// Cancel is weighted down so that long lifecycles (e.g. delivery up to completed) are reached too.
const commandArb: fc.Arbitrary<OrderCommand> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(10, 15, 20).map((prepMinutes) => ({ type: 'start_preparing' as const, prepMinutes })) },
  { weight: 3, arbitrary: fc.constant({ type: 'mark_ready' as const }) },
  { weight: 2, arbitrary: fc.constant({ type: 'call_customer' as const }) },
  { weight: 2, arbitrary: fc.constantFrom(5, 10, 30).map((addMinutes) => ({ type: 'extend_prep' as const, addMinutes })) },
  { weight: 3, arbitrary: fc.constant({ type: 'complete' as const }) },
  { weight: 3, arbitrary: fc.constant({ type: 'auto_complete' as const }) },
  { weight: 3, arbitrary: fc.constant({ type: 'prepare_shipment' as const }) },
  { weight: 3, arbitrary: trackingArb.map((t) => ({ type: 'ship' as const, ...t })) },
  { weight: 3, arbitrary: trackingArb.map((t) => ({ type: 'update_tracking' as const, ...t })) },
  { weight: 3, arbitrary: fc.constant({ type: 'mark_delivered' as const }) },
  {
    weight: 1,
    arbitrary: fc
      .record({ reason: fc.constantFrom(...CANCEL_REASON_CODES), note: fc.option(fc.string({ maxLength: 8 })) })
      .map(({ reason, note }) => ({ type: 'cancel' as const, reason, note })),
  },
);
const actorArb: fc.Arbitrary<Actor> = fc
  .constantFrom(...ACTOR_ROLES)
  .map((role) => ({ role, uid: role === 'system' ? null : `${role}-1` }));
const stepArb = fc.record({
  command: commandArb,
  actor: actorArb,
  advance: fc.integer({ min: 0, max: 25 * MIN }), // auto-completion (1h) becomes due after a few steps
});
const scenarioArb = fc.record({
  channel: fc.constantFrom<Channel>(...CHANNELS),
  steps: fc.array(stepArb, { maxLength: 40, size: 'max' }),
});

interface Run {
  order: Order;
  history: OrderEvent[];
  transitions: number;
  terminalTransitions: number;
}

/** Runs a scenario, asserting the step invariants as it goes; returns the final state. */
function run(channel: Channel, steps: { command: OrderCommand; actor: Actor; advance: number }[]): Run {
  const flow = channel === 'delivery' ? 'delivery' : 'pickup';
  // The creation, exactly as placeOrder writes it (the shared factory).
  const { order: first, event: creation } = placed(channel, {}, { at: T0, autoCompleteAfterMs: AUTO_COMPLETE_AFTER_MS });
  let order = first;
  const history: OrderEvent[] = [creation];
  let transitions = 0;
  let terminalTransitions = 0;
  let now = T0;

  for (const { command, actor, advance } of steps) {
    now += advance;
    const before = structuredClone(order);
    const decision = decide(order, command, actor, now);

    if (decision.outcome === 'transition') {
      assert.ok(!TERMINAL.includes(before.status), `left terminal ${before.status} by ${command.type}`);
      assert.equal(decision.from, before.status);
      assert.ok(MAY_TRANSITION[actor.role].includes(command.type), `${actor.role} transitioned by ${command.type}`);
      if (command.type === 'cancel' && actor.role === 'customer') {
        assert.equal(before.status, 'received', 'customer cancelled after received');
      }
      if (command.type === 'cancel') {
        assert.ok(isCancelReasonFor(command.reason, actor.role), `${actor.role} cancelled with ${command.reason}`);
      }
      if (before.status === 'ready') {
        assert.ok(['call_customer', 'complete', 'auto_complete', 'cancel'].includes(command.type), `${command.type} changed a ready order`);
        assert.notEqual(actor.role, 'customer', 'the customer changed a ready order');
      }
      if (command.type === 'call_customer') {
        const last = before.customerCall?.lastAt ?? before.readyAt!;
        assert.ok(now - last >= 60_000, 'customer called twice within a minute');
      }
      if (before.status === 'shipped') {
        assert.ok(['update_tracking', 'mark_delivered'].includes(command.type), `${command.type} changed a shipped order`);
      }

      const { patch, event } = applyTransition(order, command, actor, decision.to, now);
      assert.equal(patch.version, before.version + 1);
      assert.equal(event.version, patch.version);
      assert.equal(event.from, before.status);
      assert.equal(event.to, decision.to);
      assert.equal(event.command, command.type);
      assert.equal(event.actorRole, actor.role);
      order = { ...order, ...patch };
      history.push(event);
      transitions += 1;
      if (TERMINAL.includes(decision.to)) terminalTransitions += 1;
      assert.ok(terminalTransitions <= 1, 'more than one terminal transition');
    } else {
      if (decision.outcome === 'deny') assert.ok(decision.reason in REASONS, `untyped reason ${decision.reason}`);
      assert.deepEqual(order, before, `${decision.outcome} changed the order`);
    }

    assert.ok(REACHABLE[flow].includes(order.status), `${order.status} is not a ${flow} status`);
    assert.ok((order.prep?.extensions?.length ?? 0) <= 3, 'more than three extensions');
    if (order.prep) {
      const added = (order.prep.extensions ?? []).reduce((sum, e) => sum + e.addMinutes, 0);
      assert.ok(order.prep.minutes - added >= 1, 'the promise is the start minutes plus the extensions');
    }
    if (order.status === 'ready') assert.ok(order.readyAt != null && order.readyAt <= now, 'ready without readyAt');
  }
  return { order, history, transitions, terminalTransitions };
}

describe('state machine: properties over random command sequences', () => {
  it('lifecycle invariants hold after every step', () => {
    fc.assert(
      fc.property(scenarioArb, ({ channel, steps }) => {
        const { order, history, transitions, terminalTransitions } = run(channel, steps);

        // History: the creation entry plus one entry per transition, a contiguous version chain.
        assert.equal(history.length, transitions + 1);
        assert.equal(order.version, history.length);
        history.forEach((event, i) => {
          assert.equal(event.version, i + 1, 'versions strictly increase by one');
          if (i > 0) assert.equal(event.from, history[i - 1]!.to, 'each entry starts where the previous ended');
          if (i > 0) assert.ok(event.at >= history[i - 1]!.at, 'history is in time order');
        });
        assert.equal(history.at(-1)!.to, order.status);
        assert.ok(terminalTransitions <= 1);
        assert.equal(terminalTransitions, TERMINAL.includes(order.status) ? 1 : 0);

        // A customer's only transition is a cancellation of a received order.
        for (const event of history.slice(1)) {
          if (event.actorRole === 'customer') {
            assert.equal(event.command, 'cancel');
            assert.equal(event.from, 'received');
          }
        }

        // The terminal records match how the order ended.
        if (order.status === 'cancelled') {
          assert.ok(order.cancellation && order.completion === null);
          assert.equal(order.cancellation.by, history.at(-1)!.actorRole);
        } else if (order.status === 'completed') {
          assert.ok(order.completion && order.cancellation === null);
          assert.equal(order.completion.by, history.at(-1)!.actorRole);
        } else {
          assert.equal(order.cancellation, null);
          assert.equal(order.completion, null);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('random sequences do reach every status of both flows (the generator is not vacuous)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(scenarioArb, ({ channel, steps }) => {
        const { order, history } = run(channel, steps);
        for (const event of history) seen.add(`${order.channel === 'delivery' ? 'delivery' : 'pickup'}:${event.to}`);
      }),
      { numRuns: 300, seed: 42 },
    );
    const all = [...REACHABLE.pickup.map((s) => `pickup:${s}`), ...REACHABLE.delivery.map((s) => `delivery:${s}`)];
    assert.deepEqual([...seen].sort(), all.sort());
  });
});
