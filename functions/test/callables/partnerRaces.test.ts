// Concurrency of onboarding and membership changes against the offline Firestore. These fail if a
// callable decides outside its transaction, or if the claims sync can be overtaken by a stale one.
import { strict as assert } from 'node:assert';
import { reviewPartnerApplication, submitPartnerApplication } from '../../src/callables/partnerApplications';
import { acceptStoreInvitation, inviteStoreMember, revokeStoreInvitation } from '../../src/callables/storeInvitations';
import { removeStoreMember } from '../../src/callables/storeMembers';
import { db } from '../../src/infra/firestore';
import { installFakeAuth } from '../support/auth';
import { as, call } from '../support/callables';
import { OTHER_STORE_ID, seedStore, STORE_ID } from '../support/fixtures';
import { APPLICATION_FORM, seedMember } from '../support/partners';

const OWNER = `owner-of-${STORE_ID}`;
const BARISTA = 'barista-1';

const reasonOf = (result: PromiseSettledResult<unknown>) =>
  result.status === 'rejected' ? (result.reason as { details?: { reason?: string } }).details?.reason : 'fulfilled';

describe('onboarding races', () => {
  const auth = installFakeAuth();
  beforeEach(() => {
    auth.latency = () => Math.floor(Math.random() * 15); // shuffles the Auth calls of racing requests
  });

  it('two admins approving one application at once: one store, one owner, one claims grant', async () => {
    for (let round = 0; round < 3; round += 1) {
      const applicant = `applicant-${round}`;
      auth.addUser(applicant);
      const { applicationId } = await call(submitPartnerApplication, APPLICATION_FORM, as.customer(applicant));
      const results = await Promise.allSettled([
        call(reviewPartnerApplication, { applicationId, decision: 'approve' }, as.admin('admin-a')),
        call(reviewPartnerApplication, { applicationId, decision: 'approve' }, as.admin('admin-b')),
      ]);
      assert.deepEqual(results.map(reasonOf).sort(), ['application_already_reviewed', 'fulfilled'], `round ${round}`);

      const stores = await db().collection('stores').get();
      assert.equal(stores.size, round + 1, 'one store per approved application');
      assert.equal((await db().doc(`stores/${applicationId}/private/profile`).get()).get('applicationId'), applicationId);
      const members = await db().collection(`stores/${applicationId}/members`).get();
      assert.deepEqual(
        members.docs.map((doc) => doc.id),
        [applicant],
      );
      const user = (await db().doc(`users/${applicant}`).get()).data()!;
      assert.equal(user.membershipVersion, 1);
      assert.equal(user.claimsVersion, 1);
      assert.deepEqual(auth.claimsOf(applicant), { stores: { [applicationId]: 'owner' } });
      const grants = auth.claimsWrites.filter((write) => write.uid === applicant);
      assert.equal(grants.length, 1);
    }
  });

  it('approve racing reject: exactly one decision stands', async () => {
    for (let round = 0; round < 3; round += 1) {
      const applicant = `applicant-${round}`;
      auth.addUser(applicant);
      const { applicationId } = await call(submitPartnerApplication, APPLICATION_FORM, as.customer(applicant));
      const [approve, reject] = await Promise.allSettled([
        call(reviewPartnerApplication, { applicationId, decision: 'approve' }, as.admin('admin-a')),
        call(reviewPartnerApplication, { applicationId, decision: 'reject', note: '중복' }, as.admin('admin-b')),
      ]);
      const status = (await db().doc(`partnerApplications/${applicationId}`).get()).get('status');
      const storeExists = (await db().doc(`stores/${applicationId}`).get()).exists;
      if (approve.status === 'fulfilled') {
        assert.equal(reasonOf(reject), 'application_already_reviewed');
        assert.equal(status, 'approved');
        assert.equal(storeExists, true);
      } else {
        assert.equal(reasonOf(approve), 'application_already_reviewed');
        assert.equal(status, 'rejected');
        assert.equal(storeExists, false);
        assert.deepEqual(auth.claimsOf(applicant), {});
      }
    }
  });

  it('one user submitting two different applications at once: one pending application', async () => {
    auth.addUser('applicant-x');
    const results = await Promise.allSettled([
      call(submitPartnerApplication, APPLICATION_FORM, as.customer('applicant-x')),
      call(submitPartnerApplication, { ...APPLICATION_FORM, storeName: '고카페인 2호점' }, as.customer('applicant-x')),
    ]);
    assert.deepEqual(results.map(reasonOf).sort(), ['application_pending', 'fulfilled']);
    assert.equal((await db().collection('partnerApplications').get()).size, 1);
  });

  describe('members', () => {
    beforeEach(async () => {
      await seedStore(STORE_ID);
      await seedStore(OTHER_STORE_ID);
      await seedMember(auth, STORE_ID, OWNER, 'owner');
      await seedMember(auth, OTHER_STORE_ID, `owner-of-${OTHER_STORE_ID}`, 'owner');
      auth.addUser(BARISTA, 'barista@example.com');
    });

    const invite = async (storeId: string, email: string, role: string, inviter = auth.tokenOf(OWNER)) =>
      (await call(inviteStoreMember, { storeId, email, role }, inviter)).invitationId as string;

    it('the same invitation accepted twice at once: one membership, one mirror change', async () => {
      const invitationId = await invite(STORE_ID, 'barista@example.com', 'staff');
      const results = await Promise.all([
        call(acceptStoreInvitation, { invitationId }, auth.tokenOf(BARISTA)),
        call(acceptStoreInvitation, { invitationId }, auth.tokenOf(BARISTA)),
      ]);
      assert.deepEqual(results.map((result) => result.accepted).sort(), [false, true]);
      const members = await db().collection(`stores/${STORE_ID}/members`).where('uid', '==', BARISTA).get();
      assert.equal(members.size, 1);
      const user = (await db().doc(`users/${BARISTA}`).get()).data()!;
      assert.equal(user.membershipVersion, 1, 'the mirror changed once');
      assert.deepEqual(auth.claimsOf(BARISTA), { stores: { [STORE_ID]: 'staff' } });
    });

    it('accept racing revoke: either a member with an accepted invitation, or neither', async () => {
      for (let round = 0; round < 8; round += 1) {
        const uid = `racer-${round}`;
        auth.addUser(uid, `${uid}@example.com`);
        const invitationId = await invite(STORE_ID, `${uid}@example.com`, 'staff');
        const [accept, revoke] = await Promise.allSettled([
          call(acceptStoreInvitation, { invitationId }, auth.tokenOf(uid)),
          call(revokeStoreInvitation, { invitationId }, auth.tokenOf(OWNER)),
        ]);
        const status = (await db().doc(`storeInvitations/${invitationId}`).get()).get('status');
        const member = (await db().doc(`stores/${STORE_ID}/members/${uid}`).get()).exists;
        if (accept.status === 'fulfilled') {
          assert.equal(reasonOf(revoke), 'invitation_already_accepted', `round ${round}`);
          assert.equal(status, 'accepted');
          assert.equal(member, true);
          assert.deepEqual(auth.claimsOf(uid), { stores: { [STORE_ID]: 'staff' } });
        } else {
          assert.equal(reasonOf(accept), 'invitation_revoked', `round ${round}`);
          assert.equal(revoke.status, 'fulfilled');
          assert.equal(status, 'revoked');
          assert.equal(member, false);
          assert.equal((await db().doc(`users/${uid}`).get()).exists, false, 'no mirror written');
          assert.deepEqual(auth.claimsOf(uid), {});
        }
      }
    });

    it('the owner and an admin inviting one email at once: one invitation', async () => {
      const input = { storeId: STORE_ID, email: 'barista@example.com', role: 'staff' };
      const results = await Promise.all([call(inviteStoreMember, input, auth.tokenOf(OWNER)), call(inviteStoreMember, input, as.admin())]);
      assert.deepEqual(results.map((result) => result.created).sort(), [false, true]);
      assert.equal(results[0].invitationId, results[1].invitationId);
      assert.equal((await db().collection('storeInvitations').where('storeId', '==', STORE_ID).get()).size, 1);
    });

    it('one user accepting invitations of two stores at once: the claims end with both', async () => {
      for (let round = 0; round < 5; round += 1) {
        const uid = `hopper-${round}`;
        auth.addUser(uid, `${uid}@example.com`);
        const first = await invite(STORE_ID, `${uid}@example.com`, 'staff');
        const second = await invite(OTHER_STORE_ID, `${uid}@example.com`, 'owner', auth.tokenOf(`owner-of-${OTHER_STORE_ID}`));
        await Promise.all([
          call(acceptStoreInvitation, { invitationId: first }, auth.tokenOf(uid)),
          call(acceptStoreInvitation, { invitationId: second }, auth.tokenOf(uid)),
        ]);
        const user = (await db().doc(`users/${uid}`).get()).data()!;
        assert.deepEqual(user.stores, { [STORE_ID]: 'staff', [OTHER_STORE_ID]: 'owner' }, `round ${round}`);
        assert.equal(user.membershipVersion, 2);
        assert.equal(user.claimsVersion, 2);
        assert.deepEqual(auth.claimsOf(uid), { stores: { [STORE_ID]: 'staff', [OTHER_STORE_ID]: 'owner' } }, `round ${round}`);
      }
    });

    it('two owners removing each other at once: one owner remains', async () => {
      for (let round = 0; round < 3; round += 1) {
        const coOwner = `co-owner-${round}`;
        const storeId = `duo-${round}`;
        await seedStore(storeId, {}, { members: false });
        await seedMember(auth, storeId, `first-${round}`, 'owner');
        await seedMember(auth, storeId, coOwner, 'owner');
        const results = await Promise.allSettled([
          call(removeStoreMember, { storeId, uid: coOwner }, auth.tokenOf(`first-${round}`)),
          call(removeStoreMember, { storeId, uid: `first-${round}` }, auth.tokenOf(coOwner)),
        ]);
        const owners = await db().collection(`stores/${storeId}/members`).where('role', '==', 'owner').get();
        assert.equal(owners.size, 1, `round ${round}: ${JSON.stringify(results.map(reasonOf))}`);
        // The loser is retried after the winner's commit and finds itself no longer a member.
        assert.deepEqual(results.map(reasonOf).sort(), ['fulfilled', 'not_store_member'], `round ${round}`);
        const survivor = owners.docs[0].id;
        assert.deepEqual(auth.claimsOf(survivor), { stores: { [storeId]: 'owner' } });
        const removed = survivor === coOwner ? `first-${round}` : coOwner;
        assert.deepEqual(auth.claimsOf(removed), {});
      }
    });
  });
});
