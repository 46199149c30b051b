// Stores, menus and pricing. Pure: prices always come from the store's menu as read on the server,
// never from the client, and are integer KRW.

import type { BusyMode, StoreHours } from './hours';
import { Channel, OrderItem, OrderItemOption } from './order';
import { DomainError, Reason } from './reasons';

export interface Store {
  storeId: string;
  name: string;
  /** Approved and not suspended by an admin. */
  active: boolean;
  /** 영업중 (true) / 준비중 (false), set by the owner. */
  open: boolean;
  /** 일시정지: no new orders until this time (epoch ms), or null. */
  pausedUntil: number | null;
  channels: Channel[];
  deliveryFee: number;
  defaultPrepMinutes: number;
  /** 영업 마감 시각 0-6: orders before this hour belong to the previous business day (domain/businessDay.ts). Absent: 0. */
  closeoutHour?: number;
  /** Weekly hours and holidays (domain/hours.ts); absent or null: open whenever `open` is true. */
  hours?: StoreHours | null;
  /** 바쁨 모드: minutes added to the store page's wait until a time, or null. */
  busyMode?: BusyMode | null;
}

export interface OptionChoice {
  id: string;
  name: string;
  price: number;
}

export interface OptionGroup {
  groupId: string;
  name: string;
  required: boolean;
  maxSelect: number;
  choices: OptionChoice[];
}

export interface MenuItem {
  itemId: string;
  name: string;
  price: number;
  soldOut: boolean;
  options: OptionGroup[];
}

export interface RequestedItem {
  menuItemId: string;
  quantity: number;
  options?: { groupId: string; choiceIds: string[] }[];
}

/** Why this store can't take an order on this channel right now, or null if it can. */
export function storeRefusal(store: Store, channel: Channel, now: number): Reason | null {
  if (!store.active) return 'store_inactive';
  if (!store.open) return 'store_closed';
  if (store.pausedUntil !== null && now < store.pausedUntil) return 'store_paused';
  if (!store.channels.includes(channel)) return 'channel_not_offered';
  return null;
}

/** Prices one requested line against the menu. Throws DomainError with the offending item. */
export function priceItem(requested: RequestedItem, menuItem: MenuItem | undefined): OrderItem {
  const at = { menuItemId: requested.menuItemId };
  if (!menuItem) throw new DomainError('menu_item_not_found', at);
  if (menuItem.soldOut) throw new DomainError('menu_item_sold_out', at);

  const requestedGroups = requested.options ?? [];
  const seenGroups = new Set<string>();
  for (const selection of requestedGroups) {
    if (!menuItem.options.some((group) => group.groupId === selection.groupId)) {
      throw new DomainError('unknown_option', { ...at, groupId: selection.groupId });
    }
    if (seenGroups.has(selection.groupId)) {
      throw new DomainError('option_choice_count', { ...at, groupId: selection.groupId });
    }
    seenGroups.add(selection.groupId);
  }

  const options: OrderItemOption[] = [];
  let unitPrice = menuItem.price;
  for (const group of menuItem.options) {
    const choiceIds = requestedGroups.find((selection) => selection.groupId === group.groupId)?.choiceIds ?? [];
    const min = group.required ? 1 : 0;
    const distinct = new Set(choiceIds);
    if (distinct.size !== choiceIds.length || choiceIds.length < min || choiceIds.length > group.maxSelect) {
      throw new DomainError('option_choice_count', {
        ...at,
        groupId: group.groupId,
        min,
        max: group.maxSelect,
      });
    }
    if (choiceIds.length === 0) continue;
    const choices = choiceIds.map((choiceId) => {
      const choice = group.choices.find((candidate) => candidate.id === choiceId);
      if (!choice) throw new DomainError('unknown_option', { ...at, groupId: group.groupId, choiceId });
      return { id: choice.id, name: choice.name, price: choice.price };
    });
    unitPrice += choices.reduce((sum, choice) => sum + choice.price, 0);
    options.push({ groupId: group.groupId, groupName: group.name, choices });
  }

  return {
    menuItemId: menuItem.itemId,
    name: menuItem.name,
    unitPrice,
    quantity: requested.quantity,
    options,
    lineTotal: unitPrice * requested.quantity,
  };
}

export interface PricedOrder {
  items: OrderItem[];
  subtotal: number;
  deliveryFee: number;
  total: number;
}

export function priceOrder(store: Store, channel: Channel, requested: RequestedItem[], menu: ReadonlyMap<string, MenuItem>): PricedOrder {
  const items = requested.map((line) => priceItem(line, menu.get(line.menuItemId)));
  const subtotal = items.reduce((sum, item) => sum + item.lineTotal, 0);
  const deliveryFee = channel === 'delivery' ? store.deliveryFee : 0;
  return { items, subtotal, deliveryFee, total: subtotal + deliveryFee };
}

/** The business day an instant belongs to, as YYYY-MM-DD in Asia/Seoul. */
export function seoulBusinessDate(epochMs: number): string {
  // Korea has had no daylight saving time since 1988, but Intl keeps this right regardless.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Seoul',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(epochMs));
}
