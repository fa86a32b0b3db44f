import { PublicKey } from '@solana/web3.js';
import { PYTH_PRICE_FEED_PROGRAM_ID } from './pyth-programs';

/**
 * The account holding the kept-current price of `feedId` on `shard` (Pyth's push oracle): the
 * PDA of seeds `[shard as u16 little endian, feed id bytes]` under the price-feed program.
 *
 * @param feedId - 32-byte feed id as hex (with or without `0x`).
 */
export function priceFeedAddress(feedId: string, shard = 0): PublicKey {
  const hex = feedId.replace(/^0x/, '');
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new RangeError(`Invalid Pyth feed id: ${feedId}`);
  const shardBytes = Buffer.alloc(2);
  shardBytes.writeUInt16LE(shard);
  return PublicKey.findProgramAddressSync(
    [shardBytes, Buffer.from(hex, 'hex')],
    PYTH_PRICE_FEED_PROGRAM_ID,
  )[0];
}
