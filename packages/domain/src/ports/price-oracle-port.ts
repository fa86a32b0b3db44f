/** One price as an oracle account holds it (Pyth `PriceUpdateV2`): `price × 10^exponent`. */
export interface PriceReading {
  /** Feed id, lower-case hex without `0x`. */
  feedId: string;
  price: bigint;
  /** Confidence interval, in the same units as `price`. */
  conf: bigint;
  exponent: number;
  /** When the publishers priced it (unix seconds). */
  publishTime: number;
  /** The update carries the full Wormhole guardian quorum (not a partial verification). */
  fullyVerified: boolean;
}

/** Reads oracle prices on chain. Implemented over web3.js (Pyth accounts) in `@solpay/adapters`. */
export interface PriceOraclePort {
  /** The current reading of each feed id; `null` when its account is missing or not a price. */
  readPrices(feedIds: readonly string[]): Promise<Map<string, PriceReading | null>>;
}
