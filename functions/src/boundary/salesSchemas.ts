// zod schemas of the sales callables (docs/sales.md): a store and a range of business days.
import { z } from 'zod/mini';
import { daysInRange, isCalendarDate } from '../domain/businessDay';
import { documentId, schema } from './primitives';

/** A summary or export covers at most this many business days (about a quarter). */
export const MAX_RANGE_DAYS = 92;

const businessDay = /* @__PURE__ */ schema(() =>
  z.string().check(z.refine(isCalendarDate, '날짜는 YYYY-MM-DD 형식의 실제 날짜여야 합니다.')),
);

export const salesRangeInput = /* @__PURE__ */ schema(() =>
  z.strictObject({ storeId: documentId, from: businessDay, to: businessDay }).check(
    z.superRefine((input, ctx) => {
      const days = daysInRange(input.from, input.to);
      if (days < 1) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: '종료일은 시작일과 같거나 그 이후여야 합니다.' });
      } else if (days > MAX_RANGE_DAYS) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: `조회 기간은 최대 ${MAX_RANGE_DAYS}일입니다.` });
      }
    }),
  ),
);
export type SalesRangeInput = z.output<typeof salesRangeInput>;
