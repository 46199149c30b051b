// The tracking queries need composite indexes in production (the offline Firestore does not ask for
// them), and the dedupe records a TTL policy: both are declared in firestore.indexes.json.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface IndexSpec {
  collectionGroup: string;
  queryScope: string;
  fields: { fieldPath: string; order?: string }[];
}
interface FieldOverride {
  collectionGroup: string;
  fieldPath: string;
  ttl?: boolean;
}

const ROOT = join(__dirname, '..', '..', '..');
const spec = JSON.parse(readFileSync(join(ROOT, 'firestore.indexes.json'), 'utf8')) as {
  indexes: IndexSpec[];
  fieldOverrides: FieldOverride[];
};

function hasIndex(collectionGroup: string, fields: [string, string][]): boolean {
  return spec.indexes.some(
    (index) =>
      index.collectionGroup === collectionGroup &&
      index.queryScope === 'COLLECTION' &&
      JSON.stringify(index.fields.map((f) => [f.fieldPath, f.order])) === JSON.stringify(fields),
  );
}

describe('firestore.indexes.json: tracking', () => {
  it('indexes the parcel lookup: shipped orders by carrier and tracking number', () => {
    assert.ok(
      hasIndex('orders', [
        ['status', 'ASCENDING'],
        ['shipment.carrier', 'ASCENDING'],
        ['shipment.trackingNumber', 'ASCENDING'],
      ]),
    );
  });

  it('indexes the poll queue: shipped orders by lastCheckedAt', () => {
    assert.ok(
      hasIndex('orders', [
        ['status', 'ASCENDING'],
        ['shipment.lastCheckedAt', 'ASCENDING'],
      ]),
    );
  });

  it('expires tracking event records by expireAt', () => {
    assert.ok(spec.fieldOverrides.some((o) => o.collectionGroup === 'trackingEvents' && o.fieldPath === 'expireAt' && o.ttl === true));
  });
});
