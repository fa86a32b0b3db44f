/**
 * The merchant portal in a real browser against the whole local stack: install from the
 * simulator's Shopify admin (OAuth grant), onboarding (payout wallet + activate), a paid order in
 * the payments list, a refund paid with the local merchant test wallet, and a refund rejected with
 * a reason — each checked against what Shopify (the simulator) was told and the buyer's USDC.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fetchTransaction, parseURL, type TransactionRequestURL } from '@solana/pay';
import { getAssociatedTokenAddressSync } from '@solana/spl-token';
import { Connection } from '@solana/web3.js';
import { startLocalStack, type LocalStack } from '@solpay/local';
import { launchChromium, newPhoneContext, pollUntil } from '@solpay/testkit';
import type { Browser, BrowserContext, Page } from 'playwright-core';

const ROOT = resolve(__dirname, '../../..');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const DOC_IMAGES = join(ROOT, 'docs', 'images');

let dataDir: string;
let stack: LocalStack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let connection: Connection;
const pageErrors: string[] = [];

function chain(): NonNullable<LocalStack['chain']> {
  if (!stack.chain) throw new Error('the e2e test needs the local chain');
  return stack.chain;
}

function simulator(): NonNullable<LocalStack['simulator']> {
  if (!stack.simulator) throw new Error('the e2e test needs the Shopify simulator');
  return stack.simulator;
}

function shop(): string {
  return stack.demoShop.domain;
}

/** Polls `probe` until it returns a value other than undefined (or throws after `timeoutMs`). */
const until = <T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 45_000,
) => pollUntil(what, probe, { timeoutMs, intervalMs: 250 });

async function buyerUsdc(): Promise<bigint> {
  const ata = getAssociatedTokenAddressSync(chain().mint, chain().buyer.publicKey);
  const balance = await connection.getTokenAccountBalance(ata, 'confirmed');
  return BigInt(balance.value.amount);
}

function mutationsNamed(name: string) {
  return simulator()
    .mutations()
    .filter((m) => m.mutation === name && m.shop === shop());
}

async function shot(name: string, target: Page = page, fullPage = true): Promise<string> {
  const path = join(ARTIFACTS, `${name}.png`);
  await target.screenshot({ path, fullPage });
  return path;
}

/** Places an order in the simulator (`/_sim/orders`) and pays it as a Solana Pay wallet would. */
async function placePaidOrder(amount: string): Promise<{ orderId: string; paymentId: string }> {
  const response = await fetch(`${stack.urls.shopify}/_sim/orders`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ shop: shop(), amount, currency: 'USD' }),
  });
  expect(response.status).toBe(201);
  const placed = (await response.json()) as { order: { id: string }; redirectUrl: string };
  const paymentId = new URL(placed.redirectUrl).pathname.split('/').at(-1) ?? '';
  const status = (await (
    await fetch(`${stack.urls.purple}/checkout/payments/${paymentId}`)
  ).json()) as { solanaPayUrl: string };
  const { link } = parseURL(status.solanaPayUrl) as TransactionRequestURL;
  const transaction = await fetchTransaction(connection, chain().buyer.publicKey, link);
  transaction.partialSign(chain().buyer);
  await connection.sendRawTransaction(transaction.serialize());
  await until('the payment to be resolved at Shopify', () =>
    mutationsNamed('paymentSessionResolve').some((m) => m.answeredWith === 'success')
      ? true
      : undefined,
  );
  return { orderId: placed.order.id, paymentId };
}

/** Issues a refund from the simulator's admin orders page, as a merchant does. */
async function issueRefundInAdmin(orderId: string, amount: string): Promise<void> {
  await page.goto(`${stack.urls.shopify}/admin/orders?shop=${shop()}`);
  const form = page.locator(`form[action="/admin/orders/${orderId}/refunds"]`);
  await form.getByLabel('Refund amount').fill(amount);
  await form.getByRole('button', { name: 'Refund' }).click();
  await page.getByRole('status').filter({ hasText: 'sent to the payment provider' }).waitFor();
}

/** Opens the open refund of `amount` USD from the portal's refunds list. */
async function openRefund(amountLabel: string): Promise<void> {
  await page.goto(`${stack.urls.portal}/refunds`);
  const row = page.locator('tbody tr').filter({ hasText: amountLabel });
  await row.getByRole('link', { name: /^Review refund/ }).click();
  await page.getByRole('heading', { level: 1, name: /^Refund / }).waitFor();
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'portal-e2e-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  mkdirSync(DOC_IMAGES, { recursive: true });
  stack = await startLocalStack({ ports: 0, dataDir });
  connection = new Connection(stack.urls.rpc, 'confirmed');
  // Start from a shop that uninstalled the app and never onboarded (the stack seeds a configured
  // demo shop): the install from the admin below is then a real re-install, and activating sends
  // Shopify a new paymentsAppConfigure.
  await stack.prisma.merchant.update({
    where: { shopDomain: shop() },
    data: {
      configured: false,
      payoutWallet: null,
      termsAcceptedAt: null,
      installState: 'UNINSTALLED',
      uninstalledAt: new Date(),
    },
  });
  browser = await launchChromium();
  context = await browser.newContext({
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 900 },
    reducedMotion: 'reduce',
  });
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 30_000);

describe('merchant portal (browser, whole local stack)', () => {
  it('asks a visitor without a session to sign in from the Shopify admin', async () => {
    const stranger = await browser.newContext({ ignoreHTTPSErrors: true });
    const strangerPage = await stranger.newPage();
    await strangerPage.goto(`${stack.urls.portal}/payments`);
    await strangerPage
      .getByRole('heading', { level: 1, name: 'Sign in from your Shopify admin' })
      .waitFor();
    await shot('portal-signed-out', strangerPage);
    await stranger.close();
  }, 30_000);

  it('installs from the Shopify admin, onboards and activates Solana Pay', async () => {
    // The stack's seed configured the demo shop once already (through the same outbox path).
    const seeded = mutationsNamed('paymentsAppConfigure').length;
    await page.goto(`${stack.urls.shopify}/admin?shop=${shop()}`);
    await page.getByRole('link', { name: 'Install Solana Pay' }).click();
    // Shopify's grant screen, then the OAuth callback signs the merchant in to the portal.
    await page.getByRole('button', { name: 'Install' }).click();
    await page.waitForURL((url) => url.href.startsWith(stack.urls.portal), { timeout: 20_000 });
    await page.getByRole('heading', { level: 1, name: 'Set up Solana Pay' }).waitFor();
    await shot('portal-onboarding');

    // The wallet is checked in the page before anything is sent.
    const wallet = page.getByLabel('Payout wallet address');
    await wallet.fill('0xNotASolanaAddress');
    await page.getByRole('button', { name: 'Save payout wallet' }).click();
    await page.getByText('A Solana address uses only base58 characters').waitFor();
    expect(await wallet.getAttribute('aria-invalid')).toBe('true');

    await wallet.fill(chain().merchant.publicKey.toBase58());
    await page.getByRole('button', { name: 'Save payout wallet' }).click();
    await page
      .getByRole('heading', { name: /^(Payout wallet saved|Payout wallet saved, but check it)$/ })
      .waitFor();
    const saved = await stack.prisma.merchant.findUniqueOrThrow({ where: { shopDomain: shop() } });
    expect(saved.payoutWallet).toBe(chain().merchant.publicKey.toBase58());

    // Terms are required.
    await page.getByRole('button', { name: 'Activate Solana Pay' }).click();
    await page.getByText('Accept the terms of service to activate Solana Pay.').waitFor();
    await page.getByLabel('I accept the Solana Pay for Shopify terms of service').check();
    await page.getByRole('button', { name: 'Activate Solana Pay' }).click();
    await page.getByRole('heading', { name: 'Solana Pay is active' }).waitFor();
    await shot('portal-activated');

    const configure = await until('paymentsAppConfigure at Shopify', () => {
      const calls = mutationsNamed('paymentsAppConfigure')
        .slice(seeded)
        .filter((m) => m.answeredWith === 'success');
      return calls.length > 0 ? calls : undefined;
    });
    expect(configure).toHaveLength(1);
    expect(configure[0]?.args).toMatchObject({ ready: true });
    expect(simulator().configuration(shop())?.ready).toBe(true);

    // Back to the Shopify admin's payment settings.
    await page.getByRole('link', { name: 'Return to Shopify admin' }).click();
    await page.waitForURL((url) => url.href.startsWith(stack.urls.shopify));
    await page.getByTestId('payments-app-status').filter({ hasText: 'Ready' }).waitFor();
  }, 90_000);

  let orderId = '';
  let paidPaymentId = '';

  it('lists a paid order with its Shopify id, amounts and transaction link', async () => {
    const order = await placePaidOrder('20.00');
    orderId = order.orderId;
    paidPaymentId = order.paymentId;
    const payment = await stack.prisma.paymentRecord.findUniqueOrThrow({
      where: { id: order.paymentId },
    });
    expect(payment.status).toBe('PAID');

    await page.goto(`${stack.urls.portal}/payments`);
    const row = page.locator(`tr[data-payment-id="${order.paymentId}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain(payment.shopifyId);
    expect(await row.innerText()).toContain('$20.00');
    expect(await row.innerText()).toContain('20.00 USDC');
    await row.getByText('Paid', { exact: true }).waitFor();
    const explorer = await row.locator('td a').getAttribute('href');
    expect(explorer).toContain(`/tx/${payment.signature ?? 'missing'}`);
    expect(explorer).toContain('cluster=custom');

    // The status filter: a second order that the buyer has not paid yet.
    const unpaid = await fetch(`${stack.urls.shopify}/_sim/orders`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ shop: shop(), amount: '12.50', currency: 'USD' }),
    });
    expect(unpaid.status).toBe(201);
    await page.getByRole('link', { name: 'Awaiting payment' }).click();
    await page.waitForURL(/status=OPEN/);
    await page
      .locator('tbody tr')
      .filter({ hasText: '$12.50' })
      .getByText('Awaiting payment')
      .waitFor();
    expect(await page.locator(`tr[data-payment-id="${order.paymentId}"]`).count()).toBe(0);
    await page.getByRole('link', { name: 'Paid', exact: true }).click();
    await page.locator(`tr[data-payment-id="${order.paymentId}"]`).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(1);
    await page.getByRole('link', { name: 'Rejected', exact: true }).click();
    await page.getByRole('heading', { name: /No payments with status/ }).waitFor();

    await page.goto(`${stack.urls.portal}/payments`);
    await row.waitFor();
    copyFileSync(await shot('portal-payments'), join(DOC_IMAGES, 'portal-payments.png'));
  }, 90_000);

  it('pays a refund with the local merchant wallet', async () => {
    const before = await buyerUsdc();
    await issueRefundInAdmin(orderId, '5.00');
    await openRefund('$5.00');
    // The USDC amount and the recipient are shown before anything is signed.
    expect(await page.locator('#refund-amount').innerText()).toBe('5.00 USDC');
    expect(await page.locator('#refund-recipient').innerText()).toBe(
      chain().buyer.publicKey.toBase58(),
    );
    await page.locator('#refund-qr[src^="data:image/svg+xml"]').waitFor();
    expect(
      await page.getByRole('link', { name: 'Open in wallet app' }).getAttribute('href'),
    ).toMatch(/^solana:https/);
    const pay = page.getByRole('button', { name: 'Pay 5.00 USDC with Local merchant wallet' });
    await pay.waitFor();
    copyFileSync(await shot('portal-refund'), join(DOC_IMAGES, 'portal-refund.png'));

    const phone = await newPhoneContext(browser, { storageState: await context.storageState() });
    const phonePage = await phone.newPage();
    await phonePage.goto(page.url());
    await phonePage.locator('#refund-qr[src^="data:image/svg+xml"]').waitFor();
    await shot('portal-refund-phone', phonePage);
    await phone.close();

    await pay.click();
    await page.getByRole('heading', { name: 'Refund paid' }).waitFor({ timeout: 60_000 });
    // Once paid, the page names the wallet that actually paid.
    await page.locator('#refund-payer').waitFor();
    expect(await page.locator('#refund-payer').innerText()).toBe(
      chain().merchant.publicKey.toBase58(),
    );
    copyFileSync(await shot('portal-refund-paid'), join(DOC_IMAGES, 'portal-refund-paid.png'));

    const resolves = await until('refundSessionResolve at Shopify', () => {
      const calls = mutationsNamed('refundSessionResolve');
      return calls.some((m) => m.answeredWith === 'success') ? calls : undefined;
    });
    expect(resolves.filter((m) => m.answeredWith === 'success')).toHaveLength(1);
    expect(mutationsNamed('refundSessionReject')).toHaveLength(0);
    expect((await buyerUsdc()) - before).toBe(5_000_000n);
  }, 120_000);

  it('rejects a refund with a reason, after a confirm dialog', async () => {
    const before = await buyerUsdc();
    await issueRefundInAdmin(orderId, '3.00');
    await openRefund('$3.00');
    await page.getByRole('button', { name: 'Reject refund' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reject this refund?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('Rejecting is final');
    // The reason is required.
    await dialog.getByRole('button', { name: 'Reject refund' }).click();
    await dialog.getByText('Enter a reason for rejecting this refund.').waitFor();
    await shot('portal-reject-dialog', page, false);
    // Escape cancels without rejecting.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(mutationsNamed('refundSessionReject')).toHaveLength(0);

    await page.getByRole('button', { name: 'Reject refund' }).click();
    await dialog.getByLabel('Reason (required)').fill('Item was returned damaged');
    await dialog.getByRole('button', { name: 'Reject refund' }).click();
    await page.getByRole('heading', { name: 'Refund rejected' }).waitFor({ timeout: 60_000 });
    await page.getByText('Reason: Item was returned damaged').waitFor();
    // A rejection is not a success: critical tone, never the green banner.
    expect(
      await page.locator('.banner.critical').filter({ hasText: 'Refund rejected' }).count(),
    ).toBe(1);
    expect(await page.locator('.banner.success').count()).toBe(0);
    copyFileSync(
      await shot('portal-refund-rejected'),
      join(DOC_IMAGES, 'portal-refund-rejected.png'),
    );

    const rejects = await until('refundSessionReject at Shopify', () => {
      const calls = mutationsNamed('refundSessionReject');
      return calls.some((m) => m.answeredWith === 'success') ? calls : undefined;
    });
    expect(rejects.filter((m) => m.answeredWith === 'success')).toHaveLength(1);
    expect(
      mutationsNamed('refundSessionResolve').filter((m) => m.answeredWith === 'success'),
    ).toHaveLength(1);
    expect(await buyerUsdc()).toBe(before);

    // Both refunds are closed now.
    await page.goto(`${stack.urls.portal}/refunds?tab=closed`);
    await page.locator('tbody tr').nth(1).waitFor();
    await page.getByText('Refunded').first().waitFor();
    await shot('portal-refunds-closed');
  }, 120_000);

  it('tells the story of a payment: detail, refunds, Shopify timeline, refund state, search and CSV', async () => {
    const payment = await stack.prisma.paymentRecord.findUniqueOrThrow({
      where: { id: paidPaymentId },
    });
    await page.goto(`${stack.urls.portal}/payments`);
    const row = page.locator(`tr[data-payment-id="${paidPaymentId}"]`);
    // $5.00 of $20.00 went back to the buyer; the rejected $3.00 does not count.
    await row.getByText('Partially refunded').waitFor();
    await row.getByRole('link', { name: payment.shopifyId }).click();
    await page.getByRole('heading', { level: 1, name: '$20.00' }).waitFor();
    expect(await page.locator('#payment-buyer-wallet').innerText()).toBe(
      chain().buyer.publicKey.toBase58(),
    );
    expect(await page.locator('#payment-customer-email').innerText()).toBe('buyer@example.com');
    expect(await page.locator('#payment-token-amount').innerText()).toBe('20.00 USDC');
    const explorer = await page
      .getByRole('link', { name: 'View transaction' })
      .first()
      .getAttribute('href');
    expect(explorer).toContain(`/tx/${payment.signature ?? 'missing'}`);
    expect(explorer).toContain('cluster=custom');
    const refunds = page.locator('#payment-refunds');
    await refunds.getByText('Refunded').waitFor();
    await refunds.getByText('Rejected').waitFor();
    expect(await refunds.getByRole('link', { name: 'View transaction' }).count()).toBe(1);
    const timeline = page.locator('#payment-timeline');
    for (const name of ['paymentSessionResolve', 'refundSessionResolve', 'refundSessionReject']) {
      await timeline.locator(`li[data-mutation="${name}"]`).getByText('Delivered').waitFor();
    }
    copyFileSync(
      await shot('portal-payment-detail'),
      join(DOC_IMAGES, 'portal-payment-detail.png'),
    );

    // Search by wallet and by Shopify id; a miss says so.
    await page.goto(`${stack.urls.portal}/payments`);
    await page.getByRole('searchbox', { name: 'Search' }).fill(chain().buyer.publicKey.toBase58());
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/q=/);
    await row.waitFor();
    expect(await page.locator('tbody tr').count()).toBe(1);
    await page.goto(`${stack.urls.portal}/payments?q=${encodeURIComponent(payment.shopifyId)}`);
    await row.waitFor();
    await page.goto(`${stack.urls.portal}/payments?q=nothing-like-this`);
    await page.getByRole('heading', { name: /No payments/ }).waitFor();
    // Dates: nothing before 2000, today's payment in today's range.
    await page.goto(`${stack.urls.portal}/payments?to=2000-01-01`);
    await page.getByRole('heading', { name: /No payments/ }).waitFor();
    const today = new Date().toISOString().slice(0, 10);
    await page.goto(`${stack.urls.portal}/payments?from=${today}&to=${today}`);
    await row.waitFor();

    // CSV export with the same filters, through the signed-in browser session.
    await page.goto(`${stack.urls.portal}/payments?status=PAID`);
    await row.waitFor();
    const href = await page.locator('#payments-csv').getAttribute('href');
    expect(href).toContain('/portal/payments/export.csv?status=PAID');
    const csv = await context.request.get(href ?? '');
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      'created_at,shopify_payment_id,status,refund_state,amount,currency,token_amount,refunded_amount,buyer_wallet,transaction,paid_at,test',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,${payment.shopifyId},PAID,PARTIAL,20,USD,20.00,5,`);
  }, 120_000);

  it('signs out', async () => {
    await page.goto(`${stack.urls.portal}/settings`);
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Sign in from your Shopify admin' })
      .waitFor();
    await page.goto(`${stack.urls.portal}/payments`);
    await page
      .getByRole('heading', { level: 1, name: 'Sign in from your Shopify admin' })
      .waitFor();
    expect(pageErrors).toEqual([]);
  }, 30_000);
});
