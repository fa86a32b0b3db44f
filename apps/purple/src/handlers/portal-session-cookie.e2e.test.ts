/**
 * The cookie choices checked in a real browser (Chromium): the `SameSite=Lax` OAuth state
 * cookie survives Shopify's redirect back to purple, and the `SameSite=Lax` portal session
 * cookie is sent by the portal (another port of the same site) on credentialed `fetch` calls.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { launchChromium } from '@solpay/testkit';
import type { Browser } from 'playwright-core';
import { startPaymentHarness, type PaymentHarness } from '../test-support/payment-harness';

let h: PaymentHarness;
let browser: Browser;

beforeAll(async () => {
  h = await startPaymentHarness({ env: process.env, workers: [] });
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

describe('portal session cookie in a browser', () => {
  it('installs through the grant screen and calls the portal API from the portal origin', async () => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    await page.goto(`${h.stack.simulator!.url}/admin/apps/install?shop=${h.stack.demoShop.domain}`);
    await page.getByRole('button', { name: 'Install' }).click();
    await page.waitForURL((url) => url.origin === h.stack.urls.portal, { timeout: 20_000 });

    const cookies = await context.cookies(h.stack.urls.purple + '/portal/session');
    expect(cookies.find((c) => c.name === 'portal_session')).toMatchObject({
      httpOnly: true,
      secure: true,
      sameSite: 'Lax',
      path: '/portal',
    });

    const answer = await page.evaluate(async (purple) => {
      const response = await fetch(`${purple}/portal/session`, { credentials: 'include' });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    }, h.stack.urls.purple);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ merchant: { shop: h.stack.demoShop.domain } });

    const changed = await page.evaluate(
      async ({ purple, csrf }) => {
        const response = await fetch(`${purple}/portal/settings/configure`, {
          method: 'POST',
          credentials: 'include',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
          body: JSON.stringify({ acceptTerms: true }),
        });
        return response.status;
      },
      { purple: h.stack.urls.purple, csrf: String(answer.body.csrfToken) },
    );
    expect(changed).toBe(200);
    await context.close();
  }, 60_000);
});
