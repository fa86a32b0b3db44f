/** The Solana clusters a deployment can use. */
export type SolanaCluster = 'localnet' | 'devnet' | 'mainnet-beta';

/**
 * Solana Explorer link of a transaction on the deployment's cluster: mainnet without a cluster
 * parameter, devnet with `?cluster=devnet`, the local chain as a custom cluster at its RPC URL.
 */
export function explorerUrl(signature: string, cluster: SolanaCluster, rpcUrl: string): string {
  const base = `https://explorer.solana.com/tx/${encodeURIComponent(signature)}`;
  if (cluster === 'mainnet-beta') return base;
  if (cluster === 'devnet') return `${base}?cluster=devnet`;
  return `${base}?cluster=custom&customUrl=${encodeURIComponent(rpcUrl)}`;
}
