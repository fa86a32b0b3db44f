import { PublicKey } from '@solana/web3.js';

/** The Solana clusters the app settles on. `mainnet` is an alias of `mainnet-beta`. */
export type SolanaCluster = 'mainnet-beta' | 'mainnet' | 'devnet';

/** Circle's USDC mint on mainnet-beta. */
export const USDC_MINT_MAINNET = new PublicKey('EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v');

/** Circle's USDC mint on devnet. */
export const USDC_MINT_DEVNET = new PublicKey('4zMMC9srt5Ri5X14GAgXhaHii3GnPAEERYPJgZJDncDU');

/** USDC has 6 decimals on every cluster. */
export const USDC_DECIMALS = 6;

/**
 * The USDC mint of a cluster. Test-mode sessions use devnet, live ones mainnet — never mix them.
 * (The local chain creates its own mint; callers there use that mint instead.)
 *
 * @param cluster - `mainnet-beta` (or `mainnet`) or `devnet`.
 */
export function usdcMintFor(cluster: SolanaCluster): PublicKey {
  switch (cluster) {
    case 'mainnet-beta':
    case 'mainnet':
      return USDC_MINT_MAINNET;
    case 'devnet':
      return USDC_MINT_DEVNET;
  }
}
