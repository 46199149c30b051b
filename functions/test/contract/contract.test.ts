// The contract's generated artifacts are current, complete and compatible:
//   - client/src/generated/contract.ts, client/schemas/*.json and docs/contract.md equal what
//     src/contract generates (regenerate: cd functions && npx tsx test/contract/generate.ts);
//   - every callable exported by src/index.ts has a contract entry, and no entry lacks an export;
//   - no request or response changed incompatibly without a higher CONTRACT_VERSION;
//   - the package's labels, carriers and query constants are the server's.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { CALLABLES } from '../../src/contract/callables';
import type { ReasonExtras } from '../../src/contract/types';
import { CARRIERS, trackingUrl as serverTrackingUrl } from '../../src/domain/carriers';
import { cancelReasonLabel as serverCancelReasonLabel } from '../../src/domain/publicView';
import { PICKUP_CHANNELS } from '../../src/domain/order';
import { OPEN_DELIVERY_STATUSES, OPEN_PICKUP_STATUSES, TERMINAL_STATUSES } from '../../src/domain/lifecycle';
import type { Reason } from '../../src/domain/reasons';
import * as indexExports from '../../src/index';
import * as client from '../../../client/src/generated/contract';
import { cancelReasonLabel, trackingUrl } from '../../../client/src/labels';
import { type BuiltContract, buildContract, ROOT } from './build';
import { compatibilityProblems, committedSnapshot } from './snapshot';

// Every key of ReasonExtras is a real reason (a typo there would silently type nothing).
const extrasAreReasons: [Exclude<keyof ReasonExtras, Reason>] extends [never] ? true : false = true;

describe('contract: the client package, JSON Schemas and docs come from src/contract', function () {
  this.timeout(180_000);
  let built: BuiltContract;
  before(() => {
    built = buildContract();
  });

  it('has an entry for every callable exported by src/index.ts, and none without an export', () => {
    assert.equal(extrasAreReasons, true);
    const exported = Object.entries(indexExports as Record<string, unknown>)
      .filter(([, value]) => Boolean((value as { __endpoint?: { callableTrigger?: unknown } })?.__endpoint?.callableTrigger))
      .map(([name]) => name)
      .sort();
    const missing = exported.filter((name) => !(name in CALLABLES));
    assert.deepEqual(missing, [], `exported callables without a contract entry in src/contract/callables.ts: ${missing.join(', ')}`);
    assert.deepEqual(Object.keys(CALLABLES).sort(), exported, 'contract entries without an exported callable');
    assert.deepEqual([...client.CALLABLE_NAMES].sort(), exported, 'the client package lists every callable (regenerate)');
  });

  it('generated files are current (cd functions && npx tsx test/contract/generate.ts)', () => {
    const stale = [...built.files]
      .filter(([path, content]) => !existsSync(path) || readFileSync(path, 'utf8') !== content)
      .map(([path]) => relative(ROOT, path));
    assert.deepEqual(stale, [], `stale: ${stale.join(', ')}. Run: cd functions && npx tsx test/contract/generate.ts`);
  });

  it('no request or response changed incompatibly without raising CONTRACT_VERSION', () => {
    const snapshot = committedSnapshot();
    assert.ok(snapshot, 'client/schemas/index.json exists');
    assert.deepEqual(compatibilityProblems(snapshot, built), []);
  });

  it('the committed snapshot is what the breaking-change check reads (a removed field in it would be caught)', () => {
    const snapshot = committedSnapshot()!;
    const altered = structuredClone(built.schemas);
    const request = altered.placeOrder.request as { properties: Record<string, unknown>; required: string[] };
    delete request.properties.customerNote;
    request.required.push('brandNewField');
    (request.properties as Record<string, unknown>).brandNewField = { type: 'string' };
    const problems = compatibilityProblems(snapshot, { schemas: altered, version: snapshot.version });
    assert.ok(
      problems.some((line) => line.includes('placeOrder request $.customerNote: removed')),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((line) => line.includes('$.brandNewField: newly required')),
      problems.join('\n'),
    );
    assert.deepEqual(
      compatibilityProblems(snapshot, { schemas: altered, version: snapshot.version + 1 }),
      [],
      'a raised version allows it',
    );
  });

  it("the package's labels and tracking links are the server's", () => {
    for (const carrier of CARRIERS) {
      for (const number of ['1234567890', '12 34-56']) {
        assert.equal(trackingUrl(carrier.code, number), serverTrackingUrl(carrier.code, number), carrier.code);
      }
    }
    assert.equal(trackingUrl('nope', '1'), serverTrackingUrl('nope', '1'));
    for (const reason of ['customer_request', 'other', 'no-such-reason']) {
      assert.equal(cancelReasonLabel(reason), serverCancelReasonLabel(reason));
    }
    assert.deepEqual(client.PICKUP_CHANNELS, PICKUP_CHANNELS);
    assert.deepEqual(client.OPEN_PICKUP_STATUSES, OPEN_PICKUP_STATUSES);
    assert.deepEqual(client.OPEN_DELIVERY_STATUSES, OPEN_DELIVERY_STATUSES);
    assert.deepEqual(client.TERMINAL_STATUSES, TERMINAL_STATUSES);
  });
});
