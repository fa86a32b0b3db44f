/** Options of `createDevWallet`. */
export interface DevWalletOptions {
  /** Name the wallet shows in the page ("Local test wallet", "Local merchant wallet"). */
  name: string;
  /** Keypair file (JSON array of 64 numbers, as written by the local chain). */
  keypairPath: string;
  /** JSON-RPC endpoint the signed transactions are sent to (the local chain). */
  rpcUrl: string;
  /** Wallet Standard chain the wallet declares (default `solana:localnet`). */
  chain?: `solana:${string}`;
  /** URL path of the endpoints (default `/dev/wallet`). */
  basePath?: string;
}
