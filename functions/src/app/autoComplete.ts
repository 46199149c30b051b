// The one-hour auto-complete, delivered by Cloud Tasks at the order's autoCompleteAt. It completes
// the order (completion.by = 'system') in one transaction through the state machine, which allows
// it only for an open pickup order whose time has come. Everything else is a successful no-op, so
// Cloud Tasks stops delivering: a terminal order, a delivery order, a missing order, a repeat.
//
// An early delivery never completes the order. Cloud Tasks honours scheduleTime, so in production
// an early delivery is at most clock skew: answered 503, it is redelivered after the queue's
// backoff. A delivery far ahead of time (the Firebase Tasks emulator dispatches at once) is
// acknowledged and left to the 10-minute sweep; retrying it would only spin.
import * as logger from 'firebase-functions/logger';
import { Order } from '../domain/order';
import { DomainError, Reason } from '../domain/reasons';
import { autoCompleteAtOf, timerRefusal } from '../domain/lifecycle';
import { now } from '../infra/clock';
import { decideAsSystem, runOrderCommand } from './runOrderCommand';
import { RetryLaterError } from '../boundary/errors';
import { LOG_EVENTS, outcomeEvent } from '../logEvents';

/** Early by at most this much: ask Cloud Tasks to redeliver. Earlier than that: leave it to the sweep. */
export const EARLY_RETRY_WINDOW_MS = 60_000;

export type AutoCompleteOutcome = 'completed' | 'already_terminal' | 'not_pickup' | 'order_not_found' | 'early' | 'invalid_payload';

/** Completes the order if its hour has come (the task handler's use case). */
export async function autoCompleteDueOrder(orderId: string): Promise<AutoCompleteOutcome> {
  // One read: the decision is made on the order as read inside the transaction; the order seen
  // there is kept for the logs and for the early-delivery arithmetic.
  const command = { type: 'auto_complete' } as const;
  const decideAsSystemCommand = decideAsSystem(command);
  let seen: Order | undefined;
  const logOf = () => ({ orderId, storeId: seen?.storeId, status: seen?.status });
  try {
    const result = await runOrderCommand(orderId, command, (order, at) => {
      seen = order;
      return decideAsSystemCommand(order, at);
    });
    const outcome = result.outcome === 'transition' ? 'completed' : 'already_terminal';
    logger.info(outcomeEvent.autoComplete(outcome), { ...logOf(), status: result.order.status });
    return outcome;
  } catch (error) {
    if (!(error instanceof DomainError)) {
      logger.error(LOG_EVENTS.autocompleteFailed, { ...logOf(), error: String(error) });
      throw error;
    }
    // What the refusal means for the timer is the lifecycle's to say (domain/lifecycle.ts).
    switch (error.reason === 'order_not_found' ? 'order_not_found' : timerRefusal(error.reason as Reason)) {
      case 'moot':
        logger.info(LOG_EVENTS.autocompleteAlreadyTerminal, { ...logOf(), reason: error.reason as Reason });
        return 'already_terminal';
      case 'early':
        return early(logOf(), autoCompleteAtOf(seen!));
      case 'not_applicable':
        logger.warn(LOG_EVENTS.autocompleteNotPickup, logOf());
        return 'not_pickup';
      case 'order_not_found':
        logger.warn(LOG_EVENTS.autocompleteOrderNotFound, { orderId });
        return 'order_not_found';
      default:
        logger.error(LOG_EVENTS.autocompleteDenied, { ...logOf(), reason: error.reason as Reason });
        throw error;
    }
  }
}

function early(log: Record<string, unknown>, dueAt: number): AutoCompleteOutcome {
  const remainingMs = dueAt - now();
  const entry = { ...log, dueAt: new Date(dueAt).toISOString(), remainingMs };
  if (remainingMs <= EARLY_RETRY_WINDOW_MS) {
    logger.info(LOG_EVENTS.autocompleteEarlyRetry, entry);
    throw new RetryLaterError('auto-complete delivered before its time', { remainingMs });
  }
  logger.warn(LOG_EVENTS.autocompleteEarlyDelivery, entry);
  return 'early';
}
