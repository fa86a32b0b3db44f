import { formatToken } from './format-usdc';

/**
 * A token amount with its symbol and, when the fiat amount was converted, the locked rate:
 * `7.30 USDC at 0.73 USDC/CAD` (`token` absent: USDC, from servers before the token table).
 */
export function formatTokenCell(item: {
  tokenAmount: string;
  token?: string | null | undefined;
  rate?: string | null | undefined;
  currency: string;
}): string {
  const symbol = item.token ?? 'USDC';
  const amount = formatToken(item.tokenAmount, symbol);
  if (!item.rate) return amount;
  const rate = new Intl.NumberFormat(undefined, { maximumSignificantDigits: 6 }).format(
    item.rate as Intl.StringNumericLiteral,
  );
  return `${amount} at ${rate} ${symbol}/${item.currency}`;
}
