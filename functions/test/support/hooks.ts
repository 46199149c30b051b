// Mocha root hooks: one offline Firestore for the whole run, empty before every test, and
// structured logs captured instead of printed (SHOW_LOGS=1 prints them).
import { activeAccountsAuth } from './defaultAuth';
import { clearFirestore, startFirestore, stopFirestore, TEST_PROJECT } from './firestoreServer';
import { captureStructuredLogs, clearLogs } from './logs';
import { installQueryRecorder } from './queryRecorder';
import { setDependenciesForTest } from '../../src/deps';

process.env.GCLOUD_PROJECT = TEST_PROJECT;
process.env.GOOGLE_CLOUD_PROJECT = TEST_PROJECT;
captureStructuredLogs();
// Every query the server code runs is checked against firestore.indexes.json (test/rules/indexCoverage.test.ts).
installQueryRecorder();

export async function mochaGlobalSetup(): Promise<void> {
  await startFirestore();
}

export async function mochaGlobalTeardown(): Promise<void> {
  await stopFirestore();
}

export const mochaHooks = {
  async beforeEach() {
    clearLogs();
    setDependenciesForTest({ auth: activeAccountsAuth }); // a file's installFakeAuth() replaces it in its own beforeEach
    await clearFirestore();
  },
};
