// Opening hours, pause and busy mode, by the owner (or an admin): docs/hours.md. Authority comes
// from the membership document read in the same transaction as the store, not from a claim.
// placeOrder reads these fields in its own transaction (domain/storeHours.ts hoursRefusal).
import type { Transaction } from 'firebase-admin/firestore';
import type { z } from 'zod/mini';
import * as logger from 'firebase-functions/logger';
import { Caller, isAdmin } from './caller';
import { HOURS_LIMITS } from '../domain/hours';
import { isStoreRole, storeActionDenial } from '../domain/permissions';
import { DomainError } from '../domain/reasons';
import { pauseUntilProblem, StoreProfile, storeView, StoreView } from '../domain/store';
import { now } from '../infra/clock';
import { db } from '../infra/firestore';
import { memberRef, storePrivateRef, storeProfileFromSnapshot, storeRef, storeToStored } from '../infra/stores';
import { pauseStoreInput, resumeStoreInput, setBusyModeInput, setStoreHoursInput } from '../boundary/storeHoursSchemas';
import { LOG_EVENTS } from '../logEvents';

/** The store, once the caller's membership (read in this transaction) allows managing it. */
async function managedStore(tx: Transaction, caller: Caller, storeId: string): Promise<StoreProfile> {
  // The private profile only fills the returned view (phone, address); these callables never write it.
  const [storeSnapshot, privateSnapshot, memberSnapshot] = await tx.getAll(
    storeRef(storeId),
    storePrivateRef(storeId),
    memberRef(storeId, caller.uid),
  );
  const role: unknown = memberSnapshot.exists ? memberSnapshot.get('role') : null;
  const denial = storeActionDenial(isStoreRole(role) ? role : null, isAdmin(caller), 'manage_store');
  if (denial) throw new DomainError(denial, { storeId });
  if (!storeSnapshot.exists) throw new DomainError('store_not_found', { storeId });
  return storeProfileFromSnapshot(storeSnapshot, privateSnapshot);
}

type Patch = Pick<Partial<StoreProfile>, 'hours' | 'pausedUntil' | 'busyMode'>;

/** Authorizes, builds the patch and writes it with updatedAt; a patch that changes nothing writes nothing. */
async function updateManagedStore(
  caller: Caller,
  storeId: string,
  build: (store: StoreProfile, at: number) => Patch,
): Promise<{ view: StoreView; changed: string[] }> {
  return db().runTransaction(async (tx) => {
    const store = await managedStore(tx, caller, storeId);
    const at = now();
    const patch = build(store, at);
    const changed = (Object.keys(patch) as (keyof Patch)[]).filter(
      (key) => JSON.stringify(patch[key] ?? null) !== JSON.stringify(store[key] ?? null),
    );
    if (changed.length === 0) return { view: storeView(store, at), changed };
    tx.update(storeRef(storeId), storeToStored({ ...patch, updatedAt: at }));
    return { view: storeView({ ...store, ...patch, updatedAt: at }, at), changed };
  });
}

const fieldError = (path: string, message: string) => new DomainError('invalid_argument', { fields: [{ path, message }] });

export async function setStoreHoursHandler(input: z.output<typeof setStoreHoursInput>, caller: Caller) {
  const { view, changed } = await updateManagedStore(caller, input.storeId, () => ({
    hours: input.weekly === null && input.holidays.length === 0 ? null : { weekly: input.weekly, holidays: input.holidays },
  }));
  logger.info(LOG_EVENTS.storeHoursSet, { storeId: input.storeId, changed, status: view.status, byUid: caller.uid });
  return view;
}

export async function pauseStoreHandler(input: z.output<typeof pauseStoreInput>, caller: Caller) {
  const { view, changed } = await updateManagedStore(caller, input.storeId, (_store, at) => {
    const pausedUntil = input.until ?? at + input.minutes! * 60_000;
    const problem = pauseUntilProblem(pausedUntil, at);
    if (problem) throw fieldError(input.until !== undefined ? 'until' : 'minutes', problem);
    return { pausedUntil };
  });
  logger.info(LOG_EVENTS.storePaused, { storeId: input.storeId, changed, pausedUntil: view.pausedUntil, byUid: caller.uid });
  return view;
}

export async function resumeStoreHandler(input: z.output<typeof resumeStoreInput>, caller: Caller) {
  const { view, changed } = await updateManagedStore(caller, input.storeId, () => ({ pausedUntil: null }));
  logger.info(LOG_EVENTS.storeResumed, { storeId: input.storeId, changed, byUid: caller.uid });
  return view;
}

export async function setBusyModeHandler(input: z.output<typeof setBusyModeInput>, caller: Caller) {
  const { view, changed } = await updateManagedStore(caller, input.storeId, (_store, at) => {
    if (input.addMinutes === 0) return { busyMode: null };
    const endsAt = input.until!;
    if (endsAt <= at) throw fieldError('until', '바쁨 모드 종료 시간은 현재 이후여야 합니다.');
    if (endsAt > at + HOURS_LIMITS.maxBusyMs) throw fieldError('until', '바쁨 모드는 최대 24시간까지 설정할 수 있습니다.');
    return { busyMode: { addMinutes: input.addMinutes, endsAt } };
  });
  logger.info(LOG_EVENTS.storeBusyModeSet, { storeId: input.storeId, changed, busyMode: view.busyMode, byUid: caller.uid });
  return view;
}
