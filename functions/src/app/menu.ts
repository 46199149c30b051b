// The store's menu, by the owner: add or replace an item with its option groups, delete it, and mark
// it 품절. placeOrder prices orders from these documents (domain/menu.ts priceItem), so an item is
// only saved in a shape it can price (domain/menuRules.ts).
import * as logger from 'firebase-functions/logger';
import type { z } from 'zod/mini';
import type { Transaction } from 'firebase-admin/firestore';
import { Caller, requireStoreAction } from './caller';
import { MenuItemDetails } from '../domain/menuRules';
import { DomainError } from '../domain/reasons';
import { now } from '../infra/clock';
import { db, toStored } from '../infra/firestore';
import { MENU_ITEMS, menuItemDetailsFromSnapshot, menuItemRef, readStoreRole, storeRef } from '../infra/stores';
import { menuItemInput, setMenuItemSoldOutInput, upsertMenuItemInput } from '../boundary/storeSchemas';
import { LOG_EVENTS } from '../logEvents';

/** The caller's membership, read in the menu write's transaction, must allow managing the menu. */
async function requireMenuManager(tx: Transaction, caller: Caller, storeId: string): Promise<void> {
  requireStoreAction(caller, await readStoreRole(tx, storeId, caller.uid), storeId, 'manage_menu');
}

function menuItemToStored(item: MenuItemDetails): Record<string, unknown> {
  const { itemId: _omit, ...fields } = item;
  return toStored(fields) as Record<string, unknown>;
}

export interface UpsertMenuItemResult {
  itemId: string;
  created: boolean;
}

/**
 * Creates the item (a new id, or the one given) or replaces it whole. `soldOut` left out keeps the
 * current flag, so editing a sold-out item's price does not put it back on sale.
 */
export async function upsertMenuItemHandler(input: z.output<typeof upsertMenuItemInput>, caller: Caller): Promise<UpsertMenuItemResult> {
  const { storeId } = input;
  // Chosen once, outside the transaction, so a retried attempt writes the same document.
  const itemId = input.itemId ?? storeRef(storeId).collection(MENU_ITEMS).doc().id;

  const created = await db().runTransaction(async (tx) => {
    await requireMenuManager(tx, caller, storeId);
    if (!(await tx.get(storeRef(storeId))).exists) throw new DomainError('store_not_found', { storeId });
    const existingSnapshot = await tx.get(menuItemRef(storeId, itemId));
    const existing = existingSnapshot.exists ? menuItemDetailsFromSnapshot(existingSnapshot) : null;
    const at = now();
    const item: MenuItemDetails = {
      itemId,
      name: input.name,
      price: input.price,
      soldOut: input.soldOut ?? existing?.soldOut ?? false,
      options: input.options ?? [],
      category: input.category || null,
      description: input.description || null,
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
    };
    tx.set(menuItemRef(storeId, itemId), menuItemToStored(item));
    return existing === null;
  });

  logger.info(created ? LOG_EVENTS.menuItemCreated : LOG_EVENTS.menuItemUpdated, { storeId, itemId, byUid: caller.uid });
  return { itemId, created };
}

export async function deleteMenuItemHandler(input: z.output<typeof menuItemInput>, caller: Caller) {
  const { storeId, itemId } = input;
  // Orders keep their own copy of each line (name and prices), so deleting never changes one.
  const deleted = await db().runTransaction(async (tx) => {
    await requireMenuManager(tx, caller, storeId);
    const snapshot = await tx.get(menuItemRef(storeId, itemId));
    if (!snapshot.exists) return false;
    tx.delete(menuItemRef(storeId, itemId));
    return true;
  });
  logger.info(deleted ? LOG_EVENTS.menuItemDeleted : LOG_EVENTS.menuItemDeleteReplayed, { storeId, itemId, byUid: caller.uid });
  return { itemId, deleted };
}

export async function setMenuItemSoldOutHandler(input: z.output<typeof setMenuItemSoldOutInput>, caller: Caller) {
  const { storeId, itemId, soldOut } = input;
  const changed = await db().runTransaction(async (tx) => {
    await requireMenuManager(tx, caller, storeId);
    const snapshot = await tx.get(menuItemRef(storeId, itemId));
    if (!snapshot.exists) throw new DomainError('menu_item_not_found', { storeId, itemId });
    if (menuItemDetailsFromSnapshot(snapshot).soldOut === soldOut) return false;
    tx.update(menuItemRef(storeId, itemId), toStored({ soldOut, updatedAt: now() }) as Record<string, unknown>);
    return true;
  });
  logger.info(LOG_EVENTS.menuItemSoldOutSet, { storeId, itemId, soldOut, changed, byUid: caller.uid });
  return { itemId, soldOut };
}
