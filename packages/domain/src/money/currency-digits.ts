/** Minor-unit digits of an ISO 4217 currency: 0 for JPY, 2 for EUR, 3 for KWD (2 when the runtime does not know it). */
export function currencyDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .minimumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}
