// Business days: the Asia/Seoul calendar day an order belongs to, shifted by the store's closeout
// hour. A store that closes at 02:00 sets closeoutHour 2, and an order placed at 01:30 belongs to
// the previous day, for its order number (placeOrder's daily counter) and for the sales summary.
// Pure: no Firebase imports.
import { seoulBusinessDate } from './menu';

/** A business day may end at most this many hours after midnight (issue 16). */
export const MAX_CLOSEOUT_HOUR = 6;
export const DEFAULT_CLOSEOUT_HOUR = 0;
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * The business day (YYYY-MM-DD) of an instant for a store with this closeout hour. Korea has had
 * no daylight saving time since 1988, so shifting by whole hours before taking the Seoul date is exact.
 */
export function businessDateOf(epochMs: number, closeoutHour: number = DEFAULT_CLOSEOUT_HOUR): string {
  return seoulBusinessDate(epochMs - normalizedCloseoutHour(closeoutHour) * HOUR_MS);
}

/** A stored value outside 0..6 (or missing) falls back to midnight rather than misfiling orders. */
export function normalizedCloseoutHour(value: unknown): number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_CLOSEOUT_HOUR
    ? (value as number)
    : DEFAULT_CLOSEOUT_HOUR;
}

/** The hour of day (0-23) of an instant on the Seoul clock (UTC+9, no DST). */
export function seoulHourOf(epochMs: number): number {
  return new Date(epochMs + 9 * HOUR_MS).getUTCHours();
}

/** "YYYY-MM-DD HH:mm:ss" on the Seoul clock, for exports a person reads. */
export function seoulDateTime(epochMs: number): string {
  return new Date(epochMs + 9 * HOUR_MS).toISOString().slice(0, 19).replace('T', ' ');
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(ms).toISOString().slice(0, 10) === value;
}

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

/** Days from `from` to `to` inclusive (1 when equal); 0 or less when `to` is before `from`. */
export function daysInRange(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from) + 1;
}

/** Every calendar date from `from` to `to`, inclusive, in order. */
export function datesInRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let n = dayNumber(from); n <= dayNumber(to); n += 1) out.push(new Date(n * DAY_MS).toISOString().slice(0, 10));
  return out;
}
