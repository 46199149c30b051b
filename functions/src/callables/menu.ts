// The menu callables: parse, run the use case in app/menu.ts, answer.
import { deleteMenuItemHandler, setMenuItemSoldOutHandler, upsertMenuItemHandler } from '../app/menu';
import { menuItemInput, setMenuItemSoldOutInput, upsertMenuItemInput } from '../boundary/storeSchemas';
import { defineCallable } from './shell';

export const upsertMenuItem = defineCallable('upsertMenuItem', upsertMenuItemInput, upsertMenuItemHandler);

export const deleteMenuItem = defineCallable('deleteMenuItem', menuItemInput, deleteMenuItemHandler);

export const setMenuItemSoldOut = defineCallable('setMenuItemSoldOut', setMenuItemSoldOutInput, setMenuItemSoldOutHandler);
