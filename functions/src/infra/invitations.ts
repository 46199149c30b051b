// Firestore layout of store invitations (docs/onboarding.md "Invitations"):
//   storeInvitations/{invitationId}   one per (store, email), see domain/invitations.ts. Read by the
//                                     invitee (verified email == email) and the store's owners.
import type { DocumentReference, DocumentSnapshot } from 'firebase-admin/firestore';
import { Invitation } from '../domain/invitations';
import { db, fromStored, toStored } from './firestore';

export const STORE_INVITATIONS = 'storeInvitations';

export function invitationRef(invitationId: string): DocumentReference {
  return db().collection(STORE_INVITATIONS).doc(invitationId);
}

export function invitationFromSnapshot(snapshot: DocumentSnapshot): Invitation {
  return { ...fromStored<Omit<Invitation, 'invitationId'>>(snapshot.data()), invitationId: snapshot.id };
}

export function invitationToStored(invitation: Invitation): Record<string, unknown> {
  const { invitationId: _omit, ...fields } = invitation;
  return toStored(fields) as Record<string, unknown>;
}
