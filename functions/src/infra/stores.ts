// Firestore layout of stores and their menus:
//   stores/{storeId}                              the store (see README "Store document")
//   stores/{storeId}/menuItems/{itemId}           one menu item with its option groups
//   stores/{storeId}/orderCounters/{YYYY-MM-DD}   { last } — the day's order-number sequence
import type { DocumentReference, DocumentSnapshot } from 'firebase-admin/firestore';
import { MenuItem, Store } from '../domain/menu';
import { db, fromStored } from './firestore';

export const STORES = 'stores';
export const MENU_ITEMS = 'menuItems';
export const ORDER_COUNTERS = 'orderCounters';

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
