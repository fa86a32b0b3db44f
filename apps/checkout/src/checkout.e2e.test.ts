import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { getAssociatedTokenAddressSync } from '@solana/spl-token';
import { Connection } from '@solana/web3.js';
import { startLocalStack, type LocalStack } from '@solpay/local';
import { launchChromium, newPhoneContext } from '@solpay/testkit';
import type { Browser, Page } from 'playwright-core';

const ROOT = resolve(__dirname, '../../..');
const ARTIFACTS = join(ROOT, 'test-artifacts');

let dataDir: string;
let stack: LocalStack;
let browser: Browser;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'checkout-e2e-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  stack = await startLocalStack({ ports: 0, dataDir });
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
  rmSync(dataDir, { recursive: true, force: true });
}, 30_000);

async function merchantUsdc(): Promise<bigint> {
  const chain = stack.chain;
  if (!chain) throw new Error('the e2e test needs the local chain');
  const ata = getAssociatedTokenAddressSync(chain.mint, chain.merchant.publicKey);
  const balance = await new Connection(stack.urls.rpc, 'confirmed').getTokenAccountBalance(ata);
  return BigInt(balance.value.amount);
}

/** Waits until the checkout form is fully drawn: amount, QR image and the test wallet. */
async function formReady(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: /\$49\.90/ }).waitFor();
  await page.locator('img.qr-image[src^="data:image/svg+xml"]').waitFor();
  await page.getByRole('button', { name: 'Pay with Local test wallet' }).waitFor();
}

describe('checkout page (browser, whole local stack)', () => {
  it('places an order in the store, pays it with the test wallet and lands on Shopify', async () => {
    const simulator = stack.simulator;
    if (!simulator) throw new Error('the e2e test needs the Shopify simulator');
    const usdcBefore = await merchantUsdc();
    const context = await browser.newContext({
      ignoreHTTPSErrors: true,
      viewport: { width: 1280, height: 960 },
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    // Storefront → "Buy with Solana Pay" → Shopify sends the payment session → our checkout page.
    await page.goto(`${stack.urls.shopify}/`);
    await page.getByLabel('Price').fill('49.90');
    await page.getByRole('button', { name: 'Buy with Solana Pay' }).click();
    await page
      .waitForURL((url) => url.href.startsWith(`${stack.urls.checkout}/pay/`), { timeout: 20_000 })
      .catch(async (error: unknown) => {
        const shown = (await page.innerText('body')).slice(0, 600);
        throw new Error(
          `The store did not send the buyer to the checkout page. It shows:\n${shown}`,
          {
            cause: error,
          },
        );
      });
    const checkoutUrl = page.url();
    await formReady(page);
    // Where the buyer is: a test badge (local chain), the shop and the order reference.
    expect(await page.locator('#environment-badge').innerText()).toBe('Test · localnet');
    expect(await page.locator('.topbar .merchant-name').innerText()).toBe('Demo Shop');
    const session = simulator.orders().at(-1)?.paymentSessions.at(-1);
    expect(await page.locator('#order-reference').innerText()).toBe(session?.id ?? 'missing');
    expect(await page.locator('#payment-status').innerText()).toContain('Waiting for payment');
    expect(await page.locator('a.open-wallet').getAttribute('href')).toMatch(/^solana:https/);
    expect(await page.locator('img.qr-image').getAttribute('alt')).toMatch(
      /QR code to pay 49\.90 USDC/,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'checkout.png'), fullPage: true });
    mkdirSync(join(ROOT, 'docs', 'images'), { recursive: true });
    copyFileSync(join(ARTIFACTS, 'checkout.png'), join(ROOT, 'docs', 'images', 'checkout.png'));

    // The same page on a phone: the deep link comes first.
    const phone = await newPhoneContext(browser);
    const phonePage = await phone.newPage();
    await phonePage.goto(checkoutUrl);
    await formReady(phonePage);
    await phonePage.getByRole('link', { name: 'Open in wallet app' }).waitFor();
    // 390×844: badge, amount, token amount and the wallet button all above the fold.
    for (const selector of ['#environment-badge', 'h1', '.token-amount', 'a.open-wallet']) {
      const box = await phonePage.locator(selector).boundingBox();
      expect(box).not.toBeNull();
      expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(844);
    }
    await phonePage.screenshot({ path: join(ARTIFACTS, 'checkout-phone.png'), fullPage: true });
    copyFileSync(
      join(ARTIFACTS, 'checkout-phone.png'),
      join(ROOT, 'docs', 'images', 'checkout-phone.png'),
    );
    await phone.close();

    // Pay with the built-in test wallet, exactly like a browser extension wallet.
    await page.getByRole('button', { name: 'Pay with Local test wallet' }).click();
    await page.getByRole('heading', { name: 'Payment received' }).waitFor({ timeout: 45_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'checkout-paid.png'), fullPage: true });

    // Shopify's redirectUrl: the simulator's thank-you page.
    await page.waitForURL(/\/orders\/[A-Za-z0-9]+\/thank_you$/, { timeout: 45_000 });
    expect(page.url().startsWith(stack.urls.shopify)).toBe(true);
    await page.getByRole('heading', { name: 'Thank you — order paid' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'checkout-thank-you.png'), fullPage: true });

    const resolves = simulator.mutations().filter((m) => m.mutation === 'paymentSessionResolve');
    expect(resolves).toHaveLength(1);
    expect(resolves[0]?.answeredWith).toBe('success');
    expect((await merchantUsdc()) - usdcBefore).toBe(49_900_000n);

    // Reloading the checkout page after paying shows the result (then leaves again), never the form.
    await page.goto(checkoutUrl);
    await page.getByRole('heading', { name: 'Payment received' }).waitFor();
    expect(await page.getByRole('button', { name: 'Pay with Local test wallet' }).count()).toBe(0);
    await page.waitForURL(/\/thank_you$/, { timeout: 15_000 });
    expect(
      simulator.mutations().filter((m) => m.mutation === 'paymentSessionResolve'),
    ).toHaveLength(1);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 120_000);

  it('shows "Payment not found" for an unknown payment id, with a way back to the store', async () => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    await page.goto(`${stack.urls.shopify}/`);
    await page.goto(`${stack.urls.checkout}/pay/00000000-0000-4000-8000-000000000000`);
    await page.getByRole('heading', { name: 'Payment not found' }).waitFor();
    await page.getByRole('button', { name: 'Back to the store' }).click();
    await page.waitForURL((url) => url.href.startsWith(stack.urls.shopify));
    await context.close();
  }, 30_000);

  it('says "not enough USDC" once, with the next step, and stays payable', async () => {
    const simulator = stack.simulator;
    if (!simulator) throw new Error('the e2e test needs the Shopify simulator');
    // The test buyer holds 1,000 USDC (less whatever earlier tests spent).
    const placed = await simulator.placeOrder({ amount: '5000.00' });
    const context = await browser.newContext({ ignoreHTTPSErrors: true, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(placed.redirectUrl);
    await page.getByRole('heading', { level: 1, name: /\$5,000\.00/ }).waitFor();
    await page.getByRole('button', { name: 'Pay with Local test wallet' }).click();
    const problem = page.locator('#wallet-error');
    await problem
      .getByText(
        /^Not enough USDC in this wallet: it holds [\d,.]+ USDC and this payment needs 5,000\.00 USDC\. Add USDC to it, or pay from another wallet or by scanning the QR code\.$/,
      )
      .waitFor();
    const body = await page.innerText('body');
    expect(body.match(/Not enough USDC/g)).toHaveLength(1);
    expect(body).not.toMatch(/holds [\d.]+ USDC;/);
    expect(await page.locator('#payment-status').innerText()).toContain('Waiting for payment');
    expect(await page.getByRole('button', { name: 'Pay with Local test wallet' }).isEnabled()).toBe(
      true,
    );
    await page.screenshot({
      path: join(ARTIFACTS, 'checkout-not-enough-usdc.png'),
      fullPage: true,
    });
    await context.close();
  }, 60_000);
});
