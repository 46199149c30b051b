// The safety net under the auto-complete tasks: every 10 minutes, complete the open pickup orders
// whose autoCompleteAt has passed (a task was lost, failed for good, or arrived early). The work is
// app/overdueSweep.ts sweepOverdueOrders.
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { sweepOverdueOrders } from '../app/overdueSweep';
import { FUNCTION_MEMORY } from '../memory';

export const autoCompleteSweep = onSchedule(
  { schedule: 'every 10 minutes', timeZone: 'Asia/Seoul', timeoutSeconds: 540, retryCount: 0, memory: FUNCTION_MEMORY.sweep },
  async () => {
    await sweepOverdueOrders();
  },
);
