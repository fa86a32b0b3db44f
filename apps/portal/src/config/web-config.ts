import * as z from 'zod/mini';

/**
 * Schema of `/config.json`, served next to the portal: the local stack computes it per
 * request; in AWS it is a static file written at deploy time (see `apps/portal/README.md`).
 * Unknown keys are ignored.
 */
export const webConfigSchema = z.object({
  /** Origin of the purple API (`https://pay-api.example.com`), which serves `/portal/*`. */
  purpleOrigin: z.url({ protocol: /^https?$/ }),
  /** Solana cluster of the deployment: `mainnet-beta`, `devnet`, `testnet` or `localnet`. */
  cluster: z.optional(z.string()),
  /**
   * JSON-RPC endpoint, used only to broadcast for wallets that can sign but not send, and to
   * link a local chain's transactions in the explorer.
   */
  rpcUrl: z.optional(z.url({ protocol: /^https?$/ })),
});

/** The portal's runtime configuration. */
export type WebConfig = z.infer<typeof webConfigSchema>;
