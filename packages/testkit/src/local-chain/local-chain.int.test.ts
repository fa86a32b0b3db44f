import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  Connection,
  Keypair,
  LAMPORTS_PER_SOL,
  SystemProgram,
  Transaction,
  TransactionMessage,
  VersionedTransaction,
  sendAndConfirmTransaction,
  type TransactionInstruction,
} from '@solana/web3.js';
import {
  createTransferCheckedInstruction,
  getAccount,
  getAssociatedTokenAddressSync,
} from '@solana/spl-token';
import { findReference, validateTransfer } from '@solana/pay';
import BigNumber from 'bignumber.js';
import { encodeBase58 } from './chain/base58';
import { startLocalChain, type LocalChain } from './index';

interface JsonRpcReply {
  result?: unknown;
  error?: { code: number; message: string; data?: { err?: unknown; logs?: string[] } };
}

async function rpc(url: string, method: string, params: unknown[] = []): Promise<JsonRpcReply> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  return (await res.json()) as JsonRpcReply;
}

/** Polls until `signature` is at least confirmed (web3.js' confirmTransaction throws raw errors). */
async function waitConfirmed(connection: Connection, signature: string) {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const { value } = await connection.getSignatureStatuses([signature]);
    const status = value[0];
    if (status && status.confirmationStatus !== 'processed') return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`transaction ${signature} was not confirmed`);
}

function wire(tx: Transaction): string {
  return tx.serialize({ requireAllSignatures: false }).toString('base64');
}

async function build(
  connection: Connection,
  feePayer: Keypair,
  instructions: TransactionInstruction[],
  signers: Keypair[] = [],
): Promise<{ tx: Transaction; lastValidBlockHeight: number }> {
  const { blockhash, lastValidBlockHeight } = await connection.getLatestBlockhash('confirmed');
  const tx = new Transaction({ feePayer: feePayer.publicKey, blockhash, lastValidBlockHeight });
  tx.add(...instructions);
  tx.sign(feePayer, ...signers);
  return { tx, lastValidBlockHeight };
}

describe('local chain over JSON-RPC (web3.js Connection)', () => {
  let chain: LocalChain;
  let connection: Connection;
  let keypairDir: string;

  beforeAll(async () => {
    keypairDir = await mkdtemp(join(tmpdir(), 'local-chain-'));
    chain = await startLocalChain({ slotMs: 100, keypairDir });
    connection = new Connection(chain.rpcUrl, 'confirmed');
  });

  afterAll(async () => {
    await chain.close();
    await rm(keypairDir, { recursive: true, force: true });
  });

  it('serves balances, token balances and airdrops', async () => {
    expect(await connection.getBalance(chain.buyer.publicKey)).toBe(100 * LAMPORTS_PER_SOL);
    const buyerAta = getAssociatedTokenAddressSync(chain.mint, chain.buyer.publicKey);
    const balance = await connection.getTokenAccountBalance(buyerAta);
    expect(balance.value).toEqual({
      amount: '1000000000',
      decimals: 6,
      uiAmount: 1000,
      uiAmountString: '1000',
    });
    const merchantAta = await getAccount(
      connection,
      getAssociatedTokenAddressSync(chain.mint, chain.merchant.publicKey),
    );
    expect(merchantAta.amount).toBe(0n);

    const wallet = Keypair.generate();
    await chain.airdrop(wallet.publicKey, 2_000_000n);
    const signature = await connection.requestAirdrop(wallet.publicKey, 3_000_000);
    const { blockhash, lastValidBlockHeight } = await connection.getLatestBlockhash();
    await connection.confirmTransaction(
      { signature, blockhash, lastValidBlockHeight },
      'confirmed',
    );
    expect(await connection.getBalance(wallet.publicKey)).toBe(5_000_000);

    const funded = await chain.createFundedWallet({ usdc: 25_000_000n });
    const owned = await connection.getTokenAccountsByOwner(funded.publicKey, { mint: chain.mint });
    expect(owned.value).toHaveLength(1);
    expect(
      owned.value[0]?.pubkey.equals(getAssociatedTokenAddressSync(chain.mint, funded.publicKey)),
    ).toBe(true);
  });

  it('writes keypair files in Solana CLI format', async () => {
    expect(chain.keypairPaths).toBeDefined();
    const bytes = JSON.parse(await readFile(chain.keypairPaths?.gas ?? '', 'utf8')) as number[];
    expect(
      Keypair.fromSecretKey(Uint8Array.from(bytes)).publicKey.equals(chain.gas.publicKey),
    ).toBe(true);
  });

  it('moves exactly the transferred amount and reports it in meta token balances; findReference and validateTransfer work', async () => {
    const buyerAta = getAssociatedTokenAddressSync(chain.mint, chain.buyer.publicKey);
    const merchantAta = getAssociatedTokenAddressSync(chain.mint, chain.merchant.publicKey);
    const before = (await getAccount(connection, merchantAta)).amount;
    const reference = Keypair.generate().publicKey;
    const transfer = createTransferCheckedInstruction(
      buyerAta,
      chain.mint,
      merchantAta,
      chain.buyer.publicKey,
      12_340_000n,
      6,
    );
    transfer.keys.push({ pubkey: reference, isSigner: false, isWritable: false });
    const tx = new Transaction({ feePayer: chain.gas.publicKey }).add(transfer);
    const gasBefore = await connection.getBalance(chain.gas.publicKey);
    const signature = await sendAndConfirmTransaction(connection, tx, [chain.gas, chain.buyer]);

    expect((await getAccount(connection, merchantAta)).amount - before).toBe(12_340_000n);
    expect(gasBefore - (await connection.getBalance(chain.gas.publicKey))).toBe(10_000);

    const landed = await connection.getTransaction(signature, { commitment: 'confirmed' });
    expect(landed?.meta?.err).toBeNull();
    expect(landed?.meta?.fee).toBe(10_000);
    const keys = landed?.transaction.message.accountKeys.map((k) => k.toBase58()) ?? [];
    const merchantIndex = keys.indexOf(merchantAta.toBase58());
    const pre = landed?.meta?.preTokenBalances?.find((b) => b.accountIndex === merchantIndex);
    const post = landed?.meta?.postTokenBalances?.find((b) => b.accountIndex === merchantIndex);
    expect(pre?.owner).toBe(chain.merchant.publicKey.toBase58());
    expect(post?.programId).toBe('TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA');
    expect(BigInt(post?.uiTokenAmount.amount ?? 0) - BigInt(pre?.uiTokenAmount.amount ?? 0)).toBe(
      12_340_000n,
    );
    expect(landed?.meta?.loadedAddresses).toEqual({ writable: [], readonly: [] });
    expect(landed?.meta?.logMessages?.length).toBeGreaterThan(0);

    const found = await connection.getSignaturesForAddress(reference, { limit: 10 });
    expect(found.map((s) => s.signature)).toEqual([signature]);
    expect(found[0]?.err).toBeNull();

    const byReference = await findReference(connection, reference, { finality: 'confirmed' });
    expect(byReference.signature).toBe(signature);
    await expect(
      validateTransfer(
        connection,
        signature,
        {
          recipient: chain.merchant.publicKey,
          amount: new BigNumber('12.34'),
          splToken: chain.mint,
          reference,
        },
        { commitment: 'confirmed' },
      ),
    ).resolves.toBeTruthy();
    await expect(
      validateTransfer(
        connection,
        signature,
        {
          recipient: chain.merchant.publicKey,
          amount: new BigNumber('12.35'),
          splToken: chain.mint,
          reference,
        },
        { commitment: 'confirmed' },
      ),
    ).rejects.toThrow('amount not transferred');

    const parsed = await connection.getParsedTransaction(signature, 'confirmed');
    const last = parsed?.transaction.message.instructions.at(-1);
    expect(last && 'parsed' in last ? (last.parsed as { type: string }).type : null).toBe(
      'transferChecked',
    );
  });

  it('rejects a failing transaction in preflight, and records it with meta.err and a charged fee when preflight is skipped', async () => {
    const poor = await chain.createFundedWallet({ usdc: 1_000_000n });
    const poorAta = getAssociatedTokenAddressSync(chain.mint, poor.publicKey);
    const merchantAta = getAssociatedTokenAddressSync(chain.mint, chain.merchant.publicKey);
    const { tx } = await build(connection, poor, [
      createTransferCheckedInstruction(
        poorAta,
        chain.mint,
        merchantAta,
        poor.publicKey,
        2_000_000n,
        6,
      ),
    ]);

    const preflight = await rpc(chain.rpcUrl, 'sendTransaction', [
      wire(tx),
      { encoding: 'base64' },
    ]);
    expect(preflight.error?.code).toBe(-32002);
    expect(preflight.error?.message).toBe(
      'Transaction simulation failed: Error processing Instruction 0: custom program error: 0x1',
    );
    expect(preflight.error?.data?.err).toEqual({ InstructionError: [0, { Custom: 1 }] });
    expect(preflight.error?.data?.logs?.join('\n')).toContain('insufficient funds');
    await expect(connection.sendRawTransaction(tx.serialize())).rejects.toThrow(
      'custom program error: 0x1',
    );

    const lamportsBefore = await connection.getBalance(poor.publicKey);
    const signature = await connection.sendRawTransaction(tx.serialize(), { skipPreflight: true });
    expect((await waitConfirmed(connection, signature)).err).toEqual({
      InstructionError: [0, { Custom: 1 }],
    });
    const landed = await connection.getTransaction(signature, { commitment: 'confirmed' });
    expect(landed?.meta?.err).toEqual({ InstructionError: [0, { Custom: 1 }] });
    expect(landed?.meta?.fee).toBe(5_000);
    expect(lamportsBefore - (await connection.getBalance(poor.publicKey))).toBe(5_000);
    expect((await getAccount(connection, poorAta)).amount).toBe(1_000_000n);
    const history = await connection.getSignaturesForAddress(poor.publicKey, { limit: 1 });
    expect(history[0]).toMatchObject({ signature, err: { InstructionError: [0, { Custom: 1 }] } });

    const duplicate = await rpc(chain.rpcUrl, 'sendTransaction', [
      wire(tx),
      { encoding: 'base64' },
    ]);
    expect(duplicate.error?.data?.err).toBe('AlreadyProcessed');
    expect(duplicate.error?.message).toContain('already been processed');
  });

  it('fails SystemProgram.createAccount on an address that already holds lamports with Custom(0)', async () => {
    const target = Keypair.generate();
    await chain.airdrop(target.publicKey, 1_000_000n);
    const rent = await connection.getMinimumBalanceForRentExemption(0);
    expect(rent).toBe(890_880);
    const { tx } = await build(
      connection,
      chain.gas,
      [
        SystemProgram.createAccount({
          fromPubkey: chain.gas.publicKey,
          newAccountPubkey: target.publicKey,
          lamports: rent,
          space: 0,
          programId: SystemProgram.programId,
        }),
      ],
      [target],
    );
    const simulated = await connection.simulateTransaction(tx);
    expect(simulated.value.err).toEqual({ InstructionError: [0, { Custom: 0 }] });
    expect(simulated.value.logs?.join('\n')).toContain('already in use');

    const signature = await connection.sendRawTransaction(tx.serialize(), { skipPreflight: true });
    expect((await waitConfirmed(connection, signature)).err).toEqual({
      InstructionError: [0, { Custom: 0 }],
    });
    const landed = await connection.getTransaction(signature, { commitment: 'confirmed' });
    expect(landed?.meta?.err).toEqual({ InstructionError: [0, { Custom: 0 }] });
    expect(landed?.meta?.logMessages?.join('\n')).toContain('already in use');
  });

  it('answers batches, unknown methods and CORS preflight like a JSON-RPC 2.0 node', async () => {
    const res = await fetch(chain.rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        { jsonrpc: '2.0', id: 1, method: 'getHealth' },
        { jsonrpc: '2.0', id: 2, method: 'noSuchMethod', params: [] },
        { jsonrpc: '2.0', id: 3, method: 'getBalance', params: ['not-a-key'] },
      ]),
    });
    const replies = (await res.json()) as (JsonRpcReply & { id: number })[];
    expect(replies.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(replies[0]?.result).toBe('ok');
    expect(replies[1]?.error?.code).toBe(-32601);
    expect(replies[2]?.error?.code).toBe(-32602);
    const preflight = await fetch(chain.rpcUrl, { method: 'OPTIONS' });
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    const epoch = await connection.getEpochInfo();
    expect(epoch.absoluteSlot).toBeGreaterThan(0);
    expect(await connection.getRecentPrioritizationFees()).toEqual([]);
  });

  it('simulates unsigned transactions and returns requested accounts', async () => {
    const to = Keypair.generate().publicKey;
    const { blockhash } = await connection.getLatestBlockhash();
    const message = new TransactionMessage({
      payerKey: chain.gas.publicKey,
      recentBlockhash: blockhash,
      instructions: [
        SystemProgram.transfer({
          fromPubkey: chain.gas.publicKey,
          toPubkey: to,
          lamports: 5_000_000,
        }),
      ],
    }).compileToV0Message();
    const result = await connection.simulateTransaction(new VersionedTransaction(message), {
      sigVerify: false,
      replaceRecentBlockhash: true,
      accounts: { encoding: 'base64', addresses: [to.toBase58()] },
    });
    expect(result.value.err).toBeNull();
    expect(result.value.unitsConsumed).toBeGreaterThan(0);
    expect(result.value.accounts?.[0]?.lamports).toBe(5_000_000);
    expect(await connection.getBalance(to)).toBe(0);
    const fee = await connection.getFeeForMessage(message);
    expect(fee.value).toBe(5_000);
  });

  it('supports v0 transactions and guards getTransaction with maxSupportedTransactionVersion', async () => {
    const to = Keypair.generate().publicKey;
    const { blockhash, lastValidBlockHeight } = await connection.getLatestBlockhash();
    const message = new TransactionMessage({
      payerKey: chain.gas.publicKey,
      recentBlockhash: blockhash,
      instructions: [
        SystemProgram.transfer({
          fromPubkey: chain.gas.publicKey,
          toPubkey: to,
          lamports: 1_000_000,
        }),
      ],
    }).compileToV0Message();
    const tx = new VersionedTransaction(message);
    tx.sign([chain.gas]);
    const signature = await connection.sendTransaction(tx);
    await connection.confirmTransaction(
      { signature, blockhash, lastValidBlockHeight },
      'confirmed',
    );
    const legacyOnly = await rpc(chain.rpcUrl, 'getTransaction', [
      signature,
      { commitment: 'confirmed' },
    ]);
    expect(legacyOnly.error?.code).toBe(-32015);
    const landed = await connection.getTransaction(signature, {
      commitment: 'confirmed',
      maxSupportedTransactionVersion: 0,
    });
    expect(landed?.version).toBe(0);
    expect(landed?.meta?.postBalances[1]).toBe(1_000_000);
  });

  it('injects RPC faults for tests', async () => {
    chain.setRpcFault({ kind: 'error', methods: ['getSlot'], count: 1 });
    await expect(connection.getBlockHeight()).resolves.toBeGreaterThan(0);
    await expect(connection.getSlot()).rejects.toThrow('503');
    await expect(connection.getSlot()).resolves.toBeGreaterThan(0);

    chain.setRpcFault({ kind: 'timeout', methods: ['getHealth'] });
    const hung = fetch(chain.rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'getHealth' }),
      signal: AbortSignal.timeout(300),
    });
    await expect(hung).rejects.toThrow();
    chain.setRpcFault(null);
    expect((await rpc(chain.rpcUrl, 'getHealth')).result).toBe('ok');
  });
});

describe('local chain commitment and lifecycle', () => {
  it('moves a transaction from processed to confirmed to finalized, one slot at a time', async () => {
    // A slot timer this slow never fires during the test: slots move only via advanceSlots.
    const chain = await startLocalChain({ slotMs: 3_600_000, finalizeAfterSlots: 2 });
    try {
      const connection = new Connection(chain.rpcUrl, 'processed');
      const { blockhash } = await connection.getLatestBlockhash('processed');
      const tx = new Transaction({ feePayer: chain.gas.publicKey, recentBlockhash: blockhash }).add(
        SystemProgram.transfer({
          fromPubkey: chain.gas.publicKey,
          toPubkey: chain.buyer.publicKey,
          lamports: 1,
        }),
      );
      tx.sign(chain.gas);
      const signature = await connection.sendRawTransaction(tx.serialize());
      const status = async () =>
        (await connection.getSignatureStatuses([signature], { searchTransactionHistory: true }))
          .value[0];

      expect(await status()).toMatchObject({
        confirmationStatus: 'processed',
        confirmations: 0,
        err: null,
      });
      expect(await connection.getTransaction(signature, { commitment: 'confirmed' })).toBeNull();

      await chain.advanceSlots(1);
      expect(await status()).toMatchObject({ confirmationStatus: 'confirmed', confirmations: 1 });
      expect(
        await connection.getTransaction(signature, { commitment: 'confirmed' }),
      ).not.toBeNull();
      expect(await connection.getTransaction(signature, { commitment: 'finalized' })).toBeNull();
      expect(
        await connection.getSignaturesForAddress(chain.gas.publicKey, {}, 'finalized'),
      ).not.toContainEqual(expect.objectContaining({ signature }));

      await chain.advanceSlots(1);
      expect(await status()).toMatchObject({
        confirmationStatus: 'finalized',
        confirmations: null,
      });
      expect(
        await connection.getTransaction(signature, { commitment: 'finalized' }),
      ).not.toBeNull();
    } finally {
      await chain.close();
    }
  });

  it('keeps every blockhash valid for exactly its lifetime, then refuses it', async () => {
    const lifetime = 150;
    const chain = await startLocalChain({ slotMs: 3_600_000, blockhashLifetimeBlocks: lifetime });
    try {
      const connection = new Connection(chain.rpcUrl, 'processed');
      const { blockhash, lastValidBlockHeight } = await connection.getLatestBlockhash('processed');
      expect(lastValidBlockHeight).toBe((await connection.getBlockHeight('processed')) + lifetime);
      const transfer = (lamports: number) => {
        const tx = new Transaction({
          feePayer: chain.gas.publicKey,
          blockhash,
          lastValidBlockHeight,
        });
        tx.add(
          SystemProgram.transfer({
            fromPubkey: chain.gas.publicKey,
            toPubkey: chain.merchant.publicKey,
            lamports,
          }),
        );
        tx.sign(chain.gas);
        return tx;
      };
      const onTime = transfer(1_001);
      const late = transfer(1_002);

      // 150 newer blockhashes exist now; the old one is at its last valid height and must still land.
      await chain.advanceSlots(lifetime);
      expect(await connection.getBlockHeight('processed')).toBe(lastValidBlockHeight);
      expect((await connection.getLatestBlockhash('processed')).blockhash).not.toBe(blockhash);
      expect(
        (await connection.isBlockhashValid(blockhash, { commitment: 'processed' })).value,
      ).toBe(true);
      const landed = await connection.sendRawTransaction(onTime.serialize());
      expect((await connection.getSignatureStatus(landed)).value?.err).toBeNull();

      await chain.advanceSlots(1);
      expect(
        (await connection.isBlockhashValid(blockhash, { commitment: 'processed' })).value,
      ).toBe(false);
      const refused = await rpc(chain.rpcUrl, 'sendTransaction', [
        wire(late),
        { encoding: 'base64' },
      ]);
      expect(refused.error?.code).toBe(-32002);
      expect(refused.error?.message).toBe('Transaction simulation failed: Blockhash not found');
      expect(refused.error?.data?.err).toBe('BlockhashNotFound');
      const skipped = await rpc(chain.rpcUrl, 'sendTransaction', [
        wire(late),
        { encoding: 'base64', skipPreflight: true },
      ]);
      expect(skipped.error?.data?.err).toBe('BlockhashNotFound');
      const lateSignature = encodeBase58(late.signature ?? new Uint8Array(64));
      const status = await connection.getSignatureStatuses([lateSignature], {
        searchTransactionHistory: true,
      });
      expect(status.value[0]).toBeNull();
    } finally {
      await chain.close();
    }
  });

  it('continues from its state file with every balance as it was, also of accounts changed after an earlier write', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'local-chain-state-'));
    const statePath = join(dir, 'chain.json');
    const wallet = Keypair.generate();
    try {
      const first = await startLocalChain({ slotMs: 100, statePath });
      try {
        await first.airdrop(wallet.publicKey, 1_000_000n);
        await first.mintToken('USDC', wallet.publicKey, 5_000_000n);
        // Let the debounced write run, so the next changes land on accounts it already wrote.
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        await first.airdrop(wallet.publicKey, 2_000_000n);
        await first.mintToken('USDC', wallet.publicKey, 7_000_000n);
      } finally {
        await first.close();
      }
      const second = await startLocalChain({ slotMs: 100, statePath });
      try {
        expect(second.restored).toBe(true);
        const connection = new Connection(second.rpcUrl, 'confirmed');
        expect(await connection.getBalance(wallet.publicKey)).toBe(3_000_000);
        const ata = getAssociatedTokenAddressSync(second.mint, wallet.publicKey);
        expect((await getAccount(connection, ata)).amount).toBe(12_000_000n);
        expect(
          await connection.getSignaturesForAddress(wallet.publicKey, undefined, 'confirmed'),
        ).toHaveLength(4);
      } finally {
        await second.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('stops serving after close()', async () => {
    const chain = await startLocalChain();
    expect((await rpc(chain.rpcUrl, 'getHealth')).result).toBe('ok');
    await chain.close();
    await expect(rpc(chain.rpcUrl, 'getHealth')).rejects.toThrow();
  });
});
