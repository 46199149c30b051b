// A store with a menu that has option groups, written straight to Firestore.
import { MenuItem, Store } from '../../src/domain/menu';
import { setDoc } from './database';

export const STORE_ID = 'store-a';
export const OTHER_STORE_ID = 'store-b';

export const MENU: MenuItem[] = [
  {
    itemId: 'americano',
    name: '아메리카노',
    price: 4000,
    soldOut: false,
    options: [
      {
        groupId: 'size',
        name: '사이즈',
        required: true,
        maxSelect: 1,
        choices: [
          { id: 'regular', name: '레귤러', price: 0 },
          { id: 'large', name: '라지', price: 500 },
        ],
      },
      {
        groupId: 'shot',
        name: '샷 추가',
        required: false,
        maxSelect: 2,
        choices: [
          { id: 'shot1', name: '샷 1개', price: 500 },
          { id: 'decaf', name: '디카페인 변경', price: 300 },
        ],
      },
    ],
  },
  { itemId: 'latte', name: '카페라떼', price: 4500, soldOut: false, options: [] },
  { itemId: 'beans', name: '원두 200g', price: 12000, soldOut: false, options: [] },
  { itemId: 'croissant', name: '크루아상', price: 3500, soldOut: true, options: [] },
];

/**
 * The store, its menu, and (unless `members: false`) the membership documents of the identities
 * `as.owner(storeId)` and `as.staff(storeId)` stand for: authority is the membership document,
 * so a token's claims alone act for nobody.
 */
export async function seedStore(
  storeId = STORE_ID,
  overrides: Partial<Store> = {},
  { members = true }: { members?: boolean } = {},
): Promise<void> {
  const { storeId: _id, ...store }: Store = {
    storeId,
    name: storeId === STORE_ID ? '고카페인 테스트점' : '다른 매장',
    active: true,
    open: true,
    pausedUntil: null,
    channels: ['dine_in', 'takeout', 'delivery'],
    deliveryFee: 3000,
    defaultPrepMinutes: 10,
    ...overrides,
  };
  await setDoc(`stores/${storeId}`, store);
  await Promise.all(MENU.map(({ itemId, ...item }) => setDoc(`stores/${storeId}/menuItems/${itemId}`, item)));
  if (!members) return;
  for (const role of ['owner', 'staff'] as const) await seedMembership(storeId, `${role}-of-${storeId}`, role);
}

/** A membership document alone (no users/{uid} mirror, no claims): what authorizes a store write. */
export async function seedMembership(storeId: string, uid: string, role: 'owner' | 'staff'): Promise<void> {
  await setDoc(`stores/${storeId}/members/${uid}`, { storeId, uid, role, addedBy: 'seed', createdAt: 0, updatedAt: 0 });
}

export const DELIVERY = {
  recipient: '김고객',
  phone: '010-1234-5678',
  postalCode: '06236',
  address1: '서울 강남구 테헤란로 123',
  address2: '4층',
};

let requestCounter = 0;
export function requestId(): string {
  requestCounter += 1;
  return `req-${Date.now()}-${requestCounter}`;
}
