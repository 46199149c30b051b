// Opening hours that run themselves: weekly hours, holidays, a pause that ends by itself, the
// owner's open/closed switch as an override, and the busy-mode wait. docs/hours.md.
//
// PURE AND SELF-CONTAINED (no imports): the contract generator copies this file verbatim into the
// client package (client/src/generated/hours.ts), so apps compute from the store document exactly
// what placeOrder decides. Times are epoch ms. Asia/Seoul is UTC+9 all year (no DST since 1988),
// so Seoul wall-clock time is plain arithmetic.

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEKDAY_LABELS: Record<Weekday, string> = { mon: '월', tue: '화', wed: '수', thu: '목', fri: '금', sat: '토', sun: '일' };

/**
 * One opening range of a day, Seoul wall-clock "HH:MM". A `close` at or before `open` runs past
 * midnight into the next day and still belongs to the day it opens (fri 18:00–02:00 is Friday's).
 * `open === close` is 24 hours from `open`.
 */
export interface HoursRange {
  open: string;
  close: string;
}
export type WeeklyHours = Record<Weekday, HoursRange[]>;

export interface StoreHours {
  /** null: no weekly hours, every day is open all day (the behaviour of stores before hours existed). */
  weekly: WeeklyHours | null;
  /** Seoul dates "YYYY-MM-DD" on which no range opens. */
  holidays: string[];
}

/** 바쁨 모드: the store page's wait grows by addMinutes until endsAt. */
export interface BusyMode {
  addMinutes: number;
  endsAt: number;
}

export const HOURS_LIMITS = { rangesPerDay: 4, holidays: 100, maxBusyMinutes: 60, maxBusyMs: 24 * 60 * 60 * 1000 } as const;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const SEOUL_OFFSET = 9 * 60 * MINUTE;
/** How far ahead the next opening is looked for (a year of holidays fits). */
const HORIZON_DAYS = 400;

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isTimeOfDay(value: string): boolean {
  return TIME_OF_DAY.test(value);
}

/** Minutes after midnight of an "HH:MM", or NaN. */
export function minutesOf(value: string): number {
  const match = TIME_OF_DAY.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
}

/** A real calendar date "YYYY-MM-DD". */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(ms).toISOString().slice(0, 10) === value;
}

/** Seoul day number (days since 1970-01-01 in Seoul) of an instant. */
export const seoulDay = (at: number): number => Math.floor((at + SEOUL_OFFSET) / DAY);
/** The instant Seoul day `day` starts (00:00 KST). */
export const seoulDayStart = (day: number): number => day * DAY - SEOUL_OFFSET;
/** "YYYY-MM-DD" of Seoul day `day`. */
export const seoulDateOfDay = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);
/** 1970-01-01 was a Thursday. */
export const weekdayOfDay = (day: number): Weekday => WEEKDAYS[(((day + 3) % 7) + 7) % 7];
/** "HH:MM" in Seoul. */
export function seoulClock(at: number): string {
  const minutes = Math.floor((at - seoulDayStart(seoulDay(at))) / MINUTE);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

type Interval = [start: number, end: number];

/** The ranges opening on Seoul day `day`, sorted by start. */
function rangesOpeningOn(hours: StoreHours | null, day: number): Interval[] {
  if (hours && hours.holidays.includes(seoulDateOfDay(day))) return [];
  const start = seoulDayStart(day);
  if (!hours || !hours.weekly) return [[start, start + DAY]];
  return (hours.weekly[weekdayOfDay(day)] ?? [])
    .map((range): Interval => {
      const open = minutesOf(range.open);
      const close = minutesOf(range.close);
      return [start + open * MINUTE, start + (close <= open ? close + 24 * 60 : close) * MINUTE];
    })
    .filter(([from, to]) => Number.isFinite(from) && Number.isFinite(to))
    .sort((a, b) => a[0] - b[0]);
}

/** Opening intervals from day `first` on, overlapping and adjacent ones merged, in order. */
function* openIntervals(hours: StoreHours | null, first: number, last: number): Generator<Interval> {
  let current: Interval | null = null;
  for (let day = first; day <= last; day++) {
    for (const [from, to] of rangesOpeningOn(hours, day)) {
      if (current && from <= current[1]) {
        current[1] = Math.max(current[1], to);
        continue;
      }
      if (current) yield current;
      current = [from, to];
    }
  }
  if (current) yield current;
}

export interface Schedule {
  openNow: boolean;
  /** When open: when it closes (null: open beyond the horizon, e.g. no hours and no holidays). */
  closesAt: number | null;
  /** When closed: when it next opens (null: no opening within the horizon). */
  opensAt: number | null;
  /** When closed: when it last closed, if within the past day. */
  closedAt: number | null;
}

/** Whether the hours are open at `at`, and the next change. */
export function scheduleAt(hours: StoreHours | null | undefined, at: number): Schedule {
  const today = seoulDay(at);
  const last = today + HORIZON_DAYS;
  let closedAt: number | null = null;
  for (const [from, to] of openIntervals(hours ?? null, today - 2, last)) {
    if (to <= at) {
      closedAt = to;
      continue;
    }
    if (from <= at) {
      return { openNow: true, closesAt: to >= seoulDayStart(last + 1) ? null : to, opensAt: null, closedAt: null };
    }
    return { openNow: false, closesAt: null, opensAt: from, closedAt: closedAt !== null && at - closedAt <= DAY ? closedAt : null };
  }
  return { openNow: false, closesAt: null, opensAt: null, closedAt: closedAt !== null && at - closedAt <= DAY ? closedAt : null };
}

/** The store fields the state depends on (the store document as placeOrder and the apps read it). */
export interface AvailabilityInput {
  /** Approved and not suspended by an admin. */
  active: boolean;
  /** The owner's switch: false closes the store whatever the hours say (영업 준비중). */
  open: boolean;
  pausedUntil: number | null;
  /** Absent on stores from before hours existed: as `null`, always open. */
  hours?: StoreHours | null;
}

export type AvailabilityStatus = 'open' | 'closed' | 'paused' | 'inactive';
export type AvailabilityReason = 'open' | 'inactive' | 'closed_by_owner' | 'paused' | 'holiday' | 'outside_hours';

export interface Availability {
  status: AvailabilityStatus;
  reason: AvailabilityReason;
  /** Closed or paused: when orders open again (null: not known — the owner's switch, or no hours ahead). */
  opensAt: number | null;
  /** Open: when it closes (null: not within the horizon). */
  closesAt: number | null;
  /** Closed by the hours: when it closed, if within the past day (for "오늘은 18:00에 마감했어요"). */
  closedAt: number | null;
}

/**
 * The store's state at `now`, in placeOrder's order of precedence: an admin's suspension, the
 * owner's closed switch, a pause, then the hours (holidays included).
 */
export function availabilityAt(store: AvailabilityInput, now: number): Availability {
  const none = { opensAt: null, closesAt: null, closedAt: null };
  if (!store.active) return { status: 'inactive', reason: 'inactive', ...none };
  if (!store.open) return { status: 'closed', reason: 'closed_by_owner', ...none };
  const hours = store.hours ?? null;
  if (store.pausedUntil !== null && now < store.pausedUntil) {
    const after = scheduleAt(hours, store.pausedUntil);
    return { status: 'paused', reason: 'paused', ...none, opensAt: after.openNow ? store.pausedUntil : after.opensAt };
  }
  const schedule = scheduleAt(hours, now);
  if (schedule.openNow) return { status: 'open', reason: 'open', ...none, closesAt: schedule.closesAt };
  const holiday = hours !== null && hours.holidays.includes(seoulDateOfDay(seoulDay(now)));
  return {
    status: 'closed',
    reason: holiday ? 'holiday' : 'outside_hours',
    opensAt: schedule.opensAt,
    closesAt: null,
    closedAt: schedule.closedAt,
  };
}

/** "오늘", "내일" or "12월 25일(금)" for `at`, seen from `now` (Seoul days). */
export function seoulDayWord(at: number, now: number): string {
  const day = seoulDay(at);
  const offset = day - seoulDay(now);
  if (offset === 0) return '오늘';
  if (offset === 1) return '내일';
  const [, month, date] = seoulDateOfDay(day).split('-').map(Number);
  return `${month}월 ${date}일(${WEEKDAY_LABELS[weekdayOfDay(day)]})`;
}

/** A Korean sentence for the state, as the store page and placeOrder's refusal show it. */
export function availabilityMessage(availability: Availability, now: number): string {
  const { opensAt, closesAt, closedAt } = availability;
  const reopening = (again: string) =>
    opensAt === null
      ? '다음 영업 시간이 아직 정해지지 않았어요.'
      : `${seoulDayWord(opensAt, now)} ${seoulClock(opensAt)}에 ${again}열어요.`;
  switch (availability.reason) {
    case 'inactive':
      return '현재 주문할 수 없는 매장이에요.';
    case 'closed_by_owner':
      return '매장이 영업 준비중이에요.';
    case 'open':
      return closesAt === null ? '지금 주문할 수 있어요.' : `${seoulDayWord(closesAt, now)} ${seoulClock(closesAt)}까지 주문할 수 있어요.`;
    case 'paused': {
      if (opensAt === null) return `잠시 주문을 받지 않아요. ${reopening('다시 ')}`;
      const when = seoulDay(opensAt) === seoulDay(now) ? seoulClock(opensAt) : `${seoulDayWord(opensAt, now)} ${seoulClock(opensAt)}`;
      return `잠시 주문을 받지 않아요. ${when}에 다시 열어요.`;
    }
    case 'holiday':
      return `오늘은 휴무일이에요. ${reopening('')}`;
    case 'outside_hours':
      if (closedAt !== null && seoulDay(closedAt) === seoulDay(now) && closedAt > seoulDayStart(seoulDay(now))) {
        return `오늘은 ${seoulClock(closedAt)}에 영업을 마감했어요. ${reopening('다시 ')}`;
      }
      return `지금은 영업시간이 아니에요. ${reopening('')}`;
  }
}

/** Minutes busy mode adds at `now` (0 when off or over). */
export function busyAddMinutes(busyMode: BusyMode | null | undefined, now: number): number {
  return busyMode && now < busyMode.endsAt ? busyMode.addMinutes : 0;
}

/** The store fields the store page's state needs. */
export interface StoreStateInput extends AvailabilityInput {
  defaultPrepMinutes: number;
  busyMode?: BusyMode | null;
}

/**
 * What the store page shows right now, computed at read time from the store document (no job
 * flips a flag): open / closed / paused and why, the next change, a Korean sentence, and the
 * honest wait (default prep time plus busy mode).
 */
export function storeStateAt(store: StoreStateInput, now: number) {
  const availability = availabilityAt(store, now);
  const busyMinutes = busyAddMinutes(store.busyMode, now);
  return {
    ...availability,
    message: availabilityMessage(availability, now),
    waitMinutes: store.defaultPrepMinutes + busyMinutes,
    busy: busyMinutes > 0,
    busyUntil: busyMinutes > 0 ? store.busyMode!.endsAt : null,
  };
}
export type StoreState = ReturnType<typeof storeStateAt>;
