// Mocha root hooks: one offline Firestore for the whole run, empty before every test.
import { clearFirestore, startFirestore, stopFirestore, TEST_PROJECT } from './firestoreServer';

process.env.GCLOUD_PROJECT = TEST_PROJECT;

export async function mochaGlobalSetup(): Promise<void> {
  await startFirestore();
}

export async function mochaGlobalTeardown(): Promise<void> {
  await stopFirestore();
}

export const mochaHooks = {
  async beforeEach(this: Mocha.Context) {
    // Pure tests don't touch Firestore; only clear when a server is up.
    if (process.env.FIRESTORE_EMULATOR_HOST) await clearFirestore();
  },
};
