/**
 * The Solana Explorer page of a transaction on `cluster`: mainnet needs no parameter, devnet and
 * testnet name the cluster, a local chain is a custom cluster reached at `rpcUrl`. Used for
 * signatures the portal learns before the API reports them (the API sends `explorerUrl`).
 */
export function explorerTransactionUrl(
  signature: string,
  cluster: string | undefined,
  rpcUrl: string | undefined,
): string {
  const url = new URL(`https://explorer.solana.com/tx/${encodeURIComponent(signature)}`);
  if (cluster === 'devnet' || cluster === 'testnet') url.searchParams.set('cluster', cluster);
  else if (cluster === 'localnet' || (cluster === 'custom' && rpcUrl)) {
    url.searchParams.set('cluster', 'custom');
    if (rpcUrl) url.searchParams.set('customUrl', rpcUrl);
  }
  return url.toString();
}
