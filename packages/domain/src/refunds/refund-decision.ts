/** What a refund session request becomes: payable by the merchant, or rejected at once. */
export type RefundDecision =
  { accept: true; recipientWallet: string } | { accept: false; merchantMessage: string };

/** The payment a refund points at, as the refund rules need it. */
export interface RefundablePayment {
  id: string;
  status: 'OPEN' | 'PAID' | 'REJECTING' | 'REJECTED';
  currency: string;
  tokenAmount: bigint;
  tokenMint: string;
  buyerWallet: string | null;
  test: boolean;
}
