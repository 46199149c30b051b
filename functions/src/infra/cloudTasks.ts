// The Cloud Tasks boundary: enqueue one named HTTP task aimed at a task-queue function (with an
// OIDC token of the configured service account), or delete one. ALREADY_EXISTS on enqueue and
// NOT_FOUND on delete are outcomes, not errors: task names are derived from what they are for, so
// a repeat cannot enqueue twice. Which timers an order gets, and when, is app/orderTimers.ts.
//
// The client is injectable (deps.ts `tasks`; tests record requests). The real one is @google-cloud/tasks, loaded on
// first use. Under the emulator suite (CLOUD_TASKS_EMULATOR_HOST set) @google-cloud/tasks cannot
// talk to the Tasks emulator (gRPC: UNAVAILABLE; REST fallback: 404 on /v2), so a small HTTP
// adapter posts the same task to the emulator's own route instead (docs/notifications.md).
import { createHash } from 'node:crypto';
import { projectID } from 'firebase-functions/params';
import { GRPC, grpcCodeOf } from '../boundary/grpc';
import { dependency, onReset } from '../deps';
import { functionsRegion, paramValue, tasksLocation, tasksServiceAccount } from '../config';

/** gRPC status codes as @google-cloud/tasks reports them on `error.code` (boundary/grpc.ts). */
export { GRPC } from '../boundary/grpc';

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

let real: CloudTasksApi | undefined;
let realFor: string | undefined;

// Tests inject a fake (deps.ts `tasks`); a reset also drops the real client and its account.
onReset('tasks', () => {
  real = undefined;
  realFor = undefined;
  defaultAccount = undefined;
});

export function cloudTasks(): CloudTasksApi {
  const replaced = dependency('tasks');
  if (replaced) return replaced;
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
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- @google-cloud/tasks (heavy) loads on first use, not at cold start
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
// Enqueue and delete

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

/** Enqueues a named task for `functionName` on `queue`, due at `dueAt`. */
export async function enqueueTask(
  queue: string,
  functionName: string,
  taskId: string,
  dueAt: number,
  data: unknown,
): Promise<{ outcome: 'created' | 'already_exists'; task: string }> {
  const client = cloudTasks();
  const request = httpTaskRequest(await target(client, queue, functionName), taskId, dueAt, data);
  try {
    await client.createTask(request);
    return { outcome: 'created', task: request.task.name };
  } catch (error) {
    // The name is derived from what the task is for: it is already there (or already ran).
    if (grpcCodeOf(error) === GRPC.ALREADY_EXISTS) return { outcome: 'already_exists', task: request.task.name };
    throw error;
  }
}

/** Deletes a named task from `queue`; one that ran or never existed is `not_found`. */
export async function deleteTask(queue: string, taskId: string): Promise<{ outcome: 'deleted' | 'not_found'; task: string }> {
  const client = cloudTasks();
  const name = `${queuePath({ project: projectId(), location: paramValue(tasksLocation), queue })}/tasks/${taskId}`;
  try {
    await client.deleteTask({ name });
    return { outcome: 'deleted', task: name };
  } catch (error) {
    if (grpcCodeOf(error) === GRPC.NOT_FOUND) return { outcome: 'not_found', task: name };
    throw error;
  }
}
