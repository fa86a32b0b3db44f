import { PublicKey } from '@solana/web3.js';

/** The SPL Memo program (v2). Solana Pay puts the memo second to last, before the transfer. */
export const MEMO_PROGRAM_ADDRESS = 'MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr';

let memoProgram: PublicKey | undefined;

/**
 * {@link MEMO_PROGRAM_ADDRESS} as a `PublicKey`, made at first use: a module-level `PublicKey`
 * would make every bundle that includes this module evaluate web3.js at load (docs/adr/0021).
 */
export function memoProgramId(): PublicKey {
  return (memoProgram ??= new PublicKey(MEMO_PROGRAM_ADDRESS));
}
