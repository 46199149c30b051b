import { strict as assert } from 'node:assert';
import {
  MAX_SCAN_AHEAD_MS,
  polledEventId,
  snapshotOf,
  supersedes,
  toTrackingStatus,
  TRACKING_STATUS_LABELS,
  TRACKING_STATUSES,
  trackingEventDocId,
  TrackingSnapshot,
  TrackingStatus,
} from '../../src/domain/tracking';

const T0 = Date.UTC(2026, 10, 26, 3, 0, 0);
const MIN = 60_000;

function snap(status: TrackingStatus, occurredAt: number, eventId = `evt-${status}-${occurredAt}`): TrackingSnapshot {
  return { eventId, source: 'webhook', status, occurredAt, location: null, description: null, receivedAt: occurredAt + MIN };
}

describe('tracking domain', () => {
  describe('toTrackingStatus', () => {
    it('maps the Delivery Tracker status codes one to one', () => {
      const codes = [
        'UNKNOWN',
        'INFORMATION_RECEIVED',
        'AT_PICKUP',
        'IN_TRANSIT',
        'OUT_FOR_DELIVERY',
        'ATTEMPT_FAIL',
        'DELIVERED',
        'AVAILABLE_FOR_PICKUP',
        'EXCEPTION',
      ];
      assert.deepEqual(codes.map(toTrackingStatus).sort(), [...TRACKING_STATUSES].sort());
      assert.equal(toTrackingStatus('DELIVERED'), 'delivered');
      assert.equal(toTrackingStatus(' out_for_delivery '), 'out_for_delivery');
    });

    it('turns a status it does not know into unknown instead of failing', () => {
      for (const raw of ['RETURNED', 'delivered!', '', '배달완료']) assert.equal(toTrackingStatus(raw), 'unknown', raw);
    });

    it('has a Korean label for every status', () => {
      for (const status of TRACKING_STATUSES) assert.match(TRACKING_STATUS_LABELS[status], /[가-힣]/, status);
      assert.equal(TRACKING_STATUS_LABELS.delivered, '배송 완료');
    });
  });

  describe('supersedes', () => {
    it('the first event always becomes the latest state', () => {
      assert.equal(supersedes(null, snap('in_transit', T0)), true);
      assert.equal(supersedes(undefined, snap('unknown', T0)), true);
    });

    it('a newer or equally timed scan replaces, an older one does not', () => {
      const current = snap('in_transit', T0);
      assert.equal(supersedes(current, snap('out_for_delivery', T0 + MIN)), true);
      assert.equal(supersedes(current, snap('out_for_delivery', T0)), true);
      assert.equal(supersedes(current, snap('at_pickup', T0 - MIN)), false);
    });

    it('a delivery wins over any earlier state, even one scanned later; nothing but a later delivery replaces it', () => {
      assert.equal(supersedes(snap('out_for_delivery', T0 + 10 * MIN), snap('delivered', T0)), true);
      const delivered = snap('delivered', T0);
      assert.equal(supersedes(delivered, snap('out_for_delivery', T0 + MIN)), false);
      assert.equal(supersedes(delivered, snap('delivered', T0 + MIN)), true);
      assert.equal(supersedes(delivered, snap('delivered', T0 - MIN)), false);
    });
  });

  describe('snapshotOf', () => {
    const event = {
      eventId: 'e1',
      carrier: 'cj',
      trackingNumber: '123456789012',
      status: 'in_transit' as const,
      location: null,
      description: null,
    };

    it('keeps the courier time of a scan in the past', () => {
      assert.equal(snapshotOf({ ...event, occurredAt: T0 - MIN }, 'webhook', T0).occurredAt, T0 - MIN);
    });

    it('caps a time far in the future at a day after receipt, so it cannot freeze the latest state', () => {
      const future = snapshotOf({ ...event, occurredAt: Date.UTC(2100, 0, 1) }, 'webhook', T0);
      assert.equal(future.occurredAt, T0 + MAX_SCAN_AHEAD_MS);
      assert.equal(supersedes(future, snap('out_for_delivery', T0 + MAX_SCAN_AHEAD_MS + MIN)), true);
      const soon = snapshotOf({ ...event, occurredAt: T0 + 60 * MIN }, 'webhook', T0);
      assert.equal(soon.occurredAt, T0 + 60 * MIN, 'within a day it is kept');
    });
  });

  describe('ids', () => {
    it('hashes event ids into document ids that are safe whatever the id holds', () => {
      const id = trackingEventDocId('provider/evt 1/../__x__');
      assert.match(id, /^[0-9a-f]{64}$/);
      assert.equal(trackingEventDocId('provider/evt 1/../__x__'), id);
      assert.notEqual(trackingEventDocId('provider/evt 2'), id);
    });

    it('a polled state has a stable id: the same state twice is one event, a new state another', () => {
      const base = { carrier: 'cj', trackingNumber: '123456789012', status: 'in_transit' as const, occurredAt: T0 };
      assert.equal(polledEventId('delivery-tracker', base), polledEventId('delivery-tracker', { ...base }));
      assert.notEqual(polledEventId('delivery-tracker', base), polledEventId('delivery-tracker', { ...base, occurredAt: T0 + 1 }));
      assert.notEqual(polledEventId('delivery-tracker', base), polledEventId('delivery-tracker', { ...base, status: 'delivered' }));
      assert.notEqual(polledEventId('delivery-tracker', base), polledEventId('other', base));
      assert.notEqual(
        polledEventId('delivery-tracker', base),
        polledEventId('delivery-tracker', { ...base, trackingNumber: '123456789013' }),
      );
    });
  });
});
