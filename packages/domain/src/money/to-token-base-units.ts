const DECIMAL = /^(\d{1,18})(?:\.(\d+))?$/;

/**
 * Converts a non-negative decimal string (Shopify's `amount`, e.g. `"19.99"`) into integer base
 * units of a token with `decimals` decimals, exactly, rounding half up beyond the token's
 * precision. Rejects signs, exponents, separators other than `.`, and more than 18 integer
 * digits. Never touches floating point.
 */
export function toTokenBaseUnits(amount: string, decimals: number): bigint {
  const match = DECIMAL.exec(amount);
  if (!match) throw new RangeError(`Not a decimal amount: ${JSON.stringify(amount)}`);
  const whole = match[1] as string;
  const fraction = match[2] ?? '';
  const kept = fraction.slice(0, decimals).padEnd(decimals, '0');
  const roundUp = fraction.length > decimals && (fraction[decimals] as string) >= '5';
  const units = BigInt(whole + kept);
  return roundUp ? units + 1n : units;
}
