import { PublicKey } from '@solana/web3.js';

/** Pyth's receiver program: owns every `PriceUpdateV2` account (external-specs §G). */
export const PYTH_RECEIVER_PROGRAM_ID = new PublicKey(
  'rec5EKMGg6MxZYaMdyBfgwp4d5rB9T1VQH5pJv5LtFJ',
);

/** Pyth's price-feed (push oracle) program: its PDAs hold the sponsored, kept-current feeds. */
export const PYTH_PRICE_FEED_PROGRAM_ID = new PublicKey(
  'pythWSnswVUd12oZpeFP8e9CVaEqJg25g1Vtc2biRsT',
);
