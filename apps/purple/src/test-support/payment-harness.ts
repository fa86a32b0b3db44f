import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getAssociatedTokenAddressSync } from '@solana/spl-token';
import { Connection, type Keypair, type PublicKey, type Transaction } from '@solana/web3.js';
import type { BackgroundWorker, LocalStack } from '@solpay/local';
import { createFunctionInvoker, startLocalStack } from '@solpay/local';
import { closeComposition } from '@solpay/composition';
import { pollUntil } from '@solpay/testkit';

/** One HTTP answer. */
export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: Record<string, unknown> | undefined;
}

/** A running local stack plus the helpers the payment-path tests share. */
export interface PaymentHarness {
  stack: LocalStack;
  connection: Connection;
  /** Calls a serverless.yml function directly (as a schedule would). */
  invoke(functionName: string, event?: unknown): Promise<unknown>;
  /** HTTPS request trusting the dev CA; `mtls` presents the Shopify dev client certificate. */
  request(
    url: string,
    init?: { method?: string; headers?: Record<string, string>; body?: string; mtls?: boolean },
  ): Promise<Reply>;
  /** Places an order in the simulator; returns the payment id from the redirect URL. */
  placeOrder(amount: string): Promise<{ paymentId: string; gid: string; redirectUrl: string }>;
  /** Sends a signed transaction and waits until it is finalized; returns its signature. */
  sendAndFinalize(transaction: Transaction, signers: Keypair[]): Promise<string>;
  /** `getTransaction` JSON exactly as the RPC (and a Helius raw webhook) gives it. */
  rawTransaction(signature: string): Promise<unknown>;
  /** POSTs a Helius delivery with the configured secret (or `secret`). */
  webhook(body: unknown, secret?: string): Promise<Reply>;
  usdcBalance(owner: PublicKey): Promise<bigint>;
  close(): Promise<void>;
}

/**
 * Starts the whole local stack (`startLocalStack({ ports: 0 })`, a temporary data dir) with
 * `workers`, after writing `denied` wallets to a deny list (`DENY_LIST_PATH`).
 */
export async function startPaymentHarness(options: {
  /** The environment the stack and the handlers read (the test passes `process.env`). */
  env: Record<string, string | undefined>;
  workers: readonly BackgroundWorker[];
  denied?: string[];
  /** The handlers' log level, read once per process like a Lambda's config (default `warn`). */
  logLevel?: 'debug' | 'info' | 'warn';
}): Promise<PaymentHarness> {
  const { env } = options;
  for (const key of ['DATABASE_URL', 'SOLANA_RPC_URL', 'SHOPIFY_ADMIN_ORIGIN']) delete env[key];
  env.LOG_LEVEL = options.logLevel ?? 'warn';
  const dataDir = mkdtempSync(join(tmpdir(), 'solpay-payment-'));
  const denyList = join(dataDir, 'deny-list.txt');
  writeFileSync(denyList, `# test deny list\n${(options.denied ?? []).join('\n')}\n`);
  env.DENY_LIST_PATH = denyList;
  const stack = await startLocalStack({ ports: 0, dataDir, workers: options.workers });
  const connection = new Connection(stack.urls.rpc, 'confirmed');
  const invoker = createFunctionInvoker(join(__dirname, '..', '..', '..', '..'));

  const request: PaymentHarness['request'] = (url, init = {}) =>
    new Promise((resolve, reject) => {
      const client = init.mtls
        ? { cert: stack.certs.shopifyClient.cert, key: stack.certs.shopifyClient.key }
        : {};
      const req = https.request(
        url,
        {
          method: init.method ?? 'GET',
          headers: init.headers ?? {},
          ca: stack.certs.ca.cert,
          agent: false,
          ...client,
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => {
            let json: Record<string, unknown> | undefined;
            try {
              json = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
            } catch {
              json = undefined;
            }
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(init.body);
    });

  const mint = () => {
    if (!stack.chain) throw new Error('the harness needs the local chain');
    return stack.chain.mint;
  };

  return {
    stack,
    connection,
    invoke: (functionName, event = {}) => invoker(functionName, event),
    request,
    async placeOrder(amount) {
      const placed = await stack.simulator!.placeOrder({ amount });
      if (placed.status !== 201) {
        throw new Error(`placeOrder answered ${placed.status}: ${JSON.stringify(placed.body)}`);
      }
      const session = placed.order.paymentSessions.at(-1)!;
      const paymentId = new URL(placed.redirectUrl).pathname.split('/').at(-1)!;
      return { paymentId, gid: session.gid, redirectUrl: placed.redirectUrl };
    },
    async sendAndFinalize(transaction, signers) {
      transaction.partialSign(...signers);
      const signature = await connection.sendRawTransaction(transaction.serialize(), {
        skipPreflight: true,
      });
      await until(async () => {
        const { value } = await connection.getSignatureStatuses([signature], {
          searchTransactionHistory: true,
        });
        return value[0]?.confirmationStatus === 'finalized' ? true : undefined;
      }, `finalization of ${signature}`);
      return signature;
    },
    async rawTransaction(signature) {
      const response = await fetch(stack.urls.rpc, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: 1,
          method: 'getTransaction',
          params: [
            signature,
            { encoding: 'json', commitment: 'finalized', maxSupportedTransactionVersion: 0 },
          ],
        }),
      });
      const body = (await response.json()) as { result: unknown };
      if (!body.result) throw new Error(`getTransaction(${signature}) returned nothing`);
      return body.result;
    },
    webhook(body, secret = env.HELIUS_WEBHOOK_SECRET ?? '') {
      return request(`${stack.urls.purple}/webhooks/helius`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: secret },
        body: JSON.stringify(body),
      });
    },
    async usdcBalance(owner) {
      const ata = getAssociatedTokenAddressSync(mint(), owner, true);
      const account = await connection.getTokenAccountBalance(ata).catch(() => undefined);
      return BigInt(account?.value.amount ?? '0');
    },
    async close() {
      // The stack stops its workers before anything they use; the services go last.
      await stack.close();
      await closeComposition();
      delete env.DENY_LIST_PATH;
      delete env.LOG_LEVEL;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls `probe` every 50 ms until it returns a value (or fails after `ms`). */
export function until<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  ms = 20_000,
): Promise<T> {
  return pollUntil(what, probe, { timeoutMs: ms });
}
