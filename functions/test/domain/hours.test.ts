// Opening hours (domain/hours.ts): examples at every edge, then properties against an independent
// model (Seoul wall clock from Date's UTC getters at +9h, ranges checked one by one, no merging).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  availabilityAt,
  availabilityMessage,
  AvailabilityInput,
  busyAddMinutes,
  isCalendarDate,
  minutesOf,
  scheduleAt,
  seoulClock,
  seoulDay,
  seoulDayWord,
  StoreHours,
  storeStateAt,
  WEEKDAYS,
  weekdayOfDay,
  WeeklyHours,
} from '../../src/domain/hours';

/** Seoul wall-clock time in December 2026 (Tue 1 … Thu 31). */
const K = (day: number, clock: string) => Date.parse(`2026-12-${String(day).padStart(2, '0')}T${clock}:00+09:00`);

const EMPTY: WeeklyHours = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
const weekday = { open: '08:00', close: '18:00' };
/** 평일 08–18, 토 10–22 and 22–02 (adjacent), 일 휴무. */
const CAFE: WeeklyHours = {
  ...EMPTY,
  mon: [weekday],
  tue: [weekday],
  wed: [weekday],
  thu: [weekday],
  fri: [weekday],
  sat: [
    { open: '10:00', close: '22:00' },
    { open: '22:00', close: '02:00' },
  ],
};
const hoursOf = (weekly: WeeklyHours | null, holidays: string[] = []): StoreHours => ({ weekly, holidays });
const store = (hours: StoreHours | null, extra: Partial<AvailabilityInput> = {}): AvailabilityInput => ({
  active: true,
  open: true,
  pausedUntil: null,
  hours,
  ...extra,
});
const messageAt = (input: AvailabilityInput, now: number) => availabilityMessage(availabilityAt(input, now), now);

describe('domain/hours: Seoul calendar', () => {
  it('weekdays, clocks and dates of known instants (2026-12-01 is a Tuesday)', () => {
    assert.equal(weekdayOfDay(seoulDay(K(1, '00:00'))), 'tue');
    assert.equal(weekdayOfDay(seoulDay(K(6, '23:59'))), 'sun');
    assert.equal(weekdayOfDay(seoulDay(K(7, '00:00'))), 'mon');
    // 23:30 UTC on Nov 30 is 08:30 on Dec 1 in Seoul.
    assert.equal(seoulClock(Date.parse('2026-11-30T23:30:00Z')), '08:30');
    assert.equal(seoulDay(Date.parse('2026-11-30T15:00:00Z')), seoulDay(K(1, '00:00')));
    assert.equal(seoulDay(Date.parse('2026-11-30T14:59:59.999Z')), seoulDay(K(1, '00:00')) - 1);
    assert.equal(weekdayOfDay(-1), 'wed'); // 1969-12-31, before the epoch
  });

  it('parses HH:MM and calendar dates strictly', () => {
    assert.equal(minutesOf('00:00'), 0);
    assert.equal(minutesOf('23:59'), 1439);
    for (const bad of ['24:00', '7:00', '07:60', '07:00:00', '', ' 07:00']) assert.ok(Number.isNaN(minutesOf(bad)), bad);
    assert.ok(isCalendarDate('2028-02-29'));
    for (const bad of ['2026-02-29', '2026-13-01', '2026-12-32', '2026-1-01', '20261201', '2026-12-01T00:00']) {
      assert.equal(isCalendarDate(bad), false, bad);
    }
  });

  it('says 오늘, 내일 or the date with its weekday', () => {
    assert.equal(seoulDayWord(K(1, '23:59'), K(1, '00:00')), '오늘');
    assert.equal(seoulDayWord(K(2, '00:00'), K(1, '23:59')), '내일');
    assert.equal(seoulDayWord(K(7, '08:00'), K(4, '18:00')), '12월 7일(월)');
  });
});

describe('domain/hours: the schedule', () => {
  const cafe = hoursOf(CAFE);

  it('open inside a range, until its close', () => {
    assert.deepEqual(scheduleAt(cafe, K(1, '12:00')), { openNow: true, closesAt: K(1, '18:00'), opensAt: null, closedAt: null });
    assert.equal(scheduleAt(cafe, K(1, '08:00')).openNow, true, 'opening minute is open');
    assert.equal(scheduleAt(cafe, K(1, '17:59') + 59_999).openNow, true);
  });

  it('closed at the closing instant, reopening the next morning', () => {
    assert.deepEqual(scheduleAt(cafe, K(1, '18:00')), { openNow: false, closesAt: null, opensAt: K(2, '08:00'), closedAt: K(1, '18:00') });
    assert.equal(messageAt(store(cafe), K(1, '18:00')), '오늘은 18:00에 영업을 마감했어요. 내일 08:00에 다시 열어요.');
    assert.equal(messageAt(store(cafe), K(1, '07:59')), '지금은 영업시간이 아니에요. 오늘 08:00에 열어요.');
  });

  it('a range past midnight belongs to the day it opens; adjacent ranges are one', () => {
    // Saturday 12-05: 10:00–22:00 and 22:00–02:00 run on without a gap.
    assert.deepEqual(scheduleAt(cafe, K(5, '21:59')), { openNow: true, closesAt: K(6, '02:00'), opensAt: null, closedAt: null });
    assert.equal(scheduleAt(cafe, K(6, '00:00')).openNow, true, 'midnight');
    assert.equal(scheduleAt(cafe, K(6, '01:59')).openNow, true, 'Sunday is closed, but the tail is Saturday’s');
    assert.deepEqual(scheduleAt(cafe, K(6, '02:00')), { openNow: false, closesAt: null, opensAt: K(7, '08:00'), closedAt: K(6, '02:00') });
    // Week wrap: Sunday → Monday.
    assert.equal(messageAt(store(cafe), K(6, '02:00')), '오늘은 02:00에 영업을 마감했어요. 내일 08:00에 다시 열어요.');
  });

  it('over a weekend the next opening names the date', () => {
    assert.equal(messageAt(store(cafe), K(4, '18:30')), '오늘은 18:00에 영업을 마감했어요. 내일 10:00에 다시 열어요.');
    assert.equal(scheduleAt(cafe, K(6, '12:00')).opensAt, K(7, '08:00'));
    const weekdaysOnly = hoursOf({ ...CAFE, sat: [] });
    assert.equal(messageAt(store(weekdaysOnly), K(4, '18:30')), '오늘은 18:00에 영업을 마감했어요. 12월 7일(월) 08:00에 다시 열어요.');
  });

  it('ranges ending at midnight and starting at midnight meet across days', () => {
    const night = hoursOf({ ...EMPTY, mon: [{ open: '18:00', close: '00:00' }], tue: [{ open: '00:00', close: '06:00' }] });
    assert.deepEqual(scheduleAt(night, K(7, '23:59')), { openNow: true, closesAt: K(8, '06:00'), opensAt: null, closedAt: null });
    assert.equal(scheduleAt(night, K(8, '00:00')).openNow, true);
    assert.equal(scheduleAt(night, K(8, '06:00')).openNow, false);
  });

  it('overlapping ranges merge; open === close is 24 hours', () => {
    const overlapping = hoursOf({
      ...EMPTY,
      tue: [
        { open: '10:00', close: '14:00' },
        { open: '08:00', close: '12:00' },
      ],
    });
    assert.equal(scheduleAt(overlapping, K(1, '09:00')).closesAt, K(1, '14:00'));
    const fullDay = hoursOf({ ...EMPTY, tue: [{ open: '09:00', close: '09:00' }] });
    assert.equal(scheduleAt(fullDay, K(2, '08:59')).openNow, true);
    assert.equal(scheduleAt(fullDay, K(1, '09:00')).closesAt, K(2, '09:00'));
    assert.equal(scheduleAt(fullDay, K(2, '09:00')).opensAt, K(8, '09:00'));
  });

  it('a holiday cancels the ranges opening that day, not the tail of the day before', () => {
    const sundayHoliday = hoursOf(CAFE, ['2026-12-06']);
    assert.equal(scheduleAt(sundayHoliday, K(6, '01:00')).openNow, true, 'Saturday’s night range runs into the holiday');
    const saturdayHoliday = hoursOf(CAFE, ['2026-12-05']);
    assert.equal(scheduleAt(saturdayHoliday, K(5, '12:00')).openNow, false);
    assert.equal(scheduleAt(saturdayHoliday, K(6, '01:00')).openNow, false, 'the cancelled range has no tail');
    const wednesday = hoursOf(CAFE, ['2026-12-02']);
    const at = K(2, '12:00');
    assert.deepEqual(availabilityAt(store(wednesday), at), {
      status: 'closed',
      reason: 'holiday',
      opensAt: K(3, '08:00'),
      closesAt: null,
      closedAt: K(1, '18:00'),
    });
    assert.equal(messageAt(store(wednesday), at), '오늘은 휴무일이에요. 내일 08:00에 열어요.');
    // The day before a holiday closes at its usual time and names the day after.
    assert.equal(scheduleAt(wednesday, K(1, '18:00')).opensAt, K(3, '08:00'));
  });

  it('no weekly hours: open all day every day (stores before hours existed), holidays still close', () => {
    assert.deepEqual(availabilityAt(store(null), K(1, '03:00')), {
      status: 'open',
      reason: 'open',
      opensAt: null,
      closesAt: null,
      closedAt: null,
    });
    assert.deepEqual(availabilityAt({ active: true, open: true, pausedUntil: null }, K(1, '03:00')).status, 'open', 'no hours field');
    assert.equal(messageAt(store(null), K(1, '03:00')), '지금 주문할 수 있어요.');
    const christmas = hoursOf(null, ['2026-12-25', '2026-12-26']);
    assert.equal(scheduleAt(christmas, K(24, '12:00')).closesAt, K(25, '00:00'));
    assert.deepEqual(availabilityAt(store(christmas), K(25, '12:00')), {
      status: 'closed',
      reason: 'holiday',
      opensAt: K(27, '00:00'),
      closesAt: null,
      closedAt: K(25, '00:00'),
    });
  });

  it('hours with no range at all: closed, no next opening', () => {
    const never = store(hoursOf(EMPTY));
    assert.deepEqual(availabilityAt(never, K(1, '12:00')), {
      status: 'closed',
      reason: 'outside_hours',
      opensAt: null,
      closesAt: null,
      closedAt: null,
    });
    assert.equal(messageAt(never, K(1, '12:00')), '지금은 영업시간이 아니에요. 다음 영업 시간이 아직 정해지지 않았어요.');
  });
});

describe('domain/hours: pause, the owner’s switch and busy mode', () => {
  const cafe = hoursOf(CAFE);

  it('a pause ends by itself, and names the time it resumes', () => {
    const paused = store(cafe, { pausedUntil: K(1, '14:30') });
    assert.deepEqual(availabilityAt(paused, K(1, '14:00')), {
      status: 'paused',
      reason: 'paused',
      opensAt: K(1, '14:30'),
      closesAt: null,
      closedAt: null,
    });
    assert.equal(messageAt(paused, K(1, '14:00')), '잠시 주문을 받지 않아요. 14:30에 다시 열어요.');
    assert.equal(availabilityAt(paused, K(1, '14:30')).status, 'open', 'at pausedUntil it is open again');
  });

  it('a pause running past closing resumes at the next opening', () => {
    const paused = store(cafe, { pausedUntil: K(1, '19:00') });
    assert.equal(availabilityAt(paused, K(1, '17:00')).opensAt, K(2, '08:00'));
    assert.equal(messageAt(paused, K(1, '17:00')), '잠시 주문을 받지 않아요. 내일 08:00에 다시 열어요.');
    assert.equal(
      messageAt(store(hoursOf(EMPTY), { pausedUntil: K(1, '19:00') }), K(1, '17:00')),
      '잠시 주문을 받지 않아요. 다음 영업 시간이 아직 정해지지 않았어요.',
    );
  });

  it('the owner’s closed switch and an admin’s suspension override the hours', () => {
    assert.equal(availabilityAt(store(cafe, { open: false }), K(1, '12:00')).reason, 'closed_by_owner');
    assert.equal(availabilityAt(store(cafe, { open: false, pausedUntil: K(1, '14:30') }), K(1, '12:00')).reason, 'closed_by_owner');
    assert.equal(availabilityAt(store(cafe, { active: false, open: false }), K(1, '12:00')).status, 'inactive');
    assert.equal(messageAt(store(cafe, { open: false }), K(1, '12:00')), '매장이 영업 준비중이에요.');
  });

  it('busy mode adds minutes until it ends', () => {
    const busy = { addMinutes: 15, endsAt: K(1, '13:00') };
    assert.equal(busyAddMinutes(busy, K(1, '12:59')), 15);
    assert.equal(busyAddMinutes(busy, K(1, '13:00')), 0);
    assert.equal(busyAddMinutes(null, K(1, '12:00')), 0);
    const state = storeStateAt({ ...store(cafe), defaultPrepMinutes: 10, busyMode: busy }, K(1, '12:00'));
    assert.equal(state.waitMinutes, 25);
    assert.equal(state.busy, true);
    assert.equal(state.busyUntil, K(1, '13:00'));
    assert.equal(state.message, '오늘 18:00까지 주문할 수 있어요.');
    const after = storeStateAt({ ...store(cafe), defaultPrepMinutes: 10, busyMode: busy }, K(1, '13:00'));
    assert.deepEqual([after.waitMinutes, after.busy, after.busyUntil], [10, false, null]);
  });
});

// ---- Properties ---------------------------------------------------------------------------

const BASE_DAY = seoulDay(K(1, '00:00'));
const clock = fc
  .integer({ min: 0, max: 24 * 4 - 1 })
  .map((quarter) => `${String(Math.floor(quarter / 4)).padStart(2, '0')}:${String((quarter % 4) * 15).padStart(2, '0')}`);
const range = fc.record({ open: clock, close: clock });
const weekly: fc.Arbitrary<WeeklyHours> = fc.record(
  Object.fromEntries(WEEKDAYS.map((day) => [day, fc.array(range, { maxLength: 3 })])) as Record<
    keyof WeeklyHours,
    fc.Arbitrary<typeof range extends fc.Arbitrary<infer R> ? R[] : never>
  >,
);
const dateOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const holidays = fc.uniqueArray(fc.integer({ min: BASE_DAY - 2, max: BASE_DAY + 30 }).map(dateOf), { maxLength: 8 });
const hoursArb: fc.Arbitrary<StoreHours> = fc.record({ weekly: fc.option(weekly, { nil: null, freq: 5 }), holidays });
/** An instant in the three weeks from 2026-12-01 (Seoul), to the millisecond. */
const instant = fc.integer({ min: 0, max: 21 * 24 * 60 * 60 * 1000 - 1 }).map((offset) => K(1, '00:00') + offset);

/** The model: Seoul wall clock via Date at +9h; open when a range of today or yesterday covers it. */
function modelOpen(hours: StoreHours, at: number): boolean {
  const local = new Date(at + 9 * 3_600_000);
  const minuteOfDay =
    local.getUTCHours() * 60 + local.getUTCMinutes() + (local.getUTCSeconds() * 1000 + local.getUTCMilliseconds()) / 60_000;
  const names = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
  for (const back of [0, 1]) {
    const day = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - back));
    if (hours.holidays.includes(day.toISOString().slice(0, 10))) continue;
    const ranges = hours.weekly ? hours.weekly[names[day.getUTCDay()]] : [{ open: '00:00', close: '00:00' }];
    for (const { open, close } of ranges) {
      const [oh, om] = open.split(':').map(Number);
      const [ch, cm] = close.split(':').map(Number);
      const from = oh * 60 + om;
      const to = ch * 60 + cm <= from ? ch * 60 + cm + 1440 : ch * 60 + cm;
      const t = minuteOfDay + back * 1440;
      if (from <= t && t < to) return true;
    }
  }
  return false;
}

describe('domain/hours: properties', () => {
  it('open exactly when the model says so', () => {
    fc.assert(
      fc.property(hoursArb, instant, (hours, at) => {
        assert.equal(scheduleAt(hours, at).openNow, modelOpen(hours, at));
      }),
      { numRuns: 3000 },
    );
  });

  it('the next change is a real change, and nothing changes before it', () => {
    fc.assert(
      fc.property(hoursArb, instant, fc.double({ min: 0, max: 1, noNaN: true }), (hours, at, fraction) => {
        const schedule = scheduleAt(hours, at);
        const next = schedule.openNow ? schedule.closesAt : schedule.opensAt;
        if (next === null) {
          // No change within the horizon: the model agrees over the next weeks.
          for (let day = 0; day < 14; day++)
            assert.equal(modelOpen(hours, at + day * 86_400_000 + fraction * 86_400_000), schedule.openNow);
          return;
        }
        assert.ok(next > at);
        assert.equal(modelOpen(hours, next - 1), schedule.openNow, 'the state holds until the change');
        assert.equal(modelOpen(hours, next), !schedule.openNow, 'and flips at it');
        const between = Math.min(next - 1, at + Math.floor((next - at) * fraction));
        assert.equal(modelOpen(hours, between), schedule.openNow, 'no change in between');
      }),
      { numRuns: 2000 },
    );
  });

  it('Seoul day and clock agree with Intl (Asia/Seoul)', () => {
    const format = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Seoul',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }), (at) => {
        const parts = Object.fromEntries(format.formatToParts(new Date(at)).map((part) => [part.type, part.value]));
        assert.equal(seoulClock(at), `${parts.hour}:${parts.minute}`);
        assert.equal(dateOf(seoulDay(at)), `${parts.year}-${parts.month}-${parts.day}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('the switch, the pause and the hours decide in that order; messages name the next opening', () => {
    fc.assert(
      fc.property(
        hoursArb,
        instant,
        fc.boolean(),
        fc.boolean(),
        fc.option(fc.integer({ min: -3 * 3_600_000, max: 20 * 3_600_000 }), { nil: null }),
        (hours, at, active, open, pauseOffset) => {
          const input = store(hours, { active, open, pausedUntil: pauseOffset === null ? null : at + pauseOffset });
          const availability = availabilityAt(input, at);
          const paused = input.pausedUntil !== null && at < input.pausedUntil;
          const expected = !active ? 'inactive' : !open ? 'closed' : paused ? 'paused' : modelOpen(hours, at) ? 'open' : 'closed';
          assert.equal(availability.status, expected);
          if (availability.status === 'paused') {
            assert.ok(availability.opensAt === null || availability.opensAt >= input.pausedUntil!);
            if (availability.opensAt !== null) assert.equal(modelOpen(hours, availability.opensAt), true);
          }
          const message = availabilityMessage(availability, at);
          assert.match(message, /[가-힣]/);
          if (availability.status !== 'open' && availability.opensAt !== null)
            assert.ok(message.includes(`${seoulClock(availability.opensAt)}에`), message);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
