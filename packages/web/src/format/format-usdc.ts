/**
 * Formats a USDC decimal string for display with 2–6 decimals and grouping (`"1249.9"` →
 * `1,249.90 USDC`). Exact: the string goes to `Intl.NumberFormat` as is.
 */
export function formatUsdc(tokenAmount: string, locale?: string): string {
  const number = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 6,
  }).format(tokenAmount as Intl.StringNumericLiteral);
  return `${number} USDC`;
}
