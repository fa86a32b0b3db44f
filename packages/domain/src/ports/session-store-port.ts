/** A merchant as session creation needs it. */
export interface MerchantForSessions {
  id: string;
  shopDomain: string;
  installed: boolean;
  configured: boolean;
  payoutWallet: string | null;
  displayName: string | null;
  /** Symbol of the token new sessions settle in (`USDC` by default). */
  settlementToken: string;
}

/** A locked conversion stored with a payment whose currency is not the token's. */
export interface StoredQuote {
  /** Token units per unit of the session currency (decimal string). */
  rate: string;
  feeds: Array<{ symbol: string; id: string }>;
  publishedAt: Date;
  /** Until when the quote holds: the session's expiry. */
  expiresAt: Date;
}

/** Fields of a new payment record (the merchant and its payout wallet come from the shop). */
export interface NewPaymentRecord {
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
  tokenSymbol: string;
  tokenProgram: string;
  /** Null when the session currency is the token's (1:1). */
  quote: StoredQuote | null;
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

/** A token a payment can settle in 1:1 (no quote): the token fields of a {@link NewPaymentRecord}. */
export type UnquotedSettlement = Pick<
  NewPaymentRecord,
  'tokenAmount' | 'tokenMint' | 'tokenDecimals' | 'tokenSymbol' | 'tokenProgram'
>;

/** A {@link NewPaymentRecord} before its token is chosen: everything but the token and quote. */
export type PaymentDraft = Omit<NewPaymentRecord, keyof UnquotedSettlement | 'quote'>;

/** Persistence for creating sessions idempotently. Implemented with Prisma in `@solpay/db`. */
export interface SessionStorePort {
  findMerchantByShop(shopDomain: string): Promise<MerchantForSessions | null>;
  /**
   * In ONE statement: the shop's merchant (null if unknown) and, when it can take payments
   * (installed, configured, with a payout wallet) and settles in one of `settlements`, the
   * payment created for it with that settlement exactly as {@link createPaymentForShop} would
   * (one row per `(merchant, shopifyId)` however many duplicates arrive). `payment` is the
   * shop's payment with `draft.shopifyId` after the statement: the one inserted
   * (`created: true`), the existing one (`created: false`, also when nothing was inserted), or
   * null when none exists and none was created (the merchant cannot take payments, or settles in
   * a token not in `settlements`: the caller then quotes and calls {@link createPaymentForShop}).
   */
  createUnquotedPayment(
    shopDomain: string,
    draft: PaymentDraft,
    settlements: readonly UnquotedSettlement[],
  ): Promise<{
    merchant: MerchantForSessions;
    payment: { id: string; created: boolean } | null;
  } | null>;
  /**
   * In ONE statement: finds the shop's merchant if it is installed and configured (with a payout
   * wallet), and inserts the payment for it unless `(merchant, shopifyId)` exists (`INSERT …
   * SELECT … ON CONFLICT`), returning the stored row's id — the same one for every duplicate,
   * however many arrive concurrently; an existing row is never changed. The payout wallet is
   * captured into the record. `null` when the shop cannot take payments (the caller then asks
   * {@link findMerchantByShop} why).
   */
  createPaymentForShop(
    shopDomain: string,
    record: NewPaymentRecord,
  ): Promise<{ id: string; created: boolean } | null>;
}
