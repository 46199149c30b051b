// The personal-data redaction job (scheduled/redactPersonalData.ts): only ended orders past the
// retention, bounded per run, idempotent on a rerun, nothing else touched.
import { strict as assert } from 'node:assert';
import { cancelOrder } from '../../src/callables/orderCommands';
import { DAY_MS, REDACTED } from '../../src/domain/privacy';
import { redactExpiredPersonalData } from '../../src/app/personalDataRedaction';
import { as, call } from '../support/callables';
import { dumpDatabase } from '../support/database';
import { DELIVERY, seedStore } from '../support/fixtures';
import { historyOf, placeDelivery, placePickup, storedOrder } from '../support/orders';
import { resetDependencies, setDependenciesForTest } from '../../src/deps';

const T0 = Date.parse('2026-06-01T03:00:00Z');

describe('redactPersonalData (scheduled)', () => {
  let clock = T0;
  beforeEach(async () => {
    clock = T0;
    setDependenciesForTest({ clock: () => clock });
    await seedStore();
  });
  afterEach(() => resetDependencies('clock'));

  async function endedDelivery(customer: string, at = T0): Promise<string> {
    clock = at;
    const orderId = await placeDelivery(customer);
    await call(cancelOrder, { orderId, reason: 'changed_mind' }, as.customer(customer));
    return orderId;
  }

  it('redacts ended orders past the retention, a bounded batch per run, and is idempotent', async () => {
    const ended = [await endedDelivery('c-1'), await endedDelivery('c-2'), await endedDelivery('c-3')];
    clock = T0;
    const open = await placeDelivery('c-4'); // still received: its customer is waiting for it
    const recent = await endedDelivery('c-5', T0 + 60 * DAY_MS); // ended 31 days before the run
    clock = T0;
    const pickup = await placePickup('takeout', 'c-6');
    const historyBefore = await historyOf(ended[0]);
    const versionBefore = (await storedOrder(ended[0])).version;

    clock = T0 + 91 * DAY_MS;
    const first = await redactExpiredPersonalData({ batchSize: 2 });
    assert.deepEqual({ scanned: first.scanned, redacted: first.redacted }, { scanned: 2, redacted: 2 }, 'bounded: 2 of 3');
    const second = await redactExpiredPersonalData({ batchSize: 2 });
    assert.deepEqual({ scanned: second.scanned, redacted: second.redacted }, { scanned: 1, redacted: 1 }, 'the rest on the next run');

    const afterTwoRuns = await dumpDatabase();
    const third = await redactExpiredPersonalData({ batchSize: 2 });
    assert.deepEqual({ scanned: third.scanned, redacted: third.redacted }, { scanned: 0, redacted: 0 });
    assert.deepEqual(await dumpDatabase(), afterTwoRuns, 'a rerun changes nothing');

    for (const orderId of ended) {
      const order = await storedOrder(orderId);
      assert.deepEqual(order.delivery, {
        recipient: `${Array.from(DELIVERY.recipient)[0]}*`,
        phone: REDACTED,
        postalCode: DELIVERY.postalCode,
        address1: REDACTED,
        address2: REDACTED,
      });
      assert.equal(order.personalDataRedactedAt.toMillis(), T0 + 91 * DAY_MS);
      assert.equal(order.status, 'cancelled');
    }
    // Not a transition: same version, same history.
    assert.equal((await storedOrder(ended[0])).version, versionBefore);
    assert.deepEqual(await historyOf(ended[0]), historyBefore);

    // Open orders and orders that ended within the retention keep their contact details.
    for (const orderId of [open, recent]) {
      const order = await storedOrder(orderId);
      assert.equal(order.delivery.phone, DELIVERY.phone);
      assert.equal(order.delivery.address1, DELIVERY.address1);
      assert.equal(order.personalDataRedactedAt, null);
    }
    assert.equal((await storedOrder(pickup)).delivery, null);

    // 90 days after it ended, the recent one goes too.
    clock = T0 + 151 * DAY_MS;
    assert.equal((await redactExpiredPersonalData()).redacted, 1);
    assert.equal((await storedOrder(recent)).delivery.phone, REDACTED);
    assert.equal((await storedOrder(open)).delivery.phone, DELIVERY.phone);
  });

  it('waits the whole retention (PERSONAL_DATA_RETENTION_DAYS, default 90)', async () => {
    const orderId = await endedDelivery('c-1');
    clock = T0 + 89 * DAY_MS;
    assert.equal((await redactExpiredPersonalData()).redacted, 0);
    assert.equal((await storedOrder(orderId)).delivery.phone, DELIVERY.phone);
    const saved = process.env.PERSONAL_DATA_RETENTION_DAYS;
    process.env.PERSONAL_DATA_RETENTION_DAYS = '30';
    try {
      assert.equal((await redactExpiredPersonalData()).redacted, 1);
    } finally {
      if (saved === undefined) delete process.env.PERSONAL_DATA_RETENTION_DAYS;
      else process.env.PERSONAL_DATA_RETENTION_DAYS = saved;
    }
    assert.equal((await storedOrder(orderId)).delivery.phone, REDACTED);
  });

  it('two runs at once redact each order once', async () => {
    const ended = [await endedDelivery('c-1'), await endedDelivery('c-2'), await endedDelivery('c-3')];
    clock = T0 + 91 * DAY_MS;
    const reports = await Promise.all([redactExpiredPersonalData(), redactExpiredPersonalData()]);
    assert.equal(reports[0].redacted + reports[1].redacted, 3);
    for (const orderId of ended) assert.equal((await storedOrder(orderId)).delivery.phone, REDACTED);
  });
});
