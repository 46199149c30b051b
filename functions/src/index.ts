// Entry point: global options and the exported functions.
//
// Every export is a lazy getter: Cloud Functions loads this file and reads only the export named
// by the instance's function target, so an instance of placeOrder never loads the triggers', the
// tasks' or the webhook's modules (cold start; docs/bench.md "Cold start"). Deploy and the emulator
// enumerate the exports, which loads them all, as they must.
import { setGlobalOptions } from 'firebase-functions/v2/options';
import { backgroundMaxInstances, functionsRegion } from './config';

// maxInstances: a cost ceiling for triggers, tasks, sweeps and the webhook; callables set their own
// (CALLABLE_MAX_INSTANCES, callables/shell.ts). Numbers in docs/abuse-and-privacy.md.
setGlobalOptions({ region: functionsRegion, maxInstances: backgroundMaxInstances });

/* eslint-disable @typescript-eslint/no-require-imports -- the lazy getters load each function's module on first use (cold starts) */
const FUNCTIONS: Record<string, () => unknown> = {
  // Orders (docs/orders.md "Callable contract")
  placeOrder: () => require('./callables/placeOrder').placeOrder,
  startPreparing: () => require('./callables/orderCommands').startPreparing,
  completeOrder: () => require('./callables/orderCommands').completeOrder,
  prepareShipment: () => require('./callables/orderCommands').prepareShipment,
  shipOrder: () => require('./callables/orderCommands').shipOrder,
  updateTracking: () => require('./callables/orderCommands').updateTracking,
  cancelOrder: () => require('./callables/orderCommands').cancelOrder,
  markReady: () => require('./callables/orderCommands').markReady,
  callCustomer: () => require('./callables/orderCommands').callCustomer,
  extendPrep: () => require('./callables/orderCommands').extendPrep,
  // Onboarding, stores, menus, members (docs/onboarding.md)
  submitPartnerApplication: () => require('./callables/partnerApplications').submitPartnerApplication,
  reviewPartnerApplication: () => require('./callables/partnerApplications').reviewPartnerApplication,
  inviteStoreMember: () => require('./callables/storeInvitations').inviteStoreMember,
  acceptStoreInvitation: () => require('./callables/storeInvitations').acceptStoreInvitation,
  declineStoreInvitation: () => require('./callables/storeInvitations').declineStoreInvitation,
  revokeStoreInvitation: () => require('./callables/storeInvitations').revokeStoreInvitation,
  removeStoreMember: () => require('./callables/storeMembers').removeStoreMember,
  setStoreStatus: () => require('./callables/storeSettings').setStoreStatus,
  updateStore: () => require('./callables/storeSettings').updateStore,
  // Opening hours, pause and busy mode (docs/hours.md)
  setStoreHours: () => require('./callables/storeHours').setStoreHours,
  pauseStore: () => require('./callables/storeHours').pauseStore,
  resumeStore: () => require('./callables/storeHours').resumeStore,
  setBusyMode: () => require('./callables/storeHours').setBusyMode,
  upsertMenuItem: () => require('./callables/menu').upsertMenuItem,
  deleteMenuItem: () => require('./callables/menu').deleteMenuItem,
  setMenuItemSoldOut: () => require('./callables/menu').setMenuItemSoldOut,
  syncPartnerClaimsOnUserWrite: () => require('./triggers/partnerClaimsSync').syncPartnerClaimsOnUserWrite,
  // Courier tracking (docs/tracking.md)
  trackingWebhook: () => require('./http/trackingWebhook').trackingWebhook,
  pollTracking: () => require('./scheduled/pollTracking').pollTracking,
  // Notifications and order timers (docs/notifications.md)
  registerDevice: () => require('./callables/devices').registerDevice,
  unregisterDevice: () => require('./callables/devices').unregisterDevice,
  onOrderCreated: () => require('./triggers/orderCreated').onOrderCreated,
  onOrderUpdated: () => require('./triggers/orderUpdated').onOrderUpdated,
  autoCompleteOrder: () => require('./tasks/autoComplete').autoCompleteOrder,
  remindUnansweredOrder: () => require('./tasks/reminder').remindUnansweredOrder,
  autoCompleteSweep: () => require('./scheduled/autoCompleteSweep').autoCompleteSweep,
  pruneDevices: () => require('./scheduled/pruneDevices').pruneDevices,
  // Reviews and owner replies (docs/reviews.md)
  submitReview: () => require('./callables/reviews').submitReview,
  editReview: () => require('./callables/reviews').editReview,
  deleteReview: () => require('./callables/reviews').deleteReview,
  replyToReview: () => require('./callables/reviews').replyToReview,
  deleteReply: () => require('./callables/reviews').deleteReply,
  reportReview: () => require('./callables/reviews').reportReview,
  moderateReview: () => require('./callables/reviews').moderateReview,
  onReviewCreated: () => require('./triggers/reviewCreated').onReviewCreated,
  onReviewUpdated: () => require('./triggers/reviewUpdated').onReviewUpdated,
  // Personal data retention (docs/abuse-and-privacy.md)
  redactPersonalData: () => require('./scheduled/redactPersonalData').redactPersonalData,
  // Sales summary and orders export (docs/sales.md)
  getSalesSummary: () => require('./callables/sales').getSalesSummary,
  exportOrders: () => require('./callables/sales').exportOrders,
  onOrderWrittenSales: () => require('./triggers/salesDay').onOrderWrittenSales,
};
/* eslint-enable @typescript-eslint/no-require-imports */

for (const [name, load] of Object.entries(FUNCTIONS)) {
  Object.defineProperty(exports, name, { enumerable: true, get: load });
}
