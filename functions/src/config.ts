// Deploy-time configuration, read from firebase-functions params. Nothing project-specific is in code.
import { defineBoolean, defineInt, defineSecret, defineString } from 'firebase-functions/params';

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

/**
 * Who may call the task functions: the account Cloud Tasks signs each task's OIDC token with.
 * `firebase deploy` grants it run.invoker on autoCompleteOrder and remindUnansweredOrder when
 * set. Read from the environment because `invoker` takes no param expression; deploy's discovery
 * runs with the .env files loaded (docs/deploy.md).
 */
export function tasksInvoker(): { invoker?: string[] } {
  const account = process.env.TASKS_SERVICE_ACCOUNT?.trim();
  return account ? { invoker: [account] } : {};
}

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

/** Days a store invitation stays acceptable (docs/onboarding.md "Invitations"). */
export const storeInvitationTtlDays = defineInt('STORE_INVITATION_TTL_DAYS', {
  default: 7,
  description: 'Days after which a store member invitation that was not accepted expires',
});

/**
 * A param's value at runtime, or its declared default when the environment does not set it. The
 * CLI writes every param (defaults included) into the environment on deploy and in the emulator;
 * unit tests and scripts load the functions without it.
 */
export function paramValue<T extends string | number>(param: { name: string; value(): T; options?: { default?: unknown } }): T {
  const fallback = param.options?.default;
  if (process.env[param.name] === undefined && (typeof fallback === 'string' || typeof fallback === 'number')) {
    return fallback as T;
  }
  return param.value();
}

/** Days after an order completed during which its customer may write or edit a review (docs/reviews.md). */
export const reviewWindowDays = defineInt('REVIEW_WINDOW_DAYS', {
  default: 7,
  description: 'Days after completion during which the customer may write or edit a review of the order',
});
// Abuse and cost limits (issue 11; docs/abuse-and-privacy.md).
/** App Check on every callable: on in production, off in functions/.env.local for the emulators. */
export const appCheckEnforced = defineBoolean('APP_CHECK_ENFORCED', {
  default: true,
  description: 'Refuse callable requests without a valid App Check token (placeOrder also consumes it)',
});
export const ABUSE_DEFAULTS = {
  maxUnansweredPerStore: 3,
  ratePerWindow: 10,
  rateWindowMinutes: 10,
  callableMaxInstances: 20,
  backgroundMaxInstances: 10,
  personalDataRetentionDays: 90,
  redactionBatchSize: 200,
};
export const maxUnansweredOrdersPerStore = defineInt('MAX_UNANSWERED_ORDERS_PER_STORE', {
  default: ABUSE_DEFAULTS.maxUnansweredPerStore,
  description: 'A customer may have at most this many received (unanswered) orders at one store',
});
export const orderRateLimit = defineInt('ORDER_RATE_LIMIT', {
  default: ABUSE_DEFAULTS.ratePerWindow,
  description: 'A customer may place at most this many orders (all stores) per ORDER_RATE_WINDOW_MINUTES',
});
export const orderRateWindowMinutes = defineInt('ORDER_RATE_WINDOW_MINUTES', {
  default: ABUSE_DEFAULTS.rateWindowMinutes,
  description: 'Window of ORDER_RATE_LIMIT, in minutes',
});
/** Cost ceiling: instances per callable (each serves up to 80 concurrent requests). */
export const callableMaxInstances = defineInt('CALLABLE_MAX_INSTANCES', {
  default: ABUSE_DEFAULTS.callableMaxInstances,
  description: 'maxInstances of every callable',
});
/** Cost ceiling of triggers, task handlers, sweeps and the webhook (set globally in index.ts). */
export const backgroundMaxInstances = defineInt('BACKGROUND_MAX_INSTANCES', {
  default: ABUSE_DEFAULTS.backgroundMaxInstances,
  description: 'maxInstances of every trigger, task handler, scheduled job and the webhook',
});
/** Customers' phone numbers and addresses are redacted from orders this long after the order ends. */
export const personalDataRetentionDays = defineInt('PERSONAL_DATA_RETENTION_DAYS', {
  default: ABUSE_DEFAULTS.personalDataRetentionDays,
  description: 'Days after an order ends (completed or cancelled) before its delivery contact is redacted',
});
export const redactionBatchSize = defineInt('REDACTION_BATCH_SIZE', {
  default: ABUSE_DEFAULTS.redactionBatchSize,
  description: 'At most this many orders are redacted per daily run',
});

/** A boolean param's value, or its declared default when the environment does not set it (see paramValue). */
export function booleanParamValue(param: { name: string; value(): boolean; options?: { default?: unknown } }): boolean {
  const fallback = param.options?.default;
  if (process.env[param.name] === undefined && typeof fallback === 'boolean') return fallback;
  return param.value();
}
// Sales exports (issue 16; docs/sales.md). A CSV larger than the inline limit is written to this
// bucket and handed out as a signed URL valid for EXPORT_URL_MINUTES.
export const exportBucket = defineString('EXPORT_BUCKET', {
  default: '',
  description: 'Cloud Storage bucket for large order exports (empty = the project default bucket)',
});
export const exportUrlMinutes = defineInt('EXPORT_URL_MINUTES', {
  default: 15,
  description: 'Minutes a signed download URL of an order export stays valid',
});

// Secrets (Secret Manager): bound only to the functions that list them in `secrets`.
/** HMAC key of the courier tracking webhook (http/trackingWebhook.ts, docs/tracking.md). */
export const trackingWebhookSecret = defineSecret('TRACKING_WEBHOOK_SECRET');
/** Delivery Tracker API key of the tracking poller (scheduled/pollTracking.ts). */
export const deliveryTrackerApiKey = defineSecret('DELIVERY_TRACKER_API_KEY');
