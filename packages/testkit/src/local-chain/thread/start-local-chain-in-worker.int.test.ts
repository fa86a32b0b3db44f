import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Connection, Keypair } from '@solana/web3.js';
import { getAccount, getAssociatedTokenAddressSync } from '@solana/spl-token';
import type { LocalChain } from '../local-chain';
import { startLocalChainInWorker } from './start-local-chain-in-worker';

jest.setTimeout(60_000);

describe('startLocalChainInWorker', () => {
  let dir: string;
  let chain: LocalChain;
  let connection: Connection;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'local-chain-worker-'));
    chain = await startLocalChainInWorker({
      slotMs: 100,
      keypairDir: join(dir, 'wallets'),
      statePath: join(dir, 'chain.json'),
    });
    connection = new Connection(chain.rpcUrl, 'confirmed');
  });

  afterAll(async () => {
    await chain.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the chain over JSON-RPC with the funded wallets and mints it reports', async () => {
    expect(await connection.getBalance(chain.buyer.publicKey)).toBe(100 * 1e9);
    const buyerUsdc = getAssociatedTokenAddressSync(chain.mint, chain.buyer.publicKey);
    expect((await getAccount(connection, buyerUsdc)).amount).toBe(1_000_000_000n);
    expect(Object.keys(chain.mints).sort()).toEqual(chain.tokens.map((t) => t.symbol).sort());
    expect(chain.keypairPaths?.buyer).toBe(join(dir, 'wallets', 'buyer.json'));
    expect(chain.restored).toBe(false);
  });

  it('runs the methods in the worker before it answers', async () => {
    const wallet = await chain.createFundedWallet({ lamports: 2_000_000n, usdc: 3_000_000n });
    expect(await connection.getBalance(wallet.publicKey)).toBe(2_000_000);
    await chain.mintToken('EURC', wallet.publicKey, 4_000_000n);
    const eurc = chain.mints.EURC;
    if (eurc === undefined) throw new Error('no EURC mint');
    const ata = getAssociatedTokenAddressSync(eurc, wallet.publicKey);
    expect((await getAccount(connection, ata)).amount).toBe(4_000_000n);

    chain.prices.update('EUR', { lagSeconds: 120 });
    expect(chain.prices.state('EUR')?.lagSeconds).toBe(120);
    expect(() => chain.prices.setUsdRate('XXX', '1')).toThrow('No local price feed for XXX');

    chain.setRpcFault({ kind: 'error', methods: ['getSlot'], count: 1 });
    await expect(connection.getSlot()).rejects.toThrow('503');
    await expect(connection.getSlot()).resolves.toBeGreaterThan(0);
  });

  it('rejects with the worker error and its code when the port is taken', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as AddressInfo;
    try {
      await expect(startLocalChainInWorker({ port })).rejects.toMatchObject({
        code: 'EADDRINUSE',
      });
    } finally {
      await new Promise<void>((resolve) => holder.close(() => resolve()));
    }
  });

  it('writes its state file at close, so a new worker continues the chain', async () => {
    const statePath = join(dir, 'restart.json');
    const wallet = Keypair.generate();
    const first = await startLocalChainInWorker({ slotMs: 100, statePath });
    await first.airdrop(wallet.publicKey, 1_500_000n);
    await first.close();
    await expect(first.airdrop(wallet.publicKey, 1n)).rejects.toThrow('is stopped');

    const second = await startLocalChainInWorker({ slotMs: 100, statePath });
    try {
      expect(second.restored).toBe(true);
      expect(second.mint.equals(first.mint)).toBe(true);
      const again = new Connection(second.rpcUrl, 'confirmed');
      expect(await again.getBalance(wallet.publicKey)).toBe(1_500_000);
    } finally {
      await second.close();
    }
  });
});
