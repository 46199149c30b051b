// Memory of each function, sized from measurement (issue 18; docs/bench.md "Memory", docs/capacity.md).
// `npm run bench` measures the peak RSS of each kind of function under the bench's load, in a
// process that loads functions/lib as the runtime does (scripts/lib/benchMemory.cjs). The rule:
// the smallest size that leaves at least 2× the measured peak, so a bigger burst of concurrent
// requests (an instance serves up to 80), larger documents and the Functions Framework's own HTTP
// server (not loaded in the measurement) still fit. The measured peaks are in bench/results.md.
// A function's definition names its kind here; nothing else sets memory.
import type { MemoryOption } from 'firebase-functions/v2/options';

export const FUNCTION_MEMORY = {
  /** Callables. Peak 108 MiB: 20 partners' transitions at once. */
  callable: '256MiB',
  /** placeOrder: peak 138–142 MiB with 20 customers at one store at once (retried transactions). */
  placeOrder: '512MiB',
  /** exportOrders: two of the largest exports (30,000 orders) at once peaked at 512–514 MiB. */
  largeExport: '2GiB',
  /** Firestore triggers. Peak 138 MiB: 20 order-created events at once (pushes and tasks). */
  trigger: '512MiB',
  /** Cloud Tasks handlers. Peak 99 MiB: 20 due auto-complete tasks at once. */
  task: '256MiB',
  /** The auto-complete sweep. Peak 183 MiB over 10,000 overdue orders (a run stops at 5,000). */
  sweep: '512MiB',
  /** The other scheduled jobs: each run reads a bounded batch (≤ 200 documents); not measured apart. */
  scheduled: '256MiB',
  /** The courier webhook. Peak 116 MiB: 20 signed events at once. */
  webhook: '256MiB',
} as const satisfies Record<string, MemoryOption>;
