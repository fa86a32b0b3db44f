/**
 * Pyth's programs, as base58 addresses: a module-level `PublicKey` would make every bundle that
 * includes this module evaluate web3.js at load (docs/adr/0021).
 */

/** Pyth's receiver program: owns every `PriceUpdateV2` account (external-specs §G). */
export const PYTH_RECEIVER_PROGRAM_ADDRESS = 'rec5EKMGg6MxZYaMdyBfgwp4d5rB9T1VQH5pJv5LtFJ';

/** Pyth's price-feed (push oracle) program: its PDAs hold the sponsored, kept-current feeds. */
export const PYTH_PRICE_FEED_PROGRAM_ADDRESS = 'pythWSnswVUd12oZpeFP8e9CVaEqJg25g1Vtc2biRsT';
