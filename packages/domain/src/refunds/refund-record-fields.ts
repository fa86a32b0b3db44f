import type { RefundablePayment, RefundDecision } from './refund-decision';

/** The fields of a new refund record that follow from its payment and the refund decision. */
export interface RefundRecordFields {
  paymentId: string | null;
  tokenAmount: bigint;
  tokenMint: string | null;
  tokenDecimals: number | null;
  tokenSymbol: string | null;
  tokenProgram: string | null;
  recipientWallet: string | null;
  status: 'OPEN' | 'REJECTED';
  rejectCode: 'PROCESSING_ERROR' | null;
  rejectReason: string | null;
}

/**
 * What a refund record stores from its decision: an accepted refund is `OPEN`, paid in the
 * payment's token to the decision's wallet; a refused one is `REJECTED` at once with the
 * merchant's message. Every store writes a new refund record from this one mapping.
 */
export function refundRecordFields(
  payment: RefundablePayment | null,
  decision: RefundDecision,
): RefundRecordFields {
  return {
    paymentId: payment?.id ?? null,
    tokenAmount: decision.tokenAmount,
    tokenMint: payment?.tokenMint ?? null,
    tokenDecimals: payment?.tokenDecimals ?? null,
    tokenSymbol: payment?.tokenSymbol ?? null,
    tokenProgram: payment?.tokenProgram ?? null,
    recipientWallet: decision.accept ? decision.recipientWallet : null,
    status: decision.accept ? 'OPEN' : 'REJECTED',
    rejectCode: decision.accept ? null : 'PROCESSING_ERROR',
    rejectReason: decision.accept ? null : decision.merchantMessage,
  };
}
