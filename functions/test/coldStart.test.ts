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
const entry = require('./src/index.ts');
const afterEntry = loaded();
// Positive control: the lazy paths do load them, so the probe can see them.
require('./src/infra/messaging.ts').messaging();
require('./src/infra/taskScheduler.ts').cloudTasks();
const afterUse = loaded();
process.stdout.write(JSON.stringify({
  exports: Object.keys(entry).sort(),
  entry: { tasks: tasks(afterEntry), messaging: messaging(afterEntry) },
  used: { tasks: tasks(afterUse), messaging: messaging(afterUse) },
}));
`;

describe('cold start', function () {
  this.timeout(60_000);

  it('loading the entry point loads neither @google-cloud/tasks nor firebase-admin/messaging', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, GCLOUD_PROJECT: 'demo-cold-start' };
    delete env.CLOUD_TASKS_EMULATOR_HOST;
    delete env.FIRESTORE_EMULATOR_HOST;
    const output = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', PROBE], {
      cwd: FUNCTIONS_DIR,
      env,
      encoding: 'utf8',
    });
    const result = JSON.parse(output);
    assert.deepEqual(result.entry, { tasks: false, messaging: false });
    assert.deepEqual(result.used, { tasks: true, messaging: true }, 'the probe must be able to see them');
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
