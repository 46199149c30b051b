// Seeds the running local stack the way real users would: accounts in the Auth emulator, then the
// entry application, its approval, the store's menu and staff, and orders in every state of both
// flows — all through the callables, as the apps call them.
import { initializeApp as initializeAdmin, getApps } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { ACCOUNTS } from './accounts.mjs';
import { signIn } from './client.mjs';
import { PROJECT_ID } from './stack.mjs';
import { seedReviews } from './seedReviews.mjs';

export const DEMO_STORE_NAME = '고카페인 데모점';
export const DEMO_DEVICE_TOKENS = {
  owner: 'demo-fcm-token-owner-android',
  staff: 'demo-fcm-token-staff-ios',
  customer: 'demo-fcm-token-customer-ios',
};

const MENU = [
  {
    name: '아메리카노',
    price: 4000,
    category: '커피',
    options: [
      {
        groupId: 'size',
        name: '사이즈',
        required: true,
        maxSelect: 1,
        choices: [
          { id: 'regular', name: '레귤러', price: 0 },
          { id: 'large', name: '라지', price: 500 },
        ],
      },
      {
        groupId: 'shot',
        name: '샷',
        required: false,
        maxSelect: 1,
        choices: [
          { id: 'extra1', name: '샷 추가', price: 500 },
          { id: 'extra2', name: '2샷 추가', price: 1000 },
        ],
      },
      {
        groupId: 'syrup',
        name: '시럽',
        required: false,
        maxSelect: 2,
        choices: [
          { id: 'vanilla', name: '바닐라 시럽', price: 500 },
          { id: 'hazelnut', name: '헤이즐넛 시럽', price: 500 },
        ],
      },
    ],
  },
  { name: '카페라떼', price: 4500, category: '커피', options: [] },
  { name: '원두 200g (배송 가능)', price: 12000, category: '원두', options: [] },
  { name: '크루아상', price: 3500, category: '베이커리', options: [], soldOut: true },
];

function adminAuth() {
  if (getApps().length === 0) initializeAdmin({ projectId: PROJECT_ID });
  return getAuth();
}

export async function ensureAccounts() {
  const auth = adminAuth();
  for (const account of Object.values(ACCOUNTS)) {
    // Verified addresses: submitPartnerApplication refuses an unverified email (docs/abuse-and-privacy.md).
    try {
      const user = await auth.getUserByEmail(account.email);
      if (!user.emailVerified) await auth.updateUser(user.uid, { emailVerified: true });
    } catch {
      await auth.createUser({ email: account.email, password: account.password, displayName: account.displayName, emailVerified: true });
    }
  }
  // Store invitations are accepted only from a verified address (docs/onboarding.md "Invitations").
  for (const account of Object.values(ACCOUNTS)) {
    const user = await auth.getUserByEmail(account.email);
    if (!user.emailVerified) await auth.updateUser(user.uid, { emailVerified: true });
  }
  const admin = await auth.getUserByEmail(ACCOUNTS.admin.email);
  await auth.setCustomUserClaims(admin.uid, { ...(admin.customClaims ?? {}), admin: true });
}

export async function signInAll() {
  const clients = {};
  for (const [role, account] of Object.entries(ACCOUNTS)) clients[role] = await signIn(account.email, account.password);
  return clients;
}

export async function seed({ log = console.log } = {}) {
  await ensureAccounts();
  const { owner, staff, customer, admin } = await signInAll();

  const application = await owner.call('submitPartnerApplication', {
    storeName: DEMO_STORE_NAME,
    ownerName: '김사장',
    businessNumber: '220-81-62517',
    phone: '02-555-1234',
    address: { postalCode: '06236', address1: '서울 강남구 테헤란로 123', address2: '1층' },
    channels: ['dine_in', 'takeout', 'delivery'],
  });
  const { storeId } = await admin.call('reviewPartnerApplication', { applicationId: application.applicationId, decision: 'approve' });
  await owner.refreshClaims();
  await owner.call('updateStore', { storeId, deliveryFee: 3000, defaultPrepMinutes: 10 });
  await owner.call('setStoreStatus', { storeId, open: true });
  // 24시간 영업 with hours set (docs/hours.md): the demo shows the feature and takes orders at any hour.
  const allDay = [{ open: '00:00', close: '00:00' }];
  await owner.call('setStoreHours', {
    storeId,
    weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, allDay])),
    holidays: [],
  });
  const items = {};
  for (const { soldOut, ...item } of MENU) {
    const { itemId } = await owner.call('upsertMenuItem', { storeId, ...item });
    if (soldOut) await owner.call('setMenuItemSoldOut', { storeId, itemId, soldOut: true });
    items[item.name] = itemId;
  }
  const { invitationId } = await owner.call('inviteStoreMember', { storeId, email: ACCOUNTS.staff.email, role: 'staff' });
  await staff.call('acceptStoreInvitation', { invitationId });
  await staff.refreshClaims();
  // The apps register their FCM tokens at start-up (the tokens are placeholders: no FCM locally).
  await owner.call('registerDevice', { token: DEMO_DEVICE_TOKENS.owner, platform: 'android' });
  await staff.call('registerDevice', { token: DEMO_DEVICE_TOKENS.staff, platform: 'ios' });
  await customer.call('registerDevice', { token: DEMO_DEVICE_TOKENS.customer, platform: 'ios' });
  log(`seeded store ${DEMO_STORE_NAME} (${storeId}) with ${MENU.length} menu items (1 sold out)`);

  let n = 0;
  const place = (channel, extra = {}) => {
    n += 1;
    const line =
      channel === 'delivery'
        ? { menuItemId: items['원두 200g (배송 가능)'], quantity: 1 }
        : { menuItemId: items['아메리카노'], quantity: 1 + (n % 2), options: [{ groupId: 'size', choiceIds: ['regular'] }] };
    return customer.call('placeOrder', {
      storeId,
      channel,
      requestId: `seed-${Date.now()}-${n}`,
      items: [line, ...(channel === 'delivery' ? [] : [{ menuItemId: items['카페라떼'], quantity: 1 }])],
      ...(channel === 'delivery'
        ? { delivery: { recipient: '박고객', phone: '010-2345-6789', postalCode: '04524', address1: '서울 중구 세종대로 110' } }
        : {}),
      ...extra,
    });
  };
  // 매장/포장 in every state
  await place('dine_in', { customerNote: '진동벨 주세요' });
  const preparing = await place('takeout');
  await staff.call('startPreparing', { orderId: preparing.orderId, prepMinutes: 10 });
  const completed = await place('dine_in');
  await staff.call('startPreparing', { orderId: completed.orderId, prepMinutes: 5 });
  await owner.call('completeOrder', { orderId: completed.orderId });
  const cancelled = await place('takeout');
  await owner.call('cancelOrder', { orderId: cancelled.orderId, reason: 'sold_out', note: '우유 소진' });
  // 배송 in every state
  await place('delivery');
  const packing = await place('delivery');
  await owner.call('prepareShipment', { orderId: packing.orderId });
  const shipped = await place('delivery');
  await owner.call('prepareShipment', { orderId: shipped.orderId });
  await owner.call('shipOrder', { orderId: shipped.orderId, carrier: 'cj', trackingNumber: '123456789012' });
  const customerCancelled = await place('delivery');
  await customer.call('cancelOrder', { orderId: customerCancelled.orderId, reason: 'changed_mind' });
  log('seeded orders: 매장/포장 received, preparing, completed, cancelled; 배송 received, preparing_shipment, shipped, cancelled');

  const { reviewedOrders } = await seedReviews({ owner, staff, customer, storeId, items, log });

  await Promise.all([owner, staff, customer, admin].map((client) => client.close()));
  return { storeId, items, reviewedOrders };
}
