// Deploy-time configuration, read from firebase-functions params. Nothing project-specific is in code.
import { defineInt, defineString } from 'firebase-functions/params';

/** Cloud Functions region; Seoul by default, next to the owners and customers. */
export const functionsRegion = defineString('FUNCTIONS_REGION', {
  default: 'asia-northeast3',
  description: 'Region every function is deployed to',
});

// Notifications and order timers (issue 4; see docs/notifications.md). Cloud Tasks names and the
// service account are deploy-time params; the defaults target the queues that `firebase deploy`
// creates for the task-queue functions themselves.
/** Cloud Tasks location of both queues; the task functions are deployed to FUNCTIONS_REGION. */
export const tasksLocation = defineString('TASKS_LOCATION', {
  default: 'asia-northeast3',
  description: 'Cloud Tasks location of the auto-complete and reminder queues',
});

/** Queue of the one-hour auto-complete tasks. The default is the queue deploy creates for autoCompleteOrder. */
export const autoCompleteQueue = defineString('AUTO_COMPLETE_QUEUE', {
  default: 'autoCompleteOrder',
  description: 'Cloud Tasks queue id for auto-complete tasks',
});

/** Queue of the unanswered-order reminders. The default is the queue deploy creates for remindUnansweredOrder. */
export const reminderQueue = defineString('REMINDER_QUEUE', {
  default: 'remindUnansweredOrder',
  description: 'Cloud Tasks queue id for unanswered-order reminders',
});

/**
 * Service account whose OIDC token Cloud Tasks attaches to each task. Empty: the runtime service
 * account of the functions, read from the environment's credentials when the first task is created.
 */
export const tasksServiceAccount = defineString('TASKS_SERVICE_ACCOUNT', {
  default: '',
  description: 'Service account email Cloud Tasks uses to call the task functions (OIDC); empty = runtime account',
});

/** Minutes after creation at which a still-received order is pushed to the store again; 0 turns it off. */
export const reminderMinutes = defineInt('REMINDER_MINUTES', {
  default: 3,
  description: 'Minutes after which an order still in received triggers one reminder push (0 = off)',
});

/**
 * Minutes after placement at which an open pickup order completes by itself (the guide's one hour).
 * Only local demos shorten it (functions/.env.local); deploys keep 60 (functions/.env).
 */
export const autoCompleteDelayMinutes = defineInt('AUTO_COMPLETE_DELAY_MINUTES', {
  default: 60,
  description: 'Minutes after which an open pickup order is completed automatically (the guide: 60)',
});

// Courier tracking poller (docs/tracking.md). Delivery Tracker's documented default is 10 calls per
// second; the poller stays well under it.
export const TRACKING_POLL_DEFAULTS = { staleHours: 6, batchSize: 100, requestsPerSecond: 5 };

export const trackingPollStaleHours = defineInt('TRACKING_POLL_STALE_HOURS', {
  default: TRACKING_POLL_DEFAULTS.staleHours,
  description: 'Poll a shipped order when its tracking has not been refreshed for this many hours',
});
export const trackingPollBatchSize = defineInt('TRACKING_POLL_BATCH_SIZE', {
  default: TRACKING_POLL_DEFAULTS.batchSize,
  description: 'At most this many orders are polled per run (every 30 minutes)',
});
export const trackingProviderRps = defineInt('TRACKING_PROVIDER_RPS', {
  default: TRACKING_POLL_DEFAULTS.requestsPerSecond,
  description: 'Calls per second to the tracking provider, at most (Delivery Tracker allows 10 by default)',
});

/**
 * A param's value at runtime, or its declared default when the environment does not set it. The
 * CLI writes every param (defaults included) into the environment on deploy and in the emulator;
 * unit tests and scripts load the functions without it.
 */
export function paramValue<T extends string | number>(param: {
  name: string;
  value(): T;
  options?: { default?: unknown };
}): T {
  const fallback = param.options?.default;
  if (process.env[param.name] === undefined && (typeof fallback === 'string' || typeof fallback === 'number')) {
    return fallback as T;
  }
  return param.value();
}
