import { ValidationError } from '@solpay/lambda';

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;
const MAX_INTEGER_DIGITS = 18;

/**
 * Converts a non-negative decimal string (e.g. Shopify's `"19.99"`) into token base units,
 * rounding half up at `decimals` places. Pure string/bigint math: no floats anywhere.
 *
 * Accepts only `digits[.digits]`: rejects signs, exponents (`1e3`), `NaN`, empty fractions
 * (`"5."`), missing integer parts (`".5"`), and more than 18 integer digits.
 *
 * @param amount - The amount in user units, e.g. `"49.90"`.
 * @param decimals - The mint's decimals (6 for USDC).
 * @returns The amount in base units, e.g. `49900000n`.
 * @throws {ValidationError} when the string is not an acceptable amount.
 */
export function toTokenBaseUnits(amount: string, decimals: number): bigint {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 30) {
    throw new RangeError(`Invalid decimals: ${decimals}`);
  }
  const match = typeof amount === 'string' ? DECIMAL.exec(amount) : null;
  if (!match) throw new ValidationError(`Invalid amount: ${String(amount).slice(0, 40)}`);

  const integerPart = (match[1] ?? '').replace(/^0+(?=\d)/, '');
  if (integerPart.length > MAX_INTEGER_DIGITS) {
    throw new ValidationError('Invalid amount: too large');
  }
  const fraction = match[2] ?? '';
  const kept = fraction.slice(0, decimals).padEnd(decimals, '0');
  const firstDropped = fraction.charAt(decimals);

  const units = BigInt(integerPart + kept);
  return firstDropped !== '' && firstDropped >= '5' ? units + 1n : units;
}
