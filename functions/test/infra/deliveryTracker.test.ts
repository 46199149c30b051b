// The Delivery Tracker provider against response bodies built from its documentation
// (tracker.delivery docs: tracking-api, api-schema TrackInfo/TrackEvent, error-handling, ErrorCode).
// fetch is injected: no network.
import { strict as assert } from 'node:assert';
import { findCarrier } from '../../src/domain/carriers';
import { DELIVERY_TRACKER_ENDPOINT, DeliveryTrackerProvider } from '../../src/infra/deliveryTracker';
import { ProviderError } from '../../src/infra/trackingProvider';

const API_KEY = 'client-id-123:client-secret-456';
const CJ = findCarrier('cj')!;
const EPOST = findCarrier('epost')!;

interface SeenRequest {
  url: string;
  init: RequestInit;
}

function respond(status: number, body: unknown, seen: SeenRequest[] = []): typeof fetch {
  return (async (url: string | URL | Request, init?: RequestInit) => {
    seen.push({ url: String(url), init: init! });
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(text, { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

function provider(fetchImpl: typeof fetch, options: { timeoutMs?: number; apiKey?: string } = {}) {
  return new DeliveryTrackerProvider({ apiKey: options.apiKey ?? API_KEY, fetch: fetchImpl, timeoutMs: options.timeoutMs });
}

/** A Query.track answer: { data: { track: TrackInfo } } with only the fields we ask for. */
function trackAnswer(lastEvent: unknown) {
  return { data: { track: { lastEvent } } };
}

/** GraphQL errors come in the body, possibly with HTTP 200 (docs: error-handling). */
function errorAnswer(code: string, message = 'error') {
  return { errors: [{ message, extensions: { code } }], data: { track: null } };
}

async function expectProviderError(promise: Promise<unknown>, kind: string): Promise<ProviderError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ProviderError, `expected a ProviderError, got ${String(error)}`);
    assert.equal(error.kind, kind, error.message);
    assert.equal(error.message.includes('client-secret-456'), false, 'the key never appears in messages');
    return error;
  }
  assert.fail(`expected a ${kind} ProviderError`);
}

describe('DeliveryTrackerProvider', () => {
  it('POSTs the documented GraphQL track query with the TRACKQL-API-KEY header and our carrier mapped to its id', async () => {
    const seen: SeenRequest[] = [];
    await provider(respond(200, trackAnswer(null), seen)).track(CJ, '123456789012');
    await provider(respond(200, trackAnswer(null), seen)).track(EPOST, '1234567890123');
    assert.equal(seen.length, 2);
    const [first, second] = seen;
    assert.equal(first!.url, DELIVERY_TRACKER_ENDPOINT);
    assert.equal(first!.url, 'https://apis.tracker.delivery/graphql');
    assert.equal(first!.init.method, 'POST');
    const headers = first!.init.headers as Record<string, string>;
    assert.equal(headers.Authorization, 'TRACKQL-API-KEY client-id-123:client-secret-456');
    assert.equal(headers['Content-Type'], 'application/json');
    const body = JSON.parse(String(first!.init.body)) as { query: string; variables: Record<string, string> };
    assert.match(body.query, /track\(carrierId: \$carrierId, trackingNumber: \$trackingNumber\)/);
    assert.match(
      body.query,
      /lastEvent\s*\{[\s\S]*time[\s\S]*status\s*\{\s*code name\s*\}[\s\S]*description[\s\S]*location\s*\{\s*name\s*\}/,
    );
    assert.deepEqual(body.variables, { carrierId: 'kr.cjlogistics', trackingNumber: '123456789012' });
    assert.deepEqual(JSON.parse(String(second!.init.body)).variables, { carrierId: 'kr.epost', trackingNumber: '1234567890123' });
    assert.ok(first!.init.signal, 'the request has a timeout');
  });

  it('reads a delivered lastEvent', async () => {
    const answer = await provider(
      respond(
        200,
        trackAnswer({
          time: '2024-04-25T17:19:20+09:00',
          status: { code: 'DELIVERED', name: '배달완료' },
          description: '고객님의 상품이 배달완료 되었습니다.',
          location: { name: '경기고양신삼송' },
        }),
      ),
    ).track(CJ, '123456789012');
    assert.deepEqual(answer, {
      found: true,
      lastEvent: {
        status: 'delivered',
        occurredAt: Date.parse('2024-04-25T08:19:20Z'),
        location: '경기고양신삼송',
        description: '고객님의 상품이 배달완료 되었습니다.',
      },
    });
  });

  it('reads an in-transit lastEvent, naming it by the status name when there is no description', async () => {
    const answer = await provider(
      respond(
        200,
        trackAnswer({
          time: '2023-12-06T14:58:57+09:00',
          status: { code: 'IN_TRANSIT', name: '간선상차' },
          description: null,
          location: { name: '용산1' },
        }),
      ),
    ).track(CJ, '123456789012');
    assert.deepEqual(answer, {
      found: true,
      lastEvent: { status: 'in_transit', occurredAt: Date.parse('2023-12-06T05:58:57Z'), location: '용산1', description: '간선상차' },
    });
  });

  it('keeps a status code it does not know as unknown, and a missing or unreadable time as null', async () => {
    const missing = await provider(
      respond(200, trackAnswer({ time: null, status: { code: 'SOMETHING_NEW', name: null }, description: null, location: null })),
    ).track(CJ, '123456789012');
    assert.deepEqual(missing, { found: true, lastEvent: { status: 'unknown', occurredAt: null, location: null, description: null } });
    const unreadable = await provider(
      respond(200, trackAnswer({ time: 'yesterday', status: { code: 'AT_PICKUP' }, description: '  ' })),
    ).track(CJ, '123456789012');
    assert.deepEqual(unreadable, { found: true, lastEvent: { status: 'at_pickup', occurredAt: null, location: null, description: null } });
  });

  it('a time outside 2000..now+1 day (year 0, year 9999 with an offset, years ahead) is no time; lone surrogates in text are replaced', async () => {
    const at = Date.parse('2026-11-26T12:00:00+09:00');
    for (const time of ['0000-01-01T00:00:00Z', '9999-12-31T23:59:59-23:59', '1999-12-31T23:59:59Z', '2026-11-28T12:00:00+09:00']) {
      const answer = await new DeliveryTrackerProvider({
        apiKey: API_KEY,
        now: () => at,
        fetch: respond(
          200,
          trackAnswer({ time, status: { code: 'IN_TRANSIT' }, description: '간선\ud800상차', location: { name: '\udc00용산' } }),
        ),
      }).track(CJ, '123456789012');
      assert.deepEqual(
        answer,
        {
          found: true,
          lastEvent: { status: 'in_transit', occurredAt: null, location: '\ufffd용산', description: '간선\ufffd상차' },
        },
        time,
      );
    }
    const withinADay = await new DeliveryTrackerProvider({
      apiKey: API_KEY,
      now: () => at,
      fetch: respond(200, trackAnswer({ time: '2026-11-27T11:00:00+09:00', status: { code: 'IN_TRANSIT' } })),
    }).track(CJ, '123456789012');
    assert.equal(withinADay.found && withinADay.lastEvent?.occurredAt, Date.parse('2026-11-27T11:00:00+09:00'));
  });

  it('a parcel without events is found with no last event; a null track is not found', async () => {
    assert.deepEqual(await provider(respond(200, trackAnswer(null))).track(CJ, '123456789012'), { found: true, lastEvent: null });
    assert.deepEqual(await provider(respond(200, { data: { track: null } })).track(CJ, '123456789012'), { found: false });
  });

  it('NOT_FOUND and BAD_REQUEST (even with HTTP 200) mean the courier has nothing for this number yet', async () => {
    assert.deepEqual(await provider(respond(200, errorAnswer('NOT_FOUND'))).track(CJ, '123456789012'), { found: false });
    assert.deepEqual(
      await provider(respond(200, errorAnswer('BAD_REQUEST', '운송장 번호는 10자리 혹은 12자리입니다.'))).track(CJ, '12345'),
      { found: false },
    );
    assert.deepEqual(await provider(respond(404, errorAnswer('NOT_FOUND'))).track(CJ, '123456789012'), { found: false });
  });

  it('UNAUTHENTICATED, FORBIDDEN and HTTP 401/403 are credential failures that stop the run', async () => {
    for (const fetchImpl of [
      respond(200, errorAnswer('UNAUTHENTICATED')),
      respond(200, errorAnswer('FORBIDDEN')),
      respond(401, { message: 'unauthorized' }),
      respond(403, '<html>forbidden</html>'),
    ]) {
      const error = await expectProviderError(provider(fetchImpl).track(CJ, '123456789012'), 'unauthorized');
      assert.equal(error.stopsRun, true);
    }
  });

  it('no configured key is a credential failure without any request', async () => {
    const seen: SeenRequest[] = [];
    await expectProviderError(provider(respond(200, trackAnswer(null), seen), { apiKey: '' }).track(CJ, '1'), 'unauthorized');
    assert.equal(seen.length, 0);
  });

  it('HTTP 429 is rate limiting that stops the run', async () => {
    const error = await expectProviderError(provider(respond(429, 'Too Many Requests')).track(CJ, '123456789012'), 'rate_limited');
    assert.equal(error.stopsRun, true);
  });

  it('INTERNAL, 5xx, unreadable or unexpected bodies, network errors and timeouts are outages of this call only', async () => {
    const failing: [string, typeof fetch][] = [
      ['INTERNAL', respond(200, errorAnswer('INTERNAL', 'Please try again in a few minutes.'))],
      ['error without code', respond(200, { errors: [{ message: 'boom' }] })],
      ['HTTP 502 html', respond(502, '<html>Bad Gateway</html>')],
      ['HTTP 500 json', respond(500, { data: null })],
      ['not json', respond(200, '{"data": ')],
      ['unexpected shape', respond(200, { data: { track: { lastEvent: { status: 'DELIVERED' } } } })],
      ['empty answer (a broken proxy)', respond(200, {})],
      ['null data without errors', respond(200, { data: null })],
      [
        'network',
        (async () => {
          throw new TypeError('fetch failed');
        }) as typeof fetch,
      ],
    ];
    for (const [name, fetchImpl] of failing) {
      const error = await expectProviderError(provider(fetchImpl).track(CJ, '123456789012'), 'unavailable');
      assert.equal(error.stopsRun, false, name);
    }
  });

  it('gives up after its timeout', async () => {
    const hanging = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => {
        init.signal!.addEventListener('abort', () => reject(init.signal!.reason));
      })) as unknown as typeof fetch;
    const started = Date.now();
    await expectProviderError(provider(hanging, { timeoutMs: 50 }).track(CJ, '123456789012'), 'unavailable');
    assert.ok(Date.now() - started < 2000);
  });
});
