// Test doubles and helpers for notifications and order timers: a recording FCM boundary, a
// recording Cloud Tasks client, members and devices written straight to Firestore, and trigger
// events built from snapshots read from the offline Firestore.
import type { BatchResponse, MulticastMessage } from 'firebase-admin/messaging';
import type { DocumentSnapshot, QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { Change } from 'firebase-functions/v2';
import { tokenIdOf } from '../../src/infra/devices';
import { db, toStored } from '../../src/infra/firestore';
import { MessagingBoundary } from '../../src/infra/messaging';
import { CloudTasksApi, GRPC, HttpTaskRequest } from '../../src/infra/cloudTasks';
import { onOrderCreated } from '../../src/triggers/orderCreated';
import { onOrderUpdated } from '../../src/triggers/orderUpdated';
import { functionsTest } from './callables';
import { STORE_ID } from './fixtures';
import { resetDependencies, setDependenciesForTest } from '../../src/deps';

export const TASKS_SA = 'order-tasks@demo-gocafein-test.iam.gserviceaccount.com';

/** Records every multicast; `failWith` decides a per-token error code for each send. */
export class FakeMessaging implements MessagingBoundary {
  readonly sends: MulticastMessage[] = [];
  failWith: (token: string, sendIndex: number) => string | null = () => null;
  /** When set, the whole send throws (a network failure), before recording. */
  throwOnSend: ((sendIndex: number) => Error | null) | null = null;
  /** Runs inside a send, before it answers: lets a test act while a send is in flight. */
  duringSend: ((sendIndex: number) => Promise<void>) | null = null;
  private count = 0;

  async sendEachForMulticast(message: MulticastMessage): Promise<BatchResponse> {
    const index = this.count++;
    await this.duringSend?.(index);
    const thrown = this.throwOnSend?.(index);
    if (thrown) throw thrown;
    this.sends.push(structuredClone(message));
    const responses = message.tokens.map((token, i) => {
      const code = this.failWith(token, index);
      return code
        ? { success: false, error: { code, message: code, toJSON: () => ({ code, message: code }) } }
        : { success: true, messageId: `projects/test/messages/${index}-${i}` };
    });
    const successCount = responses.filter((r) => r.success).length;
    return { responses, successCount, failureCount: responses.length - successCount } as BatchResponse;
  }

  /** Every token sent to, over all sends, in order. */
  tokensSent(): string[] {
    return this.sends.flatMap((send) => send.tokens);
  }
}

export function grpcError(code: number, message: string): Error & { code: number } {
  return Object.assign(new Error(`${code} ${message}`), { code });
}

/** An in-memory Cloud Tasks: names are unique while the task exists (and after, like the real one). */
export class FakeCloudTasks implements CloudTasksApi {
  readonly created: HttpTaskRequest[] = [];
  readonly deleted: string[] = [];
  readonly live = new Set<string>();
  private readonly used = new Set<string>();
  failCreate: ((request: HttpTaskRequest) => Error | null) | null = null;
  failDelete: ((name: string) => Error | null) | null = null;

  async createTask(request: HttpTaskRequest): Promise<unknown> {
    this.created.push(structuredClone(request));
    const failure = this.failCreate?.(request);
    if (failure) throw failure;
    if (this.used.has(request.task.name)) throw grpcError(GRPC.ALREADY_EXISTS, `ALREADY_EXISTS: ${request.task.name}`);
    this.used.add(request.task.name);
    this.live.add(request.task.name);
    return [request.task];
  }

  async deleteTask(request: { name: string }): Promise<unknown> {
    this.deleted.push(request.name);
    const failure = this.failDelete?.(request.name);
    if (failure) throw failure;
    if (!this.live.delete(request.name)) throw grpcError(GRPC.NOT_FOUND, `NOT_FOUND: ${request.name}`);
    return [{}];
  }

  createdIn(queue: string): HttpTaskRequest[] {
    return this.created.filter((request) => request.parent.endsWith(`/queues/${queue}`));
  }
}

/** Installs fresh fakes before each test of the calling suite and removes them after. */
export function useNotificationFakes(): { messaging: () => FakeMessaging; tasks: () => FakeCloudTasks } {
  let messaging: FakeMessaging;
  let tasks: FakeCloudTasks;
  let savedAccount: string | undefined;
  beforeEach(() => {
    messaging = new FakeMessaging();
    tasks = new FakeCloudTasks();
    setDependenciesForTest({ messaging, tasks });
    savedAccount = process.env.TASKS_SERVICE_ACCOUNT;
    process.env.TASKS_SERVICE_ACCOUNT = TASKS_SA;
  });
  afterEach(() => {
    resetDependencies('messaging', 'tasks', 'clock');
    if (savedAccount === undefined) delete process.env.TASKS_SERVICE_ACCOUNT;
    else process.env.TASKS_SERVICE_ACCOUNT = savedAccount;
  });
  return { messaging: () => messaging, tasks: () => tasks };
}

export async function seedMember(uid: string, role: 'owner' | 'staff', storeId = STORE_ID): Promise<void> {
  await db().doc(`stores/${storeId}/members/${uid}`).set({ uid, storeId, role });
}

/** Writes devices the way registerDevice stores them, in batches (for large fan-outs). */
export async function seedDevices(uid: string, tokens: string[], refreshedAt = Date.now()): Promise<void> {
  for (let i = 0; i < tokens.length; i += 200) {
    const batch = db().batch();
    for (const token of tokens.slice(i, i + 200)) {
      const device = toStored({ uid, token, platform: 'android', createdAt: refreshedAt, refreshedAt }) as Record<string, unknown>;
      batch.set(db().doc(`users/${uid}/devices/${tokenIdOf(token)}`), device);
      batch.set(db().doc(`deviceTokens/${tokenIdOf(token)}`), device);
    }
    await batch.commit();
  }
}

export async function deviceTokensOf(uid: string): Promise<string[]> {
  const snapshot = await db().collection(`users/${uid}/devices`).get();
  return snapshot.docs.map((doc) => doc.get('token') as string).sort();
}

export async function orderSnapshot(orderId: string): Promise<DocumentSnapshot> {
  return db().doc(`orders/${orderId}`).get();
}

let eventCounter = 0;
export function eventId(): string {
  eventCounter += 1;
  return `event-${process.pid}-${eventCounter}`;
}

/** Delivers onOrderCreated for the order as stored now, as Eventarc would (same id = redelivery). */
export async function deliverCreated(orderId: string, id = eventId()): Promise<void> {
  const snapshot = (await orderSnapshot(orderId)) as QueryDocumentSnapshot;
  await functionsTest.wrap(onOrderCreated)({ data: snapshot, params: { orderId }, id } as never);
}

/** Delivers onOrderUpdated for a before/after pair of stored snapshots. */
export async function deliverUpdated(orderId: string, before: DocumentSnapshot, after: DocumentSnapshot, id = eventId()): Promise<void> {
  const change = new Change(before as QueryDocumentSnapshot, after as QueryDocumentSnapshot);
  await functionsTest.wrap(onOrderUpdated)({ data: change, params: { orderId }, id } as never);
}

/** Runs `change` against the order and delivers the update event for it. */
export async function changeAndDeliver(orderId: string, change: () => Promise<unknown>, id = eventId()): Promise<string> {
  const before = await orderSnapshot(orderId);
  await change();
  const after = await orderSnapshot(orderId);
  await deliverUpdated(orderId, before, after, id);
  return id;
}

/**
 * Wraps a task-queue or scheduled function with firebase-functions-test. Its typings only accept
 * CloudEvent functions; at runtime `wrap` calls the function's `run` with the given request.
 */
export function wrapHandler(fn: unknown): (request: unknown) => Promise<unknown> {
  const wrap = functionsTest.wrap as unknown as (f: unknown) => (request: unknown) => Promise<unknown>;
  return wrap(fn);
}

export function decodeTaskBody(request: HttpTaskRequest): unknown {
  return JSON.parse(Buffer.from(request.task.httpRequest.body, 'base64').toString('utf8'));
}
