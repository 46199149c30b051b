import assert from 'node:assert/strict';
import fc from 'fast-check';
import { accountRefusal, orderLimitDecision, recentWithin, signInProviderOf } from '../../src/domain/abuse';
import { REASONS } from '../../src/domain/reasons';
import { splitStoreProfile, PRIVATE_STORE_FIELDS } from '../../src/domain/store';

const active = { disabled: false, emailVerified: true };

describe('account checks (domain/abuse.ts)', () => {
  it('refuses anonymous sign-ins for orders and applications, whatever the record says', () => {
    for (const purpose of ['order', 'apply'] as const) {
      assert.equal(accountRefusal({ signInProvider: 'anonymous', account: active }, purpose), 'anonymous_account');
      assert.equal(accountRefusal({ signInProvider: 'anonymous', account: null }, purpose), 'anonymous_account');
    }
  });

  it('refuses disabled and deleted accounts', () => {
    for (const purpose of ['order', 'apply'] as const) {
      assert.equal(
        accountRefusal({ signInProvider: 'password', account: { disabled: true, emailVerified: true } }, purpose),
        'account_disabled',
      );
      assert.equal(accountRefusal({ signInProvider: 'password', account: null }, purpose), 'account_disabled');
    }
  });

  it('an unverified email may order but not apply for a store', () => {
    const unverified = { disabled: false, emailVerified: false };
    assert.equal(accountRefusal({ signInProvider: 'password', account: unverified }, 'order'), null);
    assert.equal(accountRefusal({ signInProvider: 'password', account: unverified }, 'apply'), 'email_not_verified');
    assert.equal(accountRefusal({ signInProvider: 'google.com', account: active }, 'apply'), null);
    assert.equal(accountRefusal({ signInProvider: null, account: active }, 'order'), null);
  });

  it('reads sign_in_provider from the decoded token', () => {
    assert.equal(signInProviderOf({ firebase: { sign_in_provider: 'anonymous' } }), 'anonymous');
    assert.equal(signInProviderOf({ firebase: { sign_in_provider: 'phone' } }), 'phone');
    assert.equal(signInProviderOf({}), null);
    assert.equal(signInProviderOf({ firebase: 'anonymous' }), null);
    assert.equal(signInProviderOf({ firebase: { sign_in_provider: 7 } }), null);
  });

  it('every refusal is a stable reason with a Korean message and the documented code', () => {
    assert.equal(REASONS.anonymous_account.code, 'permission-denied');
    assert.equal(REASONS.account_disabled.code, 'permission-denied');
    assert.equal(REASONS.email_not_verified.code, 'failed-precondition');
    assert.equal(REASONS.too_many_unanswered_orders.code, 'resource-exhausted');
    assert.equal(REASONS.order_rate_limited.code, 'resource-exhausted');
    assert.equal(REASONS.app_check_failed.code, 'unauthenticated');
    assert.equal(REASONS.app_check_token_reused.code, 'unauthenticated');
    for (const reason of [
      'anonymous_account',
      'account_disabled',
      'email_not_verified',
      'too_many_unanswered_orders',
      'order_rate_limited',
      'app_check_failed',
      'app_check_token_reused',
    ] as const) {
      assert.match(REASONS[reason].message, /[가-힣]/);
    }
  });
});

describe('order limits (domain/abuse.ts)', () => {
  const LIMITS = { maxUnansweredPerStore: 3, ratePerWindow: 5, windowMs: 10 * 60_000 };
  const NOW = Date.parse('2026-11-26T03:00:00Z');
  const at = (minutesAgo: number) => ({ at: NOW - minutesAgo * 60_000 });

  it('accepts below both limits and appends the placement to the log', () => {
    const decision = orderLimitDecision(LIMITS, { recentPlacements: [at(3), at(1)], unansweredAtStore: 2 }, { at: NOW });
    assert.deepEqual(decision, { recentPlacements: [at(3), at(1), { at: NOW }] });
  });

  it('refuses the 4th unanswered order at one store', () => {
    assert.deepEqual(orderLimitDecision(LIMITS, { recentPlacements: [], unansweredAtStore: 3 }, { at: NOW }), {
      refusal: 'too_many_unanswered_orders',
    });
  });

  it('refuses past the rate, counting only placements inside the window', () => {
    const five = [at(9), at(7), at(5), at(3), at(1)];
    assert.deepEqual(orderLimitDecision(LIMITS, { recentPlacements: five, unansweredAtStore: 0 }, { at: NOW }), {
      refusal: 'order_rate_limited',
    });
    const oneExpired = [at(10), at(7), at(5), at(3), at(1)];
    const decision = orderLimitDecision(LIMITS, { recentPlacements: oneExpired, unansweredAtStore: 0 }, { at: NOW });
    assert.deepEqual(decision, { recentPlacements: [at(7), at(5), at(3), at(1), { at: NOW }] });
  });

  it('the per-store limit is checked first (the reason names the store-side wait)', () => {
    const five = [at(9), at(7), at(5), at(3), at(1)];
    assert.deepEqual(orderLimitDecision(LIMITS, { recentPlacements: five, unansweredAtStore: 3 }, { at: NOW }), {
      refusal: 'too_many_unanswered_orders',
    });
  });

  it('property: the stored log never exceeds the rate, stays sorted, and holds only the window', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -30, max: 30 }), { maxLength: 40 }), fc.integer({ min: 0, max: 5 }), (offsets, unanswered) => {
        const placements = offsets.map((minutes) => ({ at: NOW - minutes * 60_000 }));
        const decision = orderLimitDecision(LIMITS, { recentPlacements: placements, unansweredAtStore: unanswered }, { at: NOW });
        const inWindow = recentWithin(placements, LIMITS.windowMs, NOW);
        if (unanswered >= 3) return assert.deepEqual(decision, { refusal: 'too_many_unanswered_orders' });
        if (inWindow.length >= 5) return assert.deepEqual(decision, { refusal: 'order_rate_limited' });
        assert.ok('recentPlacements' in decision);
        assert.ok(decision.recentPlacements.length <= LIMITS.ratePerWindow);
        assert.ok(decision.recentPlacements.some((placement) => placement.at === NOW));
        const times = decision.recentPlacements.map((placement) => placement.at);
        assert.deepEqual(
          times,
          [...times].sort((a, b) => a - b),
        );
        assert.ok(times.every((time) => time > NOW - LIMITS.windowMs));
      }),
    );
  });
});

describe('public and private store fields (domain/store.ts)', () => {
  it('splits the business records off the public document', () => {
    const { publicFields, privateFields } = splitStoreProfile({
      storeId: 's1',
      name: '고카페인',
      open: true,
      phone: '02-555-1234',
      address: { postalCode: '06236', address1: '서울', address2: null },
      ownerUid: 'u1',
      businessNumber: '220-81-62517',
      applicationId: 'a1',
      updatedAt: 1,
    });
    assert.deepEqual(publicFields, { storeId: 's1', name: '고카페인', open: true, updatedAt: 1 });
    assert.deepEqual(Object.keys(privateFields).sort(), [...PRIVATE_STORE_FIELDS].sort());
  });

  it('a patch without private fields has no private part', () => {
    assert.deepEqual(splitStoreProfile({ name: 'x', deliveryFee: 3000 }).privateFields, {});
    assert.deepEqual(splitStoreProfile({ phone: '02-1' }), { publicFields: {}, privateFields: { phone: '02-1' } });
  });
});
