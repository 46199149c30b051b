#!/usr/bin/env node
// `npm start`: installs what is missing, builds the functions, starts the emulator suite for
// demo-gocafein (auth 9099, functions 5001, firestore 8080, tasks 9499), seeds demo data and runs
// until Ctrl-C, which stops every emulator. Prints READY_LINE once seeded (docs/local-stack.md).
//
// Until set-up has run, only Node built-ins and the project's own built-in-only files are
// imported: on a fresh clone nothing else is installed yet. The seed (firebase-admin, firebase)
// loads after it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT, setUp } from './lib/setup.mjs';
import { ACCOUNTS } from './lib/accounts.mjs';
import { chooseFirestore, PORTS, READY_LINE, startStack } from './lib/stack.mjs';
import { stopLeftovers, takenPorts } from './lib/stackProcesses.mjs';

const leftovers = await stopLeftovers();
if (leftovers.running) {
  console.error(
    `npm start: the local stack is already running (pid ${leftovers.running.pid}); stop it first (Ctrl-C in its terminal, or kill ${leftovers.running.pid}).`,
  );
  process.exit(1);
}
if (leftovers.stopped.length) {
  console.log(`Stopped ${leftovers.stopped.length} emulator processes left running by an earlier \`npm start\` that was killed.`);
}
let taken = await takenPorts(PORTS);
// Ports of processes just stopped are released as the kernel tears them down: give it a moment.
for (let waited = 0; taken.length && leftovers.stopped.length && waited < 15_000; waited += 500) {
  await new Promise((resolve) => setTimeout(resolve, 500));
  taken = await takenPorts(PORTS);
}
if (taken.length) {
  console.error(`npm start: ${taken.join('; ')}. Stop it, then run npm start again.`);
  process.exit(1);
}

const { hidane } = setUp({ rootPackages: true });

// No FCM locally: the emulated functions append each push to this file instead (one JSON line per
// multicast), so triggers succeed and the pushes can be read.
if (!process.env.GOCAFEIN_PUSH_OUTBOX) {
  process.env.GOCAFEIN_PUSH_OUTBOX = join(ROOT, '.runtime', 'push-outbox.jsonl');
  mkdirSync(dirname(process.env.GOCAFEIN_PUSH_OUTBOX), { recursive: true });
  writeFileSync(process.env.GOCAFEIN_PUSH_OUTBOX, '');
}
console.log(`Pushes go to the local outbox ${process.env.GOCAFEIN_PUSH_OUTBOX} (GOCAFEIN_PUSH_OUTBOX overrides).`);

const { mode, why } = chooseFirestore();
if (mode === 'hidane') {
  console.log(
    `Official Firestore emulator unavailable (${why}): running hidane, the offline Firestore, on port ${PORTS.firestore} in its place.`,
  );
  console.log(
    'hidane delivers Firestore triggers to the functions emulator and evaluates firestore.rules; the Emulator UI is off in this mode.',
  );
}

const stack = await startStack({ hidaneBin: hidane, mode });
let shuttingDown = false;
const shutdown = async () => {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log('\nStopping the emulators…');
  await stack.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
process.on('SIGHUP', shutdown);
// A closed terminal: keep stopping the stack even though nothing can be printed any more.
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});
// `npm` killed hard leaves this process orphaned: stop the stack with it.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && shutdown(), 1000).unref();

try {
  Object.assign(process.env, {
    FIRESTORE_EMULATOR_HOST: `127.0.0.1:${PORTS.firestore}`,
    FIREBASE_AUTH_EMULATOR_HOST: `127.0.0.1:${PORTS.auth}`,
  });
  const { seed } = await import('./lib/seed.mjs');
  await seed();
} catch (error) {
  console.error('Seeding failed:', error);
  await stack.stop();
  process.exit(1);
}

console.log(`\n${READY_LINE}`);
console.log(`Partner center (web): http://127.0.0.1:${PORTS.hosting}/ (docs/web.md); sign in with an account below.`);
console.log('Accounts (email / password):');
for (const [role, account] of Object.entries(ACCOUNTS)) {
  console.log(`  ${role.padEnd(8)} ${account.email} / ${account.password}`);
}
console.log(
  `Ports: auth ${PORTS.auth}, functions ${PORTS.functions}, firestore ${PORTS.firestore}, tasks ${PORTS.tasks}, hosting ${PORTS.hosting}.`,
);
console.log('Try `npm run demo` in another terminal. Ctrl-C stops everything.');
await stack.exited;
if (!shuttingDown) {
  console.error('The emulators exited.');
  await stack.stop();
  process.exit(1);
}
