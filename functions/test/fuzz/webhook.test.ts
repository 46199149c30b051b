// Fuzz: the tracking webhook, correctly signed, with arbitrary JSON, near misses of a valid event
// (test/fuzz/payloads.ts) and raw bytes. Every answer is 200, 400 or 413 (never 5xx, which the
// provider would retry forever), and anything but 200 writes nothing. Unsigned bodies get 401.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { seedStore } from '../support/fixtures';
import { event, postWebhook, shippedOrder, useTrackingDayClock } from '../support/tracking';
import { payloadFor } from './payloads';
import { snapshotDatabase } from './snapshot';
import { resetDependencies } from '../../src/deps';

const RUNS = Number(process.env.FUZZ_RUNS ?? 50) * 3;
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

const show = (body: unknown) => {
  const text = typeof body === 'string' ? body : (JSON.stringify(body) ?? String(body));
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
};

describe('fuzz: the tracking webhook, odd bodies', function () {
  this.timeout(600_000);
  beforeEach(async () => {
    useTrackingDayClock();
    await seedStore();
    await shippedOrder('cj', '123456789012');
  });
  afterEach(() => resetDependencies('clock'));

  async function check(body: unknown, options: Parameters<typeof postWebhook>[1], allowed: number[]): Promise<number> {
    const before = await snapshotDatabase();
    const answer = await postWebhook(body, options);
    assert.ok(allowed.includes(answer.status), `answered ${answer.status} ${JSON.stringify(answer.body)} for ${show(body)}`);
    if (answer.status !== 200) assert.deepEqual(await snapshotDatabase(), before, `answered ${answer.status} but wrote, for ${show(body)}`);
    return answer.status;
  }

  it('signed: 200, 400 or 413, never 5xx; refused bodies write nothing', async () => {
    const seed = event({ status: 'in_transit', eventId: 'evt-fuzz-seed' });
    const statuses = new Map<number, number>();
    let runs = 0;
    const rawBody = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 64 }),
      fc.constant(JSON.stringify(seed).slice(0, 40)), // truncated JSON
      fc.constantFrom('', 'null', '"x"', '[]', '{}', '1e999', '{"__proto__":{"eventId":"x"}}'),
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 5, arbitrary: payloadFor(seed) }, { weight: 1, arbitrary: rawBody }), async (body) => {
        // A fresh event id for every run that kept the seed's, or all but the first are duplicates.
        if (body && typeof body === 'object' && (body as { eventId?: unknown }).eventId === seed.eventId) {
          Object.defineProperty(body, 'eventId', { value: `evt-fuzz-${(runs += 1)}`, enumerable: true, writable: true });
        }
        // postWebhook sends strings as they are and JSON-encodes anything else.
        const status = await check(body === undefined ? '' : body, {}, [200, 400, 413]);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    assert.ok(statuses.has(200) && statuses.has(400), `both accepted and refused bodies were generated: ${JSON.stringify([...statuses])}`);
  });

  it('unsigned or wrongly signed: 401, nothing written', async () => {
    await fc.assert(
      fc.asyncProperty(payloadFor(event()), fc.constantFrom(null, 'v1=00', 'garbage', '\ud800'), async (body, signature) => {
        await check(body ?? '', { signature }, [401]);
      }),
      { numRuns: Math.ceil(RUNS / 4), seed: SEED, endOnFailure: true },
    );
  });
});
