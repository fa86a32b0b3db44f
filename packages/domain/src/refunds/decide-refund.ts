import { formatTokenAmount } from '../money/format-token-amount';
import { parseExactDecimal, toTokenUnits } from '../money/to-token-units';
import type { RefundablePayment, RefundDecision } from './refund-decision';
import { currencyDigits } from '../money/currency-digits';

/** `a − b` of two non-negative decimal strings, as a bigint at the larger scale. */
function fiatDifference(a: string, b: string): { units: bigint; scale: number } {
  const left = parseExactDecimal(a);
  const right = parseExactDecimal(b);
  const scale = Math.max(left.scale, right.scale);
  const align = (value: { units: bigint; scale: number }) =>
    value.units * 10n ** BigInt(scale - value.scale);
  return { units: align(left) - align(right), scale };
}

/** `6.00 USD`, `1500 JPY`: at least the currency's own places, more only when needed. */
function formatFiat({ units, scale }: { units: bigint; scale: number }, currency: string) {
  const digits = Math.max(currencyDigits(currency), scale);
  const scaled = (units < 0n ? 0n : units) * 10n ** BigInt(digits - scale);
  return `${formatTokenAmount(scaled, digits, { minFractionDigits: currencyDigits(currency) })} ${currency}`;
}

/**
 * The refund rules, decided while the payment row is locked: the payment must exist for this
 * merchant, be PAID (with a known paying wallet, which receives the refund), be in the same
 * currency and test mode, and still have at least `amount` refundable — in the payment's fiat
 * currency: its amount minus every open or paid refund. The refund is paid in the token the
 * payment settled in, at the payment's locked rate (1:1 when it had none), rounded down to the
 * token's smallest unit (`toTokenUnits`). Anything else is a definitive rejection with a message
 * for the merchant.
 */
export function decideRefund(input: {
  payment: RefundablePayment | null;
  shopifyPaymentId: string;
  /** Refund amount in the refund currency (decimal string). */
  amount: string;
  currency: string;
  test: boolean;
  /** Sum of the payment's OPEN, REJECTING and PAID refunds, in its fiat currency. */
  committedRefunds: string;
}): RefundDecision {
  const { payment } = input;
  if (!payment) {
    return {
      accept: false,
      tokenAmount: 0n,
      merchantMessage: `No Solana Pay payment ${input.shopifyPaymentId} was found for this shop`,
    };
  }
  const tokenAmount = toTokenUnits(
    input.amount,
    payment.quoteRate ?? '1',
    payment.tokenDecimals,
    'down',
  );
  const reject = (merchantMessage: string): RefundDecision => ({
    accept: false,
    tokenAmount,
    merchantMessage,
  });
  if (payment.status !== 'PAID' || payment.buyerWallet === null) {
    return reject('The payment was never completed, so there is nothing to refund');
  }
  if (payment.currency !== input.currency) {
    return reject(
      `The refund currency ${input.currency} differs from the payment currency ${payment.currency}`,
    );
  }
  if (payment.test !== input.test) return reject('Test and live refunds cannot be mixed');
  if (parseExactDecimal(input.amount).units <= 0n) {
    return reject('The refund amount must be greater than zero');
  }
  const remaining = fiatDifference(payment.amount, input.committedRefunds);
  const after = fiatDifference(
    formatTokenAmount(remaining.units < 0n ? 0n : remaining.units, remaining.scale),
    input.amount,
  );
  if (after.units < 0n) {
    return reject(
      `The refund of ${input.amount} ${input.currency} is more than the ${formatFiat(remaining, payment.currency)} left to refund on this payment`,
    );
  }
  if (tokenAmount <= 0n) {
    return reject(
      `The refund of ${input.amount} ${input.currency} is less than the smallest ${payment.tokenSymbol} unit at the payment's rate`,
    );
  }
  return { accept: true, recipientWallet: payment.buyerWallet, tokenAmount };
}
