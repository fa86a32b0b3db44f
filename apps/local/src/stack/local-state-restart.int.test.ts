import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection, Keypair, Transaction } from '@solana/web3.js';
import { pollUntil } from '@solpay/testkit';
import { createHttpsCaller } from '../measured/https-call';
import { findRepositoryRoot } from './find-repository-root';
import { DEMO_SHOP } from './seed-demo-merchant';
import { readStackFile, type StackFile } from './stack-file';
import { TEST_NODE_FLAGS } from './test-node-flags';

/** Stop and start `npm start`'s entry point on one `.local/`, as a developer does. */
const rootDir = findRepositoryRoot();
let dir: string;
let child: ChildProcess | undefined;
let output = '';
const ports: Record<string, string> = {};

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startChild(): Promise<StackFile> {
  const stackPath = join(dir, 'stack.json');
  rmSync(stackPath, { force: true });
  output = '';
  const env: NodeJS.ProcessEnv = { ...process.env, ...ports };
  for (const key of ['DATABASE_URL', 'SOLANA_RPC_URL', 'SHOPIFY_ADMIN_ORIGIN', 'USDC_MINT']) {
    delete env[key];
  }
  const started = spawn(
    process.execPath,
    [...TEST_NODE_FLAGS, '--import', 'tsx', 'apps/local/src/main.ts'],
    {
      cwd: rootDir,
      env: { ...env, LOCAL_DATA_DIR: dir, LOCAL_ACCESS_LOG: '0', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child = started;
  started.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return pollUntil(
    'the stack to start',
    () => {
      if (started.exitCode !== null) throw new Error(`stack exited: ${output.slice(-2000)}`);
      if (!existsSync(stackPath)) return undefined;
      const file = readStackFile(stackPath);
      return file.pid === started.pid ? file : undefined;
    },
    { timeoutMs: 180_000, intervalMs: 200 },
  );
}

async function stopChild(): Promise<void> {
  const running = child;
  if (!running || running.exitCode !== null || running.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
  running.kill('SIGTERM');
  await exited;
}

/** The parts of the simulator's control API answers this test reads. */
interface SimAnswer {
  redirectUrl: string;
  order: { id: string };
  orders: Array<{ id: string; status: string }>;
}

async function json(url: string, init?: RequestInit): Promise<{ status: number; body: SimAnswer }> {
  const res = await fetch(url, init);
  return { status: res.status, body: (await res.json()) as SimAnswer };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'solpay-restart-'));
  for (const name of ['GREEN', 'PURPLE', 'CHECKOUT', 'PORTAL', 'SHOPIFY', 'DATABASE']) {
    ports[`LOCAL_PORT_${name}`] = String(await freePort());
  }
  // The WebSocket listens on rpc + 1: take an even port whose neighbour is free too.
  for (;;) {
    const rpc = await freePort();
    const probe = createServer();
    const free = await new Promise<boolean>((resolve) => {
      probe.once('error', () => resolve(false));
      probe.listen(rpc + 1, '127.0.0.1', () => resolve(true));
    });
    if (free) await new Promise((resolve) => probe.close(resolve));
    if (free) {
      ports.LOCAL_PORT_RPC = String(rpc);
      break;
    }
  }
});

afterAll(async () => {
  await stopChild();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm start on the same .local/', () => {
  let paymentId: string;
  let firstMint: string;

  it('keeps the mint, the simulator orders and the payments, and an old order can still be paid', async () => {
    const first = await startChild();
    firstMint = first.mint;
    const placed = await json(`${first.urls.shopify}/_sim/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ shop: DEMO_SHOP, amount: '4.20' }),
    });
    expect(placed.status).toBe(201);
    paymentId = new URL(placed.body.redirectUrl).pathname.split('/').pop() ?? '';
    const orderId = placed.body.order.id;
    await stopChild();

    const second = await startChild();
    expect(second.mint).toBe(first.mint);
    expect(output).not.toContain('local state reset');
    const orders = await json(`${second.urls.shopify}/_sim/orders`);
    expect(orders.body.orders.map((o) => o.id)).toContain(orderId);
    const configurations = await json(`${second.urls.shopify}/_sim/configurations`);
    expect(JSON.stringify(configurations.body)).toContain('"ready":true');

    const ca = readFileSync(second.certs.ca, 'utf8');
    const purple = createHttpsCaller(second.urls.purple, { ca });
    try {
      const buyerPath = second.wallets?.buyer ?? '';
      const buyer = Keypair.fromSecretKey(
        Uint8Array.from(JSON.parse(readFileSync(buyerPath, 'utf8')) as number[]),
      );
      const served = await purple.call({
        method: 'POST',
        path: `/tx/payment/${paymentId}`,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ account: buyer.publicKey.toBase58() }),
      });
      expect(served.status).toBe(200);
      const transaction = Transaction.from(
        Buffer.from((served.body as { transaction: string }).transaction, 'base64'),
      );
      transaction.partialSign(buyer);
      const connection = new Connection(second.urls.rpc, 'confirmed');
      await connection.sendRawTransaction(transaction.serialize(), { skipPreflight: true });
      await pollUntil(
        'the old order paid in the simulator',
        async () => {
          await purple.call({ method: 'GET', path: `/checkout/payments/${paymentId}` });
          const now = await json(`${second.urls.shopify}/_sim/orders`);
          const order = now.body.orders.find((o) => o.id === orderId);
          return order?.status === 'paid' ? order : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 300 },
      );
    } finally {
      purple.close();
    }
    await stopChild();
  }, 600_000);

  it('resets database, chain and simulator together, and says so, when a part is missing', async () => {
    rmSync(join(dir, 'chain-state.json'));
    const third = await startChild();
    expect(output).toContain('local state reset');
    expect(third.mint).not.toBe(firstMint);
    const ca = readFileSync(third.certs.ca, 'utf8');
    const purple = createHttpsCaller(third.urls.purple, { ca });
    try {
      const old = await purple.call({ method: 'GET', path: `/checkout/payments/${paymentId}` });
      expect(old.status).toBe(404);
    } finally {
      purple.close();
    }
    const orders = await json(`${third.urls.shopify}/_sim/orders`);
    expect(orders.body.orders).toEqual([]);
    await stopChild();
  }, 600_000);
});
