// Order timers on Cloud Tasks: one auto-complete task per pickup order (due at autoCompleteAt) and
// one unanswered-order reminder per order. Tasks are HTTP tasks aimed at the task-queue functions
// (autoCompleteOrder, remindUnansweredOrder) with an OIDC token of the configured service account.
// Task names are a hash of the orderId, so a redelivered creation trigger cannot enqueue twice:
// ALREADY_EXISTS is success.
//
// The client is injectable (tests record requests). The real one is @google-cloud/tasks, loaded on
// first use. Under the emulator suite (CLOUD_TASKS_EMULATOR_HOST set) @google-cloud/tasks cannot
// talk to the Tasks emulator (gRPC: UNAVAILABLE; REST fallback: 404 on /v2), so a small HTTP
// adapter posts the same task to the emulator's own route instead (docs/notifications.md).
import { createHash } from 'node:crypto';
import * as logger from 'firebase-functions/logger';
import { projectID } from 'firebase-functions/params';
import {
  autoCompleteQueue,
  functionsRegion,
  paramValue,
  reminderQueue,
  tasksLocation,
  tasksServiceAccount,
} from '../config';
import { autoCompleteAtOf, timerPending } from '../domain/lifecycle';
import { Order } from '../domain/order';

/** Export names of the task handlers in index.ts; also their default queue ids. */
export const AUTO_COMPLETE_FUNCTION = 'autoCompleteOrder';
export const REMINDER_FUNCTION = 'remindUnansweredOrder';

/** gRPC status codes as @google-cloud/tasks reports them on `error.code`. */
export const GRPC = { NOT_FOUND: 5, ALREADY_EXISTS: 6, UNAVAILABLE: 14 } as const;

/** A CreateTask request exactly as it is handed to the client. */
export interface HttpTaskRequest {
  parent: string;
  task: {
    name: string;
    scheduleTime: { seconds: number; nanos: number };
    httpRequest: {
      httpMethod: 'POST';
      url: string;
      headers: Record<string, string>;
      /** base64 of the JSON `{ data }` body that onTaskDispatched functions expect. */
      body: string;
      /** The audience defaults to the target URL. */
      oidcToken: { serviceAccountEmail: string };
    };
  };
}

/** What the scheduler needs from a Cloud Tasks client (a subset of CloudTasksClient). */
export interface CloudTasksApi {
  createTask(request: HttpTaskRequest): Promise<unknown>;
  deleteTask(request: { name: string }): Promise<unknown>;
  /** The runtime's own service account, used when TASKS_SERVICE_ACCOUNT is empty. */
  defaultServiceAccountEmail?(): Promise<string>;
}

export interface TaskTarget {
  project: string;
  location: string;
  queue: string;
  functionsRegion: string;
  functionName: string;
  serviceAccountEmail: string;
}

// ---------------------------------------------------------------------------------------------
// Requests (pure)

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function queuePath(target: Pick<TaskTarget, 'project' | 'location' | 'queue'>): string {
  return `projects/${target.project}/locations/${target.location}/queues/${target.queue}`;
}

export function autoCompleteTaskId(orderId: string): string {
  return `autocomplete-${sha256Hex(orderId)}`;
}

export function reminderTaskId(orderId: string): string {
  return `reminder-${sha256Hex(orderId)}`;
}

/** The public URL of a v2 function; Cloud Tasks calls it with the OIDC token. */
export function functionUrl(target: Pick<TaskTarget, 'functionsRegion' | 'project' | 'functionName'>): string {
  return `https://${target.functionsRegion}-${target.project}.cloudfunctions.net/${target.functionName}`;
}

export function toProtoTimestamp(ms: number): { seconds: number; nanos: number } {
  const seconds = Math.floor(ms / 1000);
  return { seconds, nanos: (ms - seconds * 1000) * 1_000_000 };
}

export function httpTaskRequest(target: TaskTarget, taskId: string, dueAt: number, data: unknown): HttpTaskRequest {
  const parent = queuePath(target);
  return {
    parent,
    task: {
      name: `${parent}/tasks/${taskId}`,
      scheduleTime: toProtoTimestamp(dueAt),
      httpRequest: {
        httpMethod: 'POST',
        url: functionUrl(target),
        headers: { 'Content-Type': 'application/json' },
        body: Buffer.from(JSON.stringify({ data })).toString('base64'),
        oidcToken: { serviceAccountEmail: target.serviceAccountEmail },
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Clients

let override: CloudTasksApi | undefined;
let real: CloudTasksApi | undefined;
let realFor: string | undefined;

/** Tests inject a fake; `resetCloudTasksClient()` restores the real one. */
export function setCloudTasksClient(client: CloudTasksApi): void {
  override = client;
}

export function resetCloudTasksClient(): void {
  override = undefined;
  real = undefined;
  realFor = undefined;
  defaultAccount = undefined;
}

export function cloudTasks(): CloudTasksApi {
  if (override) return override;
  // `npm start` puts a local delay in front of the Tasks emulator, which ignores scheduleTime
  // (scripts/lib/tasksDelay.mjs); the functions emulator overrides CLOUD_TASKS_EMULATOR_HOST itself.
  const emulatorHost = process.env.CLOUD_TASKS_EMULATOR_HOST
    ? process.env.GOCAFEIN_TASKS_DELAY_HOST || process.env.CLOUD_TASKS_EMULATOR_HOST
    : '';
  if (!real || realFor !== emulatorHost) {
    real = emulatorHost ? emulatorTasksClient(emulatorHost) : googleCloudTasksClient();
    realFor = emulatorHost;
  }
  return real;
}

function googleCloudTasksClient(): CloudTasksApi {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { CloudTasksClient } = require('@google-cloud/tasks') as typeof import('@google-cloud/tasks');
  const client = new CloudTasksClient();
  return {
    createTask: (request) => client.createTask(request),
    deleteTask: (request) => client.deleteTask(request),
    async defaultServiceAccountEmail() {
      const email = (await client.auth.getCredentials()).client_email;
      if (!email) throw new Error('TASKS_SERVICE_ACCOUNT is empty and the runtime has no service account email');
      return email;
    },
  };
}

export class CloudTasksError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'CloudTasksError';
  }
}

/**
 * The Firebase Tasks emulator's own HTTP routes (no /v2 prefix, body `{ task }`), which
 * @google-cloud/tasks cannot call. The emulator dispatches to the function it registered for the
 * queue when the URL is empty, ignores scheduleTime and OIDC, and answers 409 to a reused name.
 */
export function emulatorTasksClient(host: string): CloudTasksApi {
  const base = `http://${host}`;
  return {
    async createTask(request) {
      const { name, scheduleTime, httpRequest } = request.task;
      const response = await fetch(`${base}/${request.parent}/tasks`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          task: {
            name,
            scheduleTime: new Date(scheduleTime.seconds * 1000 + scheduleTime.nanos / 1_000_000).toISOString(),
            httpRequest: { url: '', headers: httpRequest.headers, body: httpRequest.body },
          },
        }),
      });
      if (response.status === 409) throw new CloudTasksError(GRPC.ALREADY_EXISTS, `task ${name} already exists`);
      if (response.status === 404) throw new CloudTasksError(GRPC.NOT_FOUND, `queue ${request.parent} not found in the emulator`);
      if (!response.ok) throw new CloudTasksError(GRPC.UNAVAILABLE, `emulator answered ${response.status}: ${await response.text()}`);
      return response.json();
    },
    async deleteTask(request) {
      const response = await fetch(`${base}/${request.name}`, { method: 'DELETE' });
      if (response.status === 404) throw new CloudTasksError(GRPC.NOT_FOUND, `task ${request.name} not found`);
      if (!response.ok) throw new CloudTasksError(GRPC.UNAVAILABLE, `emulator answered ${response.status}`);
      return response.json();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Scheduling

let defaultAccount: Promise<string> | undefined;

/** The project, from FIREBASE_CONFIG as deployed, else the gcloud variables (emulator, scripts). */
function projectId(): string {
  const project = projectID.value() || process.env.GCLOUD_PROJECT || process.env.GOOGLE_CLOUD_PROJECT;
  if (!project) throw new Error('no project id: set FIREBASE_CONFIG or GCLOUD_PROJECT');
  return project;
}

async function serviceAccountEmail(client: CloudTasksApi): Promise<string> {
  const configured = paramValue(tasksServiceAccount);
  if (configured) return configured;
  // The emulator ignores OIDC tokens; any name will do.
  if (process.env.CLOUD_TASKS_EMULATOR_HOST) return `emulator@${projectId()}.iam.gserviceaccount.com`;
  if (!client.defaultServiceAccountEmail) throw new Error('TASKS_SERVICE_ACCOUNT is not set');
  defaultAccount ??= client.defaultServiceAccountEmail().catch((error) => {
    defaultAccount = undefined;
    throw error;
  });
  return defaultAccount;
}

async function target(client: CloudTasksApi, queue: string, functionName: string): Promise<TaskTarget> {
  return {
    project: projectId(),
    location: paramValue(tasksLocation),
    queue,
    functionsRegion: paramValue(functionsRegion),
    functionName,
    serviceAccountEmail: await serviceAccountEmail(client),
  };
}

export type ScheduleOutcome = 'created' | 'already_exists' | 'not_applicable';

function errorCode(error: unknown): unknown {
  return (error as { code?: unknown })?.code;
}

async function createOnce(client: CloudTasksApi, request: HttpTaskRequest): Promise<'created' | 'already_exists'> {
  try {
    await client.createTask(request);
    return 'created';
  } catch (error) {
    // The name is derived from the order: the task is already there (or already ran).
    if (errorCode(error) === GRPC.ALREADY_EXISTS) return 'already_exists';
    throw error;
  }
}

type TimedOrder = Pick<Order, 'orderId' | 'storeId' | 'channel' | 'status' | 'createdAt' | 'autoCompleteAt'>;

/** The one-hour auto-complete of a pickup order. Delivery orders never auto-complete on the timer. */
export async function scheduleAutoComplete(order: TimedOrder): Promise<ScheduleOutcome> {
  if (!timerPending('autoComplete', order)) return 'not_applicable';
  const client = cloudTasks();
  const dueAt = autoCompleteAtOf(order);
  const request = httpTaskRequest(
    await target(client, paramValue(autoCompleteQueue), AUTO_COMPLETE_FUNCTION),
    autoCompleteTaskId(order.orderId),
    dueAt,
    { orderId: order.orderId },
  );
  const outcome = await createOnce(client, request);
  logger.info('tasks.auto_complete_scheduled', {
    orderId: order.orderId,
    storeId: order.storeId,
    outcome,
    task: request.task.name,
    dueAt: new Date(dueAt).toISOString(),
  });
  return outcome;
}

/** The unanswered-order reminder, `minutes` after the order arrived. 0 (or less) turns reminders off. */
export async function scheduleReminder(order: TimedOrder, minutes: number): Promise<ScheduleOutcome> {
  if (!timerPending('reminder', order) || !(minutes > 0)) return 'not_applicable';
  const client = cloudTasks();
  const remindAt = order.createdAt + minutes * 60_000;
  const request = httpTaskRequest(
    await target(client, paramValue(reminderQueue), REMINDER_FUNCTION),
    reminderTaskId(order.orderId),
    remindAt,
    { orderId: order.orderId, remindAt, minutes },
  );
  const outcome = await createOnce(client, request);
  logger.info('tasks.reminder_scheduled', {
    orderId: order.orderId,
    storeId: order.storeId,
    outcome,
    task: request.task.name,
    remindAt: new Date(remindAt).toISOString(),
  });
  return outcome;
}

/**
 * Deletes an order's auto-complete task once it no longer matters. Best effort: a task that ran,
 * was never created or fails to delete is harmless, because the handler re-checks the order.
 */
export async function cancelAutoComplete(order: Pick<Order, 'orderId' | 'storeId'>): Promise<'deleted' | 'not_found' | 'failed'> {
  const log = { orderId: order.orderId, storeId: order.storeId };
  try {
    const client = cloudTasks();
    const name = `${queuePath({
      project: projectId(),
      location: paramValue(tasksLocation),
      queue: paramValue(autoCompleteQueue),
    })}/tasks/${autoCompleteTaskId(order.orderId)}`;
    await client.deleteTask({ name });
    logger.info('tasks.auto_complete_deleted', { ...log, task: name });
    return 'deleted';
  } catch (error) {
    if (errorCode(error) === GRPC.NOT_FOUND) return 'not_found';
    logger.warn('tasks.auto_complete_delete_failed', { ...log, error: String(error) });
    return 'failed';
  }
}
