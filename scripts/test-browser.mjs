#!/usr/bin/env node
// The browser tier of `npm test`: the partner center (web/) in headless Chromium (Debian's
// chromium, driven by playwright-core) against the local stack with the seeded demo store. Each
// check below drives the page the way an owner does and asserts what a person would see; the
// customer side and the courier webhook act through the client package and HTTP, as real apps do.
// Ends with "browser: N passed, N failed" (scripts/test.mjs adds it to its summary).
import { strict as assert } from 'node:assert';
import { createHmac, randomUUID } from 'node:crypto';
import { ACCOUNTS } from './lib/accounts.mjs';
import { phonePage, signInAs, WEB_URL, withPartnerCenter } from './lib/browserStack.mjs';
import { localSecret, PORTS, PROJECT_ID } from './lib/stack.mjs';

const results = [];
const started = Date.now();
async function check(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ✓ ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(
      `  ✗ ${name}\n    ${String(error?.stack ?? error)
        .split('\n')
        .slice(0, 6)
        .join('\n    ')}`,
    );
  }
}

const T = { timeout: 15_000 };

/** The cards of one list once it has answered (`data-view` names the tab and sub-tab shown). */
async function cards(page, view) {
  const panel = page.locator(`[role="tabpanel"][data-view="${view}"][aria-busy="false"]`);
  await panel.waitFor(T);
  return panel
    .locator('.ordercard')
    .evaluateAll((nodes) =>
      nodes.map((n) => ({ number: Number(n.querySelector('.ordernumber').textContent.slice(1)), text: n.textContent })),
    );
}

async function openTab(page, name) {
  await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
}

async function statusIs(page, label) {
  await page.locator('[data-testid="detail-status"]', { hasText: label }).waitFor(T);
}

async function sendDeliveredWebhook(carrier, trackingNumber) {
  const body = JSON.stringify({
    eventId: `browser-${randomUUID()}`,
    carrier,
    trackingNumber,
    status: 'delivered',
    occurredAt: new Date().toISOString(),
    location: '서울 중구',
    description: '배송완료',
  });
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `sha256=${createHmac('sha256', localSecret('TRACKING_WEBHOOK_SECRET')).update(`${timestamp}.${body}`).digest('hex')}`;
  const response = await fetch(`http://127.0.0.1:${PORTS.functions}/${PROJECT_ID}/asia-northeast3/trackingWebhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-gocafein-timestamp': String(timestamp), 'x-gocafein-signature': signature },
    body,
  });
  assert.ok(response.ok, `tracking webhook answered ${response.status}`);
}

await withPartnerCenter(async ({ browser, seeded }) => {
  const { signIn } = await import('./lib/client.mjs');
  const { REASONS } = await import('../client/dist/index.js');
  const customer = await signIn(ACCOUNTS.customer.email, ACCOUNTS.customer.password);
  const { page, problems } = await phonePage(browser);
  const { storeId, items } = seeded;
  const pickupLine = {
    menuItemId: items['아메리카노'],
    quantity: 2,
    options: [
      { groupId: 'size', choiceIds: ['large'] },
      { groupId: 'shot', choiceIds: ['extra1'] },
    ],
  };
  let pickup;
  let delivery;

  await check('the demo owner signs in and lands on the demo store (one store: no picker)', async () => {
    await signInAs(page, ACCOUNTS.owner);
    await page.getByRole('heading', { name: '고카페인 데모점' }).waitFor(T);
    assert.match(page.url(), new RegExp(`#/store/${storeId}$`));
  });

  await check('매장/포장 and 배송 tabs hold the seeded orders, newest first, with waiting counts', async () => {
    const open = await cards(page, 'pickup-open');
    assert.equal(open.length, 2, JSON.stringify(open));
    assert.ok(open[0].number > open[1].number, 'newest first');
    assert.deepEqual(open.map((c) => (/주문 접수/.test(c.text) ? '주문 접수' : /준비중/.test(c.text) ? '준비중' : '?')).sort(), [
      '주문 접수',
      '준비중',
    ]);
    assert.equal(
      await page
        .getByRole('tab', { name: /^매장\/포장/ })
        .locator('.count')
        .textContent(),
      '1',
    );
    assert.equal(await page.getByRole('tab', { name: /^배송/ }).locator('.count').textContent(), '1');
    await page.getByRole('tab', { name: /^완료·취소/ }).click();
    const finished = await cards(page, 'pickup-finished');
    // The seed's finished pickup orders: one completed and one cancelled, plus the takeout orders
    // completed for the seeded reviews (seedReviews.mjs).
    const expectedFinished = [...Array(1 + seeded.reviewedOrders).fill('완료'), '취소'];
    assert.deepEqual(finished.map((c) => (/완료/.test(c.text) ? '완료' : /취소/.test(c.text) ? '취소' : '?')).sort(), expectedFinished);
    await openTab(page, '배송');
    for (const [sub, label, view] of [
      ['신규', '주문 접수', 'received'],
      ['배송 준비 중', '배송 준비 중', 'preparing_shipment'],
      ['배송 중', '배송 중', 'shipped'],
      ['완료·취소', '취소', 'finished'],
    ]) {
      await page.getByRole('tab', { name: new RegExp(`^${sub}`) }).click();
      const list = await cards(page, `delivery-${view}`);
      assert.equal(list.length, 1, `${sub}: ${JSON.stringify(list)}`);
      assert.match(list[0].text, new RegExp(label));
      assert.match(list[0].text, /배송/);
    }
    await openTab(page, '매장/포장');
    await page.getByRole('tab', { name: /^진행 중/ }).click();
  });

  await check('a customer order placed through the client package appears live, with its alert and chime', async () => {
    const before = Number((await page.evaluate(() => document.documentElement.dataset.chimes)) ?? 0);
    pickup = await customer.api.placeOrder({
      storeId,
      channel: 'takeout',
      requestId: `browser-${randomUUID()}`,
      items: [pickupLine],
      customerNote: '얼음 적게',
    });
    const alert = page.getByRole('alert').filter({ hasText: `#${pickup.orderNumber}` });
    await alert.waitFor(T);
    assert.match(await alert.textContent(), /새 주문이 접수되었습니다.*포장/);
    const open = await cards(page, 'pickup-open');
    assert.equal(open[0].number, pickup.orderNumber, 'the new order is first');
    assert.equal(
      await page
        .getByRole('tab', { name: /^매장\/포장/ })
        .locator('.count')
        .textContent(),
      '2',
    );
    const after = Number(await page.evaluate(() => document.documentElement.dataset.chimes));
    assert.equal(after, before + 1, 'one chime for one new order');
  });

  await check(
    'the pickup order: detail (items, options, prices, note, history, time to auto-complete), 준비시작 with a prep time, 처리 완료',
    async () => {
      await page
        .getByRole('alert')
        .filter({ hasText: `#${pickup.orderNumber}` })
        .getByRole('button', { name: '주문 보기' })
        .click();
      const detail = page.getByRole('dialog', { name: new RegExp(`주문 #${pickup.orderNumber}`) });
      await detail.waitFor(T);
      await statusIs(page, '주문 접수');
      const text = await detail.textContent();
      for (const expected of ['포장', '아메리카노 × 2', '사이즈: 라지 (+500원)', '샷: 샷 추가 (+500원)', '10,000원', '얼음 적게']) {
        assert.ok(text.includes(expected), `detail lacks ${expected}: ${text}`);
      }
      assert.equal(await detail.getByTestId('total').textContent(), '10,000원');
      assert.match(await detail.locator('.history li').first().textContent(), /주문 접수 · 고객$/);
      assert.match(await page.getByTestId('auto-complete').textContent(), /자동 완료까지 \d+(분 \d+)?초/);
      assert.equal(await detail.getByRole('button', { name: '처리 완료' }).count(), 0, 'no 처리 완료 before 준비시작');
      await detail.getByRole('button', { name: '준비시작' }).click();
      const prep = page.getByRole('dialog', { name: '준비시작' });
      await prep.getByLabel('15분').check();
      await prep.getByRole('button', { name: '15분으로 준비시작' }).click();
      await statusIs(page, '준비중');
      await detail.getByText('준비 시간 15분').waitFor(T);
      await detail.getByRole('button', { name: '처리 완료' }).click();
      await statusIs(page, '완료');
      assert.equal(await detail.getByRole('button', { name: /준비시작|처리 완료|주문 취소/ }).count(), 0, 'no action on a completed order');
      await detail.locator('.history li').nth(2).waitFor(T);
      assert.match(await detail.locator('.history').textContent(), /주문 접수.*준비 시작 → 준비중.*처리 완료 → 완료/);
      await detail.getByRole('button', { name: '닫기' }).click();
      await page.getByRole('tab', { name: /^완료·취소/ }).click();
      assert.ok(
        (await cards(page, 'pickup-finished')).some((c) => c.number === pickup.orderNumber),
        'in the finished list',
      );
    },
  );

  await check('the delivery order: 배송 준비, 발송 처리 (송장번호 checked as typed), 송장 수정, completed by the courier', async () => {
    delivery = await customer.api.placeOrder({
      storeId,
      channel: 'delivery',
      requestId: `browser-${randomUUID()}`,
      items: [{ menuItemId: items['원두 200g (배송 가능)'], quantity: 2 }],
      delivery: { recipient: '박고객', phone: '010-2345-6789', postalCode: '04524', address1: '서울 중구 세종대로 110', address2: '3층' },
    });
    await page
      .getByRole('alert')
      .filter({ hasText: `#${delivery.orderNumber}` })
      .waitFor(T);
    await openTab(page, '배송');
    await page.getByRole('tab', { name: /^신규/ }).click();
    await page.locator(`.ordercard[data-order-id="${delivery.orderId}"]`).click();
    const detail = page.getByRole('dialog', { name: new RegExp(`주문 #${delivery.orderNumber}`) });
    const text = await detail.textContent();
    for (const expected of [
      '배송',
      '원두 200g (배송 가능) × 2',
      '배송비',
      '3,000원',
      '27,000원',
      '서울 중구 세종대로 110 3층',
      '010-2345-6789',
    ]) {
      assert.ok(text.includes(expected), `detail lacks ${expected}: ${text}`);
    }
    assert.equal(await detail.getByRole('button', { name: '발송 처리' }).count(), 0, 'no 발송 처리 before 배송 준비');
    await detail.getByRole('button', { name: '배송 준비' }).click();
    await statusIs(page, '배송 준비 중');
    await detail.getByRole('button', { name: '발송 처리' }).click();
    const ship = page.getByRole('dialog', { name: '발송 처리' });
    await ship.getByLabel('택배사').selectOption('cj');
    await ship.getByLabel('송장번호').fill('1234');
    assert.match(await ship.locator('#tracking-hint').textContent(), /10 또는 12자리 숫자입니다. \(지금 4자리\)/);
    assert.ok(await ship.getByRole('button', { name: '발송 처리' }).isDisabled(), 'submit disabled while the number is wrong');
    await ship.getByLabel('송장번호').fill('6012-3456-7890');
    assert.equal(await ship.locator('#tracking-hint').textContent(), '올바른 송장번호입니다.');
    await ship.getByRole('button', { name: '발송 처리' }).click();
    await statusIs(page, '배송 중');
    await detail.getByText('CJ대한통운 601234567890').waitFor(T);
    assert.equal(await detail.getByRole('button', { name: '주문 취소' }).count(), 0, 'no cancel after shipment');
    await detail.getByRole('button', { name: '송장 수정' }).click();
    const edit = page.getByRole('dialog', { name: '송장 수정' });
    await edit.getByLabel('택배사').selectOption('hanjin');
    await edit.getByLabel('송장번호').fill('420123456789');
    await edit.getByRole('button', { name: '송장 수정' }).click();
    await detail.getByText('한진택배 420123456789').waitFor(T);
    await sendDeliveredWebhook('hanjin', '420123456789');
    await statusIs(page, '완료');
    assert.match(
      await detail.locator('.history').textContent(),
      /배송 준비 → 배송 준비 중.*발송 처리 → 배송 중.*송장 수정.*배송 완료 → 완료/,
    );
    await detail.getByRole('button', { name: '닫기' }).click();
    await page.getByRole('tab', { name: /^완료·취소/ }).click();
    assert.ok(
      (await cards(page, 'delivery-finished')).some((c) => c.number === delivery.orderNumber),
      'in the finished list',
    );
  });

  await check("a refused action shows the server's Korean message (기타 without a memo; staff closing the store)", async () => {
    await openTab(page, '매장/포장');
    await page.getByRole('tab', { name: /^진행 중/ }).click();
    // A fresh order: the seeded ones complete by their 2-minute local timer (functions/.env.local).
    const received = await customer.api.placeOrder({
      storeId,
      channel: 'dine_in',
      requestId: `browser-${randomUUID()}`,
      items: [pickupLine],
    });
    await page.locator(`.ordercard[data-order-id="${received.orderId}"]`).click();
    const detail = page.getByRole('dialog', { name: new RegExp(`주문 #${received.orderNumber}`) });
    await detail.getByRole('button', { name: '주문 취소' }).click();
    const cancel = page.getByRole('dialog', { name: '주문 취소' });
    await cancel.getByLabel('취소 사유').selectOption('other');
    await cancel.getByRole('button', { name: '주문 취소' }).click();
    const refusal = cancel.getByRole('alert');
    await refusal.waitFor(T);
    assert.equal(await refusal.getAttribute('data-reason'), 'invalid_argument');
    assert.match(await refusal.textContent(), /[가-힣]/);
    assert.ok((await refusal.textContent()).startsWith(REASONS.invalid_argument.message), await refusal.textContent());
    await cancel.getByRole('button', { name: '닫기' }).click();
    await statusIs(page, '주문 접수');
    await detail.getByRole('button', { name: '닫기' }).click();

    const staff = await phonePage(browser);
    await signInAs(staff.page, ACCOUNTS.staff);
    await staff.page.getByRole('link', { name: '매장 설정' }).click();
    await staff.page.getByRole('button', { name: '영업 종료' }).click();
    const denied = staff.page.getByRole('alert');
    await denied.waitFor(T);
    assert.equal(await denied.textContent(), REASONS.store_owner_only.message);
    assert.equal(await staff.page.getByTestId('store-status').textContent(), '영업중');
    await staff.context.close();
  });

  await check('a staff member of another store sees nothing of the demo store', async () => {
    const { getAuth } = await import('firebase-admin/auth');
    const other = {
      owner: { email: 'owner2@gocafein.test', password: 'owner2-pass-1234' },
      staff: { email: 'staff2@gocafein.test', password: 'staff2-pass-1234' },
    };
    // Verified emails: applying for a store and accepting an invitation need them (issue 11).
    for (const account of Object.values(other)) await getAuth().createUser({ ...account, emailVerified: true });
    const owner2 = await signIn(other.owner.email, other.owner.password);
    const admin = await signIn(ACCOUNTS.admin.email, ACCOUNTS.admin.password);
    const application = await owner2.api.submitPartnerApplication({
      storeName: '다른 카페',
      ownerName: '최사장',
      businessNumber: '110-81-00005',
      phone: '02-123-4567',
      address: { postalCode: '03000', address1: '서울 종로구 1' },
      channels: ['takeout'],
    });
    const { storeId: otherStore } = await admin.api.reviewPartnerApplication({
      applicationId: application.applicationId,
      decision: 'approve',
    });
    await owner2.refreshClaims();
    const { invitationId } = await owner2.api.inviteStoreMember({ storeId: otherStore, email: other.staff.email, role: 'staff' });
    const invitee = await signIn(other.staff.email, other.staff.password);
    await invitee.api.acceptStoreInvitation({ invitationId });
    await Promise.all([owner2.close(), admin.close(), invitee.close()]);

    const staff2 = await phonePage(browser);
    await signInAs(staff2.page, other.staff);
    await staff2.page.getByRole('heading', { name: '다른 카페' }).waitFor(T);
    await staff2.page.getByText('처리할 주문이 없습니다.').waitFor(T);
    await staff2.page.goto(`${WEB_URL}#/store/${storeId}`);
    await staff2.page.getByText('이 매장의 파트너센터에 접근할 권한이 없습니다.').waitFor(T);
    assert.equal(await staff2.page.locator('.ordercard').count(), 0);
    // And the rules refuse the demo store's order query to this user outright.
    const { getDocs } = await import('firebase/firestore');
    const { pickupOpenOrders } = await import('../client/dist/index.js');
    const direct = await signIn(other.staff.email, other.staff.password);
    await assert.rejects(getDocs(pickupOpenOrders(direct.firestore, storeId)), /permission/i);
    await direct.close();
    await staff2.context.close();
  });

  await check('파트너센터 나가기 signs out; no page errors on the way', async () => {
    await page.getByRole('button', { name: '파트너센터 나가기' }).click();
    await page.getByRole('button', { name: '로그인' }).waitFor(T);
    assert.deepEqual(problems, []);
  });
  await customer.close();
});

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`browser: ${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
