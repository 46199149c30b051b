// zod schemas of the opening-hours callables (docs/hours.md). Parsed before anything is read or
// written; a failure becomes `invalid-argument` with the offending field paths.
import { z } from 'zod/mini';
import { HOURS_LIMITS, isCalendarDate, minutesOf, WEEKDAYS, type WeeklyHours } from '../domain/hours';
import { documentId, integer, isoWithOffset, schema } from './primitives';

const timeOfDay = /* @__PURE__ */ schema(() =>
  z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '시간은 HH:MM 형식(00:00~23:59)으로 입력해 주세요.')),
);

const hoursRange = /* @__PURE__ */ schema(() => z.strictObject({ open: timeOfDay, close: timeOfDay }));

/** Minutes [from, to) of a range on its own day's clock, to (past midnight) beyond 1440. */
function span(range: { open: string; close: string }): [number, number] {
  const open = minutesOf(range.open);
  const close = minutesOf(range.close);
  return [open, close <= open ? close + 24 * 60 : close];
}

/** A day's ranges: at most N, not overlapping (adjacent is fine), stored sorted by opening time. */
type HoursRange = { open: string; close: string };
const dayRanges = /* @__PURE__ */ schema(() =>
  z.pipe(
    z.array(hoursRange).check(
      z.maxLength(HOURS_LIMITS.rangesPerDay, `하루에 영업시간은 최대 ${HOURS_LIMITS.rangesPerDay}개까지 입력할 수 있습니다.`),
      z.superRefine((ranges, ctx) => {
        const sorted = ranges.map((range, index) => ({ index, span: span(range) })).sort((a, b) => a.span[0] - b.span[0]);
        for (let i = 1; i < sorted.length; i++) {
          if (sorted[i].span[0] < sorted[i - 1].span[1]) {
            ctx.addIssue({ code: 'custom', path: [sorted[i].index], message: '같은 날의 영업시간이 서로 겹칩니다.' });
          }
        }
      }),
    ),
    z.transform((ranges: HoursRange[]) => [...ranges].sort((a, b) => span(a)[0] - span(b)[0])),
  ),
);

/** Every weekday, absent ones closed. */
const weeklyHours = /* @__PURE__ */ schema(() =>
  z.pipe(
    z.strictObject(
      Object.fromEntries(WEEKDAYS.map((day) => [day, z.optional(dayRanges)])) as Record<
        (typeof WEEKDAYS)[number],
        z.ZodMiniOptional<typeof dayRanges>
      >,
    ),
    z.transform(
      (weekly: Partial<Record<(typeof WEEKDAYS)[number], HoursRange[]>>): WeeklyHours =>
        Object.fromEntries(WEEKDAYS.map((day) => [day, weekly[day] ?? []])) as WeeklyHours,
    ),
  ),
);

const seoulDate = /* @__PURE__ */ schema(() =>
  z.string().check(z.refine(isCalendarDate, '날짜는 YYYY-MM-DD 형식의 실제 날짜로 입력해 주세요.')),
);

export const setStoreHoursInput = /* @__PURE__ */ schema(() =>
  z.strictObject({
    storeId: documentId,
    /** null: no weekly hours (open all day every day, as before hours existed). */
    weekly: z.nullable(weeklyHours),
    /** Seoul dates with no opening; stored sorted, each once. */
    holidays: z.pipe(
      z._default(
        z.array(seoulDate).check(z.maxLength(HOURS_LIMITS.holidays, `휴무일은 최대 ${HOURS_LIMITS.holidays}일까지 입력할 수 있습니다.`)),
        [],
      ),
      z.transform((dates: string[]) => [...new Set(dates)].sort()),
    ),
  }),
);
export type SetStoreHoursInput = z.output<typeof setStoreHoursInput>;

export const pauseStoreInput = /* @__PURE__ */ schema(() =>
  z
    .strictObject({
      storeId: documentId,
      /** ISO-8601 with an offset ("2026-11-26T14:30:00+09:00"). */
      until: z.optional(isoWithOffset),
      /** Or a pause of this many minutes from now. */
      minutes: z.optional(integer(1, 24 * 60)),
    })
    .check(
      z.superRefine((input, ctx) => {
        if ((input.until === undefined) === (input.minutes === undefined)) {
          ctx.addIssue({ code: 'custom', path: ['until'], message: '종료 시간(until) 또는 시간(minutes) 중 하나만 입력해 주세요.' });
        }
      }),
    ),
);

export const resumeStoreInput = /* @__PURE__ */ schema(() => z.strictObject({ storeId: documentId }));

export const setBusyModeInput = /* @__PURE__ */ schema(() =>
  z
    .strictObject({
      storeId: documentId,
      /** Minutes added to the default prep time; 0 turns busy mode off. */
      addMinutes: integer(0, HOURS_LIMITS.maxBusyMinutes),
      /** ISO-8601 with an offset: when busy mode ends by itself. Required unless addMinutes is 0. */
      until: z.optional(z.nullable(isoWithOffset)),
    })
    .check(
      z.superRefine((input, ctx) => {
        if (input.addMinutes > 0 && input.until == null) {
          ctx.addIssue({ code: 'custom', path: ['until'], message: '바쁨 모드 종료 시간을 입력해 주세요.' });
        }
        if (input.addMinutes === 0 && input.until != null) {
          ctx.addIssue({ code: 'custom', path: ['until'], message: '바쁨 모드를 끌 때는 종료 시간을 비워 주세요.' });
        }
      }),
    ),
);
