// The queue in front of the Functions emulator (scripts/lib/functionsQueue.mjs), against a fake
// emulator that answers each request after a delay: never more than maxInFlight requests reach the
// emulator at once, the rest are served in arrival order, requests and answers pass through
// unchanged, and a caller that hangs up while queued never reaches the emulator.
import { strict as assert } from 'node:assert';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';

const QUEUE = join(__dirname, '..', '..', '..', 'scripts', 'lib', 'functionsQueue.mjs');

interface Queue {
  port: number;
  stats: { requests: number; maxQueued: number; maxWaitMs: number };
  close(): Promise<void>;
}

// How long the fake emulator takes per request: long enough that a loaded machine's timer slack
// (the 10 and 30 ms pauses below) stays well inside one request.
const SERVICE_MS = 300;

describe('functions queue (npm start)', function () {
  this.timeout(20_000);
  let emulator: Server;
  let queue: Queue;
  let inside = 0;
  let mostInside = 0;
  let arrived: string[];

  beforeEach(async () => {
    inside = 0;
    mostInside = 0;
    arrived = [];
    emulator = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        inside += 1;
        mostInside = Math.max(mostInside, inside);
        arrived.push(req.url ?? '');
        setTimeout(() => {
          inside -= 1;
          res.writeHead(req.url === '/missing' ? 404 : 200, {
            'content-type': 'application/json',
            'x-echo': String(req.headers['x-caller']),
          });
          res.end(JSON.stringify({ path: req.url, method: req.method, body }));
        }, SERVICE_MS);
      });
    });
    await new Promise<void>((resolve) => emulator.listen(0, '127.0.0.1', resolve));
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain .mjs module loaded at run time, outside the type-checked tree
    const { startFunctionsQueue } = require(QUEUE);
    queue = await startFunctionsQueue({ target: `127.0.0.1:${(emulator.address() as AddressInfo).port}`, port: 0, maxInFlight: 2 });
  });
  afterEach(async () => {
    await queue.close();
    await new Promise((resolve) => emulator.close(resolve));
  });

  const call = (path: string, body = '{"data":{}}') =>
    fetch(`http://127.0.0.1:${queue.port}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-caller': path },
      body,
    });

  it('lets at most maxInFlight requests into the emulator and serves the rest in order', async () => {
    const paths = Array.from({ length: 8 }, (_, i) => `/demo/asia-northeast3/f${i}`);
    // 10 ms apart, so the order they reach the queue in is known.
    const pending: Promise<{ path: string }>[] = [];
    for (const path of paths) {
      pending.push(call(path).then((r) => r.json() as Promise<{ path: string }>));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const answers = await Promise.all(pending);
    assert.deepEqual(
      answers.map((a) => a.path),
      paths,
    );
    assert.equal(mostInside, 2);
    assert.deepEqual(arrived, paths);
    assert.equal(queue.stats.requests, 8);
    assert.ok(queue.stats.maxQueued >= 5, `at most ${queue.stats.maxQueued} queued`);
    // With 2 slots, the last arrivals wait ~3 service times less their 70 ms head start on an idle
    // machine (less when the 10 ms gaps stretch under load); one whole service time holds either way.
    assert.ok(queue.stats.maxWaitMs >= SERVICE_MS, `longest wait ${queue.stats.maxWaitMs} ms`);
  });

  it('passes method, path, headers, body and status through unchanged', async () => {
    const answer = await call('/missing', '{"data":{"orderId":"o1"}}');
    assert.equal(answer.status, 404);
    assert.equal(answer.headers.get('x-echo'), '/missing');
    assert.deepEqual(await answer.json(), { path: '/missing', method: 'POST', body: '{"data":{"orderId":"o1"}}' });
  });

  it('drops a caller that hung up while queued', async () => {
    const first = [call('/a'), call('/b')];
    const controller = new AbortController();
    const gone = fetch(`http://127.0.0.1:${queue.port}/gone`, { method: 'POST', body: '{}', signal: controller.signal }).catch(
      () => 'aborted',
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    controller.abort();
    assert.equal(await gone, 'aborted');
    await Promise.all(first);
    const last = await call('/c');
    assert.equal(last.status, 200);
    assert.deepEqual(arrived, ['/a', '/b', '/c']);
  });
});
