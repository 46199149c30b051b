// 매출: the sales summary of a range of business days, and the orders export (CSV). Owners and
// admins only (staff process orders; the figures are the owner's business). Authority comes from
// the membership document read at request time, not from the token's claims (docs/sales.md).
import * as logger from 'firebase-functions/logger';
import { Caller, isAdmin } from './caller';
import { normalizedCloseoutHour } from '../domain/businessDay';
import { Order } from '../domain/order';
import { isStoreRole, storeActionDenial } from '../domain/permissions';
import { DomainError } from '../domain/reasons';
import { SalesSummary, summarizeDays } from '../domain/sales';
import { ordersCsv } from '../domain/salesExport';
import { exportBucket, exportUrlMinutes, paramValue } from '../config';
import { now } from '../infra/clock';
import { exportStorage } from '../infra/exportStorage';
import { db } from '../infra/firestore';
import { orderFromSnapshot } from '../infra/orders';
import { ordersOfBusinessDays, readSalesDays } from '../infra/salesDays';
import { memberRef, storeRef } from '../infra/stores';
import { LOG_EVENTS } from '../logEvents';

/**
 * Reads the caller's membership and the store in one round trip (admins skip the membership) and
 * throws unless the caller may see the store's sales. Returns the store's closeout hour.
 */
async function authorizeSales(caller: Caller, storeId: string): Promise<{ closeoutHour: number }> {
  const admin = isAdmin(caller);
  const refs = admin ? [storeRef(storeId)] : [storeRef(storeId), memberRef(storeId, caller.uid)];
  const [store, member] = await db().getAll(...refs);
  const role: unknown = member?.exists ? member.get('role') : null;
  const denial = storeActionDenial(isStoreRole(role) ? role : null, admin, 'view_sales');
  if (denial) throw new DomainError(denial, { storeId });
  if (!store.exists) throw new DomainError('store_not_found', { storeId });
  return { closeoutHour: normalizedCloseoutHour(store.get('closeoutHour')) };
}

/** A store and a range of business days, as boundary/salesSchemas.ts parses it. */
export interface SalesRangeInput {
  storeId: string;
  from: string;
  to: string;
}

export type SalesSummaryResult = SalesSummary & { storeId: string; closeoutHour: number };

export async function salesSummaryHandler(input: SalesRangeInput, caller: Caller): Promise<SalesSummaryResult> {
  const { closeoutHour } = await authorizeSales(caller, input.storeId);
  const days = await readSalesDays(input.storeId, input.from, input.to);
  const summary = summarizeDays(input.from, input.to, days);
  logger.info(LOG_EVENTS.salesSummary, {
    storeId: input.storeId,
    from: input.from,
    to: input.to,
    storedDays: days.size,
    byUid: caller.uid,
  });
  return { storeId: input.storeId, closeoutHour, ...summary };
}

// ---- exportOrders

/** Below this size the CSV comes back in the response; above it, as a signed Cloud Storage URL. */
export const INLINE_EXPORT_LIMIT_BYTES = 512 * 1024;
/** 92 busy days (300 a day) fit; more would strain one function's memory and time. */
export const MAX_EXPORT_ORDERS = 30_000;

export type ExportResult =
  | { storeId: string; from: string; to: string; rows: number; bytes: number; fileName: string; delivery: 'inline'; csv: string }
  | {
      storeId: string;
      from: string;
      to: string;
      rows: number;
      bytes: number;
      fileName: string;
      delivery: 'url';
      url: string;
      expiresAt: string;
    };

export async function exportOrdersHandler(input: SalesRangeInput, caller: Caller): Promise<ExportResult> {
  await authorizeSales(caller, input.storeId);
  const snapshot = await ordersOfBusinessDays(input.storeId, input.from, input.to, MAX_EXPORT_ORDERS + 1).get();
  if (snapshot.size > MAX_EXPORT_ORDERS) throw new DomainError('export_too_large', { maxOrders: MAX_EXPORT_ORDERS });
  const orders: Order[] = snapshot.docs.map(orderFromSnapshot);
  const csv = ordersCsv(orders);
  const content = Buffer.from(csv, 'utf8');
  const fileName = `주문내역_${input.from}_${input.to}.csv`;
  const base = { storeId: input.storeId, from: input.from, to: input.to, rows: orders.length, bytes: content.length, fileName };
  const log = { ...base, byUid: caller.uid };
  if (content.length <= INLINE_EXPORT_LIMIT_BYTES) {
    logger.info(LOG_EVENTS.salesExport, { ...log, delivery: 'inline' });
    return { ...base, delivery: 'inline', csv };
  }
  const at = now();
  const expiresAt = at + paramValue(exportUrlMinutes) * 60_000;
  const path = `exports/${input.storeId}/${input.from}_${input.to}_${at}.csv`;
  const url = await exportStorage(paramValue(exportBucket)).saveForDownload({
    path,
    content,
    contentType: 'text/csv; charset=utf-8',
    downloadName: fileName,
    expiresAt,
  });
  logger.info(LOG_EVENTS.salesExport, { ...log, delivery: 'url', path });
  return { ...base, delivery: 'url', url, expiresAt: new Date(expiresAt).toISOString() };
}
