/** What a refund session request becomes: payable by the merchant, or rejected at once. */
export type RefundDecision =
  | { accept: true; recipientWallet: string; tokenAmount: bigint }
  | { accept: false; merchantMessage: string; tokenAmount: bigint };

/** The payment a refund points at, as the refund rules need it. */
export interface RefundablePayment {
  id: string;
  status: 'OPEN' | 'PAID' | 'REJECTING' | 'REJECTED';
  /** Fiat amount paid (decimal string) and its currency. */
  amount: string;
  currency: string;
  tokenAmount: bigint;
  tokenMint: string;
  tokenDecimals: number;
  tokenSymbol: string;
  tokenProgram: string;
  /** The rate locked when the payment was created; null when it settled 1:1. */
  quoteRate: string | null;
  buyerWallet: string | null;
  test: boolean;
}
