// setStoreHours, pauseStore / resumeStore, setBusyMode, and placeOrder refusing by the hours with
// the next opening time in Korean (docs/hours.md). Refusals write nothing (expectDenied compares dumps).
import { strict as assert } from 'node:assert';
import type { HttpsError } from 'firebase-functions/v2/https';
import { placeOrder } from '../../src/callables/placeOrder';
import { pauseStore, resumeStore, setBusyMode, setStoreHours } from '../../src/callables/storeHours';
import { db } from '../../src/infra/firestore';
import { installFakeAuth } from '../support/auth';
import { as, call } from '../support/callables';
import { dumpDatabase } from '../support/database';
import { expectDenied, fieldPaths } from '../support/denials';
import { OTHER_STORE_ID, requestId, seedStore, STORE_ID } from '../support/fixtures';
import { seedMember } from '../support/partners';
import { resetDependencies, setDependenciesForTest } from '../../src/deps';

/** Seoul wall-clock time in December 2026 (Tue 1 …). */
const K = (day: number, clock: string) => Date.parse(`2026-12-${String(day).padStart(2, '0')}T${clock}:00+09:00`);
const OWNER = `owner-of-${STORE_ID}`;
const STAFF = `staff-of-${STORE_ID}`;
const WEEKDAY = [{ open: '08:00', close: '18:00' }];
const CAFE = {
  mon: WEEKDAY,
  tue: WEEKDAY,
  wed: WEEKDAY,
  thu: WEEKDAY,
  fri: WEEKDAY,
  sat: [
    { open: '22:00', close: '02:00' },
    { open: '10:00', close: '22:00' },
  ],
};

const storeDoc = async () => (await db().doc(`stores/${STORE_ID}`).get()).data()!;
const details = (error: HttpsError) => error.details as { reason: string; message: string; opensAt: string | null };

describe('opening hours, pause and busy mode', () => {
  const auth = installFakeAuth();
  const owner = () => auth.tokenOf(OWNER);
  let clock = K(1, '12:00');

  beforeEach(async () => {
    clock = K(1, '12:00');
    setDependenciesForTest({ clock: () => clock });
    await seedStore(STORE_ID);
    await seedMember(auth, STORE_ID, OWNER, 'owner');
    await seedMember(auth, STORE_ID, STAFF, 'staff');
  });
  afterEach(() => resetDependencies('clock'));

  // A new customer per order: placeOrder looks the account up and limits unanswered orders per customer.
  let customers = 0;
  const order = () => {
    const uid = `hours-customer-${++customers}`;
    auth.addUser(uid);
    return call(
      placeOrder,
      { storeId: STORE_ID, channel: 'takeout', requestId: requestId(), items: [{ menuItemId: 'latte', quantity: 1 }] },
      as.customer(uid),
    );
  };
  const refusedOrder = (reason: string) => expectDenied(auth, order, 'failed-precondition', reason);

  describe('setStoreHours and placeOrder', () => {
    it('stores the week (every day, ranges sorted) and holidays, and placeOrder follows the hours', async () => {
      const view = await call(
        setStoreHours,
        { storeId: STORE_ID, weekly: CAFE, holidays: ['2026-12-25', '2026-12-24', '2026-12-25'] },
        owner(),
      );
      const stored = (await storeDoc()).hours;
      assert.deepEqual(stored.weekly.sun, []);
      assert.deepEqual(stored.weekly.sat, [
        { open: '10:00', close: '22:00' },
        { open: '22:00', close: '02:00' },
      ]);
      assert.deepEqual(stored.holidays, ['2026-12-24', '2026-12-25']);
      assert.equal((await storeDoc()).updatedAt.toMillis(), K(1, '12:00'));
      assert.equal(view.status, 'open');
      assert.deepEqual(view.now, {
        reason: 'open',
        message: '오늘 18:00까지 주문할 수 있어요.',
        opensAt: null,
        closesAt: '2026-12-01T09:00:00.000Z',
        waitMinutes: 10,
        busyUntil: null,
      });
      await order();

      clock = K(1, '18:00');
      const closed = details(await refusedOrder('store_outside_hours'));
      assert.equal(closed.message, '오늘은 18:00에 영업을 마감했어요. 내일 08:00에 다시 열어요.');
      assert.equal(closed.opensAt, new Date(K(2, '08:00')).toISOString());
    });

    it('names the right next opening across a holiday, a weekend and a night range', async () => {
      await call(setStoreHours, { storeId: STORE_ID, weekly: CAFE, holidays: ['2026-12-02'] }, owner());
      clock = K(1, '18:00');
      assert.equal(
        details(await refusedOrder('store_outside_hours')).message,
        '오늘은 18:00에 영업을 마감했어요. 12월 3일(목) 08:00에 다시 열어요.',
      );
      clock = K(2, '12:00');
      const holiday = details(await refusedOrder('store_holiday'));
      assert.equal(holiday.message, '오늘은 휴무일이에요. 내일 08:00에 열어요.');
      clock = K(3, '07:00');
      assert.equal(details(await refusedOrder('store_outside_hours')).message, '지금은 영업시간이 아니에요. 오늘 08:00에 열어요.');
      clock = K(6, '01:30'); // Sunday, in Saturday's range past midnight
      await order();
      clock = K(6, '02:00');
      assert.equal(
        details(await refusedOrder('store_outside_hours')).message,
        '오늘은 02:00에 영업을 마감했어요. 내일 08:00에 다시 열어요.',
      );
    });

    it('the owner’s closed switch still wins (store_closed); channels are checked after the hours', async () => {
      await seedStore(STORE_ID, { open: false });
      await call(setStoreHours, { storeId: STORE_ID, weekly: CAFE, holidays: [] }, owner());
      await refusedOrder('store_closed');
    });

    it('clearing the hours (weekly null, no holidays) removes them: open all day again', async () => {
      await call(setStoreHours, { storeId: STORE_ID, weekly: CAFE, holidays: [] }, owner());
      clock = K(1, '23:00');
      await refusedOrder('store_outside_hours');
      const view = await call(setStoreHours, { storeId: STORE_ID, weekly: null, holidays: [] }, owner());
      assert.equal((await storeDoc()).hours, null);
      assert.equal(view.now.message, '지금 주문할 수 있어요.');
      await order();
    });

    it('setting the same hours again writes nothing', async () => {
      await call(setStoreHours, { storeId: STORE_ID, weekly: CAFE, holidays: ['2026-12-25'] }, owner());
      const before = await dumpDatabase();
      clock += 60_000;
      await call(setStoreHours, { storeId: STORE_ID, weekly: CAFE, holidays: ['2026-12-25'] }, owner());
      assert.deepEqual(await dumpDatabase(), before);
    });

    it('rejects bad hours with the field paths, writing nothing', async () => {
      const cases: [object, string][] = [
        [{ storeId: STORE_ID, holidays: [] }, 'weekly'],
        [{ storeId: STORE_ID, weekly: { mon: [{ open: '24:00', close: '02:00' }] } }, 'weekly.mon.0.open'],
        [{ storeId: STORE_ID, weekly: { tue: [{ open: '8:00', close: '18:00' }] } }, 'weekly.tue.0.open'],
        [{ storeId: STORE_ID, weekly: { wed: [{ open: '08:00' }] } }, 'weekly.wed.0.close'],
        [
          { storeId: STORE_ID, weekly: { thu: Array.from({ length: 5 }, (_, i) => ({ open: `0${i}:00`, close: `0${i}:30` })) } },
          'weekly.thu',
        ],
        [
          {
            storeId: STORE_ID,
            weekly: {
              fri: [
                { open: '08:00', close: '12:00' },
                { open: '11:00', close: '14:00' },
              ],
            },
          },
          'weekly.fri.1',
        ],
        [
          {
            storeId: STORE_ID,
            weekly: {
              sat: [
                { open: '22:00', close: '03:00' },
                { open: '23:00', close: '23:30' },
              ],
            },
          },
          'weekly.sat.1',
        ],
        [
          {
            storeId: STORE_ID,
            weekly: {
              sun: [
                { open: '01:00', close: '02:00' },
                { open: '22:00', close: '03:00' },
                { open: '01:00', close: '02:00' },
              ],
            },
          },
          'weekly.sun.2',
        ],
        [{ storeId: STORE_ID, weekly: { funday: [] } }, 'weekly'],
        [{ storeId: STORE_ID, weekly: null, holidays: ['2026-02-30'] }, 'holidays.0'],
        [{ storeId: STORE_ID, weekly: null, holidays: ['2026/12/25'] }, 'holidays.0'],
        [
          {
            storeId: STORE_ID,
            weekly: null,
            holidays: Array.from({ length: 101 }, (_, i) => new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10)),
          },
          'holidays',
        ],
      ];
      for (const [input, path] of cases) {
        const error = await expectDenied(auth, () => call(setStoreHours, input, owner()), 'invalid-argument', 'invalid_argument');
        assert.ok(fieldPaths(error).includes(path), `${path} in ${JSON.stringify(fieldPaths(error))}`);
      }
    });
  });

  describe('pauseStore and resumeStore', () => {
    it('a pause for minutes refuses orders with the time it resumes, and ends by itself', async () => {
      clock = K(1, '14:00');
      const view = await call(pauseStore, { storeId: STORE_ID, minutes: 30 }, owner());
      assert.equal(view.status, 'paused');
      assert.equal((await storeDoc()).pausedUntil.toMillis(), K(1, '14:30'));
      const paused = details(await refusedOrder('store_paused'));
      assert.equal(paused.message, '잠시 주문을 받지 않아요. 14:30에 다시 열어요.');
      assert.equal(paused.opensAt, '2026-12-01T05:30:00.000Z');
      clock = K(1, '14:30');
      await order();
    });

    it('a pause until a time past closing names the next opening; resumeStore ends it now', async () => {
      await call(setStoreHours, { storeId: STORE_ID, weekly: CAFE, holidays: [] }, owner());
      clock = K(1, '17:00');
      await call(pauseStore, { storeId: STORE_ID, until: '2026-12-01T19:00:00+09:00' }, owner());
      assert.equal(details(await refusedOrder('store_paused')).message, '잠시 주문을 받지 않아요. 내일 08:00에 다시 열어요.');
      const resumed = await call(resumeStore, { storeId: STORE_ID }, owner());
      assert.equal(resumed.status, 'open');
      assert.equal((await storeDoc()).pausedUntil, null);
      await order();
      const before = await dumpDatabase();
      await call(resumeStore, { storeId: STORE_ID }, owner());
      assert.deepEqual(await dumpDatabase(), before, 'resuming a store that is not paused writes nothing');
    });

    it('rejects bad pauses with the field paths, writing nothing', async () => {
      const cases: [object, string][] = [
        [{ storeId: STORE_ID }, 'until'],
        [{ storeId: STORE_ID, minutes: 10, until: '2026-12-01T13:00:00+09:00' }, 'until'],
        [{ storeId: STORE_ID, minutes: 0 }, 'minutes'],
        [{ storeId: STORE_ID, minutes: 1.5 }, 'minutes'],
        [{ storeId: STORE_ID, minutes: 24 * 60 + 1 }, 'minutes'],
        [{ storeId: STORE_ID, until: '2026-12-01T13:00:00' }, 'until'],
        [{ storeId: STORE_ID, until: '2026-12-01T12:00:00+09:00' }, 'until'], // now, not after it
        [{ storeId: STORE_ID, until: '2026-12-02T12:00:01+09:00' }, 'until'], // over 24 hours
      ];
      for (const [input, path] of cases) {
        const error = await expectDenied(auth, () => call(pauseStore, input, owner()), 'invalid-argument', 'invalid_argument');
        assert.ok(fieldPaths(error).includes(path), `${path} in ${JSON.stringify(fieldPaths(error))}`);
      }
    });
  });

  describe('setBusyMode', () => {
    it('adds minutes to the shown wait until it ends; 0 turns it off', async () => {
      const view = await call(setBusyMode, { storeId: STORE_ID, addMinutes: 15, until: '2026-12-01T13:00:00+09:00' }, owner());
      assert.deepEqual(view.busyMode, { addMinutes: 15, endsAt: '2026-12-01T04:00:00.000Z' });
      assert.equal(view.now.waitMinutes, 25);
      assert.equal(view.now.busyUntil, '2026-12-01T04:00:00.000Z');
      assert.equal((await storeDoc()).busyMode.endsAt.toMillis(), K(1, '13:00'));
      await order(); // busy mode never refuses an order

      clock = K(1, '13:00');
      const again = await call(setBusyMode, { storeId: STORE_ID, addMinutes: 15, until: '2026-12-01T13:00:01+09:00' }, owner());
      assert.equal(again.now.waitMinutes, 25);
      const off = await call(setBusyMode, { storeId: STORE_ID, addMinutes: 0 }, owner());
      assert.equal(off.busyMode, null);
      assert.equal(off.now.waitMinutes, 10);
      assert.equal((await storeDoc()).busyMode, null);
    });

    it('rejects bad input with the field paths, writing nothing', async () => {
      const cases: [object, string][] = [
        [{ storeId: STORE_ID, addMinutes: 10 }, 'until'],
        [{ storeId: STORE_ID, addMinutes: 0, until: '2026-12-01T13:00:00+09:00' }, 'until'],
        [{ storeId: STORE_ID, addMinutes: 61, until: '2026-12-01T13:00:00+09:00' }, 'addMinutes'],
        [{ storeId: STORE_ID, addMinutes: -5, until: '2026-12-01T13:00:00+09:00' }, 'addMinutes'],
        [{ storeId: STORE_ID, addMinutes: 10, until: '2026-12-01T11:59:00+09:00' }, 'until'],
        [{ storeId: STORE_ID, addMinutes: 10, until: '2026-12-02T12:00:01+09:00' }, 'until'],
        [{ storeId: STORE_ID, addMinutes: 10, until: 'soon' }, 'until'],
      ];
      for (const [input, path] of cases) {
        const error = await expectDenied(auth, () => call(setBusyMode, input, owner()), 'invalid-argument', 'invalid_argument');
        assert.ok(fieldPaths(error).includes(path), `${path} in ${JSON.stringify(fieldPaths(error))}`);
      }
    });
  });

  describe('authority comes from the membership document', () => {
    const pause = { storeId: STORE_ID, minutes: 10 };

    it('staff, other partners and customers may not; an admin may; an unknown store is not found', async () => {
      await expectDenied(auth, () => call(pauseStore, pause, auth.tokenOf(STAFF)), 'permission-denied', 'store_owner_only');
      await expectDenied(auth, () => call(pauseStore, pause, as.owner(OTHER_STORE_ID)), 'permission-denied', 'not_store_member');
      await expectDenied(
        auth,
        () => call(setStoreHours, { storeId: STORE_ID, weekly: null, holidays: [] }, as.customer()),
        'permission-denied',
        'not_store_member',
      );
      await expectDenied(auth, () => call(resumeStore, { storeId: STORE_ID }, as.anonymous), 'unauthenticated', 'unauthenticated');
      assert.equal((await call(pauseStore, pause, as.admin())).status, 'paused');
      await expectDenied(auth, () => call(pauseStore, { storeId: 'ghost', minutes: 10 }, as.admin()), 'not-found', 'store_not_found');
    });

    it('an owner claim without the membership document is refused; the document alone suffices', async () => {
      await db().doc(`stores/${STORE_ID}/members/${OWNER}`).delete();
      await expectDenied(auth, () => call(pauseStore, pause, as.owner(STORE_ID)), 'permission-denied', 'not_store_member');
      await db().doc(`stores/${STORE_ID}/members/${STAFF}`).update({ role: 'owner' }); // promoted, token not refreshed
      assert.equal(
        (await call(setBusyMode, { storeId: STORE_ID, addMinutes: 5, until: '2026-12-01T13:00:00+09:00' }, as.staff(STORE_ID))).busyMode
          .addMinutes,
        5,
      );
    });
  });
});
