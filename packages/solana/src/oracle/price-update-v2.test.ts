import { Keypair } from '@solana/web3.js';
import { decodePriceUpdateV2, encodePriceUpdateV2, type PriceUpdateV2 } from './price-update-v2';
import { priceFeedAddress } from './price-feed-address';

const FEED = 'a995d00bb36a63cef7fd2c287dc105fc8f3d93779f062f09551b0af3e81ec30b';

function update(overrides: Partial<PriceUpdateV2> = {}): PriceUpdateV2 {
  return {
    writeAuthority: Keypair.generate().publicKey,
    verification: { level: 'full' },
    feedId: FEED,
    price: 108_345_000n,
    conf: 12_000n,
    exponent: -8,
    publishTime: 1_796_000_000,
    prevPublishTime: 1_795_999_999,
    emaPrice: 108_300_000n,
    emaConf: 11_000n,
    postedSlot: 123_456n,
    ...overrides,
  };
}

describe('PriceUpdateV2', () => {
  it('has the documented account size (134 bytes) whatever the verification level', () => {
    expect(encodePriceUpdateV2(update())).toHaveLength(134);
    expect(
      encodePriceUpdateV2(update({ verification: { level: 'partial', signatures: 5 } })),
    ).toHaveLength(134);
  });

  it('decodes fields at their documented offsets (full verification)', () => {
    const original = update({ price: -5n, exponent: -5 });
    const bytes = encodePriceUpdateV2(original);
    // price message starts after discriminator (8) + authority (32) + level (1) + feed id (32)
    expect(bytes.readBigInt64LE(73)).toBe(-5n);
    expect(bytes.readInt32LE(89)).toBe(-5);
    expect(decodePriceUpdateV2(bytes)).toEqual(original);
  });

  it('decodes a partially verified update (the enum variant carries a byte)', () => {
    const original = update({ verification: { level: 'partial', signatures: 7 } });
    expect(decodePriceUpdateV2(encodePriceUpdateV2(original))).toEqual(original);
  });

  it('refuses other accounts: wrong discriminator, truncated data, unknown level', () => {
    const bytes = encodePriceUpdateV2(update());
    const wrong = Buffer.from(bytes);
    wrong[0] = (wrong[0] ?? 0) ^ 0xff;
    expect(decodePriceUpdateV2(wrong)).toBeNull();
    expect(decodePriceUpdateV2(bytes.subarray(0, 100))).toBeNull();
    const level = Buffer.from(bytes);
    level[40] = 2;
    expect(decodePriceUpdateV2(level)).toBeNull();
  });

  it('derives the feed account per shard under the price-feed program', () => {
    const shard0 = priceFeedAddress(FEED);
    expect(priceFeedAddress(`0x${FEED}`).equals(shard0)).toBe(true);
    expect(priceFeedAddress(FEED, 1).equals(shard0)).toBe(false);
    expect(() => priceFeedAddress('abc')).toThrow('Invalid Pyth feed id');
  });
});
