import { Connection, Keypair, SystemProgram, Transaction } from '@solana/web3.js';
import { type LocalChain, startLocalChain } from '@solpay/testkit';
import { toTokenUnits } from '@solpay/domain';
import { signSendConfirm } from '../test-support/sign-send-confirm';
import { tokenBalance } from '../test-support/token-balance';
import {
  buildTransferTransaction,
  type BuiltTransferTransaction,
} from '../transfer/build-transfer-transaction';
import { burnGuard } from './burn-guard';
import { canSweep } from './can-sweep';
import { deriveGuardKeypair } from './derive-guard-keypair';
import { inspectGuard } from './inspect-guard';
import { sweepGuard } from './sweep-guard';

const SECRET = 'guard-lifecycle-test-secret-0123456789abcdef';
const SHOP = 'acme.myshopify.com';
const LIFETIME = 150;
const AMOUNT = toTokenUnits('19.99', '1', 6, 'up');

let chain: LocalChain;
let connection: Connection;

const guardFor = (shopifyId: string, generation = 0): Keypair =>
  deriveGuardKeypair({ secret: SECRET, shop: SHOP, kind: 'payment', shopifyId, generation });

function serve(guard: Keypair): Promise<BuiltTransferTransaction> {
  return buildTransferTransaction({
    connection,
    gas: chain.gas,
    guard,
    payer: chain.buyer.publicKey,
    recipientOwner: chain.merchant.publicKey,
    mint: chain.mint,
    decimals: 6,
    amount: AMOUNT,
    reference: Keypair.generate().publicKey,
    createRecipientAta: true,
  });
}

async function feeOf(signature: string): Promise<bigint> {
  const response = await connection.getTransaction(signature, {
    commitment: 'confirmed',
    maxSupportedTransactionVersion: 0,
  });
  if (!response?.meta) throw new Error(`no meta for ${signature}`);
  return BigInt(response.meta.fee);
}

beforeAll(async () => {
  chain = await startLocalChain({ slotMs: 50, blockhashLifetimeBlocks: LIFETIME });
  connection = new Connection(chain.rpcUrl, 'confirmed');
});

afterAll(async () => {
  await chain?.close();
});

describe('single-use guard lifecycle', () => {
  it('a guard pre-funded by a third party reads as blocked; the next generation completes the payment', async () => {
    const old = guardFor('prefunded', 0);
    const servedOld = await serve(old);
    expect(
      await inspectGuard(connection, {
        guard: old.publicKey,
        servedSignatures: [servedOld.signature],
      }),
    ).toEqual({
      state: 'fresh',
    });

    const griefer = await chain.createFundedWallet({ lamports: 1_000_000_000n });
    const rent = await connection.getMinimumBalanceForRentExemption(0);
    const grief = new Transaction({
      feePayer: griefer.publicKey,
      ...(await connection.getLatestBlockhash()),
    }).add(
      SystemProgram.transfer({
        fromPubkey: griefer.publicKey,
        toPubkey: old.publicKey,
        lamports: rent,
      }),
    );
    expect((await signSendConfirm(connection, grief, [griefer])).err).toBeNull();

    expect(
      await inspectGuard(connection, {
        guard: old.publicKey,
        servedSignatures: [servedOld.signature],
      }),
    ).toEqual({
      state: 'blocked',
    });
    // Nothing built with the old guard can land any more.
    const oldAttempt = await signSendConfirm(connection, servedOld.transaction, [chain.buyer], {
      skipPreflight: true,
    });
    expect(oldAttempt.err).toEqual({ InstructionError: [0, { Custom: 0 }] });
    expect(
      await inspectGuard(connection, {
        guard: old.publicKey,
        servedSignatures: [servedOld.signature],
      }),
    ).toEqual({ state: 'blocked' });

    const next = guardFor('prefunded', 1);
    expect(next.publicKey.equals(old.publicKey)).toBe(false);
    expect(await inspectGuard(connection, { guard: next.publicKey, servedSignatures: [] })).toEqual(
      { state: 'fresh' },
    );
    const merchantBefore = await tokenBalance(connection, chain.merchant.publicKey, chain.mint);
    const served = await serve(next);
    const paid = await signSendConfirm(connection, served.transaction, [chain.buyer]);
    expect(paid.err).toBeNull();
    expect(await tokenBalance(connection, chain.merchant.publicKey, chain.mint)).toBe(
      merchantBefore + AMOUNT,
    );
    expect(
      await inspectGuard(connection, {
        guard: next.publicKey,
        servedSignatures: [served.signature],
      }),
    ).toEqual({
      state: 'consumed-by-us',
      signature: paid.signature,
    });
  });

  it('after 3 payments and sweeps the gas wallet lost exactly the fees it paid', async () => {
    const gasBefore = BigInt(await connection.getBalance(chain.gas.publicKey, 'confirmed'));
    const guards = [guardFor('sweep-1'), guardFor('sweep-2'), guardFor('sweep-3')];
    const paidSignatures: string[] = [];
    const lastValidBlockHeights: number[] = [];
    for (const guard of guards) {
      const served = await serve(guard);
      const { signature, err } = await signSendConfirm(connection, served.transaction, [
        chain.buyer,
      ]);
      expect(err).toBeNull();
      paidSignatures.push(signature);
      lastValidBlockHeights.push(served.lastValidBlockHeight);
    }
    const rent = BigInt(await connection.getMinimumBalanceForRentExemption(0));
    for (const guard of guards)
      expect(BigInt(await connection.getBalance(guard.publicKey))).toBe(rent);

    expect(
      canSweep({
        currentBlockHeight: await connection.getBlockHeight('processed'),
        lastValidBlockHeights,
      }),
    ).toBe(false);
    await chain.advanceSlots(LIFETIME + 2);
    expect(
      canSweep({
        currentBlockHeight: await connection.getBlockHeight('confirmed'),
        lastValidBlockHeights,
      }),
    ).toBe(true);

    const sweepSignatures: string[] = [];
    for (const guard of guards) {
      const result = await sweepGuard(connection, { gas: chain.gas, guard, pollIntervalMs: 50 });
      if (result.outcome !== 'swept') throw new Error(`sweep: ${JSON.stringify(result)}`);
      expect(result.lamports).toBe(rent);
      sweepSignatures.push(result.signature);
      expect(await connection.getBalance(guard.publicKey)).toBe(0);
    }
    expect(
      await sweepGuard(connection, { gas: chain.gas, guard: guards[0]!, pollIntervalMs: 50 }),
    ).toEqual({
      outcome: 'empty',
    });

    let fees = 0n;
    for (const signature of [...paidSignatures, ...sweepSignatures]) fees += await feeOf(signature);
    expect(fees).toBe(3n * 15_000n + 3n * 10_000n);
    const gasAfter = BigInt(await connection.getBalance(chain.gas.publicKey, 'confirmed'));
    expect(gasBefore - gasAfter).toBe(fees);
  });

  it('after a burn lands, a previously served transaction cannot land', async () => {
    const guard = guardFor('burned');
    const served = await serve(guard);
    const merchantBefore = await tokenBalance(connection, chain.merchant.publicKey, chain.mint);

    const burn = await burnGuard(connection, {
      gas: chain.gas,
      guard,
      commitment: 'confirmed',
      pollIntervalMs: 50,
    });
    expect(burn).toMatchObject({ outcome: 'burned' });

    const attempt = await signSendConfirm(connection, served.transaction, [chain.buyer], {
      skipPreflight: true,
    });
    expect(attempt.err).toEqual({ InstructionError: [0, { Custom: 0 }] });
    expect(await tokenBalance(connection, chain.merchant.publicKey, chain.mint)).toBe(
      merchantBefore,
    );

    expect(
      await burnGuard(connection, {
        gas: chain.gas,
        guard,
        commitment: 'confirmed',
        pollIntervalMs: 50,
      }),
    ).toEqual({
      outcome: 'already-consumed',
      by: 'unknown',
    });
  });

  it('a burn after the payment landed reports already-consumed; the payment is among the served signatures', async () => {
    const guard = guardFor('paid-then-burned');
    const served = await serve(guard);
    const paid = await signSendConfirm(connection, served.transaction, [chain.buyer]);
    expect(paid.err).toBeNull();

    const gasBefore = BigInt(await connection.getBalance(chain.gas.publicKey, 'confirmed'));
    const burn = await burnGuard(connection, {
      gas: chain.gas,
      guard,
      commitment: 'confirmed',
      pollIntervalMs: 50,
    });
    expect(burn).toEqual({ outcome: 'already-consumed', by: 'unknown' });
    // Detected by simulation: the failed burn cost no fee.
    expect(BigInt(await connection.getBalance(chain.gas.publicKey, 'confirmed'))).toBe(gasBefore);
    expect(
      await inspectGuard(connection, {
        guard: guard.publicKey,
        servedSignatures: [served.signature],
      }),
    ).toEqual({
      state: 'consumed-by-us',
      signature: paid.signature,
    });
  });
});
