// The tracking webhook end to end: the exported HTTPS function, called with signed requests,
// against the offline Firestore.
import { strict as assert } from 'node:assert';
import { cancelOrder, updateTracking } from '../../src/callables/orderCommands';
import { toPublicView } from '../../src/domain/publicView';
import { trackingEventDocId } from '../../src/domain/tracking';
import { signWebhookBody } from '../../src/domain/webhookSignature';
import { createTrackingWebhookHandler } from '../../src/http/trackingWebhook';
import { db } from '../../src/infra/firestore';
import { orderFromSnapshot } from '../../src/infra/orders';
import { call, expectError } from '../support/callables';
import { dumpDatabase } from '../support/database';
import { seedStore, STORE_ID } from '../support/fixtures';
import { capturedLogs } from '../support/logs';
import { historyOf, placeDelivery, storedOrder } from '../support/orders';
import { event, owner, postWebhook, shippedOrder, useTrackingDayClock, WEBHOOK_SECRET } from '../support/tracking';
import { now } from '../../src/infra/clock';
import { resetDependencies } from '../../src/deps';
import { useKoreanValidationMessages } from '../../src/callables/koreanMessages';

async function trackingRecord(eventId: string) {
  const snapshot = await db().collection('trackingEvents').doc(trackingEventDocId(eventId)).get();
  return snapshot.exists ? snapshot.data()! : null;
}

async function trackingRecords() {
  return (await db().collection('trackingEvents').get()).docs.map((doc) => doc.data());
}

const nowSeconds = () => Math.floor(now() / 1000);

describe('trackingWebhook', () => {
  beforeEach(async () => {
    useTrackingDayClock();
    await seedStore();
  });
  afterEach(() => resetDependencies('clock'));

  describe('a delivered event with a valid signature', () => {
    it('completes the shipped order by the system, with deliveredAt, the event as latest state, and history', async () => {
      const orderId = await shippedOrder('cj', '123456789012');
      const delivered = event({ status: 'delivered' });
      const answer = await postWebhook(delivered);
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.body, { eventId: delivered.eventId, outcome: 'completed' });

      const order = await storedOrder(orderId);
      assert.equal(order.status, 'completed');
      assert.equal(order.completion.by, 'system');
      assert.equal(order.completion.uid, null);
      assert.ok(order.shipment.deliveredAt, 'deliveredAt is set');
      assert.equal(order.shipment.deliveredAt.toMillis(), order.completion.at.toMillis());
      assert.equal(order.shipment.trackingNumber, '123456789012');
      assert.equal(order.shipment.lastEvent.status, 'delivered');
      assert.equal(order.shipment.lastEvent.eventId, delivered.eventId);
      assert.equal(order.shipment.lastEvent.source, 'webhook');
      assert.equal(order.shipment.lastEvent.occurredAt.toMillis(), Date.parse('2026-11-26T14:03:00+09:00'));
      assert.equal(order.shipment.lastEvent.location, '서울강남');

      const history = await historyOf(orderId);
      assert.deepEqual(
        history.map((e) => [e.command, e.from, e.to, e.actorRole]),
        [
          ['place', null, 'received', 'customer'],
          ['prepare_shipment', 'received', 'preparing_shipment', 'partner'],
          ['ship', 'preparing_shipment', 'shipped', 'partner'],
          ['mark_delivered', 'shipped', 'completed', 'system'],
        ],
      );
      assert.equal((history[3]!.data as Record<string, unknown>).trackingEventId, delivered.eventId);
      assert.equal(order.version, 4);

      const record = await trackingRecord(delivered.eventId as string);
      assert.equal(record?.outcome, 'completed');
      assert.deepEqual(record?.orderIds, [orderId]);
      assert.equal(record?.source, 'webhook');
      assert.ok(record?.expireAt.toMillis() > now() + 80 * 24 * 3600_000, 'dedupe record expires after ~90 days');
    });

    it('the public view shows the tracking URL and the latest courier state', async () => {
      const orderId = await shippedOrder('cj', '123456789012');
      await postWebhook(event({ status: 'delivered' }));
      const view = toPublicView(orderFromSnapshot(await db().doc(`orders/${orderId}`).get()));
      assert.equal(view.statusLabel, '완료');
      assert.equal(view.shipment?.trackingUrl, 'https://trace.cjlogistics.com/next/tracking.html?wblNo=123456789012');
      assert.equal(view.shipment?.lastEvent?.statusLabel, '배송 완료');
      assert.equal(view.shipment?.lastEvent?.occurredAt, '2026-11-26T05:03:00.000Z');
      assert.ok(view.shipment?.deliveredAt);
    });

    it('accepts the Delivery Tracker carrier id, an upper-case status and a hyphenated number', async () => {
      const orderId = await shippedOrder('lotte', '123456789012');
      const answer = await postWebhook(
        event({ carrier: 'kr.lotte', trackingNumber: '1234-5678-9012', status: 'DELIVERED', occurredAt: Date.UTC(2026, 10, 26) }),
      );
      assert.equal((answer.body as { outcome: string }).outcome, 'completed');
      assert.equal((await storedOrder(orderId)).status, 'completed');
    });

    it('completes every shipped order in the same parcel', async () => {
      const first = await shippedOrder('hanjin', '555566667777');
      const second = await shippedOrder('hanjin', '555566667777');
      const other = await shippedOrder('hanjin', '555566667778');
      const answer = await postWebhook(event({ carrier: 'hanjin', trackingNumber: '555566667777' }));
      assert.equal((answer.body as { outcome: string }).outcome, 'completed');
      assert.equal((await storedOrder(first)).status, 'completed');
      assert.equal((await storedOrder(second)).status, 'completed');
      assert.equal((await storedOrder(other)).status, 'shipped');
    });
  });

  describe('events before delivery', () => {
    it('store the latest state on the order without a transition', async () => {
      const orderId = await shippedOrder();
      const before = await storedOrder(orderId);
      const scan = event({ status: 'out_for_delivery', occurredAt: '2026-11-26T09:10:00+09:00', description: '배송출발' });
      const answer = await postWebhook(scan);
      assert.deepEqual(answer.body, { eventId: scan.eventId, outcome: 'updated' });
      const order = await storedOrder(orderId);
      assert.equal(order.status, 'shipped');
      assert.equal(order.version, before.version);
      assert.equal(order.updatedAt.toMillis(), before.updatedAt.toMillis());
      assert.equal(order.shipment.deliveredAt, null);
      assert.equal(order.shipment.lastEvent.status, 'out_for_delivery');
      assert.equal(order.shipment.lastEvent.description, '배송출발');
      assert.ok(order.shipment.lastCheckedAt.toMillis() >= before.shipment.lastCheckedAt.toMillis());
      assert.equal((await historyOf(orderId)).length, 3);
    });

    it('an older scan arriving late does not replace a newer one', async () => {
      const orderId = await shippedOrder();
      await postWebhook(event({ status: 'out_for_delivery', occurredAt: '2026-11-26T09:10:00+09:00' }));
      const late = event({ status: 'in_transit', occurredAt: '2026-11-26T02:00:00+09:00' });
      const answer = await postWebhook(late);
      assert.deepEqual(answer.body, { eventId: late.eventId, outcome: 'outdated' });
      assert.equal((await storedOrder(orderId)).shipment.lastEvent.status, 'out_for_delivery');
      assert.equal((await trackingRecord(late.eventId as string))?.outcome, 'outdated');
    });

    it('a status the provider added later is kept as unknown, not refused', async () => {
      const orderId = await shippedOrder();
      const answer = await postWebhook(event({ status: 'CUSTOMS_HOLD' }));
      assert.equal(answer.status, 200);
      assert.equal((await storedOrder(orderId)).shipment.lastEvent.status, 'unknown');
    });
  });

  describe('authentication', () => {
    it('answers 401 with no detail and writes nothing for a bad, missing or foreign signature', async () => {
      await shippedOrder();
      const body = event();
      const raw = JSON.stringify(body);
      const before = await dumpDatabase();
      const attempts = [
        await postWebhook(body, { secret: 'not-the-secret' }),
        await postWebhook(body, { signature: signWebhookBody(`${raw} `, nowSeconds(), WEBHOOK_SECRET) }),
        await postWebhook(body, { signature: null }),
        await postWebhook(body, { timestampHeader: null }),
        await postWebhook(body, { signature: 'sha256=00' }),
        await postWebhook(body, { signature: `sha256=${'0'.repeat(64)}` }),
      ];
      for (const answer of attempts) {
        assert.equal(answer.status, 401);
        assert.equal(answer.body, undefined, 'no detail in the answer');
      }
      assert.deepEqual(await dumpDatabase(), before);
      const refusals = capturedLogs.filter((entry) => entry.message === 'tracking.webhook_unauthenticated');
      assert.deepEqual(
        refusals.map((entry) => entry.reason),
        ['signature_mismatch', 'signature_mismatch', 'missing_signature', 'missing_timestamp', 'malformed_signature', 'signature_mismatch'],
      );
    });

    it('refuses a correctly signed event that is more than 5 minutes old, or from the future', async () => {
      const orderId = await shippedOrder();
      const before = await dumpDatabase();
      const body = event();
      for (const timestampSeconds of [nowSeconds() - 301, nowSeconds() - 3600, nowSeconds() + 60, nowSeconds() + 3600]) {
        const answer = await postWebhook(body, { timestampSeconds });
        assert.equal(answer.status, 401, `timestamp ${timestampSeconds}`);
        assert.equal(answer.body, undefined);
      }
      assert.deepEqual(await dumpDatabase(), before);
      // The same event, freshly signed, goes through.
      assert.equal((await postWebhook(body)).status, 200);
      assert.equal((await storedOrder(orderId)).status, 'completed');
    });

    it('refuses everything when the secret is not configured', async () => {
      await shippedOrder();
      const saved = process.env.TRACKING_WEBHOOK_SECRET;
      try {
        process.env.TRACKING_WEBHOOK_SECRET = '';
        const answer = await postWebhook(event(), { secret: '' });
        assert.equal(answer.status, 401);
      } finally {
        process.env.TRACKING_WEBHOOK_SECRET = saved;
      }
      // logger.error prefixes the message with "Error: " and appends a stack.
      assert.ok(capturedLogs.some((entry) => entry.severity === 'ERROR' && entry.message.includes('tracking.webhook_secret_missing')));
    });

    it('answers 405 to anything but POST', async () => {
      const answer = await postWebhook(event(), { method: 'GET' });
      assert.equal(answer.status, 405);
      assert.equal(answer.headers.allow, 'POST');
    });
  });

  describe('replays', () => {
    it('a replayed eventId completes the order once and is acknowledged as a duplicate', async () => {
      const orderId = await shippedOrder();
      const delivered = event();
      assert.equal(((await postWebhook(delivered)).body as { outcome: string }).outcome, 'completed');
      const afterFirst = await dumpDatabase();
      const again = await postWebhook(delivered);
      assert.equal(again.status, 200);
      assert.deepEqual(again.body, { eventId: delivered.eventId, outcome: 'duplicate' });
      assert.deepEqual(await dumpDatabase(), afterFirst, 'a duplicate writes nothing');
      assert.equal((await historyOf(orderId)).filter((e) => e.command === 'mark_delivered').length, 1);
    });

    it('the same event sent 6 times at once completes the order once', async () => {
      const orderId = await shippedOrder();
      const delivered = event();
      const answers = await Promise.all(Array.from({ length: 6 }, () => postWebhook(delivered)));
      assert.deepEqual(
        answers.map((a) => a.status),
        Array(6).fill(200),
      );
      const outcomes = answers.map((a) => (a.body as { outcome: string }).outcome).sort();
      assert.deepEqual(outcomes, ['completed', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
      const order = await storedOrder(orderId);
      assert.equal(order.status, 'completed');
      assert.equal(order.version, 4);
      assert.equal((await historyOf(orderId)).filter((e) => e.command === 'mark_delivered').length, 1);
      assert.equal((await trackingRecords()).length, 1);
    });
  });

  describe('malformed bodies', () => {
    it('get 400 with the offending fields, and nothing is written', async () => {
      await shippedOrder();
      const before = await dumpDatabase();
      const cases: [unknown, string][] = [
        ['not json {', ''],
        ['[]', ''],
        [event({ eventId: undefined }), 'eventId'],
        [event({ eventId: '' }), 'eventId'],
        [event({ carrier: 7 }), 'carrier'],
        [event({ trackingNumber: ' - - ' }), 'trackingNumber'],
        [event({ status: undefined }), 'status'],
        [event({ occurredAt: '2026-11-26 14:03:00' }), 'occurredAt'],
        [event({ occurredAt: '2026-11-26T14:03:00' }), 'occurredAt'],
        [event({ occurredAt: 1795748400 }), 'occurredAt'],
        [event({ location: 'x'.repeat(201) }), 'location'],
        // Lone UTF-16 surrogates: Firestore can't store them (this was a 500, retried forever).
        [event({ eventId: 'evt-\ud800' }), 'eventId'],
        [event({ carrier: 'cj\udc00' }), 'carrier'],
        [event({ trackingNumber: '1234567890\ud83d12' }), 'trackingNumber'],
        [event({ status: '\ud800delivered' }), 'status'],
        [event({ location: '서울\ud800강남' }), 'location'],
        [event({ description: '배달\udc00완료' }), 'description'],
        // Times Timestamp can't hold, or no courier scan can have: 2000-01-01 .. now + 1 day.
        [event({ occurredAt: 1795748400000000 }), 'occurredAt'], // epoch microseconds
        [event({ occurredAt: '0000-01-01T00:00:00Z' }), 'occurredAt'],
        [event({ occurredAt: '9999-12-31T23:59:59-23:59' }), 'occurredAt'],
        [event({ occurredAt: '1999-12-31T23:59:59Z' }), 'occurredAt'],
        [event({ occurredAt: new Date(now() + 25 * 3600_000).toISOString() }), 'occurredAt'],
        [event({ occurredAt: 1e300 }), 'occurredAt'],
      ];
      for (const [body, path] of cases) {
        const answer = await postWebhook(body);
        assert.equal(answer.status, 400, JSON.stringify(body));
        const fields = (answer.body as { error: string; fields: { path: string }[] }).fields.map((f) => f.path);
        assert.equal((answer.body as { error: string }).error, 'malformed_event');
        assert.ok(fields.includes(path), `expected ${path} in ${JSON.stringify(fields)} for ${JSON.stringify(body)}`);
      }
      assert.deepEqual(await dumpDatabase(), before);
    });
  });

  describe('the 400 body speaks English, whatever locale the callables installed', () => {
    it("built-in checks in English, the schema's own messages as written", async () => {
      useKoreanValidationMessages(); // what any callable in this process does first
      await shippedOrder();
      const answer = await postWebhook(event({ trackingNumber: '1'.repeat(41), status: undefined, occurredAt: 1e300 }));
      assert.equal(answer.status, 400);
      const messages = Object.fromEntries(
        (answer.body as { fields: { path: string; message: string }[] }).fields.map((f) => [f.path, f.message]),
      );
      assert.deepEqual(messages, {
        trackingNumber: 'Too big: expected string to have <=40 characters',
        status: 'Invalid input: expected string, received undefined',
        occurredAt: 'occurredAt must be between 2000-01-01 and a day from now',
      });
    });
  });

  describe('oversized bodies', () => {
    it('get 413 before the signature or the JSON is looked at, and nothing is written', async () => {
      await shippedOrder();
      const before = await dumpDatabase();
      const huge = event({ description: '배'.repeat(30_000) }); // ~90 KB of UTF-8
      const answer = await postWebhook(huge);
      assert.equal(answer.status, 413);
      assert.equal((await postWebhook(huge, { signature: 'v1=garbage' })).status, 413);
      assert.equal((await postWebhook(`[${'['.repeat(70_000)}`)).status, 413);
      assert.deepEqual(await dumpDatabase(), before);
      // Just under the limit is parsed as usual (400: the description is too long for its field).
      assert.equal((await postWebhook(event({ description: 'x'.repeat(60_000) }))).status, 400);
    });
  });

  describe('events that match no shipped order', () => {
    it('an unknown tracking number is recorded and acknowledged, and its retries are duplicates', async () => {
      const orderId = await shippedOrder('cj', '123456789012');
      const before = await storedOrder(orderId);
      const stray = event({ trackingNumber: '999999999999' });
      const answer = await postWebhook(stray);
      assert.deepEqual(answer.body, { eventId: stray.eventId, outcome: 'unmatched' });
      assert.deepEqual(await storedOrder(orderId), before);
      const record = await trackingRecord(stray.eventId as string);
      assert.equal(record?.outcome, 'unmatched');
      assert.deepEqual(record?.orderIds, []);
      assert.equal(record?.trackingNumber, '999999999999');
      assert.deepEqual((await postWebhook(stray)).body, { eventId: stray.eventId, outcome: 'duplicate' });
    });

    it('an unknown carrier is recorded as unmatched, not refused', async () => {
      const unknown = event({ carrier: 'kr.somewhere' });
      const answer = await postWebhook(unknown);
      assert.deepEqual(answer.body, { eventId: unknown.eventId, outcome: 'unmatched' });
      assert.equal((await trackingRecord(unknown.eventId as string))?.carrier, 'kr.somewhere');
    });

    it('a delivered scan older than the order (a reused or mistyped waybill) neither completes nor updates it', async () => {
      const orderId = await shippedOrder();
      const before = await storedOrder(orderId);
      const stale = event({ status: 'delivered', occurredAt: '2026-10-27T14:03:00+09:00' });
      const answer = await postWebhook(stale);
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.body, { eventId: stale.eventId, outcome: 'outdated' });
      const after = await storedOrder(orderId);
      assert.equal(after.status, 'shipped');
      assert.deepEqual(after.shipment, before.shipment);
    });

    it('a delivered event for a completed order changes nothing', async () => {
      const orderId = await shippedOrder();
      await postWebhook(event({ status: 'delivered' }));
      const completed = await storedOrder(orderId);
      const second = event({ status: 'delivered', occurredAt: '2026-11-26T20:00:00+09:00' }); // later, within a day of now
      const answer = await postWebhook(second);
      assert.deepEqual(answer.body, { eventId: second.eventId, outcome: 'unmatched' });
      assert.deepEqual(await storedOrder(orderId), completed);
      assert.equal((await historyOf(orderId)).length, 4);
    });

    it('a delivered event for a cancelled order changes nothing', async () => {
      // Cancelled before shipment: the parcel number it would have had matches nothing.
      const cancelledEarly = await placeDelivery();
      await call(cancelOrder, { orderId: cancelledEarly, reason: 'sold_out' }, owner);
      // A shipped order cancelled by an administrator outside the state machine keeps its shipment:
      // the lookup still only considers shipped orders.
      const cancelledLate = await shippedOrder('epost', '1234567890123');
      await db().doc(`orders/${cancelledLate}`).update({ status: 'cancelled' });
      const before = await dumpDatabase();
      const answer = await postWebhook(event({ carrier: 'epost', trackingNumber: '1234567890123' }));
      assert.equal((answer.body as { outcome: string }).outcome, 'unmatched');
      const after = await dumpDatabase();
      const ordersOnly = (dump: Map<string, string>) => [...dump].filter(([path]) => path.startsWith('orders/'));
      assert.deepEqual(ordersOnly(after), ordersOnly(before));
      assert.equal((await storedOrder(cancelledLate)).shipment.deliveredAt, null);
    });

    it('after updateTracking, events for the old number are ignored and the new number is followed', async () => {
      const orderId = await shippedOrder('cj', '111122223333');
      await postWebhook(event({ trackingNumber: '111122223333', status: 'in_transit', occurredAt: '2026-11-26T08:00:00+09:00' }));
      await call(updateTracking, { orderId, carrier: 'cj', trackingNumber: '444455556666' }, owner);
      const edited = await storedOrder(orderId);
      assert.equal(edited.shipment.lastEvent, null, "the old number's state is dropped");

      const old = await postWebhook(event({ trackingNumber: '111122223333', status: 'delivered' }));
      assert.equal((old.body as { outcome: string }).outcome, 'unmatched');
      assert.deepEqual(await storedOrder(orderId), edited);

      const current = await postWebhook(event({ trackingNumber: '444455556666', status: 'delivered' }));
      assert.equal((current.body as { outcome: string }).outcome, 'completed');
      assert.equal((await storedOrder(orderId)).status, 'completed');
    });
  });

  describe('races', () => {
    it("a delivered event racing a partner's updateTracking ends in one consistent state", async () => {
      const seen = new Set<string>();
      for (let round = 0; round < 4; round += 1) {
        const oldNumber = `70000000000${round}`;
        const newNumber = `80000000000${round}`;
        const orderId = await shippedOrder('cj', oldNumber);
        const delivered = event({ trackingNumber: oldNumber, status: 'delivered' });
        const [hook, edit] = await Promise.allSettled([
          postWebhook(delivered),
          call(updateTracking, { orderId, carrier: 'cj', trackingNumber: newNumber }, owner),
        ]);
        assert.equal(hook.status, 'fulfilled');
        const answer = (hook as PromiseFulfilledResult<{ status: number; body: { outcome: string } }>).value;
        assert.equal(answer.status, 200);

        const order = await storedOrder(orderId);
        const history = await historyOf(orderId);
        assert.equal(order.version, history.length, 'one history entry per version');
        const record = await trackingRecord(delivered.eventId as string);
        if (order.status === 'completed') {
          seen.add('delivered first');
          assert.equal(answer.body.outcome, 'completed');
          assert.equal(record?.outcome, 'completed');
          assert.equal(edit.status, 'rejected');
          await expectError(Promise.reject((edit as PromiseRejectedResult).reason), 'failed-precondition', 'order_completed');
          assert.equal(order.shipment.trackingNumber, oldNumber);
          assert.ok(order.shipment.deliveredAt);
          assert.equal(history.at(-1)!.command, 'mark_delivered');
        } else {
          seen.add('edit first');
          assert.equal(order.status, 'shipped');
          assert.equal(answer.body.outcome, 'unmatched');
          assert.equal(record?.outcome, 'unmatched');
          assert.equal(edit.status, 'fulfilled');
          assert.equal(order.shipment.trackingNumber, newNumber);
          assert.equal(order.shipment.deliveredAt, null);
          assert.equal(order.shipment.lastEvent, null);
          assert.equal(history.at(-1)!.command, 'update_tracking');
        }
      }
      assert.ok(seen.size >= 1);
    });
  });

  describe('durability', () => {
    it('answers 5xx when the event could not be recorded, so the provider retries; 2xx only once it is', async () => {
      let failNext = true;
      const recorded: string[] = [];
      const handler = createTrackingWebhookHandler({
        secret: () => WEBHOOK_SECRET,
        now: () => now(),
        record: async (e) => {
          if (failNext) {
            failNext = false;
            throw new Error('DEADLINE_EXCEEDED');
          }
          recorded.push(e.eventId);
          return { outcome: 'unmatched', orders: [] };
        },
      });
      const body = Buffer.from(JSON.stringify(event()));
      const send = async () => {
        const ts = nowSeconds();
        const answer = { status: 0, body: undefined as unknown };
        const res = {
          status(code: number) {
            answer.status = code;
            return res;
          },
          set() {
            return res;
          },
          json(payload: unknown) {
            answer.body = payload;
            return res;
          },
          end() {
            return res;
          },
        };
        await handler(
          {
            method: 'POST',
            headers: { 'x-gocafein-timestamp': String(ts), 'x-gocafein-signature': signWebhookBody(body, ts, WEBHOOK_SECRET) },
            rawBody: body,
          },
          res,
        );
        return answer;
      };
      const first = await send();
      assert.equal(first.status, 500);
      assert.deepEqual(recorded, []);
      const retry = await send();
      assert.equal(retry.status, 200);
      assert.equal(recorded.length, 1);
    });
  });

  it('logs every line about an order with orderId and storeId', async () => {
    const orderId = await shippedOrder();
    await postWebhook(event({ status: 'in_transit', occurredAt: '2026-11-26T08:00:00+09:00' }));
    await postWebhook(event({ status: 'delivered' }));
    const lines = capturedLogs.filter((entry) => entry.message === 'tracking.event_applied');
    assert.equal(lines.length, 2);
    for (const line of lines) {
      assert.equal(line.orderId, orderId);
      assert.equal(line.storeId, STORE_ID);
    }
  });
});
