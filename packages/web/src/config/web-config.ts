import * as z from 'zod/mini';

/**
 * Schema of `/config.json`, served next to a web app (checkout page, merchant portal): the
 * local stack computes it per request; in AWS it is a static file written at deploy time (see
 * the apps' READMEs). Unknown keys are ignored.
 */
export const webConfigSchema = z.object({
  /** Origin of the purple API (`https://pay-api.example.com`), no trailing slash needed. */
  purpleOrigin: z.url({ protocol: /^https?$/ }),
  /** Solana cluster of the deployment: `mainnet-beta`, `devnet`, `testnet` or `localnet`. */
  cluster: z.optional(z.string()),
  /**
   * JSON-RPC endpoint, used only to broadcast for wallets that can sign but not send
   * (`solana:signTransaction` without `solana:signAndSendTransaction`), and by the portal to
   * link a local chain's transactions in the explorer.
   */
  rpcUrl: z.optional(z.url({ protocol: /^https?$/ })),
});

/** A web app's runtime configuration (`/config.json`). */
export type WebConfig = z.infer<typeof webConfigSchema>;
