#!/usr/bin/env node
// The demo that `npm run demo` (scripts/demo.mjs) runs: against the running local stack (`npm start`), walks one pickup order and one
// delivery order through their whole lifecycles exactly as the apps do — Firebase JS SDK
// httpsCallable with Auth emulator users — printing each step, the order's state, and one
// forbidden action with its Korean error message. The parcel's delivery arrives as a signed
// courier-tracking webhook, which completes the order.
import { createHmac, randomUUID } from 'node:crypto';
import { doc, getDoc } from 'firebase/firestore';
import { ACCOUNTS } from './accounts.mjs';
import { REGION, signIn } from './client.mjs';
import { localSecret, PORTS, PROJECT_ID } from './stack.mjs';
import { DEMO_STORE_NAME } from './seed.mjs';

const say = (text) => console.log(text);
const show = (label, order) =>
  say(`  ${label.padEnd(28)} → #${order.orderNumber ?? '?'} ${order.status} (${order.statusLabel}) v${order.version}`);

async function findDemoStore(client) {
  const { collection, getDocs, query, where } = await import('firebase/firestore');
  const stores = await getDocs(query(collection(client.firestore, 'stores'), where('active', '==', true)));
  const store = stores.docs.find((d) => d.get('name') === DEMO_STORE_NAME);
  if (!store) throw new Error(`store ${DEMO_STORE_NAME} not found: is \`npm start\` running and seeded?`);
  return store.id;
}

async function menuItemId(client, storeId, name) {
  const { collection, getDocs } = await import('firebase/firestore');
  const items = await getDocs(collection(client.firestore, 'stores', storeId, 'menuItems'));
  const item = items.docs.find((d) => d.get('name') === name);
  if (!item) throw new Error(`menu item ${name} not found`);
  return item.id;
}

async function sendDeliveredWebhook(carrier, trackingNumber) {
  const body = JSON.stringify({
    eventId: `demo-${randomUUID()}`,
    carrier,
    trackingNumber,
    status: 'delivered',
    occurredAt: new Date().toISOString(),
    location: '서울 중구',
    description: '배송완료',
  });
  const timestamp = Math.floor(Date.now() / 1000);
  const secret = localSecret('TRACKING_WEBHOOK_SECRET');
  const signature = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
  const response = await fetch(`http://127.0.0.1:${PORTS.functions}/${PROJECT_ID}/${REGION}/trackingWebhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-gocafein-timestamp': String(timestamp), 'x-gocafein-signature': signature },
    body,
  });
  if (!response.ok) throw new Error(`tracking webhook answered ${response.status}: ${await response.text()}`);
}

/** Waits (reading as the customer app does) until the timer has completed the order. */
async function waitForTimer(customer, orderId, dueAt) {
  const deadline = dueAt + 60_000;
  for (;;) {
    const snapshot = await getDoc(doc(customer.firestore, 'orders', orderId));
    if (snapshot.get('status') !== 'received' && snapshot.get('status') !== 'preparing') return snapshot;
    if (Date.now() > deadline) throw new Error(`order ${orderId} was not completed by its timer a minute after it was due`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

export async function runDemo() {
  const owner = await signIn(ACCOUNTS.owner.email, ACCOUNTS.owner.password);
  const staff = await signIn(ACCOUNTS.staff.email, ACCOUNTS.staff.password);
  const customer = await signIn(ACCOUNTS.customer.email, ACCOUNTS.customer.password);
  try {
    const storeId = await findDemoStore(customer);
    const americano = await menuItemId(customer, storeId, '아메리카노');
    const beans = await menuItemId(customer, storeId, '원두 200g (배송 가능)');

    // The timer order goes first: it completes by itself AUTO_COMPLETE_DELAY_MINUTES after it was
    // placed (2 in functions/.env.local), while the two lifecycles below run.
    const timer = await customer.call('placeOrder', {
      storeId,
      channel: 'takeout',
      requestId: randomUUID(),
      items: [{ menuItemId: americano, quantity: 1, options: [{ groupId: 'size', choiceIds: ['regular'] }] }],
    });
    const timerOrder = await getDoc(doc(customer.firestore, 'orders', timer.orderId));
    const dueAt = timerOrder.get('autoCompleteAt').toMillis();
    say(`\n[타이머] 자동 완료될 주문 #${timer.orderNumber}: ${new Date(dueAt).toISOString()}에 자동 완료 예정 (아무도 처리하지 않음)`);

    say(`\n[매장/포장] ${DEMO_STORE_NAME}`);
    const placed = await customer.call('placeOrder', {
      storeId,
      channel: 'takeout',
      requestId: randomUUID(),
      items: [
        {
          menuItemId: americano,
          quantity: 2,
          options: [
            { groupId: 'size', choiceIds: ['large'] },
            { groupId: 'shot', choiceIds: ['extra1'] },
          ],
        },
      ],
    });
    show(`고객 주문 (${placed.total.toLocaleString('ko-KR')}원)`, placed.order);
    const pickupId = placed.orderId;
    show('직원 준비시작 (10분)', await staff.call('startPreparing', { orderId: pickupId, prepMinutes: 10 }));
    show('사장님 처리 완료', await owner.call('completeOrder', { orderId: pickupId }));

    say(`\n[배송] ${DEMO_STORE_NAME}`);
    const parcel = await customer.call('placeOrder', {
      storeId,
      channel: 'delivery',
      requestId: randomUUID(),
      items: [{ menuItemId: beans, quantity: 1 }],
      delivery: { recipient: '박고객', phone: '010-2345-6789', postalCode: '04524', address1: '서울 중구 세종대로 110', address2: '10층' },
    });
    show(`고객 주문 (${parcel.total.toLocaleString('ko-KR')}원)`, parcel.order);
    const deliveryId = parcel.orderId;
    show('사장님 배송 준비', await owner.call('prepareShipment', { orderId: deliveryId }));
    show(
      '사장님 발송 처리 (CJ대한통운)',
      await owner.call('shipOrder', { orderId: deliveryId, carrier: 'cj', trackingNumber: '6012-3456-7890' }),
    );
    const edited = await owner.call('updateTracking', { orderId: deliveryId, carrier: 'hanjin', trackingNumber: '420123456789' });
    show('사장님 송장 수정 (한진택배)', edited);
    try {
      await customer.call('cancelOrder', { orderId: deliveryId, reason: 'changed_mind' });
      throw new Error('the forbidden cancellation succeeded');
    } catch (error) {
      if (!error.code) throw error;
      say(`  고객 취소 시도 (금지)             ✗ ${error.code} ${error.details?.reason}: ${error.details?.message}`);
    }
    await sendDeliveredWebhook('hanjin', '420123456789');
    // The customer app reads its order directly from Firestore (rules allow its own orders).
    let snapshot;
    for (let attempt = 0; attempt < 50; attempt += 1) {
      snapshot = await getDoc(doc(customer.firestore, 'orders', deliveryId));
      if (snapshot.get('status') === 'completed') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    say(`  택배사 배송완료 (webhook)        → #${snapshot.get('orderNumber')} ${snapshot.get('status')} v${snapshot.get('version')}`);

    const remaining = Math.max(0, dueAt - Date.now());
    say(`\n[타이머] 주문 #${timer.orderNumber} 자동 완료 대기 (약 ${Math.ceil(remaining / 1000)}초)…`);
    const timed = await waitForTimer(customer, timer.orderId, dueAt);
    const completion = timed.get('completion');
    say(
      `  시스템 자동 완료 (타이머)        → #${timed.get('orderNumber')} ${timed.get('status')} by ${completion?.by}, ` +
        `예정보다 ${((completion?.at?.toMillis?.() ?? completion?.at) - dueAt) / 1000}초 뒤`,
    );

    const pickup = await getDoc(doc(customer.firestore, 'orders', pickupId));
    const result = {
      pickup: pickup.get('status'),
      delivery: snapshot.get('status'),
      timer: timed.get('status'),
      timerBy: completion?.by ?? null,
      timerLateMs: (completion?.at?.toMillis?.() ?? completion?.at) - dueAt,
      pickupId,
      deliveryId,
      timerId: timer.orderId,
      storeId,
    };
    say(`\n결과: 매장/포장 ${result.pickup}, 배송 ${result.delivery}, 타이머 ${result.timer} (${result.timerBy})`);
    // One machine-readable line for scripts and tests (docs/local-stack.md).
    say(`demo result: ${JSON.stringify(result)}`);
    return result;
  } finally {
    await Promise.all([owner.close(), staff.close(), customer.close()]);
  }
}
