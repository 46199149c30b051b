// A small delay in front of the Cloud Tasks emulator, which ignores scheduleTime and dispatches
// every task within a second or two. The emulated functions create their tasks here instead
// (GOCAFEIN_TASKS_DELAY_HOST, read by functions/src/infra/cloudTasks.ts); each task is held in
// memory until its scheduleTime and only then handed to the emulator, which dispatches it at once.
// So no task reaches its handler early, and nothing is redelivered in a loop.
//
// It keeps the emulator's contract: a reused task name is refused with 409 (forever, like the
// emulator), DELETE of a held task cancels it, everything else is passed through unchanged.
// Held tasks live only as long as `npm start`; the 10-minute auto-complete sweep covers the rest.
// Node built-ins only.
import { createServer, request as httpRequest } from 'node:http';

const TASK_CREATE = /^\/projects\/[^/]+\/locations\/[^/]+\/queues\/([^/]+)\/tasks$/;
const TASK_NAME = /^\/projects\/[^/]+\/locations\/[^/]+\/queues\/[^/]+\/tasks\/[^/]+$/;

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function forward(target, { method, path, headers, body }) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: target.host, port: target.port, method, path, headers: { ...headers, host: `${target.host}:${target.port}` } },
      (res) => readBody(res).then((data) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: data }), reject),
    );
    req.on('error', reject);
    req.end(body);
  });
}

function reply(res, status, json) {
  const body = JSON.stringify(json);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/**
 * Starts the delay on 127.0.0.1 (a free port unless `port` is given) in front of the Tasks
 * emulator at `emulator` ("host:port"). Returns { host, port, held(), stats, close() }.
 * `now` and `log` are for tests.
 */
export async function startTasksDelay({ emulator, port = 0, log = () => {}, now = () => Date.now() } = {}) {
  const [emulatorHost, emulatorPort] = emulator.split(':');
  const target = { host: emulatorHost, port: Number(emulatorPort) };
  const names = new Set();
  const held = new Map(); // task name -> timer
  const stats = { held: 0, forwarded: 0, cancelled: 0, failed: 0 };

  const dispatch = async (path, headers, task) => {
    held.delete(task.name);
    try {
      const body = Buffer.from(JSON.stringify({ task }));
      const answer = await forward(target, { method: 'POST', path, headers: { ...headers, 'content-length': body.length }, body });
      if (answer.status >= 300) throw new Error(`the Tasks emulator answered ${answer.status}: ${answer.body.toString().slice(0, 200)}`);
      stats.forwarded += 1;
      log(`dispatched ${task.name.split('/').slice(-3).join('/')}`);
    } catch (error) {
      stats.failed += 1;
      log(`could not hand ${task.name} to the Tasks emulator: ${error.message}`);
    }
  };

  const server = createServer(async (req, res) => {
    try {
      const body = await readBody(req);
      const path = req.url ?? '/';
      const headers = { 'content-type': req.headers['content-type'] ?? 'application/json' };
      if (req.method === 'POST' && TASK_CREATE.test(path)) {
        const { task } = JSON.parse(body.toString() || '{}');
        if (!task?.name) return reply(res, 400, { error: 'task.name is required by this local delay' });
        if (names.has(task.name))
          return reply(res, 409, { error: { code: 409, message: `Task ${task.name} already exists`, status: 'ALREADY_EXISTS' } });
        names.add(task.name);
        const dueAt = task.scheduleTime ? Date.parse(task.scheduleTime) : now();
        const due = Number.isFinite(dueAt) ? dueAt : now();
        stats.held += 1;
        // Timers may fire a millisecond early and cap at ~24 days: re-arm until the time has come.
        const arm = () => {
          const waitMs = due - now();
          if (waitMs <= 0) return dispatch(path, headers, task);
          held.set(task.name, setTimeout(arm, Math.min(waitMs + 5, 2 ** 31 - 1)));
        };
        arm();
        log(`holding ${task.name.split('/').slice(-3).join('/')} for ${Math.round(Math.max(0, due - now()) / 1000)} s`);
        return reply(res, 200, task);
      }
      if (req.method === 'DELETE' && TASK_NAME.test(path)) {
        const name = path.slice(1);
        const timer = held.get(name);
        if (timer) {
          clearTimeout(timer);
          held.delete(name);
          stats.cancelled += 1;
          return reply(res, 200, {});
        }
      }
      const answer = await forward(target, { method: req.method ?? 'GET', path, headers, body });
      res.writeHead(answer.status, { 'content-type': answer.headers['content-type'] ?? 'application/json' });
      res.end(answer.body);
    } catch (error) {
      reply(res, 502, { error: `local tasks delay: ${error.message}` });
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    host: '127.0.0.1',
    port: server.address().port,
    stats,
    held: () => [...held.keys()],
    close: () =>
      new Promise((resolve) => {
        for (const timer of held.values()) clearTimeout(timer);
        held.clear();
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
