// The menu callables: parse, run the use case in app/menu.ts, answer.
import { deleteMenuItemHandler, setMenuItemSoldOutHandler, upsertMenuItemHandler } from '../app/menu';
import { menuItemInput, setMenuItemSoldOutInput, upsertMenuItemInput } from '../boundary/storeSchemas';
import { defineCallable } from './shell';

export const upsertMenuItem = /* @__PURE__ */ defineCallable('upsertMenuItem', upsertMenuItemInput, upsertMenuItemHandler);

export const deleteMenuItem = /* @__PURE__ */ defineCallable('deleteMenuItem', menuItemInput, deleteMenuItemHandler);

export const setMenuItemSoldOut = /* @__PURE__ */ defineCallable('setMenuItemSoldOut', setMenuItemSoldOutInput, setMenuItemSoldOutHandler);
