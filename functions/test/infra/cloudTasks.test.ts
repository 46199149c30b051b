import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { cancelAutoComplete, scheduleAutoComplete, scheduleReminder } from '../../src/app/orderTimers';
import { GRPC, toProtoTimestamp } from '../../src/infra/cloudTasks';
import { Order } from '../../src/domain/order';
import { resetDependencies } from '../../src/deps';

const PLACED_AT = Date.parse('2026-03-02T03:04:05.678Z');
const PROJECT = 'demo-gocafein-test';
const QUEUES = `/projects/${PROJECT}/locations/asia-northeast3/queues`;

const order: Pick<Order, 'orderId' | 'storeId' | 'channel' | 'status' | 'createdAt' | 'autoCompleteAt'> = {
  orderId: 'order-1',
  storeId: 'store-a',
  channel: 'takeout',
  status: 'received',
  createdAt: PLACED_AT,
  autoCompleteAt: PLACED_AT + 3_600_000,
};

interface Received {
  method: string;
  path: string;
  body: unknown;
}

/**
 * Speaks the Firebase Tasks emulator's routes as firebase-tools 15 serves them: POST
 * /projects/P/locations/L/queues/Q/tasks with {task}, 409 for a reused name, 404 for an unknown
 * queue; DELETE .../tasks/ID, 404 for an unknown task.
 */
class FakeTasksEmulator {
  readonly received: Received[] = [];
  readonly queues = new Set([`${QUEUES}/autoCompleteOrder`, `${QUEUES}/remindUnansweredOrder`]);
  readonly names = new Set<string>();
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const path = req.url ?? '';
    const body = raw ? JSON.parse(raw) : null;
    this.received.push({ method: req.method ?? '', path, body });
    const queue = path.replace(/\/tasks(\/[^/]+)?$/, '');
    const reply = (status: number, payload: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    if (!this.queues.has(queue)) return reply(404, 'Tried to queue a task from a non-existent queue');
    if (req.method === 'POST') {
      const name = body.task.name as string;
      if (this.names.has(name)) return reply(409, 'A task with the same name already exists');
      this.names.add(name);
      return reply(200, { task: body.task });
    }
    if (req.method === 'DELETE') {
      const name = path.slice(1);
      if (!this.names.delete(name)) return reply(404, "Tried to remove a task that doesn't exist");
      return reply(200, { res: 'OK' });
    }
    reply(405, 'unexpected');
  }
}

describe('task scheduler under the emulator suite (CLOUD_TASKS_EMULATOR_HOST)', () => {
  let emulator: FakeTasksEmulator;
  let saved: string | undefined;

  beforeEach(async () => {
    emulator = new FakeTasksEmulator();
    saved = process.env.CLOUD_TASKS_EMULATOR_HOST;
    process.env.CLOUD_TASKS_EMULATOR_HOST = await emulator.start();
    delete process.env.TASKS_SERVICE_ACCOUNT;
    resetDependencies('tasks');
  });

  afterEach(async () => {
    await emulator.stop();
    if (saved === undefined) delete process.env.CLOUD_TASKS_EMULATOR_HOST;
    else process.env.CLOUD_TASKS_EMULATOR_HOST = saved;
    resetDependencies('tasks');
  });

  it('posts the task to the emulator’s own route, with an empty URL so it targets the queue’s function', async () => {
    assert.equal(await scheduleAutoComplete(order), 'created');
    assert.deepEqual(emulator.received, [
      {
        method: 'POST',
        path: `${QUEUES}/autoCompleteOrder/tasks`,
        body: {
          task: {
            name: `${QUEUES.slice(1)}/autoCompleteOrder/tasks/autocomplete-${createHash('sha256').update('order-1').digest('hex')}`,
            scheduleTime: new Date(PLACED_AT + 3_600_000).toISOString(),
            httpRequest: {
              url: '',
              headers: { 'Content-Type': 'application/json' },
              body: Buffer.from(JSON.stringify({ data: { orderId: 'order-1' } })).toString('base64'),
            },
          },
        },
      },
    ]);
  });

  it('a reused name (409) is ALREADY_EXISTS, which counts as success', async () => {
    assert.equal(await scheduleAutoComplete(order), 'created');
    assert.equal(await scheduleAutoComplete(order), 'already_exists');
    assert.equal(await scheduleReminder(order, 3), 'created');
    assert.equal(await scheduleReminder(order, 3), 'already_exists');
    assert.equal(emulator.names.size, 2);
  });

  it('a missing queue fails the scheduling (so the trigger is redelivered)', async () => {
    emulator.queues.clear();
    await assert.rejects(scheduleAutoComplete(order), { code: GRPC.NOT_FOUND });
  });

  it('deletes with DELETE on the task name; an unknown task is not_found', async () => {
    await scheduleAutoComplete(order);
    assert.equal(await cancelAutoComplete(order), 'deleted');
    const last = emulator.received.at(-1)!;
    assert.equal(last.method, 'DELETE');
    assert.match(last.path, new RegExp(`^${QUEUES}/autoCompleteOrder/tasks/autocomplete-[0-9a-f]{64}$`));
    assert.equal(await cancelAutoComplete(order), 'not_found');
  });
});

describe('task scheduler request pieces', () => {
  it('protobuf timestamps keep the milliseconds', () => {
    assert.deepEqual(toProtoTimestamp(PLACED_AT), { seconds: 1772420645, nanos: 678_000_000 });
    assert.deepEqual(toProtoTimestamp(1_000), { seconds: 1, nanos: 0 });
  });

  it('an order that is not open pickup gets no auto-complete task, and a moved-on order no reminder', async () => {
    assert.equal(await scheduleAutoComplete({ ...order, channel: 'delivery', autoCompleteAt: null }), 'not_applicable');
    assert.equal(await scheduleAutoComplete({ ...order, status: 'cancelled' }), 'not_applicable');
    assert.equal(await scheduleReminder({ ...order, status: 'preparing' }, 3), 'not_applicable');
    assert.equal(await scheduleReminder(order, 0), 'not_applicable', 'REMINDER_MINUTES=0 turns reminders off');
  });
});
