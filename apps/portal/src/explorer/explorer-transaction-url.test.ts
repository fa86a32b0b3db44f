import { describe, expect, it } from '@jest/globals';
import { explorerTransactionUrl } from './explorer-transaction-url';

describe('explorerTransactionUrl', () => {
  it('links each cluster the way Solana Explorer expects', () => {
    expect(explorerTransactionUrl('SiG', 'mainnet-beta', undefined)).toBe(
      'https://explorer.solana.com/tx/SiG',
    );
    expect(explorerTransactionUrl('SiG', undefined, undefined)).toBe(
      'https://explorer.solana.com/tx/SiG',
    );
    expect(explorerTransactionUrl('SiG', 'devnet', 'https://x')).toBe(
      'https://explorer.solana.com/tx/SiG?cluster=devnet',
    );
    const local = new URL(explorerTransactionUrl('SiG', 'localnet', 'http://127.0.0.1:8899'));
    expect(local.searchParams.get('cluster')).toBe('custom');
    expect(local.searchParams.get('customUrl')).toBe('http://127.0.0.1:8899');
  });
});
