import { PublicKey } from '@solana/web3.js';
import { PYTH_PRICE_FEED_PROGRAM_ADDRESS } from './pyth-programs';

/**
 * Derived addresses by `shard:feed id`. Deriving a PDA costs up to 256 SHA-256 + curve checks
 * (a visible share of the stack's CPU when done per quote and per published slot); the few
 * feeds there are never change address.
 */
const derived = new Map<string, PublicKey>();
let priceFeedProgram: PublicKey | undefined;

/**
 * The account holding the kept-current price of `feedId` on `shard` (Pyth's push oracle): the
 * PDA of seeds `[shard as u16 little endian, feed id bytes]` under the price-feed program.
 *
 * @param feedId - 32-byte feed id as hex (with or without `0x`).
 */
export function priceFeedAddress(feedId: string, shard = 0): PublicKey {
  const hex = feedId.replace(/^0x/, '');
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new RangeError(`Invalid Pyth feed id: ${feedId}`);
  const key = `${shard}:${hex.toLowerCase()}`;
  const known = derived.get(key);
  if (known) return known;
  const shardBytes = Buffer.alloc(2);
  shardBytes.writeUInt16LE(shard);
  const [address] = PublicKey.findProgramAddressSync(
    [shardBytes, Buffer.from(hex, 'hex')],
    (priceFeedProgram ??= new PublicKey(PYTH_PRICE_FEED_PROGRAM_ADDRESS)),
  );
  derived.set(key, address);
  return address;
}
