// Firestore layout of the per-user document (the custom-claims sync is app/partnerClaims.ts):
//   users/{uid}  { stores: {storeId: role}, admin, membershipVersion, claimsVersion, claimsUpdatedAt,
//                  pendingApplicationId, updatedAt }
// `stores` mirrors the user's membership documents (stores/{storeId}/members/{uid}) and is written in
// the same transaction as every membership change, with `membershipVersion` + 1. `admin` is the
// source of the `admin` claim (setAdmin, also + 1). After the
// transaction commits, syncPartnerClaims() copies it into the user's custom claims and then stamps
// `claimsVersion` and `claimsUpdatedAt`, which the app listens to: it then refreshes its ID token
// (getIdToken(true)) and sees its new access without signing in again.
import type { DocumentReference, DocumentSnapshot, Transaction } from 'firebase-admin/firestore';
import { isStoreRole, StoreRole } from '../domain/permissions';
import { db, fromStored, toStored } from './firestore';

export const USERS = 'users';

export interface UserRecord {
  uid: string;
  stores: Record<string, StoreRole>;
  /** Whether the user is a Gocafein operator: the only source of the `admin` claim. */
  admin: boolean;
  /** + 1 with every membership change and every change of `admin`. */
  membershipVersion: number;
  /** The membershipVersion the custom claims were last synced to. */
  claimsVersion: number;
  claimsUpdatedAt: number | null;
  /** The user's one pending partner application, if any. */
  pendingApplicationId: string | null;
}

export function userRef(uid: string): DocumentReference {
  return db().collection(USERS).doc(uid);
}

export function userFromSnapshot(snapshot: DocumentSnapshot): UserRecord {
  const data = fromStored<Partial<UserRecord>>(snapshot.data() ?? {});
  const stores = Object.fromEntries(
    Object.entries(data.stores ?? {}).filter((entry): entry is [string, StoreRole] => isStoreRole(entry[1])),
  );
  return {
    uid: snapshot.id,
    stores,
    admin: data.admin === true,
    membershipVersion: data.membershipVersion ?? 0,
    claimsVersion: data.claimsVersion ?? 0,
    claimsUpdatedAt: data.claimsUpdatedAt ?? null,
    pendingApplicationId: data.pendingApplicationId ?? null,
  };
}

/**
 * Writes the user document in the caller's transaction, from the snapshot read in it. Passing
 * `stores` replaces the whole mirror (removed stores disappear) and bumps membershipVersion.
 */
export function writeUser(
  tx: Transaction,
  snapshot: DocumentSnapshot,
  change: { stores?: Record<string, StoreRole>; admin?: boolean; pendingApplicationId?: string | null },
  at: number,
): void {
  const current = userFromSnapshot(snapshot);
  const fields: Record<string, unknown> = { updatedAt: at };
  if (change.stores) fields.stores = change.stores;
  if (change.admin !== undefined) fields.admin = change.admin;
  if (change.stores || change.admin !== undefined) fields.membershipVersion = current.membershipVersion + 1;
  if (change.pendingApplicationId !== undefined) fields.pendingApplicationId = change.pendingApplicationId;
  const stored = toStored(fields) as Record<string, unknown>;
  if (snapshot.exists) {
    tx.update(snapshot.ref, stored);
  } else {
    tx.set(snapshot.ref, {
      ...(toStored({ stores: {}, membershipVersion: 0, claimsVersion: 0, pendingApplicationId: null }) as object),
      ...stored,
    });
  }
}
