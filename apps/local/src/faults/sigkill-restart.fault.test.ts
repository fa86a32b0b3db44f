/**
 * SIGKILL of the local stack mid-flow, then a restart: `npm start` (apps/local/src/main.ts) runs
 * in a child process while the local chain, the database and the Shopify simulator live in this
 * test, outside the killed process. Orders are paid during a Shopify outage (so their resolves
 * are pending), more are paid and the child is killed before it even discovers them; a new
 * child starts on the same state, the outage ends, and every paid order must be resolved at
 * Shopify exactly once. Prints what it injected and what it counted.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@solana/web3.js';
import {
  createPrismaClient,
  migrateDatabase,
  startEmbeddedDatabase,
  type EmbeddedDatabase,
} from '@solpay/db';
import {
  ensureDevCertificates,
  startLocalChain,
  startShopifySimulator,
  type ShopifySimulator,
} from '@solpay/testkit';
import { systemClock } from '@solpay/domain';
import { createPrismaMerchantStore } from '@solpay/persistence';
import { DEMO_SHOP, LOCAL_DEV_SECRETS, readStackFile, seedDemoMerchant } from '../index';
import { createHttpsCaller } from '../measured/https-call';
import { deliverWebhooks, waitFinalized } from '../measured/pay-many';
import { eventually, placeAndSign, type ServedOrder } from '../measured/pay-order';
import { findRepositoryRoot } from '../stack/find-repository-root';
import { TEST_NODE_FLAGS } from '../stack/test-node-flags';

const API_VERSION = '2026-10';
/** Paid and discovered (PAID, resolve pending) before the kill. */
const PAID_BEFORE_KILL = 12;
/** Paid on chain just before the kill, never seen by the killed process. */
const SENT_AT_KILL = 8;

const rootDir = findRepositoryRoot();
let dir: string;
let chain: Awaited<ReturnType<typeof startLocalChain>>;
let db: EmbeddedDatabase;
let sim: ShopifySimulator;
let prisma: ReturnType<typeof createPrismaClient>;
let greenPort: number;
let child: ChildProcess | undefined;
let output = '';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts `npm start`'s entry point in a child on the shared state; waits for its stack.json. */
async function startChild(): Promise<{ process: ChildProcess; purpleUrl: string }> {
  const stackPath = join(dir, 'stack.json');
  rmSync(stackPath, { force: true });
  const started = spawn(
    process.execPath,
    [...TEST_NODE_FLAGS, '--import', 'tsx', 'apps/local/src/main.ts'],
    {
      cwd: rootDir,
      env: {
        ...process.env,
        LOCAL_DATA_DIR: dir,
        LOCAL_PORT_GREEN: String(greenPort),
        LOCAL_PORT_PURPLE: '0',
        LOCAL_PORT_CHECKOUT: '0',
        LOCAL_PORT_PORTAL: '0',
        LOCAL_ACCESS_LOG: '0',
        LOG_LEVEL: 'warn',
        DATABASE_URL: db.url,
        SOLANA_RPC_URL: chain.rpcUrl,
        SOLANA_CLUSTER: 'localnet',
        USDC_MINT: chain.mint.toBase58(),
        GAS_KEYPAIR: JSON.stringify(Array.from(chain.gas.secretKey)),
        DEMO_PAYOUT_WALLET: chain.merchant.publicKey.toBase58(),
        SHOPIFY_ADMIN_ORIGIN: sim.url,
        SHOPIFY_API_VERSION: API_VERSION,
        RETRY_TIME_SCALE: '0.01',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child = started;
  started.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stack = await eventually(
    'the child stack to start',
    async () => {
      if (started.exitCode !== null) throw new Error(`child exited: ${output.slice(-2000)}`);
      if (!existsSync(stackPath)) return undefined;
      const file = readStackFile(stackPath);
      return file.pid === started.pid ? file : undefined;
    },
    120_000,
  );
  return { process: started, purpleUrl: stack.urls.purple };
}

function exited(proc: ChildProcess): Promise<void> {
  return proc.exitCode !== null || proc.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => proc.once('exit', () => resolve()));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'solpay-sigkill-'));
  chain = await startLocalChain({ port: 0, keypairDir: join(dir, 'wallets') });
  db = await startEmbeddedDatabase({ dataDir: join(dir, 'pgdata'), host: '127.0.0.1', port: 0 });
  greenPort = await freePort();
  const certs = ensureDevCertificates(join(dir, 'certs'));
  sim = await startShopifySimulator({
    apiKey: LOCAL_DEV_SECRETS.SHOPIFY_API_KEY,
    apiSecret: LOCAL_DEV_SECRETS.SHOPIFY_API_SECRET,
    apiVersion: API_VERSION,
    green: {
      url: `https://localhost:${greenPort}`,
      ca: certs.ca.cert,
      clientCert: certs.shopifyClient.cert,
      clientKey: certs.shopifyClient.key,
    },
  });
  // The stack only issues the demo shop's tokens from its own simulator: store ours.
  await migrateDatabase(db.url);
  prisma = createPrismaClient(db.url);
  const issued = sim.issueAccessToken(DEMO_SHOP);
  await seedDemoMerchant({
    prisma,
    tokenEncryptionKey: LOCAL_DEV_SECRETS.TOKEN_ENCRYPTION_KEY,
    tokens: {
      accessToken: issued.accessToken,
      accessTokenExpiresAt: new Date(Date.now() + issued.expiresIn * 1000),
      refreshToken: issued.refreshToken,
      refreshTokenExpiresAt: new Date(Date.now() + 90 * 24 * 3600 * 1000),
    },
    payoutWallet: chain.merchant.publicKey.toBase58(),
    settlementMint: chain.mint.toBase58(),
    apiVersion: API_VERSION,
    freshInstall: true,
    // The stack is not running yet: the configure row stays due and its outbox sweep sends it.
    merchantDeps: {
      merchants: createPrismaMerchantStore(prisma),
      dispatch: { dispatchSoon: async () => undefined },
      clock: systemClock,
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    },
  });
}, 120_000);

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    await exited(child);
  }
  await prisma?.$disconnect();
  await sim?.close();
  await db?.close();
  await chain?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('SIGKILL of the local stack mid-flow', () => {
  it('resolves every paid order exactly once after a restart', async () => {
    const connection = new Connection(chain.rpcUrl, 'confirmed');
    const ca = ensureDevCertificates(join(dir, 'certs')).ca.cert;
    const first = await startChild();
    const purple = createHttpsCaller(first.purpleUrl, { ca });
    const target = { purple, stack: { simulator: sim } } as const;
    const send = async (order: ServedOrder) => {
      await connection.sendRawTransaction(order.transaction.serialize(), { skipPreflight: true });
      return order;
    };

    sim.setOutage(true);
    const paidBefore: ServedOrder[] = [];
    for (let i = 0; i < PAID_BEFORE_KILL; i += 1) {
      paidBefore.push(await send(await placeAndSign(target, chain.buyer, '2.00')));
    }
    await waitFinalized(
      connection,
      paidBefore.map((o) => o.signature),
    );
    const webhookStatuses = await deliverWebhooks(
      { purple },
      paidBefore.map((o) => o.signature),
      { batchSize: 6, secret: LOCAL_DEV_SECRETS.HELIUS_WEBHOOK_SECRET },
    );
    const paidRows = await eventually('the first orders PAID', async () => {
      const count = await prisma.paymentRecord.count({ where: { status: 'PAID' } });
      return count === PAID_BEFORE_KILL ? count : undefined;
    });
    const atKill: ServedOrder[] = [];
    for (let i = 0; i < SENT_AT_KILL; i += 1) {
      atKill.push(await placeAndSign(target, chain.buyer, '2.00'));
    }
    await Promise.all(atKill.map(send));
    first.process.kill('SIGKILL');
    await exited(first.process);
    purple.close();
    const pendingAtKill = await prisma.shopifyMutation.groupBy({
      by: ['status'],
      where: { kind: 'PAYMENT_SESSION_RESOLVE' },
      _count: true,
    });
    const resolvesBefore = sim.successfulMutations('paymentSessionResolve').length;
    await waitFinalized(
      connection,
      atKill.map((o) => o.signature),
    );

    const restartedAt = Date.now();
    const second = await startChild();
    sim.setOutage(false);
    const all = [...paidBefore, ...atKill];
    const successes = () => {
      const counts = new Map<string, number>(all.map((o) => [o.gid, 0]));
      for (const x of sim.successfulMutations('paymentSessionResolve')) {
        const gid = String(x.variables.id);
        if (counts.has(gid)) counts.set(gid, (counts.get(gid) ?? 0) + 1);
      }
      return counts;
    };
    await eventually(
      'every paid order resolved',
      async () => ([...successes().values()].every((n) => n >= 1) ? true : undefined),
      150_000,
    );
    const resolvedAfter = Date.now() - restartedAt;
    await new Promise((resolve) => setTimeout(resolve, 4000));
    const perGid = [...successes().values()];
    const records = await prisma.paymentRecord.groupBy({ by: ['status'], _count: true });
    second.process.kill('SIGTERM');
    await exited(second.process);

    console.log(
      `injected: Shopify outage, ${PAID_BEFORE_KILL} orders paid and discovered (webhooks ${[...new Set(webhookStatuses)].join('/')}), ` +
        `${SENT_AT_KILL} more paid on chain, then SIGKILL of the stack process (pid ${first.process.pid}); restart, outage ends\n` +
        `counted: at the kill ${paidRows} records PAID, resolve rows ${JSON.stringify(pendingAtKill.map((r) => ({ [r.status]: r._count })))}, ` +
        `${resolvesBefore} successful resolves; after the restart all ${all.length} resolved in ${(resolvedAfter / 1000).toFixed(1)} s, ` +
        `successful resolves per order min ${Math.min(...perGid)} max ${Math.max(...perGid)}; ` +
        `records ${JSON.stringify(records.map((r) => ({ [r.status]: r._count })))}`,
    );
    expect(webhookStatuses.every((status) => status === 200)).toBe(true);
    expect(resolvesBefore).toBe(0);
    expect(perGid.filter((n) => n !== 1)).toEqual([]);
    expect(records.map((r) => [r.status, r._count])).toEqual([['PAID', all.length]]);
  }, 280_000);
});
