/**
 * No secret ever reaches the logs: a whole merchant life on the local stack — OAuth install and
 * portal sign-in, a payment (transaction request, chain, Helius webhook, Shopify resolve), a
 * refund paid by the merchant's wallet, a GDPR webhook and a discovery poll — runs with
 * `LOG_LEVEL=debug` while EVERY write to stdout/stderr (and the console) is captured; then none
 * of the captured text may contain a credential of the app or the merchant.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fetchTransaction } from '@solana/pay';
import { Keypair } from '@solana/web3.js';
import { encodeBase58 } from '@solpay/domain';
import { createTokenCipher } from '@solpay/shopify';
import { placePaidOrder, portal, signIn } from '../test-support/merchant-harness';
import { startPaymentHarness, until, type PaymentHarness } from '../test-support/payment-harness';

let h: PaymentHarness;

/** Everything written while capturing, one entry per write. */
const captured: string[] = [];
let restore: (() => void) | undefined;

/** Swallows and records every write to stdout/stderr and every console call. */
function captureOutput(): () => void {
  const streams = [process.stdout, process.stderr] as const;
  const writes = streams.map((stream) => stream.write);
  for (const stream of streams) {
    stream.write = ((chunk: string | Uint8Array) => {
      captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    }) as typeof stream.write;
  }
  const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
  const originals = methods.map((name) => console[name]);
  for (const name of methods) {
    console[name] = (...args: unknown[]) => {
      captured.push(args.map((arg) => (typeof arg === 'string' ? arg : String(arg))).join(' '));
    };
  }
  return () => {
    streams.forEach((stream, i) => (stream.write = writes[i]!));
    methods.forEach((name, i) => (console[name] = originals[i]!));
  };
}

/** The shop's access and refresh tokens, decrypted from the database. */
async function storedTokens(): Promise<string[]> {
  const row = await h.stack.prisma.merchant.findFirstOrThrow({
    where: { shopDomain: h.stack.demoShop.domain },
  });
  const cipher = createTokenCipher(process.env.TOKEN_ENCRYPTION_KEY ?? '');
  return [row.accessTokenEnc, row.refreshTokenEnc]
    .filter((enc): enc is string => enc !== null)
    .map((enc) => cipher.decrypt(enc, row.shopDomain));
}

const seededTokens: string[] = [];
let sessionCookie = '';

beforeAll(async () => {
  // Config is read once per process, as in a Lambda: debug from the start, and the stack's own
  // start (seed, onboarding) is captured too.
  restore = captureOutput();
  try {
    h = await startPaymentHarness({ env: process.env, workers: [], logLevel: 'debug' });
    seededTokens.push(...(await storedTokens()));
    const chain = h.stack.chain!;
    const login = await signIn(h);
    sessionCookie = login.cookie.replace(/^portal_session=/, '');
    const { orderId } = await placePaidOrder(h, '7.50');
    expect((await portal(h, login, '/portal/payments')).status).toBe(200);

    const refund = await h.stack.simulator!.issueRefund({ orderId, amount: '2.50' });
    expect(refund.status).toBe(201);
    const row = await h.stack.prisma.refundRecord.findFirstOrThrow({ where: { gid: refund.gid } });
    const transaction = await fetchTransaction(
      h.connection,
      chain.merchant.publicKey,
      `${h.stack.urls.purple}/tx/refund/${row.id}`,
    );
    const signature = await h.sendAndFinalize(transaction, [chain.merchant]);
    expect((await h.webhook([await h.rawTransaction(signature)])).status).toBe(200);
    await until(
      async () =>
        h.stack
          .simulator!.mutations()
          .some((m) => m.mutation === 'refundSessionResolve' && m.variables.id === refund.gid)
          ? true
          : undefined,
      'the refund resolve at Shopify',
    );

    const gdpr = await h.stack.simulator!.sendWebhook({
      shop: h.stack.demoShop.domain,
      topic: 'customers/data_request',
    });
    expect(gdpr.status).toBe(200);
    await h.invoke('discoveryPoll');
  } finally {
    restore();
    restore = undefined;
  }
}, 120_000);

afterAll(async () => {
  restore?.();
  await h?.close();
});

describe('logs of a payment + refund flow at debug level', () => {
  it('were written, at debug level, by the handlers', () => {
    const all = captured.join('');
    expect(captured.length).toBeGreaterThan(10);
    expect(all).toContain('"level":"debug"');
    for (const handler of ['transaction-request', 'helius-webhook', 'gdpr-webhook', 'portal-api']) {
      expect(all).toContain(`"handler":"${handler}"`);
    }
  });

  it('contain no token, app secret or key, in any form', async () => {
    const env = process.env;
    const gas = Keypair.fromSecretKey(Uint8Array.from(JSON.parse(env.GAS_KEYPAIR ?? '[]')));
    const secrets: Record<string, string> = {
      SHOPIFY_API_SECRET: env.SHOPIFY_API_SECRET ?? '',
      SINGLE_USE_SECRET: env.SINGLE_USE_SECRET ?? '',
      SESSION_SECRET: env.SESSION_SECRET ?? '',
      HELIUS_WEBHOOK_SECRET: env.HELIUS_WEBHOOK_SECRET ?? '',
      TOKEN_ENCRYPTION_KEY: env.TOKEN_ENCRYPTION_KEY ?? '',
      'gas secret key (base58)': encodeBase58(gas.secretKey),
      'gas secret key (JSON array)': JSON.stringify(Array.from(gas.secretKey)),
      'gas secret key (JSON array, spaced)': `[${Array.from(gas.secretKey).join(', ')}]`,
      'gas secret key (as configured)': env.GAS_KEYPAIR ?? '',
      'portal session cookie': sessionCookie,
    };
    const tokens = [...seededTokens, ...(await storedTokens())];
    expect(tokens.length).toBeGreaterThanOrEqual(4);
    tokens.forEach((token, i) => (secrets[`Shopify token ${i}`] = token));

    const leaks: string[] = [];
    for (const [name, secret] of Object.entries(secrets)) {
      // A short or empty value would make the check meaningless.
      expect(secret.length).toBeGreaterThanOrEqual(16);
      const line = captured.find((text) => text.includes(secret));
      // The report names the secret but never repeats it (test output is a log too).
      if (line !== undefined) {
        leaks.push(`${name} in: ${line.replaceAll(secret, `<${name}>`).slice(0, 300)}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
