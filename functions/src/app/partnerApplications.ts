// 입점신청: a signed-in user applies for a store; an admin approves or rejects. Approval creates the
// store (closed), the owner's membership and the applicant's users/{uid} mirror in one transaction,
// then syncs the applicant's custom claims so the app shows the partner center button.
import * as logger from 'firebase-functions/logger';
import type { z } from 'zod/mini';
import { requireUsableAccount } from './account';
import { Caller, requireAdmin } from './caller';
import { fingerprint } from '../domain/ids';
import { ApplicationStatus, newApplication, review } from '../domain/partnerApplication';
import { MAX_STORES_PER_USER, memberAdditionDecision } from '../domain/permissions';
import { DomainError } from '../domain/reasons';
import { now } from '../infra/clock';
import { db, toStored } from '../infra/firestore';
import { applicationFromSnapshot, applicationRef, applicationToStored, newApplicationId } from '../infra/applications';
import { createStore, Membership, memberRef } from '../infra/stores';
import { syncPartnerClaimsAfterCommit } from './partnerClaims';
import { userFromSnapshot, userRef, writeUser } from '../infra/users';
import { reviewPartnerApplicationInput, SubmitPartnerApplicationInput } from '../boundary/storeSchemas';
import { LOG_EVENTS } from '../logEvents';

export interface SubmitPartnerApplicationResult {
  applicationId: string;
  status: ApplicationStatus;
}

export async function submitPartnerApplicationHandler(
  input: SubmitPartnerApplicationInput,
  caller: Caller,
): Promise<SubmitPartnerApplicationResult> {
  // Not from anonymous, disabled or deleted accounts, nor from an unverified email address.
  await requireUsableAccount(caller, 'apply');
  // A retry of the same submission returns the pending application instead of an error.
  const requestFingerprint = fingerprint(input);
  const { application, created } = await db().runTransaction(async (tx) => {
    // users/{uid} holds the pointer to the one pending application: every submission and review
    // of this user reads and writes it, so two submissions cannot both find it empty.
    const userSnapshot = await tx.get(userRef(caller.uid));
    const user = userFromSnapshot(userSnapshot);
    if (user.pendingApplicationId) {
      const pending = await tx.get(applicationRef(user.pendingApplicationId));
      if (pending.exists && pending.get('status') === 'pending') {
        if (pending.get('requestFingerprint') === requestFingerprint) {
          return { application: applicationFromSnapshot(pending), created: false };
        }
        throw new DomainError('application_pending', { applicationId: pending.id });
      }
    }
    if (Object.keys(user.stores).length >= MAX_STORES_PER_USER) {
      throw new DomainError('too_many_stores', { max: MAX_STORES_PER_USER });
    }
    const at = now();
    const fresh = newApplication(
      newApplicationId(),
      caller.uid,
      { ...input, address: { ...input.address, address2: input.address.address2 || null } },
      at,
    );
    tx.create(applicationRef(fresh.applicationId), { ...applicationToStored(fresh), requestFingerprint });
    writeUser(tx, userSnapshot, { pendingApplicationId: fresh.applicationId }, at);
    return { application: fresh, created: true };
  });
  logger.info(created ? LOG_EVENTS.partnerApplicationSubmitted : LOG_EVENTS.partnerApplicationSubmitReplayed, {
    applicationId: application.applicationId,
    uid: caller.uid,
  });
  return { applicationId: application.applicationId, status: application.status };
}

export interface ReviewPartnerApplicationResult {
  applicationId: string;
  status: ApplicationStatus;
  storeId: string | null;
}

export async function reviewPartnerApplicationHandler(
  input: z.output<typeof reviewPartnerApplicationInput>,
  caller: Caller,
): Promise<ReviewPartnerApplicationResult> {
  requireAdmin(caller);
  const { application, storeCreated } = await db().runTransaction(async (tx) => {
    const snapshot = await tx.get(applicationRef(input.applicationId));
    if (!snapshot.exists) throw new DomainError('application_not_found');
    const current = applicationFromSnapshot(snapshot);
    const applicantSnapshot = await tx.get(userRef(current.applicantUid));
    const applicant = userFromSnapshot(applicantSnapshot);
    const at = now();
    // Two admins approving at once: both read `pending`, one commits, the other's transaction
    // is retried, reads `approved` and is refused here. The store id is the application's, so
    // even a second commit could not make a second store.
    const outcome = review(current, input.decision, caller.uid, input.note || null, at);
    const pendingCleared = applicant.pendingApplicationId === current.applicationId ? { pendingApplicationId: null } : {};

    if (outcome.store) {
      const { storeId } = outcome.store;
      const addition = memberAdditionDecision(applicant.stores, storeId, 'owner');
      if (addition !== 'add') {
        throw new DomainError(addition === 'noop' ? 'application_already_reviewed' : addition, {
          max: MAX_STORES_PER_USER,
        });
      }
      const membership: Membership = {
        storeId,
        uid: current.applicantUid,
        role: 'owner',
        addedBy: caller.uid,
        createdAt: at,
        updatedAt: at,
      };
      createStore(tx, outcome.store); // public store document + members-only private profile
      tx.create(memberRef(storeId, current.applicantUid), toStored(membership) as Record<string, unknown>);
      writeUser(tx, applicantSnapshot, { stores: { ...applicant.stores, [storeId]: 'owner' }, ...pendingCleared }, at);
    } else if ('pendingApplicationId' in pendingCleared) {
      writeUser(tx, applicantSnapshot, pendingCleared, at);
    }
    const { application: reviewed } = outcome;
    tx.update(
      applicationRef(reviewed.applicationId),
      toStored({
        status: reviewed.status,
        updatedAt: reviewed.updatedAt,
        reviewedAt: reviewed.reviewedAt,
        reviewedBy: reviewed.reviewedBy,
        reviewNote: reviewed.reviewNote,
        storeId: reviewed.storeId,
      }) as Record<string, unknown>,
    );
    return { application: reviewed, storeCreated: outcome.store !== null };
  });

  logger.info(LOG_EVENTS.partnerApplicationReviewed, {
    applicationId: application.applicationId,
    storeId: application.storeId,
    status: application.status,
    applicantUid: application.applicantUid,
    reviewerUid: caller.uid,
  });
  if (storeCreated) {
    await syncPartnerClaimsAfterCommit(application.applicantUid, { storeId: application.storeId });
  }
  return { applicationId: application.applicationId, status: application.status, storeId: application.storeId };
}
