// Firestore layout of stores and their menus:
//   stores/{storeId}                              the store (docs/orders.md "Data model", docs/onboarding.md)
//   stores/{storeId}/menuItems/{itemId}           one menu item with its option groups
//   stores/{storeId}/orderCounters/{YYYY-MM-DD}   { last } — the day's order-number sequence
//   stores/{storeId}/members/{uid}                { uid, storeId, role, ... } — who may manage the store
//   stores/{storeId}/private/profile              phone, address, ownerUid, businessNumber, applicationId:
//                                                 members and admins only (the store document is public)
//   stores/{storeId}/memberContacts/{uid}         { uid, storeId, email } — owners (and the member) only
import type { DocumentReference, DocumentSnapshot, Transaction } from 'firebase-admin/firestore';
import { normalizedCloseoutHour } from '../domain/businessDay';
import { MenuItem, Store } from '../domain/menu';
import { MenuItemDetails } from '../domain/menuRules';
import { isStoreRole, StoreRole } from '../domain/permissions';
import { PrivateStoreProfile, splitStoreProfile, StoreProfile } from '../domain/store';
import { db, firestore, fromStored, toStored } from './firestore';

export const STORES = 'stores';
export const MENU_ITEMS = 'menuItems';
export const ORDER_COUNTERS = 'orderCounters';
export const MEMBERS = 'members';
export const STORE_PRIVATE = 'private';
export const STORE_PRIVATE_PROFILE = 'profile';
export const MEMBER_CONTACTS = 'memberContacts';

export function storeRef(storeId: string): DocumentReference {
  return db().collection(STORES).doc(storeId);
}

export function menuItemRef(storeId: string, itemId: string): DocumentReference {
  return storeRef(storeId).collection(MENU_ITEMS).doc(itemId);
}

export function orderCounterRef(storeId: string, businessDate: string): DocumentReference {
  return storeRef(storeId).collection(ORDER_COUNTERS).doc(businessDate);
}

export function storeFromSnapshot(snapshot: DocumentSnapshot): Store {
  const data = fromStored<Partial<Store>>(snapshot.data());
  return {
    storeId: snapshot.id,
    name: data.name ?? '',
    active: data.active === true,
    open: data.open === true,
    pausedUntil: data.pausedUntil ?? null,
    channels: data.channels ?? [],
    deliveryFee: data.deliveryFee ?? 0,
    defaultPrepMinutes: data.defaultPrepMinutes ?? 10,
    closeoutHour: normalizedCloseoutHour(data.closeoutHour),
    hours: data.hours ?? null,
    busyMode: data.busyMode ?? null,
  };
}

export function menuItemFromSnapshot(snapshot: DocumentSnapshot): MenuItem {
  const data = fromStored<Partial<MenuItem>>(snapshot.data());
  return {
    itemId: snapshot.id,
    name: data.name ?? '',
    price: data.price ?? 0,
    soldOut: data.soldOut === true,
    options: data.options ?? [],
  };
}

export function memberRef(storeId: string, uid: string): DocumentReference {
  return storeRef(storeId).collection(MEMBERS).doc(uid);
}

/**
 * A membership document: the source of truth for the user's role at the store (claims mirror it).
 * Every member reads the member list, so it carries no email (see MemberContact).
 */
export interface Membership {
  storeId: string;
  uid: string;
  role: StoreRole;
  addedBy: string | null;
  /** The invitation the member accepted; null for the owner made by the application's approval. */
  invitationId?: string | null;
  createdAt: number;
  updatedAt: number;
}

export function membershipFromSnapshot(snapshot: DocumentSnapshot): Membership {
  return fromStored<Membership>(snapshot.data());
}

/** A member's sign-in email, apart from the membership so that staff do not read each other's. */
export interface MemberContact {
  storeId: string;
  uid: string;
  email: string;
}

export function memberContactRef(storeId: string, uid: string): DocumentReference {
  return storeRef(storeId).collection(MEMBER_CONTACTS).doc(uid);
}

/**
 * The user's role at the store from their membership document, read in the caller's transaction:
 * the authority of every store write. One document read, also for a non-member (a missing document).
 */
export async function readStoreRole(tx: Transaction, storeId: string, uid: string): Promise<StoreRole | null> {
  return storeRoleFromSnapshot(await tx.get(memberRef(storeId, uid)));
}

/** The role a membership document grants; null for a missing document or an unknown role. */
export function storeRoleFromSnapshot(snapshot: DocumentSnapshot): StoreRole | null {
  if (!snapshot.exists) return null;
  const role: unknown = snapshot.get('role');
  return isStoreRole(role) ? role : null;
}

/** The members-only part of a store (domain/store.ts PRIVATE_STORE_FIELDS). */
export function storePrivateRef(storeId: string): DocumentReference {
  return storeRef(storeId).collection(STORE_PRIVATE).doc(STORE_PRIVATE_PROFILE);
}

/** The whole store as its owner manages it, from the public store document and its private profile. */
export function storeProfileFromSnapshot(snapshot: DocumentSnapshot, privateSnapshot?: DocumentSnapshot): StoreProfile {
  const data = fromStored<Partial<StoreProfile>>(snapshot.data());
  const secret = fromStored<Partial<PrivateStoreProfile>>(privateSnapshot?.data() ?? {});
  return {
    ...storeFromSnapshot(snapshot),
    phone: secret.phone ?? null,
    address: secret.address ?? null,
    ownerUid: secret.ownerUid ?? null,
    businessNumber: secret.businessNumber ?? null,
    applicationId: secret.applicationId ?? null,
    createdAt: data.createdAt ?? null,
    updatedAt: data.updatedAt ?? null,
  };
}

/** Creates a new store's public document and its private profile, in the caller's transaction. */
export function createStore(tx: Transaction, store: StoreProfile): void {
  const { publicFields, privateFields } = splitStoreProfile(store);
  tx.create(storeRef(store.storeId), storeToStored(publicFields));
  tx.create(storePrivateRef(store.storeId), toStored({ ...privateFields, updatedAt: store.updatedAt }) as Record<string, unknown>);
}

/**
 * Stored fields of a store. `pausedUntil` predates the `...At` naming convention, so it is
 * converted here: stored as a Timestamp like every other time (storeFromSnapshot reads both).
 */
export function storeToStored(store: Partial<StoreProfile>): Record<string, unknown> {
  const { storeId: _omit, pausedUntil, ...fields } = store;
  const stored = toStored(fields) as Record<string, unknown>;
  if (pausedUntil !== undefined) {
    stored.pausedUntil = pausedUntil === null ? null : firestore().Timestamp.fromMillis(pausedUntil);
  }
  return stored;
}

export function menuItemDetailsFromSnapshot(snapshot: DocumentSnapshot): MenuItemDetails {
  const data = fromStored<Partial<MenuItemDetails>>(snapshot.data());
  return {
    ...menuItemFromSnapshot(snapshot),
    category: data.category ?? null,
    description: data.description ?? null,
    createdAt: data.createdAt ?? 0,
    updatedAt: data.updatedAt ?? 0,
  };
}
