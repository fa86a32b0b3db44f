import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection, PublicKey } from '@solana/web3.js';
import { createHttpsCaller, type HttpsAnswer } from '../measured/https-call';
import { eventually } from '../measured/pay-order';
import { startLocalStack } from '../stack/start-local-stack';
import { createDemoSteps, type DemoStepResult } from './demo-steps';
import { formatDemoSummary } from './format-demo-summary';
import { installMerchant } from './install-merchant';
import { payWithWallet } from './pay-with-wallet';
import type { PortalClient } from './portal-client';

const ASSOCIATED_TOKEN_PROGRAM_ID = new PublicKey('ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL');

/** How much faster the retry back-off runs in the demo (0.01 = waits shrink 100×). */
const DEMO_RETRY_TIME_SCALE = '0.01';

/** Failed resolve attempts to show before the simulated Shopify outage ends. */
const OUTAGE_ATTEMPTS = 5;

/** Result of {@link runDemo}. */
export interface DemoRun {
  ok: boolean;
  results: readonly DemoStepResult[];
}

/**
 * `npm run demo`: starts the whole local stack in this process (temporary data folder, OS-picked
 * ports, quiet logs, retry waits shrunk 100×) and walks through the product's story — install,
 * configure, order, pay, refund paid, refund rejected, a CAD order at a locked oracle rate, an
 * EURC merchant paid 1:1, a Shopify outage survived — narrating
 * each step through `print`, then prints a summary table. Stops at the first failed step.
 */
export async function runDemo(print: (line: string) => void): Promise<DemoRun> {
  // Set before the stack starts: the handlers and the retry queue read them once.
  process.env.RETRY_TIME_SCALE ??= DEMO_RETRY_TIME_SCALE;
  process.env.LOG_LEVEL ??= 'silent';
  const dataDir = mkdtempSync(join(tmpdir(), 'solpay-demo-'));
  const stackLog: string[] = [];
  print('Starting the local stack (database, local chain, gateways, Shopify simulator)…');
  const stack = await startLocalStack({ ports: 0, dataDir, log: (line) => stackLog.push(line) });
  const sim = stack.simulator!;
  const chain = stack.chain!;
  const shop = stack.demoShop.domain;
  const ca = readFileSync(stack.stackFile.contents.certs.ca, 'utf8');
  const purple = createHttpsCaller(stack.urls.purple, { ca });
  const connection = new Connection(stack.urls.rpc, 'confirmed');
  print(`  purple ${stack.urls.purple} · green ${stack.urls.green} (mTLS) · Shopify ${sim.url}`);
  print(`  buyer wallet ${chain.buyer.publicKey.toBase58()}`);
  print(`  merchant wallet ${chain.merchant.publicKey.toBase58()}`);

  const steps = createDemoSteps(() => sim.mutations(), print);
  const expectStatus = (answer: HttpsAnswer, status: number, what: string) => {
    if (answer.status !== status) {
      throw new Error(`${what} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    }
    return answer.body as Record<string, unknown>;
  };
  const simOrder = (orderId: string) => {
    const order = sim.orders().find((o) => o.id === orderId);
    if (!order) throw new Error(`order ${orderId} is not in the simulator`);
    return order;
  };
  const successes = (mutation: string, gid: string) =>
    sim
      .mutations()
      .filter((m) => m.mutation === mutation && m.variables.id === gid)
      .filter((m) => m.answeredWith === 'success').length;

  let portal: PortalClient | undefined;
  let paidOrderId = '';

  /** Places an order and answers its payment id and Shopify gid. */
  const placeOrder = async (amount: string, say: (line: string) => void, currency = 'USD') => {
    const placed = await sim.placeOrder({ amount, currency });
    if (placed.status !== 201) throw new Error(`green /payment answered ${placed.status}`);
    const session = placed.order.paymentSessions.at(-1)!;
    const paymentId = new URL(placed.redirectUrl).pathname.split('/').pop() ?? '';
    say(`Shopify sent payment session ${session.id.slice(0, 8)}… for order ${placed.order.name}`);
    say(`buyer redirected to ${placed.redirectUrl}`);
    return { orderId: placed.order.id, name: placed.order.name, paymentId, gid: session.gid };
  };

  /** Pays a payment as the buyer's wallet, from the checkout page's `solana:` link. */
  const payAsBuyer = async (paymentId: string, say: (line: string) => void) => {
    const view = expectStatus(
      await purple.call({ method: 'GET', path: `/checkout/payments/${paymentId}` }),
      200,
      'the checkout page',
    );
    const token = view.token as { symbol?: string } | undefined;
    say(
      `checkout page shows ${String(view.tokenAmount)} ${token?.symbol ?? 'USDC'}, link ${String(view.solanaPayUrl)}`,
    );
    const signature = await payWithWallet(connection, chain.buyer, String(view.solanaPayUrl));
    say(`wallet fetched the transaction, signed and sent it: ${signature.slice(0, 16)}…`);
    return signature;
  };

  /** Polls the checkout page's status as the open page does, until Shopify's redirect is there. */
  const waitOnCheckoutPage = (paymentId: string) =>
    eventually(
      'the checkout page to show the redirect',
      async () => {
        const answer = await purple.call({
          method: 'GET',
          path: `/checkout/payments/${paymentId}`,
        });
        const body = answer.body as { redirectUrl?: string; status?: string } | null;
        return body?.redirectUrl ? body : undefined;
      },
      60_000,
    );

  /** Issues a refund in the simulated admin and finds it in the portal. */
  const issueRefund = async (amount: string, say: (line: string) => void) => {
    const issued = await sim.issueRefund({ orderId: paidOrderId, amount });
    if (issued.status !== 201) throw new Error(`green /refund answered ${issued.status}`);
    say(`merchant issued a ${amount} USD refund in Shopify admin; Shopify sent the refund session`);
    const list = expectStatus(
      await portal!.call('GET', '/portal/refunds?state=open'),
      200,
      'GET /portal/refunds',
    );
    const items = (list.items ?? []) as Array<Record<string, unknown>>;
    const refund = items.find((item) => item.shopifyId === issued.refundId);
    if (!refund) throw new Error('the refund is not in the portal');
    say(`portal lists it: ${String(refund.tokenAmount)} USDC to ${String(refund.recipientWallet)}`);
    return { refund, refundId: issued.refundId };
  };
  const simRefund = (refundId: string) =>
    simOrder(paidOrderId).refunds.find((r) => r.id === refundId);

  const countConfigures = () =>
    sim
      .mutations()
      .filter((m) => m.mutation === 'paymentsAppConfigure' && m.answeredWith === 'success').length;

  try {
    await steps.run('Install the app (OAuth with the Shopify simulator)', async (say) => {
      portal = await installMerchant({
        shopifyUrl: sim.url,
        shop,
        purple,
        portalOrigin: stack.urls.portal,
        say,
      });
      return `installed on ${shop}; portal session with CSRF token`;
    });

    await steps.run('Set the payout wallet and activate', async (say) => {
      const wallet = chain.merchant.publicKey.toBase58();
      expectStatus(
        await portal!.call('PUT', '/portal/settings/wallet', { payoutWallet: wallet }),
        200,
        'PUT /portal/settings/wallet',
      );
      say(`payout wallet set to ${wallet}`);
      const configured = expectStatus(
        await portal!.call('POST', '/portal/settings/configure', { acceptTerms: true }),
        200,
        'POST /portal/settings/configure',
      );
      say(
        `terms accepted; paymentsAppConfigure queued (return to ${String(configured.returnUrl)})`,
      );
      await eventually('paymentsAppConfigure at Shopify', async () =>
        // The seeded shop was activated at start; activating it again queues no second configure
        // (one per installation), so what counts is that Shopify has one and shows it ready.
        countConfigures() > 0 && sim.configuration(shop)?.ready ? true : undefined,
      );
      const config = sim.configuration(shop);
      return `Shopify shows the gateway ready=${String(config?.ready)} (handle ${config?.externalHandle})`;
    });

    let order = { orderId: '', name: '', paymentId: '', gid: '' };
    await steps.run('Buyer places a 25.00 USD order', async (say) => {
      order = await placeOrder('25.00', say);
      return `order ${order.name}: payment session accepted, checkout page ready`;
    });

    await steps.run('Buyer pays with a Solana Pay wallet', async (say) => {
      await payAsBuyer(order.paymentId, say);
      const view = await waitOnCheckoutPage(order.paymentId);
      say(`app saw the transaction at the configured commitment: payment ${view.status}`);
      say(`Shopify accepted paymentSessionResolve; buyer goes to ${view.redirectUrl}`);
      paidOrderId = order.orderId;
      const state = simOrder(order.orderId).status;
      return `paid on chain, resolved once at Shopify (order ${state})`;
    });

    await steps.run('Merchant refunds 10.00 USD and pays it from the portal', async (say) => {
      const { refund, refundId } = await issueRefund('10.00', say);
      const signature = await payWithWallet(
        connection,
        chain.merchant,
        String(refund.solanaPayUrl),
      );
      say(`merchant wallet signed and sent the refund: ${signature.slice(0, 16)}…`);
      await eventually(
        'refundSessionResolve at Shopify',
        async () => (simRefund(refundId)?.state === 'resolved' ? true : undefined),
        60_000,
      );
      say('discovery saw it on chain; Shopify accepted refundSessionResolve');
      return `refund paid on chain and resolved (order ${simOrder(paidOrderId).status})`;
    });

    await steps.run('Merchant rejects a second refund (5.00 USD) with a reason', async (say) => {
      const { refund, refundId } = await issueRefund('5.00', say);
      const reason = 'Item was never returned';
      const answer = await eventually(
        'a decided reject',
        async () => {
          const reply = await portal!.call('POST', `/portal/refunds/${String(refund.id)}/reject`, {
            reason,
          });
          // 409/503: a landing refund payment or the guard burn is not final yet; ask again.
          return reply.status === 409 || reply.status === 503 ? undefined : reply;
        },
        60_000,
      );
      const body = expectStatus(answer, 200, 'POST /portal/refunds/{id}/reject');
      say(`portal answered ${JSON.stringify(body)} (single-use guard burned first)`);
      const rejected = await eventually(
        'refundSessionReject at Shopify',
        async () => {
          const r = simRefund(refundId);
          return r?.state === 'rejected' ? r : undefined;
        },
        60_000,
      );
      return `rejected at Shopify with "${rejected.reason?.merchantMessage ?? rejected.reason?.code}"`;
    });

    await steps.run('Buyer pays a 40.00 CAD order at a locked on-chain rate', async (say) => {
      const cad = await placeOrder('40.00', say, 'CAD');
      const view = expectStatus(
        await purple.call({ method: 'GET', path: `/checkout/payments/${cad.paymentId}` }),
        200,
        'the checkout page',
      );
      const quote = view.quote as { rate: string; feed: string; publishedAt: string } | undefined;
      if (!quote) throw new Error('the CAD payment carries no quote');
      say(
        `quote locked on the payment: 1 CAD = ${quote.rate} USDC (${quote.feed}, ${quote.publishedAt})`,
      );
      const usdc = chain.tokens.find((token) => token.symbol === 'USDC')!;
      const balance = async () => {
        const [ata] = PublicKey.findProgramAddressSync(
          [chain.merchant.publicKey.toBuffer(), usdc.programId.toBuffer(), usdc.mint.toBuffer()],
          ASSOCIATED_TOKEN_PROGRAM_ID,
        );
        const { value } = await connection.getTokenAccountBalance(ata);
        return BigInt(value.amount);
      };
      const before = await balance();
      await payAsBuyer(cad.paymentId, say);
      await waitOnCheckoutPage(cad.paymentId);
      const received = (await balance()) - before;
      const row = await stack.prisma.paymentRecord.findUniqueOrThrow({
        where: { id: cad.paymentId },
      });
      if (received !== row.tokenAmount) {
        throw new Error(`merchant received ${received} base units, quoted ${row.tokenAmount}`);
      }
      return `40.00 CAD paid as exactly ${String(view.tokenAmount)} USDC (the quoted amount)`;
    });

    await steps.run('Merchant switches to EURC; a 25.00 EUR order settles 1:1', async (say) => {
      expectStatus(
        await portal!.call('PUT', '/portal/settings/token', { settlementToken: 'EURC' }),
        200,
        'PUT /portal/settings/token',
      );
      say('settlement token set to EURC in the portal (new sessions only)');
      const eur = await placeOrder('25.00', say, 'EUR');
      await payAsBuyer(eur.paymentId, say);
      const view = await waitOnCheckoutPage(eur.paymentId);
      expectStatus(
        await portal!.call('PUT', '/portal/settings/token', { settlementToken: 'USDC' }),
        200,
        'PUT /portal/settings/token',
      );
      return `paid in EURC, no conversion; payment ${String(view.status)}; back to USDC`;
    });

    await steps.run('Shopify outage while a buyer pays: retries, then one resolve', async (say) => {
      sim.setOutage(true);
      say('Shopify simulator is DOWN (every Payments Apps call gets 503)');
      say(`retry back-off runs at RETRY_TIME_SCALE=${process.env.RETRY_TIME_SCALE} of real time`);
      const outageOrder = await placeOrder('12.50', say);
      await payAsBuyer(outageOrder.paymentId, say);
      const row = () =>
        stack.prisma.shopifyMutation.findFirst({
          where: { paymentId: outageOrder.paymentId, kind: 'PAYMENT_SESSION_RESOLVE' },
        });
      let shown = 0;
      const failedAttempts = await eventually(
        `${OUTAGE_ATTEMPTS} failed resolve attempts`,
        async () => {
          const current = await row();
          if (current && current.attempts > shown && current.status === 'PENDING') {
            const range =
              current.attempts - shown > 1
                ? `attempts ${shown + 1}–${current.attempts}`
                : `attempt ${current.attempts}`;
            shown = current.attempts;
            say(`outbox: ${range} failed (${current.lastError}); retry scheduled with back-off`);
          }
          return shown >= OUTAGE_ATTEMPTS ? shown : undefined;
        },
        60_000,
      );
      sim.setOutage(false);
      say('Shopify simulator is UP again');
      await eventually(
        'the resolve after the outage',
        async () => ((await row())?.status === 'SUCCEEDED' ? true : undefined),
        60_000,
      );
      const view = await waitOnCheckoutPage(outageOrder.paymentId);
      say(`resolve went through; buyer goes to ${view.redirectUrl}`);
      // Give stray retries a chance to show up before counting.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const resolvedOnce = successes('paymentSessionResolve', outageOrder.gid);
      if (resolvedOnce !== 1) throw new Error(`Shopify got ${resolvedOnce} successful resolves`);
      const attempts = (await row())?.attempts ?? 0;
      return `resolved exactly once, on attempt ${attempts} (${failedAttempts}+ failed during the outage)`;
    });
  } catch (error) {
    print(`\n✘ ${error instanceof Error ? error.message : String(error)}`);
    const failures = stackLog.filter((line) => / failed/.test(line));
    if (failures.length > 0) print(`stack log:\n  ${failures.slice(-10).join('\n  ')}`);
  } finally {
    print(`\nSummary\n${formatDemoSummary(steps.results)}`);
    sim.setOutage(false);
    purple.close();
    await stack.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const ok = steps.results.length === 9 && steps.results.every((r) => r.ok);
  return { ok, results: steps.results };
}
