// App Check on every callable (callables/shell.ts): refused without a token, placeOrder refuses a
// token seen before, the param turns it off for the emulators, and the cost ceiling (maxInstances).
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { CallableFunction } from 'firebase-functions/v2/https';
import { placeOrder } from '../../src/callables/placeOrder';
import { updateStore } from '../../src/callables/storeSettings';
import * as indexExports from '../../src/index';
import { APP_CHECK, as, call, expectError } from '../support/callables';
import { dumpDatabase } from '../support/database';
import { requestId, seedStore, STORE_ID } from '../support/fixtures';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any callable, whatever its input and output
type AnyCallable = CallableFunction<any, any> & { __endpoint: { callableTrigger?: unknown; maxInstances?: unknown } };

const callables = (): [string, AnyCallable][] =>
  Object.entries(indexExports as Record<string, AnyCallable>).filter(([, fn]) => fn?.__endpoint?.callableTrigger !== undefined);

const ORDER = {
  storeId: STORE_ID,
  channel: 'takeout',
  items: [{ menuItemId: 'americano', quantity: 1, options: [{ groupId: 'size', choiceIds: ['regular'] }] }],
};

describe('App Check on every callable', () => {
  it('finds the callables (the list below is not empty)', () => {
    assert.ok(
      callables().length >= 17,
      `callables: ${callables()
        .map(([name]) => name)
        .join(', ')}`,
    );
  });

  it('every callable refuses a request without an App Check token, and writes nothing', async () => {
    await seedStore();
    const before = await dumpDatabase();
    for (const [name, fn] of callables()) {
      const error = await expectError(call(fn, { storeId: STORE_ID }, as.owner(STORE_ID), null), 'unauthenticated', 'app_check_failed');
      assert.ok(error, name);
    }
    // A valid order without a token is refused too (the check comes before anything else).
    await expectError(call(placeOrder, { ...ORDER, requestId: requestId() }, as.customer(), null), 'unauthenticated', 'app_check_failed');
    assert.deepEqual(await dumpDatabase(), before);
  });

  it('placeOrder refuses a token that was already consumed (replay), and writes nothing', async () => {
    await seedStore();
    const before = await dumpDatabase();
    const replayed = { ...APP_CHECK, alreadyConsumed: true };
    await expectError(
      call(placeOrder, { ...ORDER, requestId: requestId() }, as.customer(), replayed),
      'unauthenticated',
      'app_check_token_reused',
    );
    assert.deepEqual(await dumpDatabase(), before);
    // With a fresh token the same order goes through.
    const placed = await call(placeOrder, { ...ORDER, requestId: requestId() }, as.customer(), { ...APP_CHECK, alreadyConsumed: false });
    assert.equal(placed.status, 'received');
  });

  it('only placeOrder consumes tokens: another callable does not refuse a consumed one', async () => {
    await seedStore();
    const replayed = { ...APP_CHECK, alreadyConsumed: true };
    // Gets past App Check to its own permission check.
    await expectError(
      call(updateStore, { storeId: STORE_ID, name: 'x' }, as.customer(), replayed),
      'permission-denied',
      'not_store_member',
    );
  });

  describe('APP_CHECK_ENFORCED=false (functions/.env.local, the emulators)', () => {
    let previous: string | undefined;
    beforeEach(() => {
      previous = process.env.APP_CHECK_ENFORCED;
      process.env.APP_CHECK_ENFORCED = 'false';
    });
    afterEach(() => {
      if (previous === undefined) delete process.env.APP_CHECK_ENFORCED;
      else process.env.APP_CHECK_ENFORCED = previous;
    });

    it('a request without a token is served', async () => {
      await seedStore();
      const placed = await call(placeOrder, { ...ORDER, requestId: requestId() }, as.customer(), null);
      assert.equal(placed.status, 'received');
    });
  });

  describe('the platform check (a raw callable request, in a fresh process)', function () {
    this.timeout(60_000);
    const run = (enforced: string) => {
      const script = path.resolve(__dirname, '../support/rawCallable.ts');
      const out = execFileSync(process.execPath, ['-r', 'tsx/cjs', script, 'callables/placeOrder', 'placeOrder', enforced], {
        cwd: path.resolve(__dirname, '../..'),
        encoding: 'utf8',
        env: { ...process.env, FIREBASE_CONFIG: JSON.stringify({ projectId: 'demo-gocafein-test' }) },
      });
      return JSON.parse(out.trim().split('\n').at(-1)!) as {
        status: number;
        body: { error?: { status?: string; details?: { reason?: string } } };
      };
    };

    it('enforced: answers 401 before the handler runs (no reason: the handler never saw it)', () => {
      const answer = run('true');
      assert.equal(answer.status, 401);
      assert.equal(answer.body.error?.status, 'UNAUTHENTICATED');
      assert.equal(answer.body.error?.details, undefined);
    });

    it('not enforced: the request reaches the handler (which then wants a signed-in user)', () => {
      const answer = run('false');
      assert.equal(answer.status, 401);
      assert.equal(answer.body.error?.details?.reason, 'unauthenticated');
    });
  });
});

describe('cost ceiling: maxInstances', () => {
  it('every callable has maxInstances from the CALLABLE_MAX_INSTANCES param', () => {
    for (const [name, fn] of callables()) {
      const maxInstances = fn.__endpoint.maxInstances;
      assert.equal(String(maxInstances), 'params.CALLABLE_MAX_INSTANCES', name);
    }
  });

  it('every other function gets BACKGROUND_MAX_INSTANCES from the global options (fresh load of index.ts)', function () {
    this.timeout(60_000);
    const out = execFileSync(
      process.execPath,
      [
        '-r',
        'tsx/cjs',
        '-e',
        `const index = require('./src/index');
         const rows = Object.keys(index).map((name) => [name, String(index[name].__endpoint.maxInstances), index[name].__endpoint.callableTrigger !== undefined]);
         process.stdout.write('\\n' + JSON.stringify(rows) + '\\n');`,
      ],
      { cwd: path.resolve(__dirname, '../..'), encoding: 'utf8', env: { ...process.env, GCLOUD_PROJECT: 'demo-gocafein-test' } },
    );
    const rows = JSON.parse(out.trim().split('\n').at(-1)!) as [string, string, boolean][];
    assert.ok(rows.length >= 25, `exports: ${rows.length}`);
    for (const [name, maxInstances, callable] of rows) {
      if (callable) assert.equal(maxInstances, 'params.CALLABLE_MAX_INSTANCES', name);
      // A job that must not run twice at once (pollTracking: 1) sets its own, lower number.
      else if (/^\d+$/.test(maxInstances)) assert.ok(Number(maxInstances) <= 10, `${name}: ${maxInstances}`);
      else assert.equal(maxInstances, 'params.BACKGROUND_MAX_INSTANCES', name);
    }
  });
});
