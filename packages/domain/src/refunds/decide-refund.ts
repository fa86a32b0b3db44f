import { formatTokenAmount } from '../money/format-token-amount';
import type { RefundablePayment, RefundDecision } from './refund-decision';

/**
 * The refund rules, decided while the payment row is locked: the payment must exist for this
 * merchant, be PAID (with a known paying wallet, which receives the refund), be in the same
 * currency and test mode, and still have at least `tokenAmount` refundable — its amount minus
 * every open or paid refund, in token base units. Anything else is a definitive rejection with a
 * message for the merchant.
 */
export function decideRefund(input: {
  payment: RefundablePayment | null;
  shopifyPaymentId: string;
  currency: string;
  test: boolean;
  tokenAmount: bigint;
  decimals: number;
  /** Sum of the payment's OPEN, REJECTING and PAID refunds (base units). */
  committedRefunds: bigint;
}): RefundDecision {
  const { payment } = input;
  const usdc = (units: bigint) => `${formatTokenAmount(units, input.decimals)} USDC`;
  if (!payment) {
    return {
      accept: false,
      merchantMessage: `No Solana Pay payment ${input.shopifyPaymentId} was found for this shop`,
    };
  }
  if (payment.status !== 'PAID' || payment.buyerWallet === null) {
    return {
      accept: false,
      merchantMessage: 'The payment was never completed, so there is nothing to refund',
    };
  }
  if (payment.currency !== input.currency) {
    return {
      accept: false,
      merchantMessage: `The refund currency ${input.currency} differs from the payment currency ${payment.currency}`,
    };
  }
  if (payment.test !== input.test) {
    return { accept: false, merchantMessage: 'Test and live refunds cannot be mixed' };
  }
  if (input.tokenAmount <= 0n) {
    return { accept: false, merchantMessage: 'The refund amount must be greater than zero' };
  }
  const remaining = payment.tokenAmount - input.committedRefunds;
  if (input.tokenAmount > remaining) {
    return {
      accept: false,
      merchantMessage: `The refund of ${usdc(input.tokenAmount)} is more than the ${usdc(remaining > 0n ? remaining : 0n)} left to refund on this payment`,
    };
  }
  return { accept: true, recipientWallet: payment.buyerWallet };
}
