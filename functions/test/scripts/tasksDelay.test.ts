// The local delay in front of the Tasks emulator (scripts/lib/tasksDelay.mjs), against a fake
// emulator: a task is handed over at or after its scheduleTime and never before; a reused name is
// refused with 409; deleting a held task cancels it; other requests pass through.
import { strict as assert } from 'node:assert';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';

const DELAY = join(__dirname, '..', '..', '..', 'scripts', 'lib', 'tasksDelay.mjs');
const QUEUE = '/projects/demo/locations/asia-northeast3/queues/autoCompleteOrder';

describe('local tasks delay (npm start)', function () {
  this.timeout(20_000);
  let emulator: Server;
  let received: { at: number; path: string; method: string; body: string }[];
  let delay: { port: number; close(): Promise<void>; held(): string[] };

  beforeEach(async () => {
    received = [];
    emulator = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ at: Date.now(), path: req.url ?? '', method: req.method ?? '', body });
        res.writeHead(req.method === 'GET' ? 404 : 200, { 'content-type': 'application/json' });
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => emulator.listen(0, '127.0.0.1', resolve));
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the script under test, loaded by path
    const { startTasksDelay } = require(DELAY);
    delay = await startTasksDelay({ emulator: `127.0.0.1:${(emulator.address() as AddressInfo).port}` });
  });
  afterEach(async () => {
    await delay.close();
    await new Promise((resolve) => emulator.close(resolve));
  });

  const post = (name: string, dueAt: number) =>
    fetch(`http://127.0.0.1:${delay.port}${QUEUE}/tasks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        task: { name: `${QUEUE.slice(1)}/tasks/${name}`, scheduleTime: new Date(dueAt).toISOString(), httpRequest: { body: 'e30=' } },
      }),
    });

  // Polls instead of sleeping a fixed time, so a loaded CI machine is slower, not red.
  const until = async (done: () => boolean, deadline: number) => {
    while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
  };

  it('hands a task to the emulator when it is due, not before', async () => {
    const dueAt = Date.now() + 1500;
    const answer = await post('t1', dueAt);
    assert.equal(answer.status, 200);
    assert.equal(received.length, 0, 'forwarded before its time');
    await until(() => received.length > 0, dueAt + 5000);
    assert.equal(received.length, 1);
    assert.ok(received[0].at >= dueAt, `forwarded ${dueAt - received[0].at} ms early`);
    assert.equal(received[0].path, `${QUEUE}/tasks`);
    assert.equal(JSON.parse(received[0].body).task.name, `${QUEUE.slice(1)}/tasks/t1`);
  });

  it('refuses a reused task name with 409, like the emulator', async () => {
    assert.equal((await post('t2', Date.now() + 60_000)).status, 200);
    assert.equal((await post('t2', Date.now() + 60_000)).status, 409);
  });

  it('cancels a held task on DELETE, and passes other requests through', async () => {
    const dueAt = Date.now() + 1500;
    assert.equal((await post('t3', dueAt)).status, 200);
    const deleted = await fetch(`http://127.0.0.1:${delay.port}${QUEUE}/tasks/t3`, { method: 'DELETE' });
    assert.equal(deleted.status, 200);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, dueAt + 500 - Date.now())));
    assert.equal(received.length, 0);
    const other = await fetch(`http://127.0.0.1:${delay.port}${QUEUE}`);
    assert.equal(other.status, 404);
    assert.equal(received.length, 1);
    assert.equal(received[0].method, 'GET');
  });

  it('dispatches a task that is already due at once', async () => {
    const posted = Date.now();
    assert.equal((await post('t4', posted - 1000)).status, 200);
    await until(() => received.length > 0, posted + 5000);
    assert.equal(received.length, 1);
    // At once: not held for any schedule time (the tasks above wait 1.5 s).
    assert.ok(received[0].at - posted < 1000, `dispatched ${received[0].at - posted} ms after it was posted`);
  });
});
