import type { Connection } from '@solana/web3.js';
import type { PriceOraclePort } from '@solpay/domain';
import { readPythPrices } from '@solpay/solana';
import { DependencyUnavailableError } from '@solpay/domain';

/**
 * {@link PriceOraclePort} over the app's own RPC: Pyth `PriceUpdateV2` accounts of the
 * price-feed program's `shard`, read in one `getMultipleAccounts` at `confirmed`. An RPC failure
 * is a dependency being unavailable (503), never a missing price.
 */
export function createPythOracle(connection: Connection, shard: number): PriceOraclePort {
  return {
    async readPrices(feedIds) {
      try {
        return await readPythPrices(connection, feedIds, { shard });
      } catch (error) {
        throw new DependencyUnavailableError('Solana RPC call failed (readPrices)', {
          cause: error,
        });
      }
    },
  };
}
