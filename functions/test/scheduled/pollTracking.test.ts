// The deployed shells: trigger options of the two tracking functions, and one scheduled run end to
// end with the real Delivery Tracker provider over a stubbed fetch (no network).
import { strict as assert } from 'node:assert';
import { trackingWebhook } from '../../src/http/trackingWebhook';
import { pollTracking } from '../../src/scheduled/pollTracking';
import { seedStore } from '../support/fixtures';
import { storedOrder } from '../support/orders';
import { shippedOrder } from '../support/tracking';
import { resetDependencies, setDependenciesForTest } from '../../src/deps';

type Endpoint = {
  scheduleTrigger?: { schedule: string; timeZone: string; retryConfig?: { retryCount?: number } };
  httpsTrigger?: { invoker?: string[] };
  secretEnvironmentVariables?: { key: string }[];
};
const endpointOf = (fn: unknown) => (fn as { __endpoint: Endpoint }).__endpoint;

describe('tracking functions', () => {
  it('pollTracking runs every 30 minutes in Asia/Seoul with the provider key as a secret', () => {
    const endpoint = endpointOf(pollTracking);
    assert.equal(endpoint.scheduleTrigger?.schedule, 'every 30 minutes');
    assert.equal(endpoint.scheduleTrigger?.timeZone, 'Asia/Seoul');
    assert.deepEqual(
      endpoint.secretEnvironmentVariables?.map((s) => s.key),
      ['DELIVERY_TRACKER_API_KEY'],
    );
  });

  it('trackingWebhook is a public HTTPS function with the webhook secret', () => {
    const endpoint = endpointOf(trackingWebhook);
    assert.ok(endpoint.httpsTrigger);
    assert.deepEqual(endpoint.httpsTrigger?.invoker, ['public']);
    assert.deepEqual(
      endpoint.secretEnvironmentVariables?.map((s) => s.key),
      ['TRACKING_WEBHOOK_SECRET'],
    );
  });

  describe('a scheduled run', () => {
    const realFetch = globalThis.fetch;
    let clock = 0;
    beforeEach(async () => {
      clock = Date.UTC(2026, 10, 26, 1, 0, 0);
      setDependenciesForTest({ clock: () => clock });
      await seedStore();
    });
    afterEach(() => {
      globalThis.fetch = realFetch;
      delete process.env.DELIVERY_TRACKER_API_KEY;
      resetDependencies('clock');
    });

    it('asks Delivery Tracker with the secret key, using the default params, and completes a delivered order', async () => {
      const orderId = await shippedOrder('cj', '123456789012');
      const requests: { url: string; authorization: string; variables: unknown }[] = [];
      globalThis.fetch = (async (url: string, init: RequestInit) => {
        requests.push({
          url,
          authorization: (init.headers as Record<string, string>).Authorization!,
          variables: JSON.parse(String(init.body)).variables,
        });
        const body = {
          data: {
            track: {
              lastEvent: {
                time: '2026-11-26T16:00:00+09:00',
                status: { code: 'DELIVERED', name: '배달완료' },
                description: '배달완료',
                location: { name: '서울강남' },
              },
            },
          },
        };
        return new Response(JSON.stringify(body), { status: 200 });
      }) as typeof fetch;
      process.env.DELIVERY_TRACKER_API_KEY = 'id:secret';

      // TRACKING_POLL_STALE_HOURS is unset here: the default of 6 hours applies.
      clock += 5 * 60 * 60 * 1000;
      await pollTracking.run({ scheduleTime: new Date(clock).toISOString() } as never);
      assert.equal(requests.length, 0, 'not due before 6 hours');

      clock += 2 * 60 * 60 * 1000;
      await pollTracking.run({ scheduleTime: new Date(clock).toISOString() } as never);
      assert.deepEqual(requests, [
        {
          url: 'https://apis.tracker.delivery/graphql',
          authorization: 'TRACKQL-API-KEY id:secret',
          variables: { carrierId: 'kr.cjlogistics', trackingNumber: '123456789012' },
        },
      ]);
      const order = await storedOrder(orderId);
      assert.equal(order.status, 'completed');
      assert.equal(order.completion.by, 'system');
    });
  });
});
