// The lunch rush's checks on the functions emulator's own log (scripts/lib/stackChecks.mjs):
// executions counted per function, killed workers and early tasks found, and the wait for the
// trigger backlog that ends only once the expected executions ran and none is still running.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';

const CHECKS = join(__dirname, '..', '..', '..', 'scripts', 'lib', 'stackChecks.mjs');

interface Checks {
  executionCounts(output: string): { counts: Record<string, number>; killed: number };
  checkRushLog(output: string, from: number): string;
  waitForExecutions(
    output: () => string,
    from: number,
    expected: Record<string, number>,
    options: { timeoutMs: number; settleMs: number },
  ): Promise<{ done: boolean; seconds: number; counts: Record<string, number> }>;
  rushTriggerExecutions(orders: number): Record<string, number>;
}

// Lines as firebase-tools' functions emulator prints them.
const begin = (name: string) => `i  functions: Beginning execution of "asia-northeast3-${name}"\n`;
const finish = (name: string) => `i  functions: Finished "asia-northeast3-${name}" in 12.5ms\n`;
const KILLED = '!  functions: Your function was killed because it raised an unhandled error.\n';

describe('lunch rush log checks (scripts/lib/stackChecks.mjs)', function () {
  this.timeout(20_000);
  let checks: Checks;
  before(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain .mjs module loaded at run time, outside the type-checked tree
    checks = require(CHECKS) as Checks;
  });

  it('counts executions per function and killed workers', () => {
    const log = begin('placeOrder') + finish('placeOrder') + begin('placeOrder') + begin('onOrderCreated') + KILLED;
    assert.deepEqual(checks.executionCounts(log), { counts: { placeOrder: 2, onOrderCreated: 1 }, killed: 1 });
  });

  it('passes a clean rush and fails on a killed worker or an early task after the offset only', () => {
    const before = begin('placeOrder') + KILLED;
    const clean = before + begin('startPreparing') + finish('startPreparing');
    assert.match(checks.checkRushLog(clean, before.length), /^rush log: 1 function executions, no worker killed, no task early$/);
    assert.throws(() => checks.checkRushLog(clean + KILLED, before.length), /1 function workers killed/);
    const early = `${clean}{"severity":"WARNING","message":"autocomplete.early_delivery","orderId":"o1"}\n`;
    assert.throws(() => checks.checkRushLog(early, before.length), /tasks delivered early during the rush: autocomplete.early_delivery/);
  });

  it('waits until the expected executions after the offset ran and none is still running', async () => {
    const before = begin('onOrderUpdated') + finish('onOrderUpdated');
    let log = before + begin('onOrderUpdated');
    setTimeout(() => (log += finish('onOrderUpdated') + begin('onOrderWrittenSales')), 300);
    setTimeout(() => (log += finish('onOrderWrittenSales') + begin('onOrderUpdated')), 600);
    setTimeout(() => (log += finish('onOrderUpdated')), 900);
    const waited = await checks.waitForExecutions(
      () => log,
      before.length,
      { onOrderUpdated: 2, onOrderWrittenSales: 1 },
      { timeoutMs: 5_000, settleMs: 10 },
    );
    assert.equal(waited.done, true);
    assert.ok(waited.seconds >= 0.85 && waited.seconds < 3, `done after ${waited.seconds} s`);
    assert.deepEqual(waited.counts, { onOrderUpdated: 2, onOrderWrittenSales: 1 });
  });

  it('gives up at timeoutMs when an expected execution never comes (the one before the offset does not count)', async () => {
    const before = begin('onOrderCreated') + finish('onOrderCreated');
    const waited = await checks.waitForExecutions(() => before, before.length, { onOrderCreated: 1 }, { timeoutMs: 600, settleMs: 10 });
    assert.equal(waited.done, false);
    assert.ok(waited.seconds >= 0.6);
  });

  it('expects one create and two updates per rush order', () => {
    assert.deepEqual(checks.rushTriggerExecutions(100), { onOrderCreated: 100, onOrderUpdated: 200, onOrderWrittenSales: 300 });
  });
});
