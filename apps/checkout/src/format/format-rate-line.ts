import type { CheckoutPayment } from '../api/checkout-payment';

/**
 * The locked conversion as the buyer reads it: `1 CAD = 0.730002 USDC · rate from FX.USD/CAD at
 * 10:02:03, held until the payment expires`; empty when the payment settles 1:1.
 */
export function formatRateLine(
  payment: Pick<CheckoutPayment, 'currency' | 'token' | 'quote'>,
  locale?: string,
): string {
  const quote = payment.quote;
  if (!quote) return '';
  const rate = new Intl.NumberFormat(locale, { maximumSignificantDigits: 6 }).format(
    quote.rate as Intl.StringNumericLiteral,
  );
  const time = new Date(quote.publishedAt).toLocaleTimeString(locale, { timeZone: 'UTC' });
  return `1 ${payment.currency} = ${rate} ${payment.token?.symbol ?? 'USDC'} · rate from ${quote.feed} at ${time} UTC, held until the payment expires`;
}
