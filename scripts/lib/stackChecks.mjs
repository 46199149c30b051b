// Checks on a finished demo run against the local stack, shared by scripts/stack-check.mjs and the
// fresh-clone check. Each returns a one-line summary or throws with what was wrong. Node built-ins
// only (the emulator output and the push outbox are plain text).
import { existsSync, readFileSync } from 'node:fs';

/** The tokens the seed registers for the store's owner and staff (scripts/lib/seed.mjs). */
const STORE_TOKENS = ['demo-fcm-token-owner-android', 'demo-fcm-token-staff-ios'];

const logLines = (output, message, orderId) =>
  output.split('\n').filter((line) => line.includes(`"${message}"`) && (!orderId || line.includes(`"orderId":"${orderId}"`)));

/**
 * Triggers, end to end under the emulators: every order the demo placed through the callable
 * produced exactly one new-order send to the store's devices (at the messaging boundary: the
 * outbox) and each pickup order one auto-complete task; the delivery order none.
 */
export function checkTriggers({ pickupId, deliveryId, timerId }, output, outbox) {
  const sends = existsSync(outbox)
    ? readFileSync(outbox, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line))
    : [];
  for (const orderId of [pickupId, deliveryId, timerId]) {
    const received = sends.filter((m) => m.data?.type === 'order.received' && m.data.orderId === orderId);
    if (received.length !== 1) throw new Error(`order ${orderId}: ${received.length} new-order sends, expected exactly 1`);
    const tokens = [...received[0].tokens].sort();
    if (JSON.stringify(tokens) !== JSON.stringify([...STORE_TOKENS].sort())) throw new Error(`new-order send went to ${tokens}`);
  }
  const created = (orderId) =>
    logLines(output, 'tasks.auto_complete_scheduled', orderId).filter((l) => l.includes('"outcome":"created"')).length;
  for (const orderId of [pickupId, timerId]) {
    if (created(orderId) !== 1) throw new Error(`pickup order ${orderId}: ${created(orderId)} auto-complete tasks created, expected 1`);
  }
  if (created(deliveryId) !== 0) throw new Error(`delivery order: ${created(deliveryId)} auto-complete tasks, expected 0`);
  return `triggers: one new-order push per order (${sends.length} pushes in all), one auto-complete task per pickup order`;
}

/**
 * Timers: the demo's timer order was completed by the system, not before it was due, by exactly
 * one auto-complete execution; no task anywhere reached its handler early.
 */
export function checkTimers({ timer, timerBy, timerLateMs, timerId }, output) {
  if (timer !== 'completed' || timerBy !== 'system') throw new Error(`timer order: ${timer} by ${timerBy}, expected completed by system`);
  if (!(timerLateMs >= 0)) throw new Error(`timer order completed ${-timerLateMs} ms before it was due`);
  const early = ['autocomplete.early_delivery', 'autocomplete.early_retry', 'reminder.early_retry']
    .map((message) => [message, logLines(output, message).length])
    .filter(([, count]) => count > 0);
  if (early.length) throw new Error(`tasks delivered early: ${early.map(([m, n]) => `${n}× ${m}`).join(', ')}`);
  const completions = logLines(output, 'autocomplete.completed', timerId).length;
  if (completions !== 1) throw new Error(`timer order: ${completions} auto-complete completions logged, expected 1`);
  return `timers: the timer order was completed by the system ${(timerLateMs / 1000).toFixed(1)} s after it was due; no task arrived early`;
}

/** Function executions (by function name) and worker crashes, counted in the emulator's own log. */
export function executionCounts(output) {
  const counts = {};
  for (const match of output.matchAll(/Beginning execution of "(?:[\w-]+-)?(\w+)"/g)) counts[match[1]] = (counts[match[1]] ?? 0) + 1;
  const killed = (output.match(/Your function was killed because it raised an unhandled error/g) ?? []).length;
  return { counts, killed };
}

/** executionCounts of the log written after offset `from` (a length of the output seen before). */
export function executionsBetween(output, from) {
  return executionCounts(output.slice(from));
}

/**
 * Waits until the log written after offset `from` shows at least `expected[name]` executions of
 * each function and none has been running for `settleMs`: the trigger events of a burst have
 * been delivered and run. `output()` returns the emulator's log so far. Resolves
 * { done, seconds, counts }: seconds until the last expected execution finished (or until
 * `timeoutMs` ran out).
 */
export async function waitForExecutions(output, from, expected, { timeoutMs = 180_000, settleMs = 1_000 } = {}) {
  const started = Date.now();
  for (;;) {
    const log = output().slice(from);
    const { counts } = executionCounts(log);
    const begun = (log.match(/Beginning execution of "/g) ?? []).length;
    const finished = (log.match(/Finished "[^"]+" in /g) ?? []).length;
    const reached = Object.entries(expected).every(([name, n]) => (counts[name] ?? 0) >= n);
    if (reached && begun <= finished) {
      const seconds = (Date.now() - started) / 1000;
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      return { done: true, seconds, counts: executionCounts(output().slice(from)).counts };
    }
    if (Date.now() - started > timeoutMs) return { done: false, seconds: (Date.now() - started) / 1000, counts };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * The trigger executions a rush of `orders` orders, each placed, started and completed, must
 * cause at least (functions/src/triggers: one create and two updates per order).
 */
export const rushTriggerExecutions = (orders) => ({ onOrderCreated: orders, onOrderUpdated: 2 * orders, onOrderWrittenSales: 3 * orders });

/**
 * The lunch rush, on the stack's own log from offset `from`: no function worker was killed and no
 * task reached its handler early.
 */
export function checkRushLog(output, from) {
  const { counts, killed } = executionsBetween(output, from);
  if (killed) throw new Error(`${killed} function workers killed by unhandled errors during the rush`);
  const tail = output.slice(from);
  const early = ['autocomplete.early_delivery', 'autocomplete.early_retry', 'reminder.early_retry'].filter((m) => logLines(tail, m).length);
  if (early.length) throw new Error(`tasks delivered early during the rush: ${early.join(', ')}`);
  return `rush log: ${Object.values(counts).reduce((a, b) => a + b, 0)} function executions, no worker killed, no task early`;
}
