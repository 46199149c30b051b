// 매출 (sales summary) and the orders export: parse the range, run app/sales.ts.
import { exportOrdersHandler, salesSummaryHandler } from '../app/sales';
import { salesRangeInput } from '../boundary/salesSchemas';
import { defineCallable } from './shell';
import { FUNCTION_MEMORY } from '../memory';

export const getSalesSummary = /* @__PURE__ */ defineCallable('getSalesSummary', salesRangeInput, salesSummaryHandler);

// Options as a constant: a property read inside the call's arguments would keep the call in
// getSalesSummary's bundle (the bundler can't prove the read free of side effects).
const exportOptions = { memory: FUNCTION_MEMORY.largeExport };
export const exportOrders = /* @__PURE__ */ defineCallable('exportOrders', salesRangeInput, exportOrdersHandler, exportOptions);
