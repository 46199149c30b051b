// The local emulator stack for project demo-gocafein: auth 9099, functions 5001, firestore 8080,
// tasks 9499. The official Firestore emulator needs Java 21 and a download; where it can't run,
// hidane (the project's offline Firestore) takes its place on the same port, launched by
// firebase-tools itself through `hidane exec`, so triggers and rules work the same way.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join, relative } from 'node:path';
import { FUNCTIONS_DIR, ROOT } from './setup.mjs';
import { descendantsOf, portOpen, removePidFile, writePidFile } from './stackProcesses.mjs';
import { startFunctionsQueue } from './functionsQueue.mjs';
import { startTasksDelay } from './tasksDelay.mjs';

export const PROJECT_ID = 'demo-gocafein';
/**
 * GOCAFEIN_PORT_OFFSET=300 shifts every emulator port (auth 9399, …, hosting 5300), so a second
 * stack can run next to one on the default ports; startStack() then runs from a copy of
 * firebase.json with the shifted ports.
 */
export const PORT_OFFSET = Number(process.env.GOCAFEIN_PORT_OFFSET ?? 0) || 0;
export const PORTS = Object.fromEntries(
  Object.entries({ auth: 9099, functions: 5001, firestore: 8080, tasks: 9499, hub: 4400, logging: 4500, hosting: 5000 }).map(
    ([name, port]) => [name, port + PORT_OFFSET],
  ),
);
/**
 * `npm start` prints this line, exactly, once the stack is up and seeded (docs/local-stack.md);
 * scripts and tools wait for it.
 */
export const READY_LINE = 'Gocafein local stack is running (project demo-gocafein).';
export const HOSTS = {
  FIRESTORE_EMULATOR_HOST: `127.0.0.1:${PORTS.firestore}`,
  FIREBASE_AUTH_EMULATOR_HOST: `127.0.0.1:${PORTS.auth}`,
  CLOUD_TASKS_EMULATOR_HOST: `127.0.0.1:${PORTS.tasks}`,
};
/**
 * At most this many function executions at once (callables, HTTP, Firestore trigger deliveries and
 * task dispatches alike): firebase-tools' own work queue cap, FUNCTIONS_EMULATOR_PARALLEL (default
 * 50). The functions emulator starts a new Node worker whenever a function has no idle one, so an
 * unbounded burst on 2 cores spawns dozens of workers that each load the code and the machine
 * thrashes; with the cap the rest wait in the queue (docs/local-stack.md, "The lunch rush").
 * FUNCTIONS_EMULATOR_PARALLEL set in the environment wins. The apps' calls get one slot less
 * (scripts/lib/functionsQueue.mjs), so trigger events and tasks never wait behind a burst of calls.
 */
export const FUNCTIONS_PARALLEL = 3;
const DISCOVERY_TIMEOUT_SECONDS = 90;
const FIREBASE_BIN = join(ROOT, 'node_modules', '.bin', 'firebase');
const SECRETS_FILE = join(FUNCTIONS_DIR, '.secret.local');

function javaMajorVersion() {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error) return null;
  const match = `${result.stderr}${result.stdout}`.match(/version "(\d+)/);
  return match ? Number(match[1]) : null;
}

function officialJarCached() {
  const dir = join(homedir(), '.cache', 'firebase', 'emulators');
  return existsSync(dir) && readdirSync(dir).some((name) => name.startsWith('cloud-firestore-emulator'));
}

/**
 * Which Firestore to run: the official emulator when Java 21+ is present and its JAR is cached or
 * can be downloaded; hidane otherwise. GOCAFEIN_FIRESTORE=official|hidane forces a choice.
 * Returns { mode, why } where `why` says in one line why the official emulator is not used.
 */
export function chooseFirestore() {
  const forced = process.env.GOCAFEIN_FIRESTORE;
  if (forced === 'hidane') return { mode: 'hidane', why: 'GOCAFEIN_FIRESTORE=hidane' };
  const java = javaMajorVersion();
  if (forced !== 'official') {
    if (java === null) return { mode: 'hidane', why: 'no Java found (the official emulator needs Java 21+)' };
    if (java < 21) return { mode: 'hidane', why: `Java ${java} found, the official emulator needs Java 21+` };
  }
  if (officialJarCached()) return { mode: 'official', why: '' };
  const download = spawnSync(FIREBASE_BIN, ['setup:emulators:firestore'], { stdio: 'ignore', timeout: 120_000 });
  if (download.status === 0) return { mode: 'official', why: '' };
  return { mode: 'hidane', why: 'the official emulator could not be downloaded (offline?)' };
}

/**
 * firebase.json keeps the Emulator UI off, because its download fails offline and takes the whole
 * suite down. Where the official emulator runs, the UI can too; with GOCAFEIN_PORT_OFFSET every
 * port moves, and the functions emulator always runs on a port behind the functions queue. So the
 * stack starts from a copy of firebase.json in .runtime/ (paths rewritten, since firebase-tools
 * resolves them against the config's folder).
 */
function configCopy({ ui, functionsPort }) {
  const config = JSON.parse(readFileSync(join(ROOT, 'firebase.json'), 'utf8'));
  const dir = join(ROOT, '.runtime');
  // firebase-tools joins the functions source (even an absolute one) to the config's folder.
  const fromCopy = (path) => relative(dir, join(ROOT, path));
  config.functions = config.functions.map((f) => ({ ...f, source: fromCopy(f.source) }));
  config.firestore = { rules: join(ROOT, config.firestore.rules), indexes: join(ROOT, config.firestore.indexes) };
  if (config.hosting) config.hosting = { ...config.hosting, public: fromCopy(config.hosting.public) };
  for (const [name, emulator] of Object.entries(config.emulators)) {
    if (PORTS[name] !== undefined) emulator.port = PORTS[name];
  }
  // The emulator itself listens on a port of its own; the apps' port is the queue's.
  config.emulators.functions.port = functionsPort;
  if (PORT_OFFSET) {
    // Ports firebase-tools picks by default, moved too: the Firestore UI's socket and Eventarc.
    config.emulators.firestore.websocketPort = 9150 + PORT_OFFSET;
    config.emulators.eventarc = { host: '127.0.0.1', port: 9299 + PORT_OFFSET };
  }
  if (ui) config.emulators.ui = { enabled: true, host: '127.0.0.1', port: 4000 + PORT_OFFSET };
  mkdirSync(dir, { recursive: true });
  // One copy per offset: stacks on different offsets may start at the same moment.
  const path = join(dir, PORT_OFFSET ? `firebase.offset-${PORT_OFFSET}.json` : 'firebase.json');
  writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`);
  return path;
}

/** Secrets the functions emulator reads from functions/.secret.local, generated once per clone. */
export function ensureLocalSecrets() {
  if (existsSync(SECRETS_FILE)) return;
  writeFileSync(
    SECRETS_FILE,
    [
      '# Local-only values for the emulator, generated by scripts/lib/stack.mjs. Not used in deploys.',
      `TRACKING_WEBHOOK_SECRET=${randomBytes(24).toString('hex')}`,
      'DELIVERY_TRACKER_API_KEY=local-emulator-key',
      '',
    ].join('\n'),
  );
}

export function localSecret(name) {
  const line = readFileSync(SECRETS_FILE, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}=`));
  return line?.slice(name.length + 1);
}

/**
 * Starts the emulators in their own process group and resolves once firebase-tools reports them
 * ready. `stop()` ends the whole group and resolves when it has exited.
 */
export async function startStack({ hidaneBin, mode, quiet = false, isolatedHome } = {}) {
  ensureLocalSecrets();
  const env = { ...process.env, GCLOUD_PROJECT: PROJECT_ID };
  env.FUNCTIONS_EMULATOR_PARALLEL ||= String(FUNCTIONS_PARALLEL);
  const parallel = Math.max(1, Number(env.FUNCTIONS_EMULATOR_PARALLEL) || FUNCTIONS_PARALLEL);
  // Loading the functions' code (discovery, then each worker) may take longer than firebase-tools'
  // 10 s (discovery) and 30 s (worker) on a loaded 2-core machine; past it, no function is served.
  env.FUNCTIONS_DISCOVERY_TIMEOUT ||= String(DISCOVERY_TIMEOUT_SECONDS);
  // Keep the functions from sending real pushes or calling real APIs when run locally.
  delete env.GOOGLE_APPLICATION_CREDENTIALS;
  if (isolatedHome) {
    // Tests must not touch the user's home: firebase-tools writes hub files to TMPDIR and reads ~/.config.
    for (const dir of ['tmp', 'config', 'home']) mkdirSync(join(isolatedHome, dir), { recursive: true });
    Object.assign(env, {
      TMPDIR: join(isolatedHome, 'tmp'),
      XDG_CONFIG_HOME: join(isolatedHome, 'config'),
      HOME: join(isolatedHome, 'home'),
    });
  }
  // The apps' calls go through the functions queue on the functions port; the emulator runs behind it.
  const functionsPort = await freePort();
  const queue = await startFunctionsQueue({
    target: `127.0.0.1:${functionsPort}`,
    port: PORTS.functions,
    maxInFlight: Math.max(1, parallel - 1),
  });
  const firebaseArgs = ['emulators:start', '--project', PROJECT_ID, '--config', configCopy({ ui: mode === 'official', functionsPort })];
  const [command, args] = mode === 'hidane' ? [hidaneBin, ['exec', '--', FIREBASE_BIN, ...firebaseArgs]] : [FIREBASE_BIN, firebaseArgs];
  // Timers that work locally: tasks go through a delay that holds each until its scheduleTime.
  const timers = await startTasksDelay({
    emulator: `127.0.0.1:${PORTS.tasks}`,
    log: (line) => !quiet && process.stdout.write(`[timers] ${line}\n`),
  });
  env.GOCAFEIN_TASKS_DELAY_HOST = `${timers.host}:${timers.port}`;
  const child = spawn(command, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  writePidFile({ pids: [child.pid] });

  let output = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const ready = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      const text = chunk.toString();
      output += text;
      if (!quiet) process.stdout.write(text);
      if (output.includes('All emulators ready')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exited.then(({ code }) => reject(new Error(`emulators exited (code ${code}) before they were ready:\n${output.slice(-3000)}`)));
  });

  let stopping;
  const stop = () => {
    stopping ??= (async () => {
      // firebase-tools starts the Firestore emulator in a session of its own, so signalling our
      // process group is not enough: note every descendant first, and kill whatever outlives the
      // clean shutdown.
      const family = descendantsOf(child.pid);
      if (child.exitCode === null && child.signalCode === null) {
        signal(-child.pid, 'SIGINT');
        const timer = setTimeout(() => signal(-child.pid, 'SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      for (const pid of family) signal(pid, 'SIGKILL');
      await timers.close();
      await queue.close();
      // A killed process's ports close as the kernel tears it down, which takes a while on a
      // loaded machine: return once they are free, so "stopped" means nothing answers any more.
      const ports = [...Object.values(PORTS), functionsPort];
      for (let waited = 0; waited < 15_000; waited += 250) {
        if (!(await Promise.all(ports.map(portOpen))).some(Boolean)) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      removePidFile();
    })();
    return stopping;
  };

  const timeout = setTimeout(() => stop(), 180_000);
  try {
    await ready;
    // firebase-tools reports "ready" even when it could not load the functions: say so, not 404s.
    const loadFailure = output.split('\n').find((line) => line.includes('Failed to load function definition from source'));
    if (loadFailure)
      throw new Error(`the functions emulator could not load the functions: ${loadFailure.replace(/^\W+/, '').slice(0, 300)}`);
    // Everything firebase-tools started by now, so a hard-killed start's leftovers can be stopped.
    writePidFile({ pids: [child.pid, ...descendantsOf(child.pid)] });
  } catch (error) {
    await stop();
    throw error;
  } finally {
    clearTimeout(timeout);
  }
  return { child, stop, exited, timers, queue, functionsPort, output: () => output };
}

/** A port nothing listens on now, for the functions emulator behind the queue. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function signal(pid, name) {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/** The shell environment that points SDKs at the running stack. */
export function stackEnv() {
  return { ...HOSTS, GCLOUD_PROJECT: PROJECT_ID, GOOGLE_CLOUD_PROJECT: PROJECT_ID };
}

export function firebaseVersion() {
  return execFileSync(FIREBASE_BIN, ['--version'], { encoding: 'utf8' }).trim();
}
