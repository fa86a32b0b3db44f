/** Options of {@link formatTokenAmount}. */
export interface FormatTokenAmountOptions {
  /** Fraction digits always shown (capped at the mint's decimals). Default 2, as for money. */
  minFractionDigits?: number;
}

/**
 * Formats token base units as a decimal string in user units, exactly (no floats):
 * `formatTokenAmount(19990000n, 6)` → `"19.99"`, `100000n` → `"0.10"`, `1n` → `"0.000001"`.
 * Trailing zeros beyond `minFractionDigits` are dropped.
 *
 * @param baseUnits - The amount in base units (may be negative).
 * @param decimals - The mint's decimals (6 for USDC).
 */
export function formatTokenAmount(
  baseUnits: bigint,
  decimals: number,
  { minFractionDigits = 2 }: FormatTokenAmountOptions = {},
): string {
  if (!Number.isInteger(decimals) || decimals < 0)
    throw new RangeError(`Invalid decimals: ${decimals}`);
  const negative = baseUnits < 0n;
  const digits = (negative ? -baseUnits : baseUnits).toString().padStart(decimals + 1, '0');
  const integerPart = digits.slice(0, digits.length - decimals);
  const keep = Math.min(Math.max(minFractionDigits, 0), decimals);
  let fraction = digits.slice(digits.length - decimals);
  while (fraction.length > keep && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  const text = fraction ? `${integerPart}.${fraction}` : integerPart;
  return negative ? `-${text}` : text;
}
