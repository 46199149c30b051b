import assert from 'node:assert/strict';
import { DAY_MS, endedAt, REDACTED, redactedDelivery, redactionDue, withoutStaffIdentity } from '../../src/domain/privacy';
import type { OrderEvent, OrderPatch } from '../../src/domain/stateMachine';

const AT = Date.parse('2026-11-26T03:00:00Z');
const event = (actorRole: OrderEvent['actorRole'], actorUid: string | null): OrderEvent => ({
  version: 3,
  command: 'cancel',
  actorRole,
  actorUid,
  from: 'received',
  to: 'cancelled',
  at: AT,
  data: { reason: 'sold_out' },
});
const cancelPatch = (by: OrderEvent['actorRole'], uid: string | null): OrderPatch => ({
  status: 'cancelled',
  updatedAt: AT,
  version: 3,
  cancellation: { by, uid, reason: 'sold_out', note: null, at: AT },
});

describe('staff identity (domain/privacy.ts withoutStaffIdentity)', () => {
  for (const role of ['partner', 'admin'] as const) {
    it(`a ${role}'s uid leaves the order patch and the history entry; the role stays`, () => {
      const result = withoutStaffIdentity(cancelPatch(role, 'staff-9'), event(role, 'staff-9'));
      assert.equal(result.patch.cancellation!.uid, null);
      assert.equal(result.patch.cancellation!.by, role);
      assert.equal(result.event.actorUid, null);
      assert.equal(result.event.actorRole, role);
      assert.deepEqual(result.staffAction, { version: 3, command: 'cancel', actorRole: role, actorUid: 'staff-9', at: AT });
    });
  }

  it('also a completion', () => {
    const patch: OrderPatch = { status: 'completed', updatedAt: AT, version: 3, completion: { by: 'partner', uid: 'owner-1', at: AT } };
    const result = withoutStaffIdentity(patch, { ...event('partner', 'owner-1'), command: 'complete', to: 'completed' });
    assert.deepEqual(result.patch.completion, { by: 'partner', uid: null, at: AT });
  });

  it("a customer's own uid and the system's entries are unchanged", () => {
    const customer = withoutStaffIdentity(cancelPatch('customer', 'c-1'), event('customer', 'c-1'));
    assert.equal(customer.patch.cancellation!.uid, 'c-1');
    assert.equal(customer.event.actorUid, 'c-1');
    assert.equal(customer.staffAction, null);
    const system = withoutStaffIdentity(cancelPatch('system', null), event('system', null));
    assert.equal(system.staffAction, null);
  });
});

describe('personal data retention (domain/privacy.ts)', () => {
  const RETENTION = 90 * DAY_MS;
  const delivery = {
    recipient: '김고객',
    phone: '010-1234-5678',
    postalCode: '06236',
    address1: '서울 강남구 테헤란로 123',
    address2: '4층',
  };
  const order = (overrides: Record<string, unknown> = {}) => ({
    status: 'cancelled' as const,
    completion: null,
    cancellation: { by: 'customer' as const, uid: 'c', reason: 'changed_mind', note: null, at: AT },
    updatedAt: AT,
    delivery,
    ...overrides,
  });

  it('an order ends when it is completed or cancelled', () => {
    assert.equal(endedAt(order()), AT);
    assert.equal(endedAt(order({ status: 'completed', cancellation: null, completion: { by: 'system', uid: null, at: AT + 5 } })), AT + 5);
    assert.equal(endedAt(order({ status: 'shipped' })), null);
  });

  it('is due exactly the retention after the end, once, and only with data to destroy', () => {
    assert.equal(redactionDue(order(), RETENTION, AT + RETENTION - 1), false);
    assert.equal(redactionDue(order(), RETENTION, AT + RETENTION), true);
    assert.equal(redactionDue(order({ personalDataRedactedAt: AT + RETENTION }), RETENTION, AT + 2 * RETENTION), false);
    assert.equal(redactionDue(order({ delivery: null }), RETENTION, AT + 2 * RETENTION), false);
    assert.equal(redactionDue(order({ status: 'shipped' }), RETENTION, AT + 10 * RETENTION), false);
  });

  it('replaces the phone number and address, keeps a hint of the name and the postal code', () => {
    assert.deepEqual(redactedDelivery(delivery), {
      recipient: '김*',
      phone: REDACTED,
      postalCode: '06236',
      address1: REDACTED,
      address2: REDACTED,
    });
    assert.equal(redactedDelivery({ ...delivery, address2: null }).address2, null);
    assert.equal(redactedDelivery({ ...delivery, recipient: '' }).recipient, REDACTED);
  });
});
