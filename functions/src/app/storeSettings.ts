// Store settings, by the owner: 영업중 / 준비중 / 일시정지 (setStoreStatus) and the store's details
// (updateStore). placeOrder reads these fields in its own transaction (domain/menu.ts storeRefusal).
import * as logger from 'firebase-functions/logger';
import type { z } from 'zod/mini';
import { Caller, requireStoreAction } from './caller';
import { DomainError } from '../domain/reasons';
import { pauseUntilProblem, splitStoreProfile, StoreProfile, storeView, StoreView } from '../domain/store';
import { now } from '../infra/clock';
import { db, toStored } from '../infra/firestore';
import { readStoreRole, storePrivateRef, storeProfileFromSnapshot, storeRef, storeToStored } from '../infra/stores';
import { setStoreStatusInput, updateStoreInput } from '../boundary/storeSchemas';
import { LOG_EVENTS } from '../logEvents';

/**
 * Reads the caller's membership and the store, applies the patch the builder returns and writes it
 * with updatedAt, in one transaction. A patch that changes nothing writes nothing, so a retried
 * call is a no-op.
 */
async function updateStoreFields(
  caller: Caller,
  storeId: string,
  build: (store: StoreProfile, at: number) => Partial<StoreProfile>,
): Promise<{ view: StoreView; changed: string[] }> {
  return db().runTransaction(async (tx) => {
    requireStoreAction(caller, await readStoreRole(tx, storeId, caller.uid), storeId, 'manage_store');
    // The public store document and its members-only profile (phone, address, business number).
    const [snapshot, privateSnapshot] = await tx.getAll(storeRef(storeId), storePrivateRef(storeId));
    if (!snapshot.exists) throw new DomainError('store_not_found', { storeId });
    const store = storeProfileFromSnapshot(snapshot, privateSnapshot);
    const at = now();
    const patch = build(store, at);
    const changed = (Object.keys(patch) as (keyof StoreProfile)[]).filter(
      (key) => JSON.stringify(patch[key]) !== JSON.stringify(store[key]),
    );
    if (changed.length === 0) return { view: storeView(store, at), changed };
    const changedPatch = Object.fromEntries(changed.map((key) => [key, patch[key]])) as Partial<StoreProfile>;
    const { publicFields, privateFields } = splitStoreProfile(changedPatch);
    // updatedAt on the public document too: the app shows the store's last change.
    tx.update(storeRef(storeId), storeToStored({ ...publicFields, updatedAt: at }));
    if (Object.keys(privateFields).length > 0) {
      tx.set(storePrivateRef(storeId), toStored({ ...privateFields, updatedAt: at }) as Record<string, unknown>, { merge: true });
    }
    return { view: storeView({ ...store, ...patch, updatedAt: at }, at), changed };
  });
}

export async function setStoreStatusHandler(input: z.output<typeof setStoreStatusInput>, caller: Caller) {
  const { view, changed } = await updateStoreFields(caller, input.storeId, (_store, at) => {
    const pausedUntil = input.pausedUntil ?? null;
    if (pausedUntil !== null) {
      const problem = pauseUntilProblem(pausedUntil, at);
      if (problem) throw new DomainError('invalid_argument', { fields: [{ path: 'pausedUntil', message: problem }] });
    }
    return { open: input.open, pausedUntil };
  });
  logger.info(LOG_EVENTS.storeStatusSet, { storeId: input.storeId, status: view.status, changed, byUid: caller.uid });
  return view;
}

export async function updateStoreHandler(input: z.output<typeof updateStoreInput>, caller: Caller) {
  const { storeId, ...fields } = input;
  const patch = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  const { view, changed } = await updateStoreFields(caller, storeId, () => patch);
  logger.info(LOG_EVENTS.storeUpdated, { storeId, changed, byUid: caller.uid });
  return view;
}
