// 매출 (sales summary) and the orders export: parse the range, run app/sales.ts.
import { exportOrdersHandler, salesSummaryHandler } from '../app/sales';
import { salesRangeInput } from '../boundary/salesSchemas';
import { defineCallable } from './shell';
import { FUNCTION_MEMORY } from '../memory';

export const getSalesSummary = defineCallable('getSalesSummary', salesRangeInput, salesSummaryHandler);

export const exportOrders = defineCallable('exportOrders', salesRangeInput, exportOrdersHandler, { memory: FUNCTION_MEMORY.largeExport });
