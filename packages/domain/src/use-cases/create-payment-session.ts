import { randomBytes } from 'node:crypto';
import { NotFoundError, UnprocessableError } from '@solpay/lambda';
import type { Clock } from '../ports/clock';
import type { SessionStorePort } from '../ports/session-store-port';
import { toTokenBaseUnits } from '../money/to-token-base-units';
import type {
  PaymentSessionRequest,
  ShopifySessionHeaders,
} from '../sessions/payment-session-request';
import { encodeBase58 } from '../records/encode-base58';

/** Settlement settings of this deployment. */
export interface SettlementSettings {
  /** USDC mint of the cluster this deployment uses. */
  mint: string;
  decimals: number;
  /** True on devnet/localnet: only `test: true` sessions are accepted; false on mainnet: only live ones. */
  testCluster: boolean;
  /** Currencies settled 1:1 in the token (USDC ⇒ `USD`). */
  currencies: readonly string[];
  /** Where buyers pay: `redirect_url` = `${checkoutOrigin}/pay/<paymentId>`. */
  checkoutOrigin: string;
  /** How long an unpaid payment stays open. */
  paymentTtlMinutes: number;
}

/** Dependencies of {@link createPaymentSession}. */
export interface CreatePaymentSessionDeps {
  sessions: SessionStorePort;
  settlement: SettlementSettings;
  clock: Clock;
}

/**
 * Handles Shopify's payment session request (specs §A.1): finds the installed, configured
 * merchant, refuses what we cannot settle exactly (currency, authorizations, live vs test
 * cluster, zero amounts) before writing anything, converts the amount to token base units with
 * exact decimal arithmetic, and creates exactly one payment record per (shop, `id`) — returning
 * the same `redirect_url` for every duplicate, also under concurrency.
 */
export async function createPaymentSession(
  deps: CreatePaymentSessionDeps,
  headers: ShopifySessionHeaders,
  request: PaymentSessionRequest,
): Promise<{ redirectUrl: string; paymentId: string; created: boolean }> {
  const shop = headers['shopify-shop-domain'].toLowerCase();
  const { settlement } = deps;
  if (!settlement.currencies.includes(request.currency)) {
    throw new UnprocessableError(
      `Unsupported currency ${request.currency}: this app settles ${settlement.currencies.join(', ')} in USDC`,
    );
  }
  if (request.kind !== 'sale') {
    throw new UnprocessableError(
      'Authorizations are not supported: USDC payments are captured at once',
    );
  }
  if (request.test !== settlement.testCluster) {
    throw new UnprocessableError(
      request.test
        ? 'Test payments are not accepted by this live deployment'
        : 'Live payments are not accepted by this test deployment',
    );
  }
  const tokenAmount = toTokenBaseUnits(request.amount, settlement.decimals);
  if (tokenAmount <= 0n) throw new UnprocessableError('amount must be greater than zero');

  const now = deps.clock.now();
  const customer = request.customer ?? null;
  // The happy path is one round trip; only a refused shop costs a second query, to say why.
  const stored = await deps.sessions.createPaymentForShop(shop, {
    shopifyId: request.id,
    gid: request.gid,
    group: request.group,
    sessionId: request.session_id ?? null,
    kind: 'SALE',
    amount: request.amount,
    currency: request.currency,
    tokenAmount,
    tokenMint: settlement.mint,
    tokenDecimals: settlement.decimals,
    referenceKey: encodeBase58(randomBytes(32)),
    test: request.test,
    cancelUrl: request.payment_method.data.cancel_url,
    merchantLocale: request.merchant_locale ?? null,
    proposedAt: request.proposed_at ? new Date(request.proposed_at) : null,
    apiVersion: headers['shopify-api-version'],
    customerEmail: customer?.email ?? null,
    customerPhone: customer?.phone_number ?? null,
    customerData: customer
      ? {
          locale: customer.locale ?? null,
          billing_address: customer.billing_address ?? null,
          shipping_address: customer.shipping_address ?? null,
        }
      : null,
    expiresAt: new Date(now.getTime() + settlement.paymentTtlMinutes * 60_000),
  });
  if (!stored) await explainRefusedShop(deps.sessions, shop);
  const { id, created } = stored as { id: string; created: boolean };
  return { redirectUrl: `${settlement.checkoutOrigin}/pay/${id}`, paymentId: id, created };
}

/** Throws the 4xx that says why `shop` cannot take payments. */
async function explainRefusedShop(sessions: SessionStorePort, shop: string): Promise<never> {
  const merchant = await sessions.findMerchantByShop(shop);
  if (!merchant || !merchant.installed) {
    throw new NotFoundError(`Shop ${shop} has not installed this app`);
  }
  throw new UnprocessableError(`Shop ${shop} has not finished setting up Solana Pay`);
}
