import {
  type BlockhashWithExpiryBlockHeight,
  type Commitment,
  type Connection,
  type Keypair,
  Transaction,
  VersionedTransaction,
} from '@solana/web3.js';
import { awaitSignature } from '../confirmation/await-signature';
import { isAccountInUseError } from '../confirmation/is-account-in-use-error';
import { encodeBase58 } from '@solpay/domain';
import { createGuardInstruction } from './create-guard-instruction';
import { partialSignNatively } from '../transfer/partial-sign-natively';

/** Inputs of {@link burnGuard}. */
export interface BurnGuardInput {
  /** Our gas wallet: pays and funds the guard's rent. */
  gas: Keypair;
  /** The record's guard (current generation). */
  guard: Keypair;
  /** The commitment the burn must reach before the caller tells Shopify. */
  commitment: Commitment;
  /** A recent blockhash, if cached; fetched when absent. */
  blockhash?: BlockhashWithExpiryBlockHeight;
  /** Poll interval while confirming; default 400 ms. */
  pollIntervalMs?: number;
}

/**
 * Outcome of {@link burnGuard}:
 * - `burned`: our gas-only `createAccount` landed; no served transaction for the record can land.
 * - `already-consumed`: `createAccount` failed with `AccountAlreadyInUse` — a served transaction
 *   landed (look for it among the served signatures and resolve instead of rejecting), or a third
 *   party pre-funded the guard (then nothing built with it can land either).
 * - `failed`: nothing is known to have changed on chain (RPC error, expired blockhash, …); retry.
 */
export type BurnGuardResult =
  | { outcome: 'burned'; signature: string }
  | { outcome: 'already-consumed'; by: 'unknown' }
  | { outcome: 'failed'; error: Error };

/** Outcome of {@link submitBurnGuard}: the burn was sent (not awaited), or it cannot be sent. */
export type SubmitBurnResult =
  | { outcome: 'submitted'; signature: string; lastValidBlockHeight: number }
  | { outcome: 'already-consumed'; by: 'unknown' }
  | { outcome: 'failed'; error: Error };

/**
 * Builds, signs and simulates the guard burn (a gas-only `createAccount` of the guard), and sends
 * it without waiting for any commitment (DESIGN §3.2: no request waits for finality). A guard
 * already in use at `confirmed` answers `already-consumed` and costs no fee.
 */
export async function submitBurnGuard(
  connection: Connection,
  { gas, guard, blockhash }: Omit<BurnGuardInput, 'commitment' | 'pollIntervalMs'>,
): Promise<SubmitBurnResult> {
  try {
    const [recent, rent] = await Promise.all([
      blockhash ?? connection.getLatestBlockhash('confirmed'),
      connection.getMinimumBalanceForRentExemption(0),
    ]);
    const transaction = new Transaction({
      feePayer: gas.publicKey,
      blockhash: recent.blockhash,
      lastValidBlockHeight: recent.lastValidBlockHeight,
    }).add(
      createGuardInstruction({ gas: gas.publicKey, guard: guard.publicKey, rentLamports: rent }),
    );
    // Every signer the fresh transaction asks for: the same as `transaction.sign(gas, guard)`.
    partialSignNatively(transaction, gas, guard);
    const wire = transaction.serialize();

    const simulation = await connection.simulateTransaction(
      VersionedTransaction.deserialize(wire),
      {
        sigVerify: false,
        commitment: 'confirmed',
      },
    );
    if (isAccountInUseError(simulation.value.err, 0))
      return { outcome: 'already-consumed', by: 'unknown' };

    const signature = encodeBase58(transaction.signature ?? new Uint8Array());
    await connection.sendRawTransaction(wire, { skipPreflight: true });
    return { outcome: 'submitted', signature, lastValidBlockHeight: recent.lastValidBlockHeight };
  } catch (error) {
    return { outcome: 'failed', error: error instanceof Error ? error : new Error(String(error)) };
  }
}

/**
 * Makes a record unpayable on chain before rejecting it (DESIGN §3.2): lands a transaction
 * signed only by gas and the guard that consumes the guard, and waits for `commitment`.
 * It simulates first so that a guard already in use costs no fee. Requests use
 * {@link submitBurnGuard} instead and never wait.
 */
export async function burnGuard(
  connection: Connection,
  { gas, guard, commitment, blockhash, pollIntervalMs }: BurnGuardInput,
): Promise<BurnGuardResult> {
  try {
    const submitted = await submitBurnGuard(connection, {
      gas,
      guard,
      ...(blockhash ? { blockhash } : {}),
    });
    if (submitted.outcome !== 'submitted') return submitted;
    const { signature, lastValidBlockHeight } = submitted;
    const result = await awaitSignature(connection, {
      signature,
      lastValidBlockHeight,
      commitment,
      ...(pollIntervalMs === undefined ? {} : { pollIntervalMs }),
    });
    if (result.status === 'expired') {
      return { outcome: 'failed', error: new Error('The burn transaction expired before landing') };
    }
    if (result.err === null) return { outcome: 'burned', signature };
    if (isAccountInUseError(result.err, 0)) return { outcome: 'already-consumed', by: 'unknown' };
    return {
      outcome: 'failed',
      error: new Error(`The burn transaction failed: ${JSON.stringify(result.err)}`),
    };
  } catch (error) {
    return { outcome: 'failed', error: error instanceof Error ? error : new Error(String(error)) };
  }
}
