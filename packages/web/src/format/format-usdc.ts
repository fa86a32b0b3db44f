/**
 * Formats a USDC decimal string for display with 2–6 decimals and grouping (`"1249.9"` →
 * `1,249.90 USDC`). Exact: the string goes to `Intl.NumberFormat` as is.
 */
export function formatUsdc(tokenAmount: string, locale?: string): string {
  return formatToken(tokenAmount, 'USDC', locale);
}

/**
 * Formats a token amount (decimal string) with its symbol, 2–6 decimals and grouping
 * (`"25.5"`, `EURC` → `25.50 EURC`). Exact: the string goes to `Intl.NumberFormat` as is.
 */
export function formatToken(tokenAmount: string, symbol: string, locale?: string): string {
  const number = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 6,
  }).format(tokenAmount as Intl.StringNumericLiteral);
  return `${number} ${symbol}`;
}
