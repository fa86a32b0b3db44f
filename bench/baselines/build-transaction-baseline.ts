import { randomUUID } from 'node:crypto';
import { Connection, Keypair, PublicKey } from '@solana/web3.js';
import { buildTransferTransaction, deriveGuardKeypair } from '@solpay/solana';
import { runClosedLoop } from '../load/run-closed-loop';
import type { LoadSample } from '../stats/load-sample';

/** What {@link runBuildTransactionBaseline} builds for. */
export interface BuildTransactionBaselineInput {
  /** The gas keypair's secret key (the stack's `GAS_KEYPAIR`, a JSON array). */
  gasSecretKey: Uint8Array;
  /** `SINGLE_USE_SECRET`. */
  singleUseSecret: string;
  payer: PublicKey;
  recipient: PublicKey;
  mint: PublicKey;
}

// Never contacted: the blockhash and rent figure are passed in, so the builder does no I/O.
const OFFLINE = new Connection('http://127.0.0.1:9');
const BLOCKHASH = {
  blockhash: Keypair.generate().publicKey.toBase58(),
  lastValidBlockHeight: 1_000_000,
};
const RENT_EXEMPT_ZERO_BYTES = 890_880;

/**
 * Baseline for the transaction request `POST`: the CPU part of serving it — derive the record's
 * guard key, build the legacy transfer (guard, recipient ATA, `TransferChecked` + reference),
 * serialize, sign as gas and guard, serialize again — in-process with a cached blockhash and rent
 * figure and no I/O at all, from `concurrency` workers for `durationMs`.
 */
export function runBuildTransactionBaseline(
  input: BuildTransactionBaselineInput,
  concurrency: number,
  durationMs: number,
): Promise<LoadSample> {
  const gas = Keypair.fromSecretKey(input.gasSecretKey);
  const reference = Keypair.generate().publicKey;
  return runClosedLoop({
    concurrency,
    durationMs,
    operation: async () => {
      const guard = deriveGuardKeypair({
        secret: input.singleUseSecret,
        shop: 'demo-shop.myshopify.com',
        kind: 'payment',
        shopifyId: randomUUID(),
        generation: 0,
      });
      await buildTransferTransaction({
        connection: OFFLINE,
        gas,
        guard,
        payer: input.payer,
        recipientOwner: input.recipient,
        mint: input.mint,
        decimals: 6,
        amount: 19_990_000n,
        reference,
        blockhash: BLOCKHASH,
        rentLamports: RENT_EXEMPT_ZERO_BYTES,
        createRecipientAta: true,
      });
    },
  });
}
