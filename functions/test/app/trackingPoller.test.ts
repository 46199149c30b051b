// The polling fallback with an injected provider, against the offline Firestore: which orders are
// due, batching, the rate limit, outages, and the number an owner corrected.
import { strict as assert } from 'node:assert';
import { updateTracking } from '../../src/callables/orderCommands';
import { Carrier } from '../../src/domain/carriers';
import { db } from '../../src/infra/firestore';
import { pollStaleShipments, PollOptions } from '../../src/app/trackingPoller';
import { ProviderError, ProviderTrackResult, TrackingProvider } from '../../src/infra/trackingProvider';
import { call } from '../support/callables';
import { seedStore } from '../support/fixtures';
import { historyOf, storedOrder } from '../support/orders';
import { owner, postWebhook, shippedOrder } from '../support/tracking';
import { resetDependencies, setDependenciesForTest } from '../../src/deps';

const MIN = 60_000;
const HOUR = 60 * MIN;
const STALE = 6 * HOUR;

type Answer = ProviderTrackResult | ProviderError;

class FakeProvider implements TrackingProvider {
  readonly name = 'fake';
  readonly calls: { carrier: string; trackingNumber: string; at: number }[] = [];
  constructor(
    private readonly answerFor: (trackingNumber: string) => Answer,
    private readonly monotonic: () => number = () => 0,
  ) {}
  async track(carrier: Carrier, trackingNumber: string): Promise<ProviderTrackResult> {
    this.calls.push({ carrier: carrier.code, trackingNumber, at: this.monotonic() });
    const answer = this.answerFor(trackingNumber);
    if (answer instanceof ProviderError) throw answer;
    return answer;
  }
}

const inTransit = (occurredAt: number): ProviderTrackResult => ({
  found: true,
  lastEvent: { status: 'in_transit', occurredAt, location: '옥천HUB', description: '간선상차' },
});
const delivered = (occurredAt: number): ProviderTrackResult => ({
  found: true,
  lastEvent: { status: 'delivered', occurredAt, location: '서울강남', description: '배달완료' },
});
const outage = () => new ProviderError('fake: HTTP 503', 'unavailable');

let clock = 0;
const T0 = Date.UTC(2026, 10, 26, 1, 0, 0);

/** Ships one order per number, a minute apart, starting at T0 (so the first is the oldest). */
async function shipAll(numbers: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, number] of numbers.entries()) {
    clock = T0 + i * MIN;
    ids.push(await shippedOrder('cj', number));
  }
  return ids;
}

function options(provider: TrackingProvider, overrides: Partial<PollOptions> = {}): PollOptions {
  return { provider, staleAfterMs: STALE, batchSize: 10, requestsPerSecond: 1000, sleep: async () => {}, ...overrides };
}

async function ordersSnapshot(ids: string[]) {
  return Promise.all(ids.map((id) => storedOrder(id)));
}

describe('tracking poller', () => {
  beforeEach(async () => {
    clock = T0;
    setDependenciesForTest({ clock: () => clock });
    await seedStore();
  });
  afterEach(() => resetDependencies('clock'));

  it('polls only shipped orders not refreshed for N hours, oldest first, in bounded batches', async () => {
    const numbers = ['100000000001', '100000000002', '100000000003', '100000000004', '100000000005'];
    const ids = await shipAll(numbers);
    clock = T0 + 5 * HOUR;
    const fresh = await shippedOrder('cj', '100000000006'); // shipped an hour before the first run: not due
    const done = await shippedOrder('cj', '100000000007');
    const answer = await postWebhook(
      { eventId: 'evt-done', carrier: 'cj', trackingNumber: '100000000007', status: 'delivered', occurredAt: clock },
      { timestampSeconds: Math.floor(clock / 1000) },
    );
    assert.equal(answer.status, 200);
    assert.equal((await storedOrder(done)).status, 'completed');

    clock = T0 + 6 * HOUR + 30 * MIN;
    const provider = new FakeProvider(() => inTransit(T0 + 2 * HOUR));
    const first = await pollStaleShipments(options(provider, { batchSize: 2 }));
    assert.deepEqual(
      provider.calls.map((c) => c.trackingNumber),
      numbers.slice(0, 2),
    );
    assert.deepEqual(first, { due: 2, checked: 2, completed: 0, updated: 2, unchanged: 0, failed: 0, stopped: false });
    for (const id of ids.slice(0, 2)) {
      const order = await storedOrder(id);
      assert.equal(order.shipment.lastCheckedAt.toMillis(), clock);
      assert.equal(order.shipment.lastEvent.status, 'in_transit');
      assert.equal(order.shipment.lastEvent.source, 'poll');
      assert.equal(order.status, 'shipped');
    }

    const second = await pollStaleShipments(options(provider, { batchSize: 2 }));
    assert.equal(second.due, 2);
    assert.deepEqual(
      provider.calls.map((c) => c.trackingNumber),
      numbers.slice(0, 4),
    );

    const third = await pollStaleShipments(options(provider, { batchSize: 2 }));
    assert.equal(third.due, 1, 'the fresh and the completed orders are not due');
    assert.deepEqual(
      provider.calls.map((c) => c.trackingNumber),
      numbers,
    );

    const fourth = await pollStaleShipments(options(provider, { batchSize: 2 }));
    assert.equal(fourth.due, 0);
    assert.equal(provider.calls.length, 5);
    assert.equal((await storedOrder(fresh)).shipment.lastEvent, null);
  });

  it('a delivery seen by polling completes the order by the system', async () => {
    const [orderId] = await shipAll(['200000000001']);
    clock = T0 + 7 * HOUR;
    const provider = new FakeProvider(() => delivered(T0 + 5 * HOUR));
    const summary = await pollStaleShipments(options(provider));
    assert.equal(summary.completed, 1);
    const order = await storedOrder(orderId!);
    assert.equal(order.status, 'completed');
    assert.equal(order.completion.by, 'system');
    assert.equal(order.shipment.deliveredAt.toMillis(), clock);
    assert.equal(order.shipment.lastEvent.source, 'poll');
    assert.equal(order.shipment.lastEvent.occurredAt.toMillis(), T0 + 5 * HOUR);
    assert.equal((await historyOf(orderId!)).at(-1)!.command, 'mark_delivered');

    clock = T0 + 20 * HOUR;
    assert.equal((await pollStaleShipments(options(provider))).due, 0, 'a completed order is never polled again');
  });

  it('a courier time outside 2000..now+1 day is treated as absent: applied at the time we learned it, never a failed write', async () => {
    const wrongTimes = [
      Date.parse('0000-01-01T00:00:00Z'), // year 0: below Timestamp's range
      (T0 + 5 * HOUR) * 1000, // epoch microseconds
      Date.UTC(1999, 11, 31),
      Date.parse('9999-12-31T23:59:59-23:59'), // past year 9999 in UTC
      Number.NaN,
    ];
    const numbers = wrongTimes.map((_, i) => `40000000000${i}`);
    const ids = await shipAll(numbers);
    clock = T0 + 7 * HOUR;
    const provider = new FakeProvider((number) => ({
      found: true,
      lastEvent: {
        status: 'in_transit',
        occurredAt: wrongTimes[numbers.indexOf(number)]!,
        location: '옥천\ud800HUB',
        description: '\udc00간선상차',
      },
    }));
    const summary = await pollStaleShipments(options(provider));
    assert.deepEqual({ ...summary }, { due: 5, checked: 5, completed: 0, updated: 5, unchanged: 0, failed: 0, stopped: false });
    for (const order of await ordersSnapshot(ids)) {
      assert.equal(order.shipment.lastEvent.occurredAt.toMillis(), clock, 'the time we learned it');
      // Provider text is repaired, not refused: a lone surrogate becomes U+FFFD.
      assert.equal(order.shipment.lastEvent.location, '옥천\ufffdHUB');
      assert.equal(order.shipment.lastEvent.description, '\ufffd간선상차');
      assert.equal(order.shipment.lastCheckedAt.toMillis(), clock);
    }
  });

  it('the same state seen again is not applied twice, but the order still moves back in the queue', async () => {
    const [orderId] = await shipAll(['300000000001']);
    const provider = new FakeProvider(() => inTransit(T0 + HOUR));
    clock = T0 + 7 * HOUR;
    assert.equal((await pollStaleShipments(options(provider))).updated, 1);
    const afterFirst = await storedOrder(orderId!);
    clock = T0 + 14 * HOUR;
    const again = await pollStaleShipments(options(provider));
    assert.deepEqual({ ...again }, { due: 1, checked: 1, completed: 0, updated: 0, unchanged: 1, failed: 0, stopped: false });
    const afterSecond = await storedOrder(orderId!);
    assert.deepEqual(afterSecond.shipment.lastEvent, afterFirst.shipment.lastEvent);
    assert.equal(afterSecond.shipment.lastCheckedAt.toMillis(), clock);
    assert.equal((await db().collection('trackingEvents').get()).size, 1);
  });

  it('a number the provider does not know yet is checked again N hours later', async () => {
    const [orderId] = await shipAll(['400000000001']);
    clock = T0 + 7 * HOUR;
    const provider = new FakeProvider(() => ({ found: false }));
    const summary = await pollStaleShipments(options(provider));
    assert.deepEqual({ checked: summary.checked, unchanged: summary.unchanged }, { checked: 1, unchanged: 1 });
    const order = await storedOrder(orderId!);
    assert.equal(order.shipment.lastEvent, null);
    assert.equal(order.shipment.lastCheckedAt.toMillis(), clock);
    clock = T0 + 8 * HOUR;
    assert.equal((await pollStaleShipments(options(provider))).due, 0);
  });

  it('stays within the provider rate limit', async () => {
    await shipAll(['500000000001', '500000000002', '500000000003', '500000000004', '500000000005', '500000000006']);
    clock = T0 + 7 * HOUR;
    let monotonic = 1_000;
    const sleeps: number[] = [];
    // Each provider call takes 40 ms of (simulated) time; waiting advances the same clock.
    const provider = new FakeProvider(
      () => {
        monotonic += 40;
        return { found: false };
      },
      () => monotonic,
    );
    await pollStaleShipments(
      options(provider, {
        requestsPerSecond: 4,
        monotonicNow: () => monotonic,
        sleep: async (ms) => {
          sleeps.push(ms);
          monotonic += ms;
        },
      }),
    );
    assert.equal(provider.calls.length, 6);
    const gaps = provider.calls.slice(1).map((c, i) => c.at - provider.calls[i]!.at);
    for (const gap of gaps) assert.ok(gap >= 250, `calls ${gap} ms apart at 4 per second`);
    assert.ok(provider.calls.at(-1)!.at - provider.calls[0]!.at >= 5 * 250);
    assert.equal(sleeps.length, 5, 'waits between calls, not before the first');
  });

  it('a provider outage loses nothing: the run stops, orders stay due, and the next run processes them', async () => {
    const numbers = ['600000000001', '600000000002', '600000000003', '600000000004', '600000000005'];
    const ids = await shipAll(numbers);
    clock = T0 + 7 * HOUR;

    const down = new FakeProvider(outage);
    const failed = await pollStaleShipments(options(down));
    assert.deepEqual(failed, { due: 5, checked: 0, completed: 0, updated: 0, unchanged: 0, failed: 3, stopped: true });
    assert.equal(down.calls.length, 3, 'stops after 3 failures in a row instead of hammering a provider that is down');
    for (const order of await ordersSnapshot(ids)) {
      assert.equal(order.status, 'shipped');
      assert.equal(order.shipment.lastEvent, null, 'nothing was applied');
      assert.ok(order.shipment.lastCheckedAt.toMillis() <= clock - 6 * HOUR, 'every order is still due');
    }

    clock = T0 + 7 * HOUR + 30 * MIN;
    const back = new FakeProvider(() => delivered(T0 + 6 * HOUR));
    const recovered = await pollStaleShipments(options(back));
    assert.equal(recovered.completed, 5);
    assert.deepEqual(back.calls.map((c) => c.trackingNumber).sort(), numbers);
    for (const order of await ordersSnapshot(ids)) assert.equal(order.status, 'completed');
  });

  it('a failing parcel is retried next run, behind the more overdue orders, so it never blocks the queue', async () => {
    // Three parcels that always fail come first; before the fix they stopped every run.
    const ids = await shipAll(['700000000001', '700000000002', '700000000003', '700000000004']);
    clock = T0 + 7 * HOUR;
    const failing = new Set(['700000000001', '700000000002', '700000000003']);
    const provider = () => new FakeProvider((number) => (failing.has(number) ? outage() : delivered(T0 + 6 * HOUR)));
    const first = await pollStaleShipments(options(provider(), { maxConsecutiveFailures: 3 }));
    assert.deepEqual({ failed: first.failed, stopped: first.stopped }, { failed: 3, stopped: true });
    for (const id of ids.slice(0, 3)) {
      assert.equal((await storedOrder(id!)).shipment.lastCheckedAt.toMillis(), clock - 6 * HOUR, 'still due, at the back');
    }

    clock = T0 + 7 * HOUR + 30 * MIN;
    const second = provider();
    const next = await pollStaleShipments(options(second));
    assert.equal(second.calls[0]!.trackingNumber, '700000000004', 'the order that was never reached goes first');
    assert.equal(next.completed, 1);
    assert.equal((await storedOrder(ids[3]!)).status, 'completed');
  });

  it('rate limiting or rejected credentials stop the run at once', async () => {
    await shipAll(['800000000001', '800000000002', '800000000003']);
    clock = T0 + 7 * HOUR;
    for (const kind of ['rate_limited', 'unauthorized'] as const) {
      const provider = new FakeProvider(() => new ProviderError(`fake: ${kind}`, kind));
      const summary = await pollStaleShipments(options(provider));
      assert.equal(provider.calls.length, 1, kind);
      assert.deepEqual({ failed: summary.failed, stopped: summary.stopped }, { failed: 1, stopped: true });
    }
  });

  it("after updateTracking, the next poll asks about the new number, and the old number's answer is not applied", async () => {
    const [orderId] = await shipAll(['900000000001']);
    clock = T0 + 2 * HOUR;
    await call(updateTracking, { orderId, carrier: 'epost', trackingNumber: '9000000000099' }, owner);

    clock = T0 + 7 * HOUR;
    assert.equal((await pollStaleShipments(options(new FakeProvider(() => delivered(T0))))).due, 0, 'the change reset the clock');

    clock = T0 + 9 * HOUR;
    const provider = new FakeProvider((number) => (number === '9000000000099' ? inTransit(T0 + 3 * HOUR) : delivered(T0)));
    await pollStaleShipments(options(provider));
    assert.deepEqual(provider.calls, [{ carrier: 'epost', trackingNumber: '9000000000099', at: 0 }]);
    const order = await storedOrder(orderId!);
    assert.equal(order.status, 'shipped');
    assert.equal(order.shipment.lastEvent.status, 'in_transit');
  });

  it('an order shipped with a carrier no longer listed is skipped without a provider call', async () => {
    const [orderId] = await shipAll(['110000000001']);
    await db().doc(`orders/${orderId}`).update({ 'shipment.carrier': 'retired-courier' });
    clock = T0 + 7 * HOUR;
    const provider = new FakeProvider(() => delivered(T0));
    const summary = await pollStaleShipments(options(provider));
    assert.equal(provider.calls.length, 0);
    assert.equal(summary.unchanged, 1);
    assert.equal((await storedOrder(orderId!)).shipment.lastCheckedAt.toMillis(), clock);
  });
});
