/** A merchant as session creation needs it. */
export interface MerchantForSessions {
  id: string;
  shopDomain: string;
  installed: boolean;
  configured: boolean;
  payoutWallet: string | null;
  displayName: string | null;
}

/** Fields of a new payment record. */
export interface NewPaymentRecord {
  merchantId: string;
  shopifyId: string;
  gid: string;
  group: string;
  sessionId: string | null;
  kind: 'SALE' | 'AUTHORIZATION';
  amount: string;
  currency: string;
  tokenAmount: bigint;
  tokenMint: string;
  tokenDecimals: number;
  recipientWallet: string;
  referenceKey: string;
  test: boolean;
  cancelUrl: string;
  merchantLocale: string | null;
  proposedAt: Date | null;
  apiVersion: string;
  customerEmail: string | null;
  customerPhone: string | null;
  customerData: unknown;
  expiresAt: Date;
}

/** Persistence for creating sessions idempotently. Implemented with Prisma in `@solpay/db`. */
export interface SessionStorePort {
  findMerchantByShop(shopDomain: string): Promise<MerchantForSessions | null>;
  /**
   * Inserts the payment unless `(merchantId, shopifyId)` exists (`INSERT … ON CONFLICT DO
   * NOTHING`), then returns the stored row's id — the same one for every duplicate, however many
   * arrive concurrently. An existing row is never changed.
   */
  createPaymentIfAbsent(record: NewPaymentRecord): Promise<{ id: string; created: boolean }>;
}
