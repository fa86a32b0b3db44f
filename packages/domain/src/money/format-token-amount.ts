/**
 * Formats integer base units as a decimal string with the mint's decimals, trimming trailing
 * zeros but keeping two places (e.g. `19990000n`, 6 → `"19.99"`; `100000n` → `"0.10"`).
 */
export function formatTokenAmount(baseUnits: bigint, decimals: number): string {
  const negative = baseUnits < 0n;
  const digits = (negative ? -baseUnits : baseUnits).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  let fraction = decimals > 0 ? digits.slice(digits.length - decimals) : '';
  fraction = fraction.replace(/0+$/, '');
  if (decimals >= 2) fraction = fraction.padEnd(2, '0');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}
