import { strict as assert } from 'node:assert';
import { reviewPartnerApplication, submitPartnerApplication } from '../../src/callables/partnerApplications';
import { MAX_STORES_PER_USER } from '../../src/domain/permissions';
import { db } from '../../src/infra/firestore';
import { setAdmin } from '../../src/app/partnerClaims';
import { installFakeAuth } from '../support/auth';
import { as, call } from '../support/callables';
import { dumpDatabase } from '../support/database';
import { expectDenied, fieldPaths } from '../support/denials';
import { capturedLogs } from '../support/logs';
import { APPLICATION_FORM, seedMember } from '../support/partners';
import { seedStore } from '../support/fixtures';
import { resetDependencies, setDependenciesForTest } from '../../src/deps';

const APPLICANT = 'applicant-1';
const applicant = as.customer(APPLICANT);
const admin = as.admin();

const doc = async (path: string) => (await db().doc(path).get()).data();

describe('partner applications (입점신청)', () => {
  const auth = installFakeAuth();
  beforeEach(() => {
    auth.addUser(APPLICANT);
    auth.addUser(admin.uid, 'admin@gocafein.example', { admin: true });
  });
  afterEach(() => resetDependencies('clock'));

  async function submit(form: object = APPLICATION_FORM, who = applicant) {
    return call<{ applicationId: string; status: string }>(submitPartnerApplication, form, who);
  }

  describe('submitPartnerApplication', () => {
    it('stores a pending application with normalized business number, phone and channels', async () => {
      setDependenciesForTest({ clock: () => Date.parse('2026-11-26T01:00:00Z') });
      const result = await submit();
      assert.equal(result.status, 'pending');
      assert.match(result.applicationId, /^[A-Za-z0-9]{20}$/);

      const stored = (await doc(`partnerApplications/${result.applicationId}`))!;
      assert.equal(stored.applicantUid, APPLICANT);
      assert.equal(stored.status, 'pending');
      assert.equal(stored.businessNumber, '220-81-62517');
      assert.equal(stored.phone, '010-9876-5432');
      assert.deepEqual(stored.channels, ['dine_in', 'takeout']);
      assert.deepEqual(stored.address, { postalCode: '04781', address1: '서울 성동구 성수이로 1', address2: '1층' });
      assert.equal(stored.storeName, '고카페인 성수점');
      assert.equal(stored.ownerName, '김사장');
      assert.equal(stored.createdAt.toMillis(), Date.parse('2026-11-26T01:00:00Z'));
      assert.equal(stored.reviewedAt, null);
      assert.equal(stored.storeId, null);
      assert.equal((await doc(`users/${APPLICANT}`))!.pendingApplicationId, result.applicationId);
      assert.equal(auth.claimsWrites.length, 0, 'applying grants nothing');
    });

    it('accepts the number with hyphens and a missing address2', async () => {
      const { applicationId } = await submit({
        ...APPLICATION_FORM,
        businessNumber: '124-81-00998',
        address: { postalCode: '16677', address1: '경기 수원시 영통구 삼성로 129' },
        phone: '+82 2 1234 5678',
      });
      const stored = (await doc(`partnerApplications/${applicationId}`))!;
      assert.equal(stored.businessNumber, '124-81-00998');
      assert.equal(stored.address.address2, null);
      assert.equal(stored.phone, '02-1234-5678');
    });

    it('a retry of the same submission returns the same application', async () => {
      const first = await submit();
      const again = await submit();
      assert.equal(again.applicationId, first.applicationId);
      assert.equal((await db().collection('partnerApplications').get()).size, 1);
    });

    it('one pending application per user: a different second one is refused', async () => {
      const first = await submit();
      const error = await expectDenied(
        auth,
        () => submit({ ...APPLICATION_FORM, storeName: '고카페인 2호점' }),
        'already-exists',
        'application_pending',
      );
      assert.equal((error.details as { applicationId: string }).applicationId, first.applicationId);
      // Another user may apply meanwhile.
      auth.addUser('applicant-2');
      await submit(APPLICATION_FORM, as.customer('applicant-2'));
    });

    it('after a rejection the user may apply again; after an approval, for another store', async () => {
      const first = await submit();
      await call(reviewPartnerApplication, { applicationId: first.applicationId, decision: 'reject', note: '서류 미비' }, admin);
      const second = await submit();
      assert.notEqual(second.applicationId, first.applicationId);
      assert.equal((await doc(`users/${APPLICANT}`))!.pendingApplicationId, second.applicationId);

      await call(reviewPartnerApplication, { applicationId: second.applicationId, decision: 'approve' }, admin);
      const third = await submit({ ...APPLICATION_FORM, storeName: '고카페인 2호점' });
      assert.equal(third.status, 'pending');
    });

    it(`refuses a user who already runs ${MAX_STORES_PER_USER} stores`, async () => {
      for (let i = 0; i < MAX_STORES_PER_USER; i += 1) await seedMember(auth, `store-${i}`, APPLICANT, 'staff');
      await expectDenied(auth, () => submit(), 'resource-exhausted', 'too_many_stores');
    });

    it('requires sign-in', async () => {
      await expectDenied(auth, () => call(submitPartnerApplication, APPLICATION_FORM, as.anonymous), 'unauthenticated', 'unauthenticated');
      await expectDenied(
        auth,
        () => call(submitPartnerApplication, APPLICATION_FORM, { uid: '', token: {} }),
        'unauthenticated',
        'unauthenticated',
      );
    });

    it('checks the business number by its check digit', async () => {
      for (const businessNumber of ['220-81-62518', '2208162510', '124-81-00999', '000-00-00000', '220816251', '22O8162517']) {
        const error = await expectDenied(
          auth,
          () => submit({ ...APPLICATION_FORM, businessNumber }),
          'invalid-argument',
          'invalid_argument',
        );
        assert.deepEqual(fieldPaths(error), ['businessNumber'], businessNumber);
      }
    });

    it('rejects other bad input with the field paths, writing nothing', async () => {
      const cases: [object, string][] = [
        [{ ...APPLICATION_FORM, phone: '12345' }, 'phone'],
        [{ ...APPLICATION_FORM, channels: [] }, 'channels'],
        [{ ...APPLICATION_FORM, channels: ['drive_thru'] }, 'channels.0'],
        [{ ...APPLICATION_FORM, channels: ['takeout', 'takeout'] }, 'channels'],
        [{ ...APPLICATION_FORM, storeName: '' }, 'storeName'],
        [{ ...APPLICATION_FORM, storeName: '가'.repeat(51) }, 'storeName'],
        [{ ...APPLICATION_FORM, ownerName: '   ' }, 'ownerName'],
        [{ ...APPLICATION_FORM, address: { ...APPLICATION_FORM.address, postalCode: '1234' } }, 'address.postalCode'],
        [{ ...APPLICATION_FORM, address: { postalCode: '04781' } }, 'address.address1'],
        [{ ...APPLICATION_FORM, businessNumber: undefined }, 'businessNumber'],
        [{ ...APPLICATION_FORM, status: 'approved' }, ''],
      ];
      for (const [input, path] of cases) {
        const error = await expectDenied(auth, () => submit(input), 'invalid-argument', 'invalid_argument');
        assert.ok(fieldPaths(error).includes(path), `expected ${path} in ${JSON.stringify(fieldPaths(error))}`);
      }
    });
  });

  describe('reviewPartnerApplication', () => {
    it('approval creates the closed store, the owner membership, the mirror and the claims', async () => {
      setDependenciesForTest({ clock: () => Date.parse('2026-11-26T02:00:00Z') });
      const { applicationId } = await submit();
      setDependenciesForTest({ clock: () => Date.parse('2026-11-26T05:00:00Z') });
      const result = await call(reviewPartnerApplication, { applicationId, decision: 'approve', note: '확인 완료' }, admin);
      assert.deepEqual(result, { applicationId, status: 'approved', storeId: applicationId });
      const storeId = result.storeId as string;

      const store = (await doc(`stores/${storeId}`))!;
      assert.equal(store.name, '고카페인 성수점');
      assert.equal(store.active, true);
      assert.equal(store.open, false);
      assert.equal(store.pausedUntil, null);
      assert.deepEqual(store.channels, ['dine_in', 'takeout']);
      assert.equal(store.deliveryFee, 0);
      assert.equal(store.defaultPrepMinutes, 10);
      assert.equal(store.createdAt.toMillis(), Date.parse('2026-11-26T05:00:00Z'));
      // The public store document (anyone reads it) carries nothing of the business's records...
      for (const field of ['phone', 'address', 'businessNumber', 'ownerUid', 'applicationId']) {
        assert.equal(field in store, false, `public store document has ${field}`);
      }
      // ...they are in the members-only profile.
      const profile = (await doc(`stores/${storeId}/private/profile`))!;
      assert.equal(profile.phone, '010-9876-5432');
      assert.equal(profile.address.postalCode, '04781');
      assert.equal(profile.businessNumber, '220-81-62517');
      assert.equal(profile.ownerUid, APPLICANT);
      assert.equal(profile.applicationId, applicationId);

      const member = (await doc(`stores/${storeId}/members/${APPLICANT}`))!;
      assert.equal(member.role, 'owner');
      assert.equal(member.uid, APPLICANT);
      assert.equal(member.storeId, storeId);
      assert.equal(member.addedBy, admin.uid);

      const application = (await doc(`partnerApplications/${applicationId}`))!;
      assert.equal(application.status, 'approved');
      assert.equal(application.reviewedBy, admin.uid);
      assert.equal(application.reviewNote, '확인 완료');
      assert.equal(application.reviewedAt.toMillis(), Date.parse('2026-11-26T05:00:00Z'));
      assert.equal(application.storeId, storeId);

      const user = (await doc(`users/${APPLICANT}`))!;
      assert.deepEqual(user.stores, { [storeId]: 'owner' });
      assert.equal(user.pendingApplicationId, null);
      assert.equal(user.membershipVersion, 1);
      assert.equal(user.claimsVersion, 1);
      assert.equal(user.claimsUpdatedAt.toMillis(), Date.parse('2026-11-26T05:00:00Z'));

      assert.deepEqual(auth.claimsOf(APPLICANT), { stores: { [storeId]: 'owner' } });
      assert.equal(auth.claimsWrites.length, 1);
      const lines = capturedLogs.filter((entry) => entry.message === 'partner_application.reviewed');
      assert.equal(lines[0]?.storeId, storeId);
    });

    it("approval keeps the applicant's other claims", async () => {
      auth.addUser(APPLICANT, `${APPLICANT}@example.com`, { beta: ['menu-v2'] });
      await setAdmin(APPLICANT, true); // admin comes from users/{uid}.admin, and survives the sync
      const { applicationId } = await submit();
      await call(reviewPartnerApplication, { applicationId, decision: 'approve' }, admin);
      assert.deepEqual(auth.claimsOf(APPLICANT), { admin: true, beta: ['menu-v2'], stores: { [applicationId]: 'owner' } });
    });

    it('rejection records the note, creates nothing and grants nothing', async () => {
      const { applicationId } = await submit();
      const result = await call(reviewPartnerApplication, { applicationId, decision: 'reject', note: '사업자 정보 불일치' }, admin);
      assert.deepEqual(result, { applicationId, status: 'rejected', storeId: null });
      const application = (await doc(`partnerApplications/${applicationId}`))!;
      assert.equal(application.status, 'rejected');
      assert.equal(application.reviewNote, '사업자 정보 불일치');
      assert.equal((await db().collection('stores').get()).size, 0);
      assert.equal((await doc(`users/${APPLICANT}`))!.pendingApplicationId, null);
      assert.equal(auth.claimsWrites.length, 0);
    });

    it('reviewing twice is refused, in either order', async () => {
      for (const [first, second] of [
        ['approve', 'approve'],
        ['approve', 'reject'],
        ['reject', 'approve'],
        ['reject', 'reject'],
      ] as const) {
        const { applicationId } = await submit();
        await call(reviewPartnerApplication, { applicationId, decision: first }, admin);
        const error = await expectDenied(
          auth,
          () => call(reviewPartnerApplication, { applicationId, decision: second }, as.admin('admin-2')),
          'failed-precondition',
          'application_already_reviewed',
        );
        assert.equal((error.details as { status: string }).status, first === 'approve' ? 'approved' : 'rejected');
      }
    });

    it('only admins review: not the applicant, not an owner', async () => {
      const { applicationId } = await submit();
      await seedStore('store-x');
      for (const who of [applicant, as.owner('store-x'), as.staff('store-x'), { uid: 'x', token: { admin: 'true' } }]) {
        await expectDenied(
          auth,
          () => call(reviewPartnerApplication, { applicationId, decision: 'approve' }, who),
          'permission-denied',
          'admin_only',
        );
      }
      await expectDenied(
        auth,
        () => call(reviewPartnerApplication, { applicationId, decision: 'approve' }, as.anonymous),
        'unauthenticated',
        'unauthenticated',
      );
    });

    it('an unknown application is not found', async () => {
      await expectDenied(
        auth,
        () => call(reviewPartnerApplication, { applicationId: 'nope', decision: 'approve' }, admin),
        'not-found',
        'application_not_found',
      );
    });

    it(`approval is refused when the applicant already has ${MAX_STORES_PER_USER} stores`, async () => {
      const { applicationId } = await submit();
      for (let i = 0; i < MAX_STORES_PER_USER; i += 1) await seedMember(auth, `store-${i}`, APPLICANT, 'staff');
      await expectDenied(
        auth,
        () => call(reviewPartnerApplication, { applicationId, decision: 'approve' }, admin),
        'resource-exhausted',
        'too_many_stores',
      );
      // It can still be rejected.
      await call(reviewPartnerApplication, { applicationId, decision: 'reject' }, admin);
    });

    it('rejects bad input with the field paths', async () => {
      const { applicationId } = await submit();
      const before = await dumpDatabase();
      const cases: [object, string][] = [
        [{ applicationId, decision: 'maybe' }, 'decision'],
        [{ decision: 'approve' }, 'applicationId'],
        [{ applicationId: 'a/b', decision: 'approve' }, 'applicationId'],
        [{ applicationId, decision: 'reject', note: 'x'.repeat(501) }, 'note'],
      ];
      for (const [input, path] of cases) {
        const error = await expectDenied(auth, () => call(reviewPartnerApplication, input, admin), 'invalid-argument', 'invalid_argument');
        assert.ok(fieldPaths(error).includes(path), `${path} in ${JSON.stringify(fieldPaths(error))}`);
      }
      assert.deepEqual(await dumpDatabase(), before);
    });
  });
});
