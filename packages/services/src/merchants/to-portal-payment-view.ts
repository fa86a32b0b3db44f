import { formatTokenAmount, type PortalPayment } from '@solpay/domain';
import { explorerUrl, type SolanaCluster } from './explorer-url';

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
  test: boolean;
  createdAt: string;
  paidAt: string | null;
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
    test: payment.test,
    createdAt: payment.createdAt.toISOString(),
    paidAt: payment.paidAt?.toISOString() ?? null,
  };
}
