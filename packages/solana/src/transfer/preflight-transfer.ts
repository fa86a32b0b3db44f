import { getAssociatedTokenAddressSync, TOKEN_PROGRAM_ID } from '@solana/spl-token';
import {
  type Commitment,
  type Connection,
  type PublicKey,
  type Transaction,
  VersionedTransaction,
} from '@solana/web3.js';
import { formatTokenAmount } from '@solpay/domain';

/** Inputs of {@link preflightTransfer}. */
export interface PreflightTransferInput {
  /** The wallet that will sign the transfer (the request's `account`). */
  payer: PublicKey;
  /** The token mint. */
  mint: PublicKey;
  /** Program owning the mint (default SPL Token). */
  tokenProgram?: PublicKey;
  /** The mint's decimals, for the message. */
  decimals: number;
  /** The amount the transaction moves, in base units. */
  amount: bigint;
  /** The built transaction (from `buildTransferTransaction`). */
  transaction: Transaction;
  /** Token symbol for the message; default `USDC`. */
  symbol?: string;
  /** Commitment for the balance read and the simulation; default `confirmed`. */
  commitment?: Commitment;
}

/** Outcome of {@link preflightTransfer}; `message` is safe to show to the wallet user. */
export type PreflightTransferResult =
  | { ok: true }
  | { ok: false; reason: 'insufficient-funds'; message: string }
  | { ok: false; reason: 'simulation-failed'; message: string };

/**
 * Checks before serving that the transaction would succeed, so that a landed-but-failing
 * transaction does not cost the gas wallet fees (specs E.4): the payer's token account must
 * exist and hold at least `amount`, then `simulateTransaction` (no signature verification,
 * since the payer has not signed yet) must pass.
 */
export async function preflightTransfer(
  connection: Connection,
  {
    payer,
    mint,
    tokenProgram = TOKEN_PROGRAM_ID,
    decimals,
    amount,
    transaction,
    symbol = 'USDC',
    commitment = 'confirmed',
  }: PreflightTransferInput,
): Promise<PreflightTransferResult> {
  const payerAta = getAssociatedTokenAddressSync(mint, payer, true, tokenProgram);
  const account = await connection.getAccountInfo(payerAta, commitment);
  let held = 0n;
  if (account) {
    const balance = await connection.getTokenAccountBalance(payerAta, commitment);
    held = BigInt(balance.value.amount);
  }
  if (!account) {
    return {
      ok: false,
      reason: 'insufficient-funds',
      message: `The wallet has no ${symbol} account; ${formatTokenAmount(amount, decimals)} ${symbol} is needed`,
    };
  }
  if (held < amount) {
    return {
      ok: false,
      reason: 'insufficient-funds',
      message: `The wallet holds ${formatTokenAmount(held, decimals)} ${symbol}; ${formatTokenAmount(amount, decimals)} ${symbol} is needed`,
    };
  }

  const wire = transaction.serialize({ requireAllSignatures: false, verifySignatures: false });
  const simulation = await connection.simulateTransaction(VersionedTransaction.deserialize(wire), {
    sigVerify: false,
    replaceRecentBlockhash: false,
    commitment,
  });
  if (simulation.value.err) {
    const logs = simulation.value.logs ?? [];
    const lastLog = logs.filter((line) => /failed|error/i.test(line)).at(-1);
    return {
      ok: false,
      reason: 'simulation-failed',
      message: `The transaction would fail: ${JSON.stringify(simulation.value.err)}${lastLog ? ` (${lastLog})` : ''}`,
    };
  }
  return { ok: true };
}
