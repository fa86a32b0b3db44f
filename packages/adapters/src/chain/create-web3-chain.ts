import { getAssociatedTokenAddressSync, unpackAccount } from '@solana/spl-token';
import {
  type AccountInfo,
  type BlockhashWithExpiryBlockHeight,
  type Connection,
  type Finality,
  type Keypair,
  PublicKey,
} from '@solana/web3.js';
import type { GuardRef, PayerFunds } from '@solpay/domain';
import { formatTokenAmount } from '@solpay/domain';
import { outsideInvocationScope } from '@solpay/lambda';
import {
  buildTransferTransaction,
  submitBurnGuard,
  deriveGuardKeypair,
  inspectGuard,
  preflightTransfer,
  sweepGuard,
  validateDiscoveredTransaction,
} from '@solpay/solana';
import type { ChainTransactions } from './create-deferred-chain-port';
import { withUpstreamErrors } from './with-upstream-errors';

/** Options of {@link createWeb3Chain}. */
export interface Web3ChainOptions {
  connection: Connection;
  /** Current gas (fee payer) keypair. */
  gas: Keypair;
  /** Gas keys still accepted by validation after a rotation. */
  previousGasPubkeys: readonly PublicKey[];
  /** `SINGLE_USE_SECRET`. */
  singleUseSecret: string;
  /** Commitment a payment must reach before Shopify is told. */
  commitment: Finality;
  /** How long a fetched blockhash is reused for new transactions (well inside its ~60 s life). */
  blockhashCacheMs?: number;
}

/**
 * The chain's transactions ({@link ChainTransactions}) over a web3.js `Connection` — the same
 * code path for the local chain and a real cluster; `createDeferredChainPort` adds the reads. Recent blockhashes (10 s) and the rent-exempt minimum are cached within their
 * validity, so serving a transaction costs one simulation round trip plus the balance checks.
 */
export function createWeb3Chain(options: Web3ChainOptions): ChainTransactions {
  const { connection, gas, commitment } = options;
  const gasPubkeys = [gas.publicKey, ...options.previousGasPubkeys];
  const cacheMs = options.blockhashCacheMs ?? 10_000;
  let blockhash: { value: Promise<BlockhashWithExpiryBlockHeight>; at: number } | undefined;
  let rent: Promise<number> | undefined;
  const guards = new Map<string, Keypair>();

  const guardKeypair = (guard: GuardRef): Keypair => {
    const key = `${guard.shop}|${guard.kind}|${guard.shopifyId}|${guard.generation}`;
    let keypair = guards.get(key);
    if (!keypair) {
      keypair = deriveGuardKeypair({ secret: options.singleUseSecret, ...guard });
      if (guards.size > 10_000) guards.clear();
      guards.set(key, keypair);
    }
    return keypair;
  };

  // Stale-while-revalidate: a request uses the cached blockhash and, past half its cache time,
  // starts a refresh for later requests outside its own invocation (off its path, not counted).
  // Only the very first request of an instance waits for one, in parallel with its reads.
  const fetchBlockhash = () => {
    const value = outsideInvocationScope(() => connection.getLatestBlockhash('confirmed'));
    const entry = { value, at: Date.now() };
    value.then(
      () => {
        blockhash = entry;
        refreshing = undefined;
      },
      () => {
        refreshing = undefined;
      },
    );
    return value;
  };
  let refreshing: Promise<BlockhashWithExpiryBlockHeight> | undefined;
  const recentBlockhash = (): Promise<BlockhashWithExpiryBlockHeight> => {
    const age = blockhash ? Date.now() - blockhash.at : Infinity;
    if (age > cacheMs) return (refreshing ??= fetchBlockhash());
    if (age > cacheMs / 2) refreshing ??= fetchBlockhash();
    return (blockhash as { value: Promise<BlockhashWithExpiryBlockHeight> }).value;
  };
  const rentExempt = () =>
    (rent ??= connection.getMinimumBalanceForRentExemption(0).catch((error: unknown) => {
      rent = undefined;
      throw error;
    }));

  const port: ChainTransactions = {
    guardAddress: (guard) => guardKeypair(guard).publicKey.toBase58(),

    async inspectGuard(guard, servedSignatures, payer) {
      if (!payer) {
        return inspectGuard(connection, { guard: guardKeypair(guard).publicKey, servedSignatures });
      }
      // Everything serving needs, in one round trip: the guard and the payer's token account in
      // one getMultipleAccounts, the served signatures' statuses, and (first request only) the
      // blockhash and rent, all at once.
      const payerAta = getAssociatedTokenAddressSync(
        new PublicKey(payer.mint),
        new PublicKey(payer.wallet),
        true,
        new PublicKey(payer.tokenProgram),
      );
      const warm = [recentBlockhash(), rentExempt()];
      for (const promise of warm) promise.catch(() => undefined);
      const inspection = await inspectGuard(connection, {
        guard: guardKeypair(guard).publicKey,
        servedSignatures,
        alsoRead: [payerAta],
      });
      const payerFunds = readPayerFunds(payerAta, inspection.accounts?.[0] ?? null, {
        wallet: payer.wallet,
        mint: payer.mint,
      });
      const extra = payerFunds ? { payerFunds } : {};
      if (inspection.state === 'consumed-by-us') {
        return { state: 'consumed-by-us', signature: inspection.signature, ...extra };
      }
      return { state: inspection.state, ...extra };
    },

    async buildTransfer(input) {
      const guard = guardKeypair(input.guard);
      const payer = new PublicKey(input.payer);
      const mint = new PublicKey(input.mint);
      const tokenProgram = new PublicKey(input.tokenProgram);
      const built = await buildTransferTransaction({
        connection,
        gas,
        guard,
        payer,
        recipientOwner: new PublicKey(input.recipientWallet),
        mint,
        tokenProgram,
        decimals: input.decimals,
        amount: input.amount,
        reference: new PublicKey(input.reference),
        ...(input.memo ? { memo: input.memo } : {}),
        blockhash: await recentBlockhash(),
        rentLamports: await rentExempt(),
        createRecipientAta: true,
      });
      const known = input.payerFunds;
      if (known && known.wallet === input.payer && known.mint === input.mint) {
        // The guard was just read fresh and the payer's initialized account holds enough: the
        // transaction is ours otherwise, so a simulation would only repeat those two reads.
        const held = known.amount ?? 0n;
        if (held < input.amount) {
          return {
            ok: false,
            reason: 'insufficient-funds',
            message:
              known.amount === null
                ? `The wallet has no ${input.tokenSymbol} account; ${formatTokenAmount(input.amount, input.decimals)} ${input.tokenSymbol} is needed`
                : `The wallet holds ${formatTokenAmount(held, input.decimals)} ${input.tokenSymbol}; ${formatTokenAmount(input.amount, input.decimals)} ${input.tokenSymbol} is needed`,
          };
        }
      } else {
        const preflight = await preflightTransfer(connection, {
          payer,
          mint,
          tokenProgram,
          symbol: input.tokenSymbol,
          decimals: input.decimals,
          amount: input.amount,
          transaction: built.transaction,
        });
        if (!preflight.ok) return preflight;
      }
      return {
        ok: true,
        base64: built.base64,
        signature: built.signature,
        lastValidBlockHeight: BigInt(built.lastValidBlockHeight),
        guardAddress: guard.publicKey.toBase58(),
      };
    },

    async validateTransfer(signature, expectation) {
      const result = await validateDiscoveredTransaction(
        connection,
        signature,
        {
          gasPubkeys,
          guard: guardKeypair(expectation.guard).publicKey,
          mint: new PublicKey(expectation.mint),
          tokenProgram: new PublicKey(expectation.tokenProgram),
          decimals: expectation.decimals,
          amount: expectation.amount,
          recipientOwner: new PublicKey(expectation.recipientWallet),
          reference: new PublicKey(expectation.reference),
        },
        { commitment },
      );
      if (!result.ok) return result;
      return {
        ok: true,
        payer: result.payer,
        slot: BigInt(result.slot),
        blockTime: result.blockTime === null ? null : new Date(result.blockTime * 1000),
      };
    },

    async submitBurn(guard) {
      const result = await submitBurnGuard(connection, { gas, guard: guardKeypair(guard) });
      if (result.outcome === 'failed') return { outcome: 'failed', message: result.error.message };
      if (result.outcome === 'already-consumed') return { outcome: 'already-consumed' };
      return { outcome: 'submitted', signature: result.signature };
    },

    async guardConsumed(guard) {
      // By the transactions that touched it, not the account: an account read says nothing
      // reliable about which commitment its state has reached, a signature's status does.
      const signatures = await connection.getSignaturesForAddress(
        guardKeypair(guard).publicKey,
        { limit: 25 },
        commitment,
      );
      return signatures.some((entry) => entry.err === null);
    },

    async sweepGuard(guard) {
      const result = await sweepGuard(connection, {
        gas,
        guard: guardKeypair(guard),
        commitment: 'confirmed',
      });
      if (result.outcome === 'failed') return { ok: false, message: result.error.message };
      return { ok: true, signature: result.outcome === 'swept' ? result.signature : null };
    },
  };
  return withUpstreamErrors(port);
}

/**
 * The payer's funds from its token account as read; `undefined` (so the caller simulates)
 * when the account is there but not a plain initialized token account of the mint.
 */
function readPayerFunds(
  address: PublicKey,
  info: AccountInfo<Buffer> | null,
  payer: { wallet: string; mint: string },
): PayerFunds | undefined {
  if (!info) return { ...payer, amount: null };
  try {
    const account = unpackAccount(address, info, info.owner);
    if (!account.isInitialized || account.isFrozen) return undefined;
    if (account.mint.toBase58() !== payer.mint) return undefined;
    if (account.owner.toBase58() !== payer.wallet) return undefined;
    return { ...payer, amount: account.amount };
  } catch {
    return undefined;
  }
}
