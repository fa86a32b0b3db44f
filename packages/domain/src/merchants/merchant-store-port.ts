/** A merchant as the portal and onboarding see it. */
export interface MerchantProfile {
  id: string;
  shopDomain: string;
  displayName: string | null;
  payoutWallet: string | null;
  settlementMint: string | null;
  /** Symbol of the token new sessions settle in. */
  settlementToken: string;
  installed: boolean;
  configured: boolean;
  termsAcceptedAt: Date | null;
}

/** What an OAuth install writes (tokens already encrypted). */
export interface InstallRecord {
  shopDomain: string;
  accessTokenEnc: string;
  accessTokenExpiresAt: Date | null;
  refreshTokenEnc: string | null;
  refreshTokenExpiresAt: Date | null;
  scopes: string;
  installedAt: Date;
}

/** A live portal session row. */
export interface PortalSessionRecord {
  id: string;
  merchantId: string;
  csrfToken: string;
  expiresAt: Date;
}

/** The latest `paymentsAppConfigure` we queued for a merchant, as far as Shopify answered. */
export interface ConfigureStatus {
  status: 'PENDING' | 'IN_FLIGHT' | 'SUCCEEDED' | 'FAILED' | 'EXHAUSTED';
  /** Shopify's `userErrors` (or the last transport error) in one line. */
  error: string | null;
}

/** Persistence for install, portal sessions and onboarding. Implemented with Prisma in `@solpay/persistence`. */
export interface MerchantStorePort {
  /** Stores an issued OAuth `state` nonce for `shopDomain`. */
  saveOAuthState(input: { nonce: string; shopDomain: string; expiresAt: Date }): Promise<void>;
  /**
   * Consumes the nonce atomically (one conditional UPDATE): true only for the first caller, and
   * only when it was issued for `shopDomain`, is unconsumed and has not expired at `now`.
   */
  consumeOAuthState(input: { nonce: string; shopDomain: string; now: Date }): Promise<boolean>;
  /**
   * Creates the merchant or updates it on re-install (`INSTALLED`, new tokens and scopes; the
   * payout wallet, configuration and terms are kept). Returns its id.
   */
  saveInstall(record: InstallRecord): Promise<{ merchantId: string }>;
  findMerchant(merchantId: string): Promise<MerchantProfile | null>;
  createPortalSession(input: {
    merchantId: string;
    csrfToken: string;
    expiresAt: Date;
  }): Promise<PortalSessionRecord>;
  /** The session when it exists, is not revoked and has not expired at `now`. */
  findActivePortalSession(id: string, now: Date): Promise<PortalSessionRecord | null>;
  revokePortalSession(id: string, now: Date): Promise<void>;
  setPayoutWallet(input: {
    merchantId: string;
    payoutWallet: string;
    settlementMint: string;
  }): Promise<void>;
  /** Sets the token (and its mint on this cluster) that new sessions settle in. */
  setSettlementToken(input: {
    merchantId: string;
    settlementToken: string;
    settlementMint: string;
  }): Promise<void>;
  /**
   * Marks the merchant configured (terms accepted at `now`) and, in the SAME transaction, queues
   * `paymentsAppConfigure(externalHandle, ready: true)` — unless one is already queued or
   * delivered since the merchant's latest install (then nothing new is queued; a FAILED/EXHAUSTED
   * one, or one sent before a re-install, is queued again).
   * Returns the outbox ids to dispatch.
   */
  configure(input: {
    merchantId: string;
    externalHandle: string;
    now: Date;
  }): Promise<{ mutationIds: string[] }>;
  /** The latest configure mutation of a merchant, or null when none was queued. */
  latestConfigureStatus(merchantId: string): Promise<ConfigureStatus | null>;
}
