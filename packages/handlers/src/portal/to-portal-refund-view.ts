import { formatTokenAmount, type PortalRefund } from '@solpay/domain';
import { encodeTransactionRequestUrl } from '@solpay/solana';
import { explorerUrl, type SolanaCluster } from './explorer-url';

/** A refund in `GET /portal/refunds` and `GET /portal/refunds/{id}`. */
export interface PortalRefundView {
  id: string;
  shopifyId: string;
  /** Shopify id of the refunded payment. */
  paymentShopifyId: string;
  amount: string;
  currency: string;
  /** USDC to send, as a decimal string — shown before the merchant signs. */
  tokenAmount: string;
  tokenBaseUnits: string;
  mint: string | null;
  /** Token symbol the refund is paid in (null when no payment matched). */
  token: string | null;
  /** The payment's locked rate it is paid at; null when 1:1. */
  rate: string | null;
  status: PortalRefund['status'];
  rejectReason: string | null;
  signature: string | null;
  explorerUrl: string | null;
  /** The buyer's paying wallet, which receives the refund. */
  recipientWallet: string | null;
  /** The wallet that paid the refund (detail only, once paid). */
  payerWallet?: string | null;
  test: boolean;
  createdAt: string;
  paidAt: string | null;
  /** Solana Pay transaction request the merchant's wallet pays the refund through. */
  transactionRequestUrl: string;
  /** `solana:` URL of that link, for a QR code. */
  solanaPayUrl: string;
}

/** Maps a stored refund to its portal JSON. */
export function toPortalRefundView(
  refund: PortalRefund,
  settings: { cluster: SolanaCluster; rpcUrl: string; purpleOrigin: string },
): PortalRefundView {
  const transactionRequestUrl = `${settings.purpleOrigin}/tx/refund/${refund.id}`;
  return {
    id: refund.id,
    shopifyId: refund.shopifyId,
    paymentShopifyId: refund.paymentShopifyId,
    amount: refund.amount,
    currency: refund.currency,
    tokenAmount: formatTokenAmount(refund.tokenAmount, refund.tokenDecimals),
    tokenBaseUnits: refund.tokenAmount.toString(),
    mint: refund.tokenMint,
    token: refund.tokenSymbol,
    rate: refund.quoteRate,
    status: refund.status,
    rejectReason: refund.rejectReason,
    signature: refund.signature,
    explorerUrl: refund.signature
      ? explorerUrl(refund.signature, settings.cluster, settings.rpcUrl)
      : null,
    recipientWallet: refund.recipientWallet,
    ...(refund.payerWallet !== undefined ? { payerWallet: refund.payerWallet } : {}),
    test: refund.test,
    createdAt: refund.createdAt.toISOString(),
    paidAt: refund.paidAt?.toISOString() ?? null,
    transactionRequestUrl,
    solanaPayUrl: encodeTransactionRequestUrl(transactionRequestUrl, {
      allowInsecureLoopback: true,
    }),
  };
}
