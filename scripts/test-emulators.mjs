#!/usr/bin/env node
// `npm run test:emulators`: the emulator tier. Runs the whole mocha suite (integration, rules,
// conformance) under `firebase emulators:exec` against the official Firestore and Auth emulators,
// instead of the bare offline Firestore that `npm test` starts. Needs Java 21 and internet for the
// official Firestore emulator's first download. The Functions emulator is left out on purpose: the
// tests call the functions in-process, and emulated triggers would add writes behind their backs.
// GOCAFEIN_FIRESTORE=hidane runs the same tier with hidane in its place (what works offline here).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, setUp } from './lib/setup.mjs';
import { chooseFirestore } from './lib/stack.mjs';

const { hidane } = setUp({ rootPackages: true });
const { mode, why } =
  process.env.GOCAFEIN_FIRESTORE === 'hidane' ? { mode: 'hidane', why: 'GOCAFEIN_FIRESTORE=hidane' } : { mode: 'official', why: '' };
if (mode === 'official') {
  const check = chooseFirestore();
  if (check.mode !== 'official') {
    console.error(`test:emulators needs the official Firestore emulator, which can't run here: ${check.why}.`);
    console.error('Install Java 21 and go online once, or run GOCAFEIN_FIRESTORE=hidane npm run test:emulators.');
    process.exit(2);
  }
} else {
  console.log(`Running the emulator tier with hidane (${why}).`);
}

const firebase = join(ROOT, 'node_modules', '.bin', 'firebase');
// The local-stack test starts its own emulators on the same ports, so it is left out here.
const testCommand = 'cd functions && npx mocha --exclude "test/stack/**"';
const args = ['emulators:exec', '--project', 'demo-gocafein-test', '--only', 'auth,firestore', testCommand];
const [command, commandArgs] = mode === 'hidane' ? [hidane, ['exec', '--', firebase, ...args]] : [firebase, args];
const result = spawnSync(command, commandArgs, { cwd: ROOT, stdio: 'inherit' });
process.exit(result.status ?? 1);
