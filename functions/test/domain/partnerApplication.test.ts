import assert from 'node:assert/strict';
import { newApplication, review, storeIdForApplication } from '../../src/domain/partnerApplication';
import { DomainError } from '../../src/domain/reasons';

const AT = Date.parse('2026-11-26T01:00:00Z');
const FORM = {
  storeName: '고카페인 성수점',
  ownerName: '김사장',
  businessNumber: '220-81-62517',
  phone: '010-9876-5432',
  address: { postalCode: '04781', address1: '서울 성동구 성수이로 1', address2: null },
  channels: ['dine_in' as const, 'takeout' as const],
};

describe('partner application review', () => {
  const pending = newApplication('app1', 'u1', FORM, AT);

  it('starts pending, unreviewed and without a store', () => {
    assert.equal(pending.status, 'pending');
    assert.equal(pending.reviewedAt, null);
    assert.equal(pending.storeId, null);
  });

  it('approval creates a closed, active store owned by the applicant, with the application id', () => {
    const { application, store } = review(pending, 'approve', 'admin1', null, AT + 5000);
    assert.equal(application.status, 'approved');
    assert.equal(application.reviewedBy, 'admin1');
    assert.equal(application.reviewedAt, AT + 5000);
    assert.equal(application.storeId, storeIdForApplication('app1'));
    assert.ok(store);
    assert.equal(store.storeId, application.storeId);
    assert.equal(store.active, true);
    assert.equal(store.open, false, 'closed (준비중) until the owner opens it');
    assert.equal(store.pausedUntil, null);
    assert.deepEqual(store.channels, FORM.channels);
    assert.equal(store.name, FORM.storeName);
    assert.equal(store.ownerUid, 'u1');
    assert.equal(store.businessNumber, FORM.businessNumber);
    assert.equal(store.phone, FORM.phone);
    assert.deepEqual(store.address, FORM.address);
    assert.equal(store.deliveryFee, 0);
    assert.equal(store.defaultPrepMinutes, 10);
  });

  it('rejection records the note and creates nothing', () => {
    const { application, store } = review(pending, 'reject', 'admin1', '사업자등록증 확인 불가', AT);
    assert.equal(application.status, 'rejected');
    assert.equal(application.reviewNote, '사업자등록증 확인 불가');
    assert.equal(application.storeId, null);
    assert.equal(store, null);
  });

  it('a reviewed application cannot be reviewed again, either way', () => {
    for (const first of ['approve', 'reject'] as const) {
      const { application } = review(pending, first, 'admin1', null, AT);
      for (const second of ['approve', 'reject'] as const) {
        assert.throws(
          () => review(application, second, 'admin2', null, AT),
          (error: unknown) =>
            error instanceof DomainError && error.reason === 'application_already_reviewed' && error.extra.status === application.status,
        );
      }
    }
  });
});
