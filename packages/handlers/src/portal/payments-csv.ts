import type { PortalPaymentView } from './to-portal-payment-view';

const COLUMNS: Array<[string, (p: PortalPaymentView) => string | null]> = [
  ['created_at', (p) => p.createdAt],
  ['shopify_payment_id', (p) => p.shopifyId],
  ['status', (p) => p.status],
  ['refund_state', (p) => p.refundState],
  ['amount', (p) => p.amount],
  ['currency', (p) => p.currency],
  ['token_amount', (p) => p.tokenAmount],
  ['refunded_amount', (p) => p.refundedAmount],
  ['buyer_wallet', (p) => p.buyerWallet],
  ['transaction', (p) => p.signature],
  ['paid_at', (p) => p.paidAt],
  ['test', (p) => (p.test ? 'true' : 'false')],
];

/**
 * A cell as RFC 4180 wants it, and never a formula: a text starting with `=`, `+`, `-`, `@`, tab
 * or CR is prefixed with `'` so a spreadsheet does not run it (amounts are plain decimals).
 */
function cell(value: string | null, numeric: boolean): string {
  const text = value ?? '';
  const safe = !numeric && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const NUMERIC = new Set(['amount', 'token_amount', 'refunded_amount']);

/** The payments as CSV for accounting (header row, CRLF line ends, decimal amounts as sent). */
export function paymentsCsv(payments: readonly PortalPaymentView[]): string {
  const lines = [COLUMNS.map(([name]) => name).join(',')];
  for (const payment of payments) {
    lines.push(COLUMNS.map(([name, read]) => cell(read(payment), NUMERIC.has(name))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
