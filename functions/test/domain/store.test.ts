import assert from 'node:assert/strict';
import { storeRefusal } from '../../src/domain/menu';
import { MAX_PAUSE_MS, pauseUntilProblem, StoreProfile, storeStatusOf, storeView } from '../../src/domain/store';

const NOW = Date.parse('2026-11-26T03:00:00Z');

const store = (overrides: Partial<StoreProfile> = {}): StoreProfile => ({
  storeId: 's1',
  name: '고카페인 성수점',
  active: true,
  open: true,
  pausedUntil: null,
  channels: ['dine_in', 'takeout'],
  deliveryFee: 0,
  defaultPrepMinutes: 10,
  phone: '02-123-4567',
  address: { postalCode: '04781', address1: '서울 성동구 성수이로 1', address2: null },
  ownerUid: 'u1',
  businessNumber: '220-81-62517',
  applicationId: 's1',
  createdAt: NOW - 1000,
  updatedAt: NOW - 1000,
  ...overrides,
});

describe('store status', () => {
  it('영업중 / 준비중 / 일시정지 / 운영중지, agreeing with what placeOrder refuses', () => {
    const cases: [Partial<StoreProfile>, string, string | null][] = [
      [{}, 'open', null],
      [{ open: false }, 'closed', 'store_closed'],
      [{ pausedUntil: NOW + 60_000 }, 'paused', 'store_paused'],
      [{ pausedUntil: NOW }, 'open', null], // the pause ends at its time
      [{ pausedUntil: NOW - 60_000 }, 'open', null],
      [{ active: false }, 'inactive', 'store_inactive'],
      [{ active: false, open: false }, 'inactive', 'store_inactive'],
      [{ open: false, pausedUntil: NOW + 60_000 }, 'closed', 'store_closed'],
    ];
    for (const [overrides, status, refusal] of cases) {
      const s = store(overrides);
      assert.equal(storeStatusOf(s, NOW), status, JSON.stringify(overrides));
      assert.equal(storeRefusal(s, 'takeout', NOW), refusal, JSON.stringify(overrides));
    }
  });

  it('the view labels the status and shows a pause only while it lasts', () => {
    const paused = storeView(store({ pausedUntil: NOW + 30 * 60_000 }), NOW);
    assert.equal(paused.status, 'paused');
    assert.equal(paused.statusLabel, '일시정지');
    assert.equal(paused.pausedUntil, '2026-11-26T03:30:00.000Z');
    const over = storeView(store({ pausedUntil: NOW - 1 }), NOW);
    assert.equal(over.statusLabel, '영업중');
    assert.equal(over.pausedUntil, null);
    assert.equal(storeView(store({ open: false }), NOW).statusLabel, '준비중');
  });

  it('a pause must end in the future and within 24 hours', () => {
    assert.match(pauseUntilProblem(NOW, NOW)!, /현재 이후/);
    assert.match(pauseUntilProblem(NOW - 1, NOW)!, /현재 이후/);
    assert.equal(pauseUntilProblem(NOW + 1, NOW), null);
    assert.equal(pauseUntilProblem(NOW + MAX_PAUSE_MS, NOW), null);
    assert.match(pauseUntilProblem(NOW + MAX_PAUSE_MS + 1, NOW)!, /24시간/);
  });
});
