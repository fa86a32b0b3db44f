import type { IdentifierString } from '@wallet-standard/base';

/**
 * The Wallet Standard chain id for a cluster name (`mainnet-beta` → `solana:mainnet`,
 * `devnet` → `solana:devnet`, `localnet` → `solana:localnet`). Unknown or absent → mainnet.
 */
export function walletChainOf(cluster: string | null | undefined): IdentifierString {
  switch (cluster) {
    case 'devnet':
    case 'testnet':
    case 'localnet':
      return `solana:${cluster}`;
    default:
      return 'solana:mainnet';
  }
}
