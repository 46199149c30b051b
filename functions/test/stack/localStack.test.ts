// `npm start`'s stack in its offline mode, end to end: scripts/stack-check.mjs starts the emulators
// (hidane in place of the official Firestore), seeds them through the callables, runs `npm run
// demo` against them, checks both orders completed, checks that each order placed through the
// callable produced exactly one new-order push (at the messaging boundary: the emulator outbox)
// and the pickup order one auto-complete task, stops everything and checks nothing is left.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

describe('local stack (npm start + npm run demo, offline mode)', function () {
  this.timeout(300_000);

  it('runs the demo to completion and leaves no process or file behind', () => {
    const env = { ...process.env };
    // The check starts its own emulators on the documented ports; don't inherit the test run's.
    delete env.FIRESTORE_EMULATOR_HOST;
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'stack-check.mjs')], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      timeout: 280_000,
    });
    const output = `${result.stdout}\n${result.stderr}`;
    assert.equal(result.status, 0, output.slice(-6000));
    assert.match(output, /결과: 매장\/포장 completed, 배송 completed/);
    assert.match(output, /cancel_after_shipment: 이미 발송 처리된 주문은 취소할 수 없습니다/);
    // Triggers end to end: hidane delivered the creation events to the emulated functions.
    assert.match(output, /triggers: one new-order push per order \(\d+ pushes in all\), one auto-complete task for the pickup order/);
    const leftovers = spawnSync('ps', ['-eo', 'args='], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter((line) => /hidane-shim|emulators:start|functionsEmulatorRuntime/.test(line));
    assert.deepEqual(leftovers, []);
  });
});
