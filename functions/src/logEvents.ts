// The catalogue of structured log event names (the message of every logger.* line), like
// firestore-send-email's logs.ts: one place to see what the functions log, and to grep a name from a
// log query back to its code. Lines about an order also carry orderId and storeId.

export const LOG_EVENTS = {
  // autocomplete
  autocompleteAlreadyTerminal: 'autocomplete.already_terminal',
  autocompleteDenied: 'autocomplete.denied',
  autocompleteEarlyDelivery: 'autocomplete.early_delivery',
  autocompleteEarlyRetry: 'autocomplete.early_retry',
  autocompleteFailed: 'autocomplete.failed',
  autocompleteInvalidPayload: 'autocomplete.invalid_payload',
  autocompleteNotPickup: 'autocomplete.not_pickup',
  autocompleteOrderNotFound: 'autocomplete.order_not_found',
  // callable
  callableAppCheckRefused: 'callable.app_check_refused',
  callableContention: 'callable.contention',
  callableUnexpectedError: 'callable.unexpected_error',
  // claims
  claimsAdminGranted: 'claims.admin_granted',
  claimsAdminRevoked: 'claims.admin_revoked',
  claimsSyncFailed: 'claims.sync_failed',
  claimsSynced: 'claims.synced',
  claimsUserMissing: 'claims.user_missing',
  // devices
  devicesPruned: 'devices.pruned',
  // menu
  menuItemCreated: 'menu.item_created',
  menuItemDeleteReplayed: 'menu.item_delete_replayed',
  menuItemDeleted: 'menu.item_deleted',
  menuItemSoldOutSet: 'menu.item_sold_out_set',
  menuItemUpdated: 'menu.item_updated',
  // order
  orderCommand: 'order.command',
  orderCommandDenied: 'order.command_denied',
  orderPersonalDataRedacted: 'order.personal_data_redacted',
  orderPlaceReplayed: 'order.place_replayed',
  orderPlaced: 'order.placed',
  // order_created
  orderCreatedHandled: 'order_created.handled',
  // order_updated
  orderUpdatedHandled: 'order_updated.handled',
  // orders
  ordersPersonalDataRedaction: 'orders.personal_data_redaction',
  // partner_application
  partnerApplicationReviewed: 'partner_application.reviewed',
  partnerApplicationSubmitReplayed: 'partner_application.submit_replayed',
  partnerApplicationSubmitted: 'partner_application.submitted',
  // push
  pushClaimBusy: 'push.claim_busy',
  pushDuplicateSkipped: 'push.duplicate_skipped',
  pushGaveUp: 'push.gave_up',
  pushPartialFailure: 'push.partial_failure',
  pushSendThrew: 'push.send_threw',
  pushSent: 'push.sent',
  pushTokenCleanupFailed: 'push.token_cleanup_failed',
  pushTokenFailed: 'push.token_failed',
  // reminder
  reminderEarlyRetry: 'reminder.early_retry',
  reminderInvalidPayload: 'reminder.invalid_payload',
  reminderOrderMovedOn: 'reminder.order_moved_on',
  reminderOrderNotFound: 'reminder.order_not_found',
  reminderRemindersOff: 'reminder.reminders_off',
  // review
  reviewChanged: 'review.changed',
  // review_created
  reviewCreatedHandled: 'review_created.handled',
  reviewCreatedSkippedDeleted: 'review_created.skipped_deleted',
  // review_updated
  reviewUpdatedReplyPushed: 'review_updated.reply_pushed',
  // sales
  salesExport: 'sales.export',
  salesSummary: 'sales.summary',
  // sales_day
  salesDayReconciled: 'sales_day.reconciled',
  // store
  storeBusyModeSet: 'store.busy_mode_set',
  storeHoursSet: 'store.hours_set',
  storeInvitationAcceptReplayed: 'store.invitation_accept_replayed',
  storeInvitationAccepted: 'store.invitation_accepted',
  storeInvitationDeclined: 'store.invitation_declined',
  storeInvitationRevoked: 'store.invitation_revoked',
  storeMemberInviteReplayed: 'store.member_invite_replayed',
  storeMemberInvited: 'store.member_invited',
  storeMemberRemoveReplayed: 'store.member_remove_replayed',
  storeMemberRemoved: 'store.member_removed',
  storePaused: 'store.paused',
  storeResumed: 'store.resumed',
  storeStatusSet: 'store.status_set',
  storeUpdated: 'store.updated',
  // sweep
  sweepAutoComplete: 'sweep.auto_complete',
  sweepAutoCompleteFailed: 'sweep.auto_complete_failed',
  // tasks
  tasksAutoCompleteDeleteFailed: 'tasks.auto_complete_delete_failed',
  tasksAutoCompleteDeleted: 'tasks.auto_complete_deleted',
  tasksAutoCompleteScheduled: 'tasks.auto_complete_scheduled',
  tasksReminderScheduled: 'tasks.reminder_scheduled',
  // tracking
  trackingEventApplied: 'tracking.event_applied',
  trackingPollApplyFailed: 'tracking.poll_apply_failed',
  trackingPollChecked: 'tracking.poll_checked',
  trackingPollImplausibleTime: 'tracking.poll_implausible_time',
  trackingPollProviderFailed: 'tracking.poll_provider_failed',
  trackingPollRun: 'tracking.poll_run',
  trackingPollUnknownCarrier: 'tracking.poll_unknown_carrier',
  trackingWebhookFailed: 'tracking.webhook_failed',
  trackingWebhookMalformed: 'tracking.webhook_malformed',
  trackingWebhookSecretMissing: 'tracking.webhook_secret_missing',
  trackingWebhookTooLarge: 'tracking.webhook_too_large',
  trackingWebhookUnauthenticated: 'tracking.webhook_unauthenticated',
} as const;

/** A task handler's or intake's outcome as its own event: `autocomplete.completed`, `tracking.event_applied`. */
export const outcomeEvent = {
  autoComplete: (outcome: string) => `autocomplete.${outcome}`,
  trackingEvent: (outcome: string) => `tracking.event_${outcome}`,
};

/** The step events of a trigger's settle (app/settle.ts), per handler: `order_created.step_failed`. */
export const stepEvent = {
  retryLater: (handler: string) => `${handler}.retry_later`,
  failed: (handler: string) => `${handler}.step_failed`,
  failedPermanently: (handler: string) => `${handler}.step_failed_permanently`,
};
