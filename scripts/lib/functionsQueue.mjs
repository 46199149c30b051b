// A queue in front of the Functions emulator for the apps' calls (the JS SDK's callables, HTTP
// functions such as the tracking webhook). `npm start` runs it on the functions port the apps
// know (5001), in its own process like the tasks delay, and runs the emulator itself on a port of
// its own, which firebase-tools hands to the Firestore emulator (trigger events) and the Tasks
// emulator (task dispatches): those reach the emulator directly.
//
// Why: the emulator serves every request in arrival order from one work queue (at most
// FUNCTIONS_EMULATOR_PARALLEL at once, scripts/lib/stack.mjs). hidane sends trigger events one at
// a time and waits for each to finish (for up to 20 s, then it moves on and never resends), so
// during a burst of calls every event waited behind the whole burst and the events fell minutes
// behind. Here at most `maxInFlight` calls, fewer than the emulator's cap, are in the emulator at
// once; the rest wait in this queue, in order, so a trigger event or a task always finds a free
// slot. Requests are passed through unchanged; a caller that hangs up while queued is dropped.
import { createServer, request } from 'node:http';

/**
 * Starts the queue on 127.0.0.1:`port` in front of the emulator at `target` ("host:port").
 * Returns { port, stats, close() }; stats counts requests, the most queued at once and the
 * longest wait in the queue (ms).
 */
export async function startFunctionsQueue({ target, port, maxInFlight }) {
  const [host, targetPort] = target.split(':');
  const waiting = [];
  let inFlight = 0;
  const stats = { requests: 0, maxQueued: 0, maxWaitMs: 0 };

  const next = () => {
    while (inFlight < maxInFlight && waiting.length) {
      const job = waiting.shift();
      if (job.res.destroyed || job.res.writableEnded) continue;
      stats.maxWaitMs = Math.max(stats.maxWaitMs, Date.now() - job.queuedAt);
      inFlight += 1;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        inFlight -= 1;
        next();
      };
      forward(job, finish);
    }
  };

  const forward = ({ req, res, body }, finish) => {
    const upstream = request(
      // A connection per request (agent: false): a reused socket would let a later request
      // overtake one still connecting, and the emulator serves them in arrival order.
      { host, port: Number(targetPort), method: req.method, path: req.url, headers: { ...req.headers, connection: 'close' }, agent: false },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on('end', finish);
        answer.on('error', finish);
        answer.on('close', finish);
      },
    );
    upstream.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`functions queue: the Functions emulator did not answer (${error.message})`);
      finish();
    });
    // The caller hung up: stop waiting for the emulator's answer (the function may still run).
    res.on('close', () => {
      if (!res.writableEnded) upstream.destroy();
      finish();
    });
    upstream.end(body);
  };

  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      stats.requests += 1;
      waiting.push({ req, res, body: Buffer.concat(chunks), queuedAt: Date.now() });
      stats.maxQueued = Math.max(stats.maxQueued, waiting.length);
      next();
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    port: server.address().port,
    stats,
    queued: () => waiting.length,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
