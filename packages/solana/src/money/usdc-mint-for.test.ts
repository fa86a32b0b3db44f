import { USDC_DECIMALS, usdcMintFor } from './usdc-mint-for';

describe('usdcMintFor', () => {
  it('returns Circle USDC per cluster', () => {
    expect(usdcMintFor('mainnet-beta').toBase58()).toBe(
      'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v',
    );
    expect(usdcMintFor('mainnet').toBase58()).toBe('EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v');
    expect(usdcMintFor('devnet').toBase58()).toBe('4zMMC9srt5Ri5X14GAgXhaHii3GnPAEERYPJgZJDncDU');
    expect(USDC_DECIMALS).toBe(6);
  });
});
