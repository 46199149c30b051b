#!/usr/bin/env node
// `npm start`: installs what is missing, builds the functions, starts the emulator suite for
// demo-gocafein (auth 9099, functions 5001, firestore 8080, tasks 9499), seeds demo data and runs
// until Ctrl-C, which stops every emulator.
import { setUp } from './lib/setup.mjs';
import { ACCOUNTS } from './lib/accounts.mjs';
import { chooseFirestore, PORTS, startStack } from './lib/stack.mjs';
import { seed } from './lib/seed.mjs';

const { hidane } = setUp({ rootPackages: true });
const { mode, why } = chooseFirestore();
if (mode === 'hidane') {
  console.log(`Official Firestore emulator unavailable (${why}): running hidane, the offline Firestore, on port ${PORTS.firestore} in its place.`);
  console.log('hidane delivers Firestore triggers to the functions emulator and evaluates firestore.rules; the Emulator UI is off in this mode.');
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

try {
  Object.assign(process.env, {
    FIRESTORE_EMULATOR_HOST: `127.0.0.1:${PORTS.firestore}`,
    FIREBASE_AUTH_EMULATOR_HOST: `127.0.0.1:${PORTS.auth}`,
  });
  await seed();
} catch (error) {
  console.error('Seeding failed:', error);
  await stack.stop();
  process.exit(1);
}

console.log('\nGocafein local stack is running (project demo-gocafein). Accounts (email / password):');
for (const [role, account] of Object.entries(ACCOUNTS)) {
  console.log(`  ${role.padEnd(8)} ${account.email} / ${account.password}`);
}
console.log(`Ports: auth ${PORTS.auth}, functions ${PORTS.functions}, firestore ${PORTS.firestore}, tasks ${PORTS.tasks}.`);
console.log('Try `npm run demo` in another terminal. Ctrl-C stops everything.');
await stack.exited;
if (!shuttingDown) {
  console.error('The emulators exited.');
  process.exit(1);
}
