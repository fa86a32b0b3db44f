import type { PrismaClient } from '@solpay/db';
import {
  checkServedTransactions,
  currencyDigits,
  type EngineDeps,
  formatTokenAmount,
  RecordClosedError,
} from '@solpay/domain';
import { encodeTransactionRequestUrl } from '@solpay/solana';
import { isRecordId } from '../stores/record-tables';
import type { CheckoutPaymentView } from './checkout-payment-view';

/** Dependencies of {@link loadCheckoutPayment}. */
export interface LoadCheckoutPaymentDeps {
  prisma: PrismaClient;
  engine: EngineDeps;
  /** `PURPLE_ORIGIN`: where the transaction requests are served. */
  purpleOrigin: string;
}

const read = (prisma: PrismaClient, id: string) =>
  prisma.paymentRecord.findUnique({
    where: { id },
    include: {
      merchant: { select: { displayName: true, shopDomain: true, installState: true } },
      _count: { select: { served: true } },
    },
  });

/** `FX.USD/CAD`, or `FX.USD/CAD × FX.EUR/USD` for a cross rate. */
function feedNames(feeds: unknown): string {
  if (!Array.isArray(feeds)) return '';
  return feeds
    .map((feed: unknown) =>
      typeof feed === 'object' && feed !== null && 'symbol' in feed ? String(feed.symbol) : '',
    )
    .filter((name) => name.length > 0)
    .join(' × ');
}

/**
 * The checkout page's view of a payment, or null when there is none (also for ids that are not
 * UUIDs); 410 ({@link RecordClosedError}) once its shop uninstalled the app, unless it was paid before. While the payment is open and transactions were served for it, their on-chain status
 * is checked first (the on-demand discovery), so the page sees PAID as soon as the chain says
 * so. A failing RPC does not fail the page: the stored state is answered and logged.
 */
export async function loadCheckoutPayment(
  deps: LoadCheckoutPaymentDeps,
  paymentId: string,
): Promise<CheckoutPaymentView | null> {
  if (!isRecordId(paymentId)) return null;
  let row = await read(deps.prisma, paymentId);
  if (!row) return null;
  if ((row.status === 'OPEN' || row.status === 'REJECTING') && row._count.served > 0) {
    try {
      const check = await checkServedTransactions(deps.engine, 'payment', paymentId);
      if (check.settled.some((settled) => settled.outcome === 'paid')) {
        row = (await read(deps.prisma, paymentId)) ?? row;
      }
    } catch (error) {
      deps.engine.logger.warn('on-demand payment check failed', {
        paymentId,
        error: String(error),
      });
    }
  }
  // Shopify cancelled the session when the shop uninstalled the app: nothing to pay or wait for
  // (a payment that completed before it left still shows as paid).
  if (row.merchant.installState !== 'INSTALLED' && !(row.status === 'PAID' && !row.orphanedAt)) {
    throw new RecordClosedError('This shop no longer accepts Solana Pay; this payment was closed');
  }
  return {
    status: row.status,
    // The currency's own places ("49.90", "1500" yen), more only when the amount has them.
    amount: row.amount.toFixed(Math.max(currencyDigits(row.currency), row.amount.decimalPlaces())),
    currency: row.currency,
    tokenAmount: formatTokenAmount(row.tokenAmount, row.tokenDecimals),
    token: { symbol: row.tokenSymbol, mint: row.tokenMint, decimals: row.tokenDecimals },
    ...(row.quoteRate !== null && row.quotePublishedAt && row.quoteExpiresAt
      ? {
          quote: {
            rate: row.quoteRate.toFixed(),
            feed: feedNames(row.quoteFeeds),
            publishedAt: row.quotePublishedAt.toISOString(),
            expiresAt: row.quoteExpiresAt.toISOString(),
          },
        }
      : {}),
    merchantName: row.merchant.displayName ?? row.merchant.shopDomain,
    solanaPayUrl: encodeTransactionRequestUrl(`${deps.purpleOrigin}/tx/payment/${row.id}`, {
      allowInsecureLoopback: true,
    }),
    recipient: row.recipientWallet,
    mint: row.tokenMint,
    cancelUrl: row.cancelUrl,
    ...(row.redirectUrl ? { redirectUrl: row.redirectUrl } : {}),
    expiresAt: row.expiresAt.toISOString(),
    test: row.test,
    orderReference: row.shopifyId,
    ...(row.status === 'REJECTING' || row.status === 'REJECTED'
      ? { closedReason: closedReasonOf(row.rejectCode) }
      : {}),
  };
}

function closedReasonOf(
  rejectCode: string | null,
): NonNullable<CheckoutPaymentView['closedReason']> {
  if (rejectCode === 'EXPIRED') return 'expired';
  return rejectCode === 'RISKY' ? 'risky' : 'rejected';
}
