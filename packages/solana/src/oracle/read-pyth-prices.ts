import type { Commitment, Connection } from '@solana/web3.js';
import type { PriceReading } from '@solpay/domain';
import { decodePriceUpdateV2 } from './price-update-v2';
import { priceFeedAddress } from './price-feed-address';
import { PYTH_RECEIVER_PROGRAM_ADDRESS } from './pyth-programs';

/**
 * Reads the kept-current Pyth price of each feed id in ONE `getMultipleAccounts` through the app's
 * RPC. A feed whose account is missing, not owned by Pyth's receiver program, not a
 * `PriceUpdateV2`, or carrying another feed id reads as `null`.
 */
export async function readPythPrices(
  connection: Connection,
  feedIds: readonly string[],
  { shard = 0, commitment = 'confirmed' }: { shard?: number; commitment?: Commitment } = {},
): Promise<Map<string, PriceReading | null>> {
  const readings = new Map<string, PriceReading | null>();
  if (feedIds.length === 0) return readings;
  const accounts = await connection.getMultipleAccountsInfo(
    feedIds.map((id) => priceFeedAddress(id, shard)),
    commitment,
  );
  feedIds.forEach((feedId, index) => {
    const account = accounts[index];
    const update =
      account && account.owner.toBase58() === PYTH_RECEIVER_PROGRAM_ADDRESS
        ? decodePriceUpdateV2(account.data)
        : null;
    readings.set(
      feedId,
      update && update.feedId === feedId.replace(/^0x/, '').toLowerCase()
        ? {
            feedId,
            price: update.price,
            conf: update.conf,
            exponent: update.exponent,
            publishTime: update.publishTime,
            fullyVerified: update.verification.level === 'full',
          }
        : null,
    );
  });
  return readings;
}
