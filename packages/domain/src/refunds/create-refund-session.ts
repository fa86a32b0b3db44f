import type { DomainLogger } from '../ports/domain-logger';
import type { MutationDispatchPort } from '../ports/mutation-dispatch-port';
import { systemRandom, type RandomSource } from '../ports/random-source';
import type { SessionStorePort } from '../ports/session-store-port';
import { encodeBase58 } from '../encoding/encode-base58';
import type {
  RefundSessionRequest,
  ShopifySessionHeaders,
} from '../sessions/payment-session-request';
import { decideRefund } from './decide-refund';
import type { RefundSessionStorePort } from './refund-session-store-port';
import { UnknownRecordError } from '../errors';

/** Dependencies of {@link createRefundSession}. */
export interface CreateRefundSessionDeps {
  sessions: Pick<SessionStorePort, 'findMerchantByShop'>;
  refunds: RefundSessionStorePort;
  dispatch: MutationDispatchPort;
  logger: DomainLogger;
  /** Draws the refund's reference key; default {@link systemRandom}. */
  random?: RandomSource;
}

/**
 * Handles Shopify's refund session request (specs §A.2): one refund record per (shop, `id`),
 * also under concurrency, linked to the merchant's payment by `payment_id`, paid in the token the
 * payment settled in at its locked rate (rounded down; exact decimal arithmetic) to the buyer's
 * paying wallet.
 * Every well-formed request of an installed shop is accepted (`201`): a refund that cannot be
 * paid — unknown or unpaid payment, other currency, more than what is left to refund — is stored
 * REJECTED and `refundSessionReject(PROCESSING_ERROR, <message>)` is queued in the same
 * transaction: a definitive reject, no retry loop and no on-chain transfer. Such a record never
 * had a transaction served for it, so there is no guard to burn before rejecting (DESIGN §3.2).
 */
export async function createRefundSession(
  deps: CreateRefundSessionDeps,
  headers: ShopifySessionHeaders,
  request: RefundSessionRequest,
): Promise<{ refundId: string; created: boolean; status: string }> {
  const shop = headers['shopify-shop-domain'].toLowerCase();
  const merchant = await deps.sessions.findMerchantByShop(shop);
  if (!merchant || !merchant.installed) {
    throw new UnknownRecordError(`Shop ${shop} has not installed this app`);
  }
  const stored = await deps.refunds.createRefundIfAbsent(
    {
      merchantId: merchant.id,
      shopifyId: request.id,
      gid: request.gid,
      shopifyPaymentId: request.payment_id,
      amount: request.amount,
      currency: request.currency,
      referenceKey: encodeBase58((deps.random ?? systemRandom).bytes(32)),
      test: request.test,
      merchantLocale: request.merchant_locale ?? null,
      proposedAt: request.proposed_at ? new Date(request.proposed_at) : null,
      apiVersion: headers['shopify-api-version'],
    },
    (payment, committedRefunds) =>
      decideRefund({
        payment,
        shopifyPaymentId: request.payment_id,
        amount: request.amount,
        currency: request.currency,
        test: request.test,
        committedRefunds,
      }),
  );
  if (stored.created) {
    deps.logger.info('refund session stored', { shop, refundId: stored.id, status: stored.status });
  }
  if (stored.mutationIds.length > 0) await deps.dispatch.dispatchSoon(stored.mutationIds);
  return { refundId: stored.id, created: stored.created, status: stored.status };
}
