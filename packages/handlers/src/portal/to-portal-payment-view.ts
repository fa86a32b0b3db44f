import {
  formatTokenAmount,
  type PortalMutation,
  type PortalPayment,
  type PortalPaymentDetail,
} from '@solpay/domain';
import { explorerUrl, type SolanaCluster } from './explorer-url';
import { toPortalRefundView, type PortalRefundView } from './to-portal-refund-view';

/** How much of a payment went back to the buyer (PAID refunds only). */
export type RefundState = 'NONE' | 'PARTIAL' | 'FULL';

/** A payment in `GET /portal/payments`. */
export interface PortalPaymentView {
  id: string;
  /** Shopify's payment session id (shown to the merchant to match orders). */
  shopifyId: string;
  amount: string;
  currency: string;
  /** Token amount as a decimal string (e.g. `"19.99"`). */
  tokenAmount: string;
  /** Settlement token symbol (`USDC`, `EURC`…). */
  token: string;
  /** Locked rate (token per unit of `currency`) when converted; null when 1:1. */
  rate: string | null;
  /** The same in base units (decimal string of an integer). */
  tokenBaseUnits: string;
  status: PortalPayment['status'];
  signature: string | null;
  explorerUrl: string | null;
  buyerWallet: string | null;
  /** Attempts refused by wallet screening (403, nothing served; the session stayed open). */
  screeningHits: number;
  test: boolean;
  createdAt: string;
  paidAt: string | null;
  /** Sum of PAID refunds in the payment's currency. */
  refundedAmount: string;
  refundState: RefundState;
}

/** One Shopify mutation in a payment's timeline. */
export interface PortalMutationView {
  id: string;
  /** GraphQL name, e.g. `paymentSessionResolve`. */
  mutation: string;
  status: string;
  attempts: number;
  lastError: string | null;
  refundId: string | null;
  createdAt: string;
  completedAt: string | null;
  /** When the outbox tries again (only while it is still due). */
  nextAttemptAt: string | null;
}

/** `GET /portal/payments/{id}`. */
export interface PortalPaymentDetailView extends PortalPaymentView {
  mint: string;
  payoutWallet: string;
  /** The buyer's e-mail when Shopify sent one (removed on `customers/redact`). */
  customerEmail: string | null;
  rejectReason: string | null;
  expiresAt: string;
  refunds: PortalRefundView[];
  mutations: PortalMutationView[];
}

/** The refund state from amounts (decimal strings): compares exactly, never as floats. */
export function refundStateOf(amount: string, refunded: string): RefundState {
  const scale = (value: string) => {
    const [whole = '0', fraction = ''] = value.split('.');
    return BigInt(whole + fraction.padEnd(6, '0').slice(0, 6));
  };
  const paid = scale(refunded);
  if (paid <= 0n) return 'NONE';
  return paid >= scale(amount) ? 'FULL' : 'PARTIAL';
}

const MUTATION_NAMES: Record<string, string> = {
  PAYMENT_SESSION_RESOLVE: 'paymentSessionResolve',
  PAYMENT_SESSION_REJECT: 'paymentSessionReject',
  REFUND_SESSION_RESOLVE: 'refundSessionResolve',
  REFUND_SESSION_REJECT: 'refundSessionReject',
  PAYMENTS_APP_CONFIGURE: 'paymentsAppConfigure',
};

function toMutationView(mutation: PortalMutation): PortalMutationView {
  const due = mutation.status === 'PENDING';
  return {
    id: mutation.id,
    mutation: MUTATION_NAMES[mutation.kind] ?? mutation.kind,
    status: mutation.status,
    attempts: mutation.attempts,
    lastError: mutation.lastError,
    refundId: mutation.refundId,
    createdAt: mutation.createdAt.toISOString(),
    completedAt: mutation.completedAt?.toISOString() ?? null,
    nextAttemptAt: due ? mutation.nextAttemptAt.toISOString() : null,
  };
}

/** Maps a payment with its refunds and mutations to its detail JSON. */
export function toPortalPaymentDetailView(
  payment: PortalPaymentDetail,
  chain: { cluster: SolanaCluster; rpcUrl: string; purpleOrigin: string },
): PortalPaymentDetailView {
  return {
    ...toPortalPaymentView(payment, chain),
    mint: payment.tokenMint,
    payoutWallet: payment.recipientWallet,
    customerEmail: payment.customerEmail,
    rejectReason: payment.rejectReason,
    expiresAt: payment.expiresAt.toISOString(),
    refunds: payment.refunds.map((refund) => toPortalRefundView(refund, chain)),
    mutations: payment.mutations.map(toMutationView),
  };
}

/** Maps a stored payment to its portal JSON. */
export function toPortalPaymentView(
  payment: PortalPayment,
  chain: { cluster: SolanaCluster; rpcUrl: string },
): PortalPaymentView {
  return {
    id: payment.id,
    shopifyId: payment.shopifyId,
    amount: payment.amount,
    currency: payment.currency,
    tokenAmount: formatTokenAmount(payment.tokenAmount, payment.tokenDecimals),
    token: payment.tokenSymbol,
    rate: payment.quoteRate,
    tokenBaseUnits: payment.tokenAmount.toString(),
    status: payment.status,
    signature: payment.signature,
    explorerUrl: payment.signature
      ? explorerUrl(payment.signature, chain.cluster, chain.rpcUrl)
      : null,
    buyerWallet: payment.buyerWallet,
    screeningHits: payment.screeningHits,
    test: payment.test,
    createdAt: payment.createdAt.toISOString(),
    paidAt: payment.paidAt?.toISOString() ?? null,
    refundedAmount: payment.refundedAmount,
    refundState: refundStateOf(payment.amount, payment.refundedAmount),
  };
}
