// The store as its owner manages it: the ordering fields placeOrder reads (menu.ts `Store`) plus
// contact details and where it came from. Pure; times are epoch ms.
import { storeStateAt } from './hours';
import { Store } from './menu';

export interface StoreAddress {
  postalCode: string;
  address1: string;
  address2: string | null;
}

export interface StoreProfile extends Store {
  phone: string | null;
  address: StoreAddress | null;
  /** The applicant whose approved application created the store (owner of record). Access comes from members. */
  ownerUid: string | null;
  businessNumber: string | null;
  applicationId: string | null;
  createdAt: number | null;
  updatedAt: number | null;
}

/** 영업중 / 준비중 / 일시정지, and 운영중지 when an admin has deactivated the store. */
export const STORE_STATUS_LABELS = {
  open: '영업중',
  closed: '준비중',
  paused: '일시정지',
  inactive: '운영중지',
} as const;
export type StoreStatus = keyof typeof STORE_STATUS_LABELS;

/** A new store starts with this prep time until the owner sets one. */
export const DEFAULT_PREP_MINUTES = 10;
/** 일시정지 is a short break in a business day; longer closures are 준비중. */
export const MAX_PAUSE_MS = 24 * 60 * 60 * 1000;

/** The status customers see, in the same order of precedence as placeOrder's refusal. */
export function storeStatusOf(store: Pick<Store, 'active' | 'open' | 'pausedUntil'>, now: number): StoreStatus {
  if (!store.active) return 'inactive';
  if (!store.open) return 'closed';
  if (store.pausedUntil !== null && now < store.pausedUntil) return 'paused';
  return 'open';
}

/** Why a requested pause end is not acceptable (a Korean message for the field), or null. */
export function pauseUntilProblem(pausedUntil: number, now: number): string | null {
  if (pausedUntil <= now) return '일시정지 종료 시간은 현재 이후여야 합니다.';
  if (pausedUntil > now + MAX_PAUSE_MS) return '일시정지는 최대 24시간까지 설정할 수 있습니다.';
  return null;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** The store as the store callables return it: JSON-safe, ISO-8601 times, with the status label. */
export function storeView(store: StoreProfile, now: number) {
  // The hours decide too (domain/hours.ts); without hours this equals storeStatusOf.
  const state = storeStateAt(store, now);
  const status: StoreStatus = state.status;
  return {
    storeId: store.storeId,
    name: store.name,
    active: store.active,
    open: store.open,
    pausedUntil: status === 'paused' ? iso(store.pausedUntil) : null,
    status,
    statusLabel: STORE_STATUS_LABELS[status],
    channels: store.channels,
    deliveryFee: store.deliveryFee,
    defaultPrepMinutes: store.defaultPrepMinutes,
    closeoutHour: store.closeoutHour ?? 0,
    hours: store.hours ?? null,
    busyMode: store.busyMode ? { addMinutes: store.busyMode.addMinutes, endsAt: new Date(store.busyMode.endsAt).toISOString() } : null,
    /** Now, from the hours, pause and busy mode: why, the next change (ISO), a Korean sentence, the wait. */
    now: {
      reason: state.reason,
      message: state.message,
      opensAt: iso(state.opensAt),
      closesAt: iso(state.closesAt),
      waitMinutes: state.waitMinutes,
      busyUntil: iso(state.busyUntil),
    },
    phone: store.phone,
    address: store.address,
    businessNumber: store.businessNumber,
    updatedAt: iso(store.updatedAt),
  };
}
export type StoreView = ReturnType<typeof storeView>;

/**
 * Fields of a store that only its members and admins read: they live in stores/{id}/private/profile,
 * not in the public store document every visitor reads (a customer's store page needs none of them).
 */
export const PRIVATE_STORE_FIELDS = ['phone', 'address', 'ownerUid', 'businessNumber', 'applicationId'] as const;
export type PrivateStoreField = (typeof PRIVATE_STORE_FIELDS)[number];
export type PrivateStoreProfile = Pick<StoreProfile, PrivateStoreField>;

/** Splits a store (or a patch of one) into its public and private parts; absent fields stay absent. */
export function splitStoreProfile<T extends Partial<StoreProfile>>(
  store: T,
): { publicFields: Omit<T, PrivateStoreField>; privateFields: Pick<T, PrivateStoreField & keyof T> } {
  const publicFields: Record<string, unknown> = {};
  const privateFields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(store)) {
    if ((PRIVATE_STORE_FIELDS as readonly string[]).includes(key)) privateFields[key] = value;
    else publicFields[key] = value;
  }
  return {
    publicFields: publicFields as Omit<T, PrivateStoreField>,
    privateFields: privateFields as Pick<T, PrivateStoreField & keyof T>,
  };
}
