#!/usr/bin/env node
// `npm run screenshots`: the partner center's main screens, on a phone-sized viewport, from the
// seeded demo store, into docs/screenshots/ (used by README and docs/web.md).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { ACCOUNTS } from './lib/accounts.mjs';
import { phonePage, ROOT, signInAs, withPartnerCenter } from './lib/browserStack.mjs';

const OUT = join(ROOT, 'docs', 'screenshots');
mkdirSync(OUT, { recursive: true });

await withPartnerCenter(async ({ browser, seeded }) => {
  const { signIn } = await import('./lib/client.mjs');
  const customer = await signIn(ACCOUNTS.customer.email, ACCOUNTS.customer.password);
  const shot = async (page, name) => {
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUT, `${name}.png`) });
    console.log(`docs/screenshots/${name}.png`);
  };

  const { page } = await phonePage(browser);
  await signInAs(page, ACCOUNTS.owner);
  await page.locator('.ordercard').first().waitFor();
  const order = await customer.api.placeOrder({
    storeId: seeded.storeId,
    channel: 'takeout',
    requestId: `shot-${randomUUID()}`,
    customerNote: '얼음 적게 주세요',
    items: [
      {
        menuItemId: seeded.items['아메리카노'],
        quantity: 2,
        options: [
          { groupId: 'size', choiceIds: ['large'] },
          { groupId: 'shot', choiceIds: ['extra1'] },
        ],
      },
      { menuItemId: seeded.items['카페라떼'], quantity: 1 },
    ],
  });
  await page
    .getByRole('alert')
    .filter({ hasText: `#${order.orderNumber}` })
    .waitFor();
  await shot(page, 'orders-pickup');

  await page.getByRole('alert').getByRole('button', { name: '주문 보기' }).first().click();
  await page.getByTestId('detail-status').waitFor();
  await page.locator('.history li').first().waitFor();
  await shot(page, 'order-detail');
  await page.getByRole('button', { name: '닫기' }).click();

  await page.getByRole('tab', { name: /^배송/ }).click();
  await page.locator('.ordercard').first().waitFor();
  await shot(page, 'orders-delivery');

  await page.getByRole('tab', { name: /^배송 준비 중/ }).click();
  await page.locator('.ordercard').first().click();
  await page.getByRole('button', { name: '발송 처리' }).click();
  const dialog = page.getByRole('dialog', { name: '발송 처리' });
  await dialog.getByLabel('송장번호').fill('6012-3456-7');
  await shot(page, 'ship-dialog');
  await dialog.getByRole('button', { name: '닫기' }).click();
  await page.getByRole('button', { name: '닫기' }).click();

  await page.getByRole('link', { name: '매장 설정' }).click();
  await page.locator('#members-title').waitFor();
  await page.locator('.list.plain li').first().waitFor();
  await shot(page, 'settings');

  await page.getByRole('link', { name: '리뷰' }).click();
  await page.locator('[role="tabpanel"][aria-busy="false"] article').first().waitFor();
  await shot(page, 'reviews');

  await page.getByRole('link', { name: '매출' }).click();
  await page.getByRole('button', { name: '오늘' }).click();
  await page.getByTestId('sales-summary').waitFor();
  await shot(page, 'sales');

  const desktop = await phonePage(browser, { width: 1280, height: 800, scale: 1 });
  await signInAs(desktop.page, ACCOUNTS.owner);
  await desktop.page.locator('.ordercard').first().waitFor();
  await shot(desktop.page, 'orders-desktop');
  await customer.close();
});
