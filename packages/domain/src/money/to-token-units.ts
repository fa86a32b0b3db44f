import { InvalidInputError } from '../errors';

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;
const MAX_INTEGER_DIGITS = 18;

/** Which way a conversion rounds to the token's smallest unit. */
export type TokenRounding = 'up' | 'down';

/** An exact non-negative decimal as `units / 10^scale`. */
export interface ExactDecimal {
  units: bigint;
  scale: number;
}

/**
 * Parses a non-negative decimal string (Shopify's `"19.99"`, a stored rate) exactly. Accepts only
 * `digits[.digits]` with at most 18 integer digits: no signs, exponents, `NaN`, `"5."` or `".5"`.
 *
 * @throws {InvalidInputError} naming `what` when the string is not such a decimal.
 */
export function parseExactDecimal(text: string, what = 'amount'): ExactDecimal {
  const match = typeof text === 'string' ? DECIMAL.exec(text) : null;
  if (!match) throw new InvalidInputError(`Invalid ${what}: ${String(text).slice(0, 40)}`);
  const integerPart = (match[1] ?? '').replace(/^0+(?=\d)/, '');
  if (integerPart.length > MAX_INTEGER_DIGITS) {
    throw new InvalidInputError(`Invalid ${what}: too large`);
  }
  const fraction = match[2] ?? '';
  return { units: BigInt(integerPart + fraction), scale: fraction.length };
}

/**
 * THE rounding rule of the app (DESIGN §3.5, ADR 0008): converts a fiat amount to token base
 * units at `rate` (token units per one unit of the fiat currency; `"1"` when the token tracks
 * that currency), exactly, with bigint arithmetic. The buyer pays rounded **up** to the token's
 * smallest unit (the merchant never receives less than the price); refunds round **down** (the
 * merchant never pays back more than was asked).
 *
 * @param amount - Fiat decimal string, e.g. `"19.99"` (any number of fraction digits: JPY has 0,
 *   EUR 2, KWD 3).
 * @param rate - Decimal string, token per fiat unit (e.g. `"0.7300"` USDC per CAD).
 * @param decimals - The token's decimals.
 * @param rounding - `up` for payments, `down` for refunds.
 * @throws {InvalidInputError} when `amount` is not a non-negative decimal string.
 */
export function toTokenUnits(
  amount: string,
  rate: string,
  decimals: number,
  rounding: TokenRounding,
): bigint {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 30) {
    throw new RangeError(`Invalid decimals: ${decimals}`);
  }
  const fiat = parseExactDecimal(amount, 'amount');
  const price = parseExactDecimal(rate, 'rate');
  const numerator = fiat.units * price.units * 10n ** BigInt(decimals);
  const denominator = 10n ** BigInt(fiat.scale + price.scale);
  const quotient = numerator / denominator;
  return rounding === 'up' && quotient * denominator !== numerator ? quotient + 1n : quotient;
}
