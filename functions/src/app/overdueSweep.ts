// The auto-complete sweep (the scheduled safety net under the auto-complete tasks, see
// scheduled/autoCompleteSweep.ts): completes the open pickup orders whose autoCompleteAt has passed.
// Each order is completed by runSystemCommand, one transaction per order through the state machine,
// so a run that overlaps a task, another run or a partner's click changes nothing twice. A run is
// bounded (orders and wall time); whatever it leaves, the next run picks up.
import * as logger from 'firebase-functions/logger';
import type { QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { DomainError } from '../domain/reasons';
import { now } from '../infra/clock';
import { overdueOrdersQuery } from '../infra/orderQueries';
import { LOG_EVENTS } from '../logEvents';
import { runSystemCommand } from './runOrderCommand';

export interface SweepOptions {
  /** Orders read per query page. */
  batchSize?: number;
  /** Orders one run looks at, at most. */
  maxOrders?: number;
  /** Transactions in flight at once. */
  concurrency?: number;
  /** Wall-clock budget of one run; stays well under the function timeout. */
  timeBudgetMs?: number;
}

export interface SweepReport {
  scanned: number;
  completed: number;
  skipped: number;
  failed: number;
  /** True when the run stopped at a bound with more orders possibly left. */
  truncated: boolean;
}

export const SWEEP_DEFAULTS: Required<SweepOptions> = {
  batchSize: 200,
  maxOrders: 5_000,
  concurrency: 16,
  timeBudgetMs: 6 * 60_000,
};

export async function sweepOverdueOrders(options: SweepOptions = {}): Promise<SweepReport> {
  const { batchSize, maxOrders, concurrency, timeBudgetMs } = { ...SWEEP_DEFAULTS, ...options };
  const startedAt = Date.now();
  const at = now();
  const report: SweepReport = { scanned: 0, completed: 0, skipped: 0, failed: 0, truncated: false };
  let cursor: QueryDocumentSnapshot | undefined;

  for (;;) {
    const limit = Math.min(batchSize, maxOrders - report.scanned);
    let query = overdueOrdersQuery(at, limit);
    // Completed orders leave the result set; the cursor also steps past any that could not be completed.
    if (cursor) query = query.startAfter(cursor);
    const page = await query.get();
    await forEachLimited(page.docs, concurrency, async (doc) => {
      const outcome = await completeOverdue(doc);
      report[outcome] += 1;
    });
    report.scanned += page.size;
    if (page.size < limit) break;
    cursor = page.docs[page.docs.length - 1];
    if (report.scanned >= maxOrders || Date.now() - startedAt >= timeBudgetMs) {
      report.truncated = true;
      break;
    }
  }
  const log = { ...report, at: new Date(at).toISOString(), ms: Date.now() - startedAt };
  if (report.failed > 0 || report.truncated) logger.warn(LOG_EVENTS.sweepAutoComplete, log);
  else logger.info(LOG_EVENTS.sweepAutoComplete, log);
  return report;
}

async function completeOverdue(doc: QueryDocumentSnapshot): Promise<'completed' | 'skipped' | 'failed'> {
  try {
    const result = await runSystemCommand(doc.id, { type: 'auto_complete' });
    return result.outcome === 'transition' ? 'completed' : 'skipped';
  } catch (error) {
    // Finished, cancelled or otherwise changed since the query: nothing to do.
    if (error instanceof DomainError) return 'skipped';
    logger.error(LOG_EVENTS.sweepAutoCompleteFailed, {
      orderId: doc.id,
      storeId: doc.get('storeId') as unknown,
      error: String(error),
    });
    return 'failed';
  }
}

async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++];
      await work(item);
    }
  });
  await Promise.all(workers);
}
