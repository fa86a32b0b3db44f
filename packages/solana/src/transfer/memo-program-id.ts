import { PublicKey } from '@solana/web3.js';

/** The SPL Memo program (v2). Solana Pay puts the memo second to last, before the transfer. */
export const MEMO_PROGRAM_ID = new PublicKey('MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr');
