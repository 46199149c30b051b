// Cold start: the entry point must not load @google-cloud/tasks or firebase-admin/messaging (nor
// the functions that use them at module load). Checked in a fresh Node process, where require.cache
// shows exactly what loading the entry point pulled in. Timings are measured by
// scripts/measure-cold-start.mjs (docs/notifications.md), not asserted here.
import { strict as assert } from 'node:assert';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

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

// The deployed code: lib/index.js and one esbuild bundle per function (scripts/bundle-functions.mjs,
// `npm run build`). Each function is loaded as its instance loads it, in a fresh process, and what
// it pulled in is checked against what a module load may cost (docs/bench.md "Cold start").
const LIB_PROBE = `
const name = process.argv[1];
if (name === '@control') require('@google-cloud/tasks');
else require('./lib/index.js')[name];
process.stdout.write(JSON.stringify(Object.keys(require.cache)));
`;

/** Packages that no function may load at module load: each is a lazy require in src, or bundled (zod). */
const HEAVY: Record<string, RegExp> = {
  '@google-cloud/tasks': /\/node_modules\/@google-cloud\/tasks\//,
  'firebase-admin/messaging': /\/node_modules\/firebase-admin\/lib\/messaging\//,
  'google-gax': /\/node_modules\/google-gax\//,
  'zod from node_modules (must be bundled)': /\/node_modules\/zod\//,
};
// Firestore-triggered functions load the Firestore SDK through firebase-functions' own provider
// (firebase-functions/v2/firestore requires firebase-admin/firestore for its event data); no other
// function may load it before its first database call.
const FIRESTORE_SDK = /\/node_modules\/@google-cloud\/firestore\//;
const FIRESTORE_PROVIDER = /\/node_modules\/firebase-functions\/lib\/v2\/providers\/firestore\.js$/;

function loadedBy(name: string): Promise<string[]> {
  const env: NodeJS.ProcessEnv = { ...process.env, GCLOUD_PROJECT: 'demo-cold-start' };
  delete env.NODE_OPTIONS; // no tsx: the built code as deployed
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', LIB_PROBE, name], { cwd: FUNCTIONS_DIR, env, encoding: 'utf8' }, (error, stdout) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(JSON.parse(stdout)),
    );
  });
}

interface TableRow {
  name: string;
  path: string;
  exportName: string;
}
interface Bundler {
  functionsTable(source?: string): TableRow[];
  rewriteIndex(source: string): string;
}
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- a real ESM import() that tsx's CommonJS transform would rewrite into require()
const importEsm = new Function('url', 'return import(url)') as (url: string) => Promise<Bundler>;

describe('cold start of the built bundles (functions/lib)', function () {
  this.timeout(180_000);
  let bundler: Bundler;
  let table: TableRow[];
  const loaded = new Map<string, string[]>();

  before(async () => {
    assert.ok(existsSync(join(FUNCTIONS_DIR, 'lib', 'fn')), 'functions/lib/fn is missing: npm run build first');
    bundler = await importEsm(pathToFileURL(join(FUNCTIONS_DIR, '..', 'scripts', 'bundle-functions.mjs')).href);
    table = bundler.functionsTable();
    // Two at a time (two cores): each function in its own fresh process.
    const queue = [...table.map((row) => row.name)];
    await Promise.all(
      [0, 1].map(async () => {
        for (let name = queue.shift(); name; name = queue.shift()) loaded.set(name, await loadedBy(name));
      }),
    );
  });

  it('has one bundle per row of the FUNCTIONS table, and lib/index.js exports exactly those', () => {
    const bundles = readdirSync(join(FUNCTIONS_DIR, 'lib', 'fn'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => f.slice(0, -3));
    assert.deepEqual(bundles.sort(), table.map((row) => row.name).sort(), 'stale lib/fn: npm run build');
    const env: NodeJS.ProcessEnv = { ...process.env, GCLOUD_PROJECT: 'demo-cold-start' };
    delete env.NODE_OPTIONS;
    const exported = JSON.parse(
      execFileSync(process.execPath, ['-e', "process.stdout.write(JSON.stringify(Object.keys(require('./lib/index.js'))))"], {
        cwd: FUNCTIONS_DIR,
        env,
        encoding: 'utf8',
      }),
    );
    assert.deepEqual(
      exported,
      table.map((row) => row.name),
    );
    assert.ok(table.length >= 20, `only ${table.length} rows parsed`);
  });

  it('an instance loads lib/index.js and its own bundle only, and none of the heavy packages', () => {
    const problems: string[] = [];
    for (const { name } of table) {
      const paths = loaded.get(name)!;
      const own = paths.filter((p) => !p.includes('/node_modules/')).map((p) => relative(FUNCTIONS_DIR, p));
      if (own.join() !== ['lib/index.js', `lib/fn/${name}.js`].join()) problems.push(`${name} loads ${own.join(', ')}`);
      for (const [heavy, pattern] of Object.entries(HEAVY)) if (paths.some((p) => pattern.test(p))) problems.push(`${name} loads ${heavy}`);
      if (paths.some((p) => FIRESTORE_SDK.test(p)) && !paths.some((p) => FIRESTORE_PROVIDER.test(p))) {
        problems.push(`${name} loads the Firestore SDK at module load`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('bundles zod tree-shaken: no bundle carries zod locales beyond English (the default) and Korean', () => {
    const heavy: string[] = [];
    for (const { name } of table) {
      const code = readFileSync(join(FUNCTIONS_DIR, 'lib', 'fn', `${name}.js`), 'utf8');
      const locales = [...code.matchAll(/^\/\/ node_modules\/zod\/v4\/locales\/([\w-]+)\.js$/gm)]
        .map((m) => m[1])
        .filter((l) => l !== 'en' && l !== 'ko');
      if (locales.length)
        heavy.push(`${name}: ${locales.length} more locales (an \`import { z } from 'zod'\` the bundler did not rewrite?)`);
    }
    assert.deepEqual(heavy, []);
  });

  it("each callable's bundle builds its own callable only (and so only its own schemas), on zod/mini", () => {
    // A module with several callables (orderCommands, storeHours, ...) is one module in src; the
    // /* @__PURE__ */ on each defineCallable and schema(...) lets the bundler drop the ones a
    // function doesn't export. Without them every order command's bundle builds all nine.
    const problems: string[] = [];
    let callables = 0;
    for (const { name } of table) {
      const code = readFileSync(join(FUNCTIONS_DIR, 'lib', 'fn', `${name}.js`), 'utf8');
      if (/^\/\/ node_modules\/zod\/v4\/classic\//m.test(code)) problems.push(`${name} bundles classic zod (import from 'zod/mini')`);
      const defined = [...code.matchAll(/\bdefineCallable\(\s*"(\w+)"/g)].map((m) => m[1]);
      if (defined.length === 0) continue;
      callables += 1;
      if (defined.join() !== name) problems.push(`${name}'s bundle defines ${defined.join(', ')}`);
    }
    assert.deepEqual(problems, []);
    assert.ok(callables >= 30, `only ${callables} callable bundles found`);
  });

  it('placeOrder loads neither Cloud Tasks nor the Firestore SDK; the probe sees Cloud Tasks when it is loaded', async () => {
    const placeOrder = loaded.get('placeOrder')!;
    assert.ok(
      placeOrder.some((p) => p.endsWith('/node_modules/firebase-functions/lib/v2/providers/https.js')),
      'placeOrder is a callable',
    );
    assert.ok(!placeOrder.some((p) => HEAVY['@google-cloud/tasks'].test(p) || FIRESTORE_SDK.test(p)));
    const control = await loadedBy('@control');
    assert.ok(
      control.some((p) => HEAVY['@google-cloud/tasks'].test(p)),
      'the probe must be able to see @google-cloud/tasks',
    );
  });

  it('derives the bundles from the table and refuses a row it cannot parse', () => {
    const source = "const FUNCTIONS = {\n  a: () => require('./callables/x').a,\n  b: () => require('./tasks/y').run,\n};\n";
    assert.deepEqual(bundler.functionsTable(source), [
      { name: 'a', path: './callables/x', exportName: 'a' },
      { name: 'b', path: './tasks/y', exportName: 'run' },
    ]);
    assert.match(
      bundler.rewriteIndex(source),
      /a: \(\) => require\('\.\/fn\/a\.js'\)\.a,\n {2}b: \(\) => require\('\.\/fn\/b\.js'\)\.run,/,
    );
    assert.throws(() => bundler.functionsTable(`${source}const c = () => require('./x').c;\n`), /keep the FUNCTIONS table in that shape/);
  });
});
