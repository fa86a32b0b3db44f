/** What purple `GET /checkout/payments/{paymentId}` answers (DESIGN §4.1). */
export interface CheckoutPaymentView {
  status: 'OPEN' | 'PAID' | 'REJECTING' | 'REJECTED';
  /** Fiat amount as Shopify sent it (decimal string). */
  amount: string;
  currency: string;
  /** Token amount the buyer pays, in user units (decimal string, e.g. `"49.90"`). */
  tokenAmount: string;
  /** The settlement token of this payment. */
  token: { symbol: string; mint: string; decimals: number };
  /** The locked conversion, when the session currency is not the token's. */
  quote?: {
    /** Token units per one unit of `currency` (decimal string). */
    rate: string;
    /** Oracle feed(s) used, e.g. `FX.USD/CAD` (a cross rate names both: `FX.USD/CAD × FX.EUR/USD`). */
    feed: string;
    /** Publish time of the oldest price used (ISO 8601). */
    publishedAt: string;
    /** Until when the quote holds: the session's expiry (ISO 8601). */
    expiresAt: string;
  };
  merchantName: string;
  /** `solana:` transaction-request URL of `${PURPLE_ORIGIN}/tx/payment/<id>`. */
  solanaPayUrl: string;
  /** The merchant's payout wallet. */
  recipient: string;
  mint: string;
  /** Shopify's `cancel_url`. */
  cancelUrl: string;
  /** Shopify's `nextAction.context.redirectUrl`, once a resolve (or reject) was accepted. */
  redirectUrl?: string;
  /** ISO 8601. */
  expiresAt: string;
  /** A test-mode session (test cluster, no real funds). */
  test: boolean;
  /** Shopify's payment session id: the reference the buyer and the merchant both can quote. */
  orderReference: string;
  /**
   * Why a REJECTING/REJECTED payment closed: `expired` (its session expired unpaid), `risky`
   * (the paying wallet failed screening) or `rejected` (anything else). Absent while open or paid.
   */
  closedReason?: 'expired' | 'risky' | 'rejected';
}
