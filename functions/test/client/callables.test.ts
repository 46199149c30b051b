// @gocafein/client end to end without the emulator: the package's typed caller, on the real
// Firebase JS SDK, calls the real exported callables through a tiny HTTP server that speaks the
// callable protocol ({data} in, {result} or {error: HttpsError.toJSON()} out, the HTTP status of
// the code), and parseError reads what the SDK then throws. Auth is set per test (the server
// stands in for token verification, which production does).
import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { HttpsError } from 'firebase-functions/v2/https';
import { gocafein, type GocafeinApi } from '../../../client/src/callables';
import { parseError } from '../../../client/src/errors';
import * as indexExports from '../../src/index';
import { type AuthContext, as, call } from '../support/callables';
import { requestId, seedStore, STORE_ID } from '../support/fixtures';

// The SDK copy the package resolves (the root's firebase), so app and functions instances match.
const CLIENT = join(__dirname, '..', '..', '..', 'client');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the SDK copy the client package resolves, found at run time
const fromClient = <T>(name: string): T => require(require.resolve(name, { paths: [CLIENT] }));
const { initializeApp, deleteApp } = fromClient<typeof import('firebase/app')>('firebase/app');
const { getFunctions, connectFunctionsEmulator } = fromClient<typeof import('firebase/functions')>('firebase/functions');

describe('client: the typed caller against the real callables over HTTP', () => {
  let server: Server;
  let auth: AuthContext | undefined;
  let api: GocafeinApi;
  let app: ReturnType<typeof initializeApp>;

  before(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      // eslint-disable-next-line @typescript-eslint/no-misused-promises -- every path replies; the try covers the one await
      req.on('end', async () => {
        const name = (req.url ?? '').split('/').pop()!;
        const fn = (indexExports as Record<string, unknown>)[name];
        const reply = (status: number, payload: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(payload));
        };
        if (!fn) return reply(404, { error: { status: 'NOT_FOUND', message: 'not found' } });
        try {
          const result = await call(fn as never, (JSON.parse(body) as { data: unknown }).data, auth);
          reply(200, { result });
        } catch (error) {
          const httpsError = error instanceof HttpsError ? error : new HttpsError('internal', 'INTERNAL');
          reply(httpsError.httpErrorCode.status, { error: httpsError.toJSON() });
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    app = initializeApp({ projectId: 'demo-gocafein', apiKey: 'k' }, 'client-callables-test');
    const functions = getFunctions(app, 'asia-northeast3');
    connectFunctionsEmulator(functions, '127.0.0.1', (server.address() as AddressInfo).port);
    api = gocafein(functions);
  });
  after(async () => {
    await deleteApp(app);
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => seedStore());

  const takeout = (id = requestId()) => ({
    storeId: STORE_ID,
    channel: 'takeout' as const,
    requestId: id,
    items: [{ menuItemId: 'americano', quantity: 2, options: [{ groupId: 'size', choiceIds: ['large'] }] }],
  });

  it('places an order and returns the typed response', async () => {
    auth = as.customer();
    const placed = await api.placeOrder(takeout());
    assert.equal(placed.total, 9000);
    assert.equal(placed.status, 'received');
    assert.equal(placed.order.statusLabel, '주문 접수');
    assert.equal(placed.order.channelLabel, '포장');
    assert.equal(placed.order.items[0].options[0].choices[0].name, '라지');
  });

  it('a refusal parses to its reason, its typed extras and the clean Korean message', async () => {
    auth = as.customer();
    const id = requestId();
    const first = await api.placeOrder(takeout(id));
    const error = await api.placeOrder({ ...takeout(id), items: [{ menuItemId: 'latte', quantity: 1 }] }).then(
      () => assert.fail('the reused requestId was accepted'),
      (thrown: unknown) => thrown,
    );
    assert.match(String((error as Error).message), /[가-힣]/);
    const parsed = parseError(error);
    assert.equal(parsed.reason, 'idempotency_key_reused');
    assert.equal(parsed.code, 'already-exists');
    assert.equal(parsed.message, '같은 요청 번호로 다른 주문이 이미 접수되었습니다.');
    if (parsed.reason === 'idempotency_key_reused') assert.equal(parsed.details.orderId, first.orderId);
  });

  it('bad input parses to invalid_argument with Korean field messages', async () => {
    auth = as.customer();
    const parsed = parseError(
      await api.placeOrder({ ...takeout(), items: [{ menuItemId: 'latte', quantity: 0 }] }).catch((thrown: unknown) => thrown),
    );
    assert.equal(parsed.reason, 'invalid_argument');
    assert.deepEqual(parsed.fields, [{ path: 'items.0.quantity', message: '1 이상이어야 합니다.' }]);
  });

  it('no sign-in parses to unauthenticated', async () => {
    auth = undefined;
    const parsed = parseError(await api.placeOrder(takeout()).catch((thrown: unknown) => thrown));
    assert.equal(parsed.reason, 'unauthenticated');
    assert.equal(parsed.message, '로그인이 필요합니다.');
  });
});
