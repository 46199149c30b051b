// The local stack with the partner center, for the browser tier and the screenshots: set-up (the
// web app is built when its sources changed), chromium, one stack start (hosting included), the
// seed, and a headless Chromium driven by playwright-core (web/node_modules).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, setUp } from './setup.mjs';
import { chooseFirestore, PORTS, startStack } from './stack.mjs';
import { takenPorts } from './stackProcesses.mjs';
import { CHROMIUM, ensureBrowser, WEB_DIR } from './web.mjs';

export const WEB_URL = `http://127.0.0.1:${PORTS.hosting}/`;

export async function withPartnerCenter(run, { log = console.log } = {}) {
  const taken = await takenPorts(PORTS);
  if (taken.length) throw new Error(`${taken.join('; ')} (GOCAFEIN_PORT_OFFSET=300 shifts every port)`);
  const { hidane } = setUp({ rootPackages: true });
  ensureBrowser();
  const home = mkdtempSync(join(tmpdir(), 'gocafein-browser-'));
  process.env.GOCAFEIN_PUSH_OUTBOX = join(home, 'push-outbox.jsonl');
  writeFileSync(process.env.GOCAFEIN_PUSH_OUTBOX, '');
  const started = Date.now();
  const stack = await startStack({ hidaneBin: hidane, mode: chooseFirestore().mode, quiet: true, isolatedHome: home });
  let browser;
  try {
    Object.assign(process.env, {
      FIRESTORE_EMULATOR_HOST: `127.0.0.1:${PORTS.firestore}`,
      FIREBASE_AUTH_EMULATOR_HOST: `127.0.0.1:${PORTS.auth}`,
    });
    const { seed } = await import('./seed.mjs');
    const seeded = await seed({ log: () => {} });
    log(`stack up and seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const { chromium } = createRequire(join(WEB_DIR, 'package.json'))('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--autoplay-policy=no-user-gesture-required'],
    });
    return await run({ browser, seeded, stack });
  } finally {
    await browser?.close().catch(() => {});
    await stack.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

/** A phone-sized page (the owners' device), Korean, Seoul time. */
export async function phonePage(browser, { width = 390, height = 844, scale = 2 } = {}) {
  const context = await browser.newContext({
    viewport: { width, height },
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
    deviceScaleFactor: scale,
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  return { page, context, problems };
}

export async function signInAs(page, account) {
  await page.goto(WEB_URL);
  await page.getByLabel('이메일').fill(account.email);
  await page.getByLabel('비밀번호').fill(account.password);
  await page.getByRole('button', { name: '로그인' }).click();
  await page.getByRole('button', { name: '파트너센터 나가기' }).waitFor();
}

export { ROOT };
