// Firestore layout of partner applications (입점신청):
//   partnerApplications/{applicationId}   the application (see docs/onboarding.md), readable by its
//                                         applicant and by admins (firestore.rules)
import type { DocumentReference, DocumentSnapshot } from 'firebase-admin/firestore';
import { PartnerApplication } from '../domain/partnerApplication';
import { db, fromStored, toStored } from './firestore';

export const PARTNER_APPLICATIONS = 'partnerApplications';

export function applicationRef(applicationId: string): DocumentReference {
  return db().collection(PARTNER_APPLICATIONS).doc(applicationId);
}

/** A fresh random id (Firestore's 20-character auto id); it also becomes the store's id. */
export function newApplicationId(): string {
  return db().collection(PARTNER_APPLICATIONS).doc().id;
}

export function applicationFromSnapshot(snapshot: DocumentSnapshot): PartnerApplication {
  return { ...fromStored<Omit<PartnerApplication, 'applicationId'>>(snapshot.data()), applicationId: snapshot.id };
}

export function applicationToStored(application: PartnerApplication): Record<string, unknown> {
  const { applicationId: _omit, ...fields } = application;
  return toStored(fields) as Record<string, unknown>;
}
