// The apps' Firestore reads with the app's own 'firebase/firestore' (see queries.ts).
import * as sdk from 'firebase/firestore';
import { createReads } from './queries.js';

export const {
  converter,
  appQuery,
  appDocument,
  pickupOpenOrders,
  pickupFinishedOrders,
  deliveryTabOrders,
  deliveryFinishedOrders,
  partnerOrderEvents,
  partnerOrderStaffActions,
  storePrivateProfile,
  storeMemberList,
  storeMemberContacts,
  storePendingInvitations,
  myStoreInvitations,
  partnerStoreReviews,
  partnerUnansweredReviews,
  publicStoreReviews,
  customerReviews,
  customerOrderHistory,
  customerOrderEvents,
  activeStores,
  storeDocument,
  storeMenu,
  orderDocument,
  userDocument,
  myPartnerApplications,
  pendingPartnerApplications,
} = createReads(sdk);
