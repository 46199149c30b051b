// shipOrder and updateTracking check tracking numbers against the one carrier list
// (domain/carriers.ts) that the tracking intake also uses: for every listed courier, a number of a
// length it issues is accepted and a number one digit too long is refused, with nothing written.
import { strict as assert } from 'node:assert';
import { prepareShipment, shipOrder, updateTracking } from '../../src/callables/orderCommands';
import { CARRIERS } from '../../src/domain/carriers';
import { call, expectError } from '../support/callables';
import { dumpDatabase } from '../support/database';
import { seedStore } from '../support/fixtures';
import { placeDelivery, storedOrder } from '../support/orders';
import { owner, shippedOrder } from '../support/tracking';

const digits = (length: number, seed: number) => Array.from({ length }, (_, i) => String((seed + i * 7) % 10)).join('');

describe('tracking numbers at shipOrder and updateTracking', () => {
  beforeEach(() => seedStore());

  it('every listed courier: its own lengths pass, one digit more than its longest is refused', async () => {
    const orderId = await shippedOrder('cj', '123456789012');
    for (const [index, carrier] of CARRIERS.entries()) {
      const longest = Math.max(...carrier.digits);
      const tooLong = digits(longest + 1, index);
      const before = await dumpDatabase();
      const error = await expectError(
        call(updateTracking, { orderId, carrier: carrier.code, trackingNumber: tooLong }, owner),
        'invalid-argument',
        'invalid_argument',
      );
      const fields = (error.details as { fields: { path: string }[] }).fields.map((f) => f.path);
      assert.deepEqual(fields, ['trackingNumber'], carrier.code);
      assert.deepEqual(await dumpDatabase(), before, `${carrier.code}: nothing written`);

      for (const length of carrier.digits) {
        const number = digits(length, index + length);
        const view = await call(updateTracking, { orderId, carrier: carrier.code, trackingNumber: number }, owner);
        assert.equal(view.shipment.carrier, carrier.code);
        assert.equal(view.shipment.trackingNumber, number);
        assert.equal(view.shipment.trackingUrl, carrier.trackingUrlTemplate.replace('{trackingNumber}', number));
      }
    }
    assert.equal((await storedOrder(orderId)).status, 'shipped');
  });

  it('shipOrder refuses a number of the wrong length for the chosen courier and accepts the right one', async () => {
    const orderId = await placeDelivery();
    await call(prepareShipment, { orderId }, owner);
    // 13 digits: right for 우체국택배, wrong for 로젠택배 (11).
    await expectError(
      call(shipOrder, { orderId, carrier: 'logen', trackingNumber: '1234567890123' }, owner),
      'invalid-argument',
      'invalid_argument',
    );
    assert.equal((await storedOrder(orderId)).status, 'preparing_shipment');
    const shipped = await call(shipOrder, { orderId, carrier: 'epost', trackingNumber: '1234567890123' }, owner);
    assert.equal(shipped.status, 'shipped');
    const stored = await storedOrder(orderId);
    assert.equal(stored.shipment.lastEvent, null);
    assert.equal(stored.shipment.lastCheckedAt.toMillis(), stored.shipment.shippedAt.toMillis());
  });
});
