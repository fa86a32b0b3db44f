/**
 * Formats a decimal-string amount in a currency for display (`"49.90"`, `"USD"` → `$49.90`).
 * The string goes to `Intl.NumberFormat` as is (exact decimal, no float conversion); a code
 * `Intl` rejects shows as `"<amount> <code>"`.
 */
export function formatFiat(amount: string, currency: string, locale?: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(
      amount as Intl.StringNumericLiteral,
    );
  } catch {
    return `${amount} ${currency}`;
  }
}
