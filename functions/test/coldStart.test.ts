// Cold start: the entry point must not load @google-cloud/tasks or firebase-admin/messaging (nor
// the functions that use them at module load). Checked in a fresh Node process, where require.cache
// shows exactly what loading the entry point pulled in. Timings are measured by
// scripts/measure-cold-start.mjs (docs/notifications.md), not asserted here.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const FUNCTIONS_DIR = join(__dirname, '..');

const PROBE = `
const loaded = () => Object.keys(require.cache);
const tasks = (paths) => paths.some((p) => p.includes('/node_modules/@google-cloud/tasks/'));
const messaging = (paths) => paths.some((p) => p.includes('/node_modules/firebase-admin/lib/messaging/'));
const firestoreSdk = (paths) => paths.some((p) => p.includes('/node_modules/@google-cloud/firestore/'));
const entry = require('./src/index.ts');
const afterEntry = loaded();
// What a placeOrder instance loads: its own export only (the getter requires its module).
entry.placeOrder;
entry.startPreparing;
const afterCallables = loaded();
// Positive control: the lazy paths do load them, so the probe can see them.
require('./src/infra/messaging.ts').messaging();
require('./src/infra/cloudTasks.ts').cloudTasks();
require('./src/infra/firestore.ts').db();
const afterUse = loaded();
process.stdout.write(JSON.stringify({
  exports: Object.keys(entry).sort(),
  entry: { tasks: tasks(afterEntry), messaging: messaging(afterEntry), firestore: firestoreSdk(afterEntry) },
  callables: { tasks: tasks(afterCallables), messaging: messaging(afterCallables), firestore: firestoreSdk(afterCallables) },
  used: { tasks: tasks(afterUse), messaging: messaging(afterUse), firestore: firestoreSdk(afterUse) },
}));
`;

describe('cold start', function () {
  this.timeout(60_000);

  it('the entry point and the order callables load neither Cloud Tasks, messaging nor the Firestore SDK', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, GCLOUD_PROJECT: 'demo-cold-start' };
    delete env.CLOUD_TASKS_EMULATOR_HOST;
    delete env.FIRESTORE_EMULATOR_HOST;
    const output = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', PROBE], {
      cwd: FUNCTIONS_DIR,
      env,
      encoding: 'utf8',
    });
    const result = JSON.parse(output);
    assert.deepEqual(result.entry, { tasks: false, messaging: false, firestore: false });
    // The order callables load the Firestore SDK on their first database call, not at module load.
    assert.deepEqual(result.callables, { tasks: false, messaging: false, firestore: false });
    assert.deepEqual(result.used, { tasks: true, messaging: true, firestore: true }, 'the probe must be able to see them');
    for (const name of [
      'registerDevice',
      'unregisterDevice',
      'onOrderCreated',
      'onOrderUpdated',
      'autoCompleteOrder',
      'remindUnansweredOrder',
      'autoCompleteSweep',
      'pruneDevices',
    ]) {
      assert.ok(result.exports.includes(name), `index exports ${name}`);
    }
  });
});
