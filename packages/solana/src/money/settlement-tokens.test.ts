import { TOKEN_2022_PROGRAM_ID, TOKEN_PROGRAM_ID } from '@solana/spl-token';
import { PublicKey } from '@solana/web3.js';
import { SETTLEMENT_TOKENS, settlementTokensFor } from '@solpay/domain';

describe('settlement token table', () => {
  it('holds Circle USDC and EURC on both public clusters, SPL Token, 6 decimals', () => {
    const usdc = settlementTokensFor('mainnet-beta').find((token) => token.symbol === 'USDC');
    expect(usdc).toEqual({
      symbol: 'USDC',
      currency: 'USD',
      mint: 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v',
      tokenProgram: TOKEN_PROGRAM_ID.toBase58(),
      decimals: 6,
    });
    expect(settlementTokensFor('devnet').find((token) => token.symbol === 'USDC')?.mint).toBe(
      '4zMMC9srt5Ri5X14GAgXhaHii3GnPAEERYPJgZJDncDU',
    );
    for (const cluster of ['devnet', 'mainnet-beta'] as const) {
      const eurc = settlementTokensFor(cluster).find((token) => token.symbol === 'EURC');
      expect(eurc?.currency).toBe('EUR');
      expect(eurc?.decimals).toBe(6);
      expect(eurc?.tokenProgram).toBe(TOKEN_PROGRAM_ID.toBase58());
    }
  });

  it('names real program ids and valid mints in every row', () => {
    const programs = [TOKEN_PROGRAM_ID.toBase58(), TOKEN_2022_PROGRAM_ID.toBase58()];
    for (const row of SETTLEMENT_TOKENS) {
      expect(programs).toContain(row.tokenProgram);
      for (const mint of Object.values(row.mints)) expect(() => new PublicKey(mint)).not.toThrow();
    }
    expect(SETTLEMENT_TOKENS.find((row) => row.symbol === 'PYUSD')?.tokenProgram).toBe(
      TOKEN_2022_PROGRAM_ID.toBase58(),
    );
  });

  it('offers on localnet exactly the tokens given a local mint', () => {
    const local = settlementTokensFor('localnet', { USDC: 'A'.repeat(32), PYUSD: 'B'.repeat(32) });
    expect(local.map((token) => token.symbol)).toEqual(['USDC', 'PYUSD']);
    expect(() => settlementTokensFor('localnet', { XYZ: 'C'.repeat(32) })).toThrow(
      'No settlement token XYZ',
    );
  });

  it('lets an override replace a public mint', () => {
    const devnet = settlementTokensFor('devnet', { USDC: 'D'.repeat(32) });
    expect(devnet.find((token) => token.symbol === 'USDC')?.mint).toBe('D'.repeat(32));
  });
});
