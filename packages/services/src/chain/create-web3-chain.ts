import {
  type BlockhashWithExpiryBlockHeight,
  type Connection,
  type Finality,
  type Keypair,
  PublicKey,
} from '@solana/web3.js';
import type { ChainPort, GuardRef, SignatureState } from '@solpay/domain';
import { AppError, UpstreamUnavailableError } from '@solpay/lambda';
import {
  buildTransferTransaction,
  burnGuard,
  deriveGuardKeypair,
  inspectGuard,
  preflightTransfer,
  reachedCommitment,
  sweepGuard,
  validateDiscoveredTransaction,
} from '@solpay/solana';

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

const STATUS_BATCH = 256;

/**
 * {@link ChainPort} over a web3.js `Connection` — the same code path for the local chain and a
 * real cluster. Recent blockhashes (10 s) and the rent-exempt minimum are cached within their
 * validity, so serving a transaction costs one simulation round trip plus the balance checks.
 */
export function createWeb3Chain(options: Web3ChainOptions): ChainPort {
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

  const recentBlockhash = () => {
    const now = Date.now();
    if (!blockhash || now - blockhash.at > cacheMs) {
      const value = connection.getLatestBlockhash('confirmed');
      blockhash = { value, at: now };
      value.catch(() => {
        blockhash = undefined;
      });
    }
    return blockhash.value;
  };

  const port: ChainPort = {
    guardAddress: (guard) => guardKeypair(guard).publicKey.toBase58(),

    async getBlockHeight() {
      return BigInt(await connection.getBlockHeight('confirmed'));
    },

    inspectGuard: (guard, servedSignatures) =>
      inspectGuard(connection, { guard: guardKeypair(guard).publicKey, servedSignatures }),

    async buildTransfer(input) {
      rent ??= connection.getMinimumBalanceForRentExemption(0).catch((error: unknown) => {
        rent = undefined;
        throw error;
      });
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
        rentLamports: await rent,
        createRecipientAta: true,
      });
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

    async signatureStates(signatures) {
      const states = new Map<string, SignatureState | null>();
      for (let start = 0; start < signatures.length; start += STATUS_BATCH) {
        const batch = signatures.slice(start, start + STATUS_BATCH);
        const { value } = await connection.getSignatureStatuses(batch, {
          searchTransactionHistory: true,
        });
        batch.forEach((signature, index) => {
          const status = value[index];
          states.set(
            signature,
            status
              ? {
                  failed: status.err !== null,
                  committed: status.err === null && reachedCommitment(status, commitment),
                }
              : null,
          );
        });
      }
      return states;
    },

    async burnGuard(guard) {
      const result = await burnGuard(connection, { gas, guard: guardKeypair(guard), commitment });
      if (result.outcome === 'failed') return { outcome: 'failed', message: result.error.message };
      if (result.outcome === 'already-consumed') return { outcome: 'already-consumed' };
      return result;
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
 * Marks every failure of the RPC as what it is — a dependency being unavailable (503, retried
 * by callers and webhooks) — rather than a bug (500). Errors of our own hierarchy pass through.
 */
function withUpstreamErrors(port: ChainPort): ChainPort {
  const wrapped = { ...port };
  for (const name of Object.keys(port) as Array<keyof ChainPort>) {
    const method = port[name] as (...args: unknown[]) => unknown;
    if (name === 'guardAddress') continue;
    (wrapped as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      try {
        return await method(...args);
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw new UpstreamUnavailableError(`Solana RPC call failed (${name})`, { cause: error });
      }
    };
  }
  return wrapped;
}
