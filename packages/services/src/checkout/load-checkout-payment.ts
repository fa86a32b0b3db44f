import type { PrismaClient } from '@solpay/db';
import { checkServedTransactions, formatTokenAmount, type EngineDeps } from '@solpay/domain';
import { GoneError } from '@solpay/lambda';
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

/**
 * The checkout page's view of a payment, or null when there is none (also for ids that are not
 * UUIDs); 410 ({@link GoneError}) once its shop uninstalled the app, unless it was paid before. While the payment is open and transactions were served for it, their on-chain status
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
    throw new GoneError('This shop no longer accepts Solana Pay; this payment was closed');
  }
  return {
    status: row.status,
    // Two places for cent currencies ("49.90"), more only when the amount has them.
    amount: row.amount.toFixed(Math.max(2, row.amount.decimalPlaces())),
    currency: row.currency,
    tokenAmount: formatTokenAmount(row.tokenAmount, row.tokenDecimals),
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
