import * as z from 'zod';

/** A positive decimal money string with a `.` separator, e.g. `"49.90"`. */
export const decimalAmountSchema = z
  .string()
  .regex(/^\d{1,15}(\.\d{1,6})?$/, 'amount must be a decimal string like "49.90"');

const SCALE = 6;

/** Converts a decimal string to an integer count of 10^-6 units, so amounts compare exactly. */
export function toMicroUnits(amount: string): bigint {
  const [whole = '0', fraction = ''] = amount.split('.');
  return BigInt(whole) * 10n ** BigInt(SCALE) + BigInt(fraction.padEnd(SCALE, '0') || '0');
}

/** Formats micro units back to a decimal string with at least two fraction digits. */
export function fromMicroUnits(micro: bigint): string {
  const base = 10n ** BigInt(SCALE);
  const whole = micro / base;
  const fraction = (micro % base).toString().padStart(SCALE, '0').replace(/0+$/, '');
  return `${whole}.${fraction.padEnd(2, '0')}`;
}
