// The deploy check, offline, with firebase-tools' and firebase-functions' own code (the root
// package's firebase-tools, the functions' firebase-functions), as `firebase deploy` runs them:
//   - the manifest is discovered from the built code (functions/lib) by firebase-tools' node
//     runtime delegate, which starts firebase-functions' own discovery server;
//   - every param is resolved non-interactively from the committed .env files, exactly as
//     `firebase deploy --non-interactive` does (a missing value fails here as it fails there);
//   - the resolved backend lists every export of src/index.ts with its trigger, region and options;
//   - the source archive firebase-tools builds for upload leaves out *.local, secrets, tests,
//     sources and node_modules.
// Secrets are left out of the resolution: resolving them asks Secret Manager (online).
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FUNCTION_MEMORY } from '../../src/memory';

const FUNCTIONS_DIR = join(__dirname, '..', '..');
const ROOT = join(FUNCTIONS_DIR, '..');
const TOOLS = join(ROOT, 'node_modules', 'firebase-tools', 'lib');
const PROJECT_ID = 'gocafein-deploy-check';

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any -- firebase-tools' internals, loaded by path and untyped */
const tool = (path: string): any => require(join(TOOLS, path));

const firebaseJson = JSON.parse(readFileSync(join(ROOT, 'firebase.json'), 'utf8'));
const codebase = firebaseJson.functions[0];
const firebaseConfig = { projectId: PROJECT_ID, storageBucket: `${PROJECT_ID}.appspot.com`, locationId: 'asia-northeast3' };

/** The exports of src/index.ts and the folder each comes from (callables, triggers, tasks, …). */
function exportsOfIndex(): Map<string, string> {
  const source = readFileSync(join(FUNCTIONS_DIR, 'src', 'index.ts'), 'utf8');
  const out = new Map<string, string>();
  for (const match of source.matchAll(/^\s+(\w+): \(\) => require\('\.\/(\w+)\//gm)) out.set(match[1], match[2]);
  return out;
}

const TRIGGER_BY_FOLDER: Record<string, string> = {
  callables: 'callableTrigger',
  triggers: 'eventTrigger',
  tasks: 'taskQueueTrigger',
  scheduled: 'scheduleTrigger',
  http: 'httpsTrigger',
};
const TRIGGER_KEYS = ['callableTrigger', 'eventTrigger', 'taskQueueTrigger', 'scheduleTrigger', 'httpsTrigger', 'blockingTrigger'];

async function discover(userEnvs: Record<string, string>): Promise<any> {
  const { Delegate } = tool('deploy/functions/runtimes/node/index.js');
  const functionsEnv = tool('functions/env.js');
  const delegate = new Delegate(PROJECT_ID, ROOT, FUNCTIONS_DIR, codebase.runtime);
  await delegate.validate();
  const firebaseEnvs = functionsEnv.loadFirebaseEnvs(firebaseConfig, PROJECT_ID);
  const discovered = await delegate.discoverBuild(
    { firebase: firebaseConfig },
    {
      ...userEnvs,
      ...firebaseEnvs,
      GOOGLE_CLOUD_QUOTA_PROJECT: PROJECT_ID,
    },
  );
  discovered.runtime = codebase.runtime;
  return discovered;
}

function loadUserEnvs(configDir = FUNCTIONS_DIR): Record<string, string> {
  return tool('functions/env.js').loadUserEnvs({ functionsSource: FUNCTIONS_DIR, configDir, projectId: PROJECT_ID, projectDir: ROOT });
}

async function resolveNonInteractive(discovered: any, userEnvs: Record<string, string>): Promise<any> {
  const build = tool('deploy/functions/build.js');
  const withoutSecrets = { ...discovered, params: discovered.params.filter((p: any) => p.type !== 'secret') };
  return build.resolveBackend({
    build: withoutSecrets,
    firebaseConfig,
    userEnvs,
    codebase: codebase.codebase,
    nonInteractive: true,
    isEmulator: false,
  });
}

/** File names inside a zip archive, from its central directory. */
function zipEntries(path: string): string[] {
  const zip = readFileSync(path);
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end -= 1;
  assert.ok(end >= 0, 'not a zip archive');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i += 1) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

describe('deploy check (firebase-tools and firebase-functions code, offline)', function () {
  this.timeout(120_000);
  let discovered: any;
  let userEnvs: Record<string, string>;

  before(async () => {
    assert.ok(existsSync(join(FUNCTIONS_DIR, 'lib', 'index.js')), 'functions/lib is missing: npm run build first');
    userEnvs = loadUserEnvs();
    discovered = await discover(userEnvs);
  });

  it('reads the committed functions/.env and never .env.local for a deploy', () => {
    assert.ok(existsSync(join(FUNCTIONS_DIR, '.env.local')), 'functions/.env.local should exist (emulator values)');
    assert.equal(userEnvs.AUTO_COMPLETE_DELAY_MINUTES, '60');
    assert.equal(userEnvs.FUNCTIONS_REGION, 'asia-northeast3');
  });

  it('resolves every param non-interactively from the committed .env files', async () => {
    const declared = discovered.params
      .filter((p: any) => p.type !== 'secret')
      .map((p: any) => p.name)
      .sort();
    const missing = declared.filter((name: string) => !(name in userEnvs));
    assert.deepEqual(
      missing,
      [],
      `params without a value in functions/.env (firebase deploy --non-interactive stops on them): ${missing.join(', ')}`,
    );
    const { envs } = await resolveNonInteractive(discovered, userEnvs);
    for (const name of declared) assert.ok(envs[name], `param ${name} not resolved`);
    assert.equal(envs.AUTO_COMPLETE_DELAY_MINUTES.toSDK(), '60');
  });

  it('would stop a non-interactive deploy on a param without a value (the check can fail)', async () => {
    const { REMINDER_MINUTES: _dropped, ...incomplete } = userEnvs;
    await assert.rejects(
      resolveNonInteractive(discovered, incomplete),
      /non-interactive mode but have no value for the following environment variables: REMINDER_MINUTES/,
    );
  });

  it('lists every export of src/index.ts with its trigger, region and options', async () => {
    const { backend } = await resolveNonInteractive(discovered, userEnvs);
    const endpoints = tool('deploy/functions/backend.js').allEndpoints(backend);
    const byId = new Map<string, any>(endpoints.map((e: any) => [e.id, e]));
    const expected = exportsOfIndex();
    assert.ok(expected.size >= 20, `only ${expected.size} exports parsed from src/index.ts`);
    assert.deepEqual([...byId.keys()].sort(), [...expected.keys()].sort(), 'the manifest and src/index.ts list different functions');
    for (const [name, folder] of expected) {
      const endpoint = byId.get(name);
      assert.equal(endpoint.region, 'asia-northeast3', `${name} region`);
      assert.equal(endpoint.platform, 'gcfv2', `${name} platform`);
      assert.equal(endpoint.runtime, 'nodejs22', `${name} runtime`);
      const triggers = TRIGGER_KEYS.filter((key) => key in endpoint);
      assert.equal(triggers.length, 1, `${name} triggers ${triggers}`);
      if (TRIGGER_BY_FOLDER[folder]) assert.equal(triggers[0], TRIGGER_BY_FOLDER[folder], `${name} (src/${folder}) trigger`);
      if (triggers[0] === 'taskQueueTrigger') {
        assert.ok(endpoint.taskQueueTrigger.retryConfig?.maxAttempts > 0, `${name} retryConfig`);
        assert.ok(endpoint.taskQueueTrigger.rateLimits?.maxConcurrentDispatches > 0, `${name} rateLimits`);
      }
      if (triggers[0] === 'scheduleTrigger') assert.match(String(endpoint.scheduleTrigger.schedule), /\S/, `${name} schedule`);
      if (triggers[0] === 'eventTrigger')
        assert.match(endpoint.eventTrigger.eventType, /^google\.cloud\.firestore\.document\.v1\./, `${name} event`);
    }
    const secretsOf = (name: string) => (byId.get(name)?.secretEnvironmentVariables ?? []).map((s: any) => s.key);
    assert.ok(secretsOf('trackingWebhook').includes('TRACKING_WEBHOOK_SECRET'));
    assert.ok(secretsOf('pollTracking').includes('DELIVERY_TRACKER_API_KEY'));
  });

  it('gives every function the memory sized from measurement in src/memory.ts (docs/bench.md "Memory")', async () => {
    const { backend } = await resolveNonInteractive(discovered, userEnvs);
    const byId = new Map<string, any>(
      tool('deploy/functions/backend.js')
        .allEndpoints(backend)
        .map((e: any) => [e.id, e]),
    );
    const megabytes = (option: string) => (option.endsWith('GiB') ? Number(option.slice(0, -3)) * 1024 : Number(option.slice(0, -3)));
    const kindByFolder: Record<string, keyof typeof FUNCTION_MEMORY> = {
      callables: 'callable',
      triggers: 'trigger',
      tasks: 'task',
      scheduled: 'scheduled',
      http: 'webhook',
    };
    const exceptions: Record<string, keyof typeof FUNCTION_MEMORY> = {
      placeOrder: 'placeOrder',
      exportOrders: 'largeExport',
      autoCompleteSweep: 'sweep',
    };
    for (const [name, folder] of exportsOfIndex()) {
      const kind = exceptions[name] ?? kindByFolder[folder];
      assert.ok(kind, `${name}: no memory kind for src/${folder}`);
      assert.equal(byId.get(name)?.availableMemoryMb, megabytes(FUNCTION_MEMORY[kind]), `${name} memory (${kind})`);
    }
    assert.equal(byId.get('exportOrders')?.availableMemoryMb, 2048, 'the largest export needs more than the default');
  });

  it('grants run.invoker on the task functions to TASKS_SERVICE_ACCOUNT set in .env.<projectId>', async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'deploy-check-env-'));
    try {
      copyFileSync(join(FUNCTIONS_DIR, '.env'), join(configDir, '.env'));
      const account = `tasks-invoker@${PROJECT_ID}.iam.gserviceaccount.com`;
      writeFileSync(join(configDir, `.env.${PROJECT_ID}`), `TASKS_SERVICE_ACCOUNT=${account}\n`);
      const overridden = loadUserEnvs(configDir);
      assert.equal(overridden.TASKS_SERVICE_ACCOUNT, account);
      const { backend } = await resolveNonInteractive(await discover(overridden), overridden);
      const tasks = tool('deploy/functions/backend.js')
        .allEndpoints(backend)
        .filter((e: any) => 'taskQueueTrigger' in e);
      assert.deepEqual(tasks.map((e: any) => e.id).sort(), ['autoCompleteOrder', 'remindUnansweredOrder']);
      for (const endpoint of tasks) assert.deepEqual(endpoint.taskQueueTrigger.invoker, [account], endpoint.id);
    } finally {
      rmSync(configDir, { recursive: true, force: true });
    }
  });

  it('uploads neither *.local files, secrets, tests, sources nor node_modules', async () => {
    const { prepareFunctionsUpload } = tool('deploy/functions/prepareFunctionsUpload.js');
    const secretFile = join(FUNCTIONS_DIR, '.secret.local');
    const createdSecret = !existsSync(secretFile);
    if (createdSecret) writeFileSync(secretFile, 'TRACKING_WEBHOOK_SECRET=deploy-check\n');
    let archive: string | undefined;
    try {
      ({ pathToSource: archive } = await prepareFunctionsUpload(
        ROOT,
        FUNCTIONS_DIR,
        { ...codebase, ignore: [...codebase.ignore] },
        [],
        undefined,
      ));
    } finally {
      if (createdSecret) rmSync(secretFile, { force: true });
    }
    const names = zipEntries(archive!);
    rmSync(archive!, { force: true });
    assert.ok(names.includes('package.json') && names.includes('lib/index.js') && names.includes('.env'), names.slice(0, 20).join(', '));
    // The per-function bundles (scripts/bundle-functions.mjs) and their source maps ship with lib/index.js.
    const unbundled = [...exportsOfIndex().keys()].filter(
      (name) => !names.includes(`lib/fn/${name}.js`) || !names.includes(`lib/fn/${name}.js.map`),
    );
    assert.deepEqual(unbundled, [], 'functions without their bundle in the upload');
    const leaked = names.filter((name) => /(^|\/)\.?[^/]*\.local$|^\.secret|^test\/|^src\/|(^|\/)node_modules\/|\.log$/.test(name));
    assert.deepEqual(leaked, []);
  });
});
