// One sweep-scaling sample for scripts/bench.mjs, in a process of its own (so its memory is its
// own): seeds N overdue open pickup orders with batch writes into the Firestore at
// FIRESTORE_EMULATOR_HOST, then runs the auto-complete sweep core (sweepOverdueOrders) over them and
// prints one `BENCH_RESULT {json}` line: time, outcome counts, peak RSS and heapUsed during the sweep.
// Usage: node --expose-gc scripts/lib/benchSweep.cjs <functionsDir> <count>
const { join } = require('node:path');

const [functionsDir, countArg] = process.argv.slice(2);
const count = Number(countArg);
const lib = (path) => require(join(functionsDir, 'lib', path));
const { overdueOrder: sweepOrder } = require('./benchOrders.cjs');

const NOW = Date.parse('2026-03-02T12:00:00.000Z');

// Alternating channels, so the sweep completes both kinds of pickup order.
const overdueOrder = (i) =>
  sweepOrder(i, {
    now: NOW,
    orderId: `sweep-${String(i).padStart(6, '0')}`,
    storeId: 'store-bench',
    storeName: '고카페인 벤치점',
    channel: i % 2 ? 'takeout' : 'dine_in',
  });

async function main() {
  const { db } = lib('infra/firestore.js');
  const { orderToStored } = lib('infra/orders.js');
  const { setDependenciesForTest } = lib('deps.js');
  const { sweepOverdueOrders } = lib('app/overdueSweep.js');

  for (let start = 0; start < count; start += 500) {
    const batch = db().batch();
    for (let i = start; i < Math.min(count, start + 500); i += 1) {
      const order = overdueOrder(i);
      batch.set(db().doc(`orders/${order.orderId}`), orderToStored(order));
    }
    await batch.commit();
  }
  setDependenciesForTest({ clock: () => NOW });
  global.gc?.();
  const baseline = process.memoryUsage();
  let peakRss = baseline.rss;
  let peakHeap = baseline.heapUsed;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 10);
  const started = process.hrtime.bigint();
  // Unbounded here (the deployed run stops at 5,000 orders or 6 minutes): this measures scaling.
  const report = await sweepOverdueOrders({ maxOrders: count + 1_000, timeBudgetMs: 60 * 60_000 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  clearInterval(sampler);
  const usage = process.memoryUsage();
  peakRss = Math.max(peakRss, usage.rss);
  peakHeap = Math.max(peakHeap, usage.heapUsed);
  process.stdout.write(`\nBENCH_RESULT ${JSON.stringify({ count, ms, report, baselineHeap: baseline.heapUsed, peakRss, peakHeap })}\n`);
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
