// Starts the offline Firestore for the test run: hidane on 127.0.0.1 on a free port, unless
// FIRESTORE_EMULATOR_HOST already points at one (for example the official emulator under
// `firebase emulators:exec`, in `npm run test:emulators`).
import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { homedir } from 'node:os';

export const TEST_PROJECT = process.env.GCLOUD_PROJECT ?? 'demo-gocafein-test';

let child: ChildProcess | undefined;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForPort(host: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://${host}/`);
      if (response.status > 0) return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`Firestore emulator at ${host} did not start`);
}

export async function startFirestore(): Promise<string> {
  if (process.env.FIRESTORE_EMULATOR_HOST) return process.env.FIRESTORE_EMULATOR_HOST;
  const bin = process.env.HIDANE_BIN ?? join(homedir(), '.cache', 'gocafein', 'hidane-0.6.0', 'bin', 'hidane');
  const port = await freePort();
  child = spawn(bin, ['--host', '127.0.0.1', '--port', String(port)], { stdio: ['ignore', 'ignore', 'inherit'] });
  child.on('error', (error) => {
    throw new Error(`could not start hidane (${bin}): ${error.message}. Run \`npm test\` from the repository root.`);
  });
  // Never leave the emulator behind, even when the runner is interrupted.
  const stop = () => child?.kill('SIGKILL');
  process.once('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stop();
      process.exit(130);
    });
  }
  const host = `127.0.0.1:${port}`;
  await waitForPort(host, 10_000);
  process.env.FIRESTORE_EMULATOR_HOST = host;
  return host;
}

export async function stopFirestore(): Promise<void> {
  if (!child) return;
  const exited = new Promise((resolve) => child!.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  child = undefined;
}

/** Deletes every document of the test project. */
export async function clearFirestore(): Promise<void> {
  const host = process.env.FIRESTORE_EMULATOR_HOST;
  const response = await fetch(`http://${host}/emulator/v1/projects/${TEST_PROJECT}/databases/(default)/documents`, { method: 'DELETE' });
  if (!response.ok) throw new Error(`clearing Firestore failed: ${response.status}`);
}
