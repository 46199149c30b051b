// `npm start` and `npm run demo` as a new user runs them, end to end: scripts/lib/freshCloneCheck.mjs
// clones the committed tree into a temporary folder (no node_modules), runs `npm start` there
// (install, build, emulators with hidane in place of the official Firestore, seed, readiness line),
// runs `npm run demo` against it (both lifecycles and one order completed by its timer), checks the
// triggers (one new-order push per order in the outbox, one auto-complete task per pickup order)
// and that no task reached its handler early, runs the lunch rush against the same stack (100
// orders from 20 concurrent customers, 2 racing partners: scripts/rush.mjs --running), kills
// `npm start` hard and checks that the next start stops the leftovers, that a concurrent start
// refuses in one line, that Ctrl-C leaves nothing running, and that a foreign process on a stack
// port is named in one line.
// This is the test that catches an entry script importing a package before set-up has run.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

describe('local stack from a fresh clone (npm start, npm run demo, hard kill, Ctrl-C)', function () {
  this.timeout(30 * 60_000);

  it('comes up from a clone without node_modules, runs the demo with its timer, and recovers from a hard kill', () => {
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'lib', 'freshCloneCheck.mjs')], {
      cwd: ROOT,
      env: process.env,
      encoding: 'utf8',
      timeout: 29 * 60_000,
    });
    const output = `${result.stdout}\n${result.stderr}`;
    assert.equal(result.status, 0, output.slice(-8000));
    assert.match(output, /결과: 매장\/포장 completed, 배송 completed, 타이머 completed \(system\)/);
    assert.match(output, /cancel_after_shipment: 이미 발송 처리된 주문은 취소할 수 없습니다/);
    assert.match(output, /triggers: one new-order push per order \(\d+ pushes in all\), one auto-complete task per pickup order/);
    assert.match(output, /timers: the timer order was completed by the system [\d.]+ s after it was due; no task arrived early/);
    assert.match(output, /rush: placements 100\/100 in /);
    assert.match(output, /rush log: \d+ function executions, no worker killed, no task early; trigger backlog done/);
    assert.match(output, /the lunch rush held against it/);
    assert.match(output, /the next npm start stopped the leftovers and came up/);
    assert.match(output, /Ctrl-C stopped everything/);
    assert.match(output, /fresh clone check passed/);
    const leftovers = spawnSync('ps', ['-eo', 'args='], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter((line) => /gocafein-clone-/.test(line));
    assert.deepEqual(leftovers, []);
  });
});
