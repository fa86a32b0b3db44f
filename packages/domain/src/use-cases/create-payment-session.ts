import type { Clock } from '../ports/clock';
import { systemRandom, type RandomSource } from '../ports/random-source';
import type { PriceOraclePort } from '../ports/price-oracle-port';
import type {
  PaymentDraft,
  SessionStorePort,
  StoredQuote,
  UnquotedSettlement,
} from '../ports/session-store-port';
import { assertKnownCurrency, quoteRate, type PriceLimits } from '../money/quote-rate';
import type { SettlementToken } from '../money/settlement-tokens';
import { toTokenUnits } from '../money/to-token-units';
import type {
  PaymentSessionRequest,
  ShopifySessionHeaders,
} from '../sessions/payment-session-request';
import { encodeBase58 } from '../encoding/encode-base58';
import { BusinessRuleViolationError, UnknownRecordError } from '../errors';

/** Settlement settings of this deployment. */
export interface SettlementSettings {
  /** The settlement tokens offered on this cluster (see `settlementTokensFor`). */
  tokens: readonly SettlementToken[];
  /** True on devnet/localnet: only `test: true` sessions are accepted; false on mainnet: only live ones. */
  testCluster: boolean;
  /** Where buyers pay: `redirect_url` = `${checkoutOrigin}/pay/<paymentId>`. */
  checkoutOrigin: string;
  /** How long an unpaid payment stays open (and a quote holds). */
  paymentTtlMinutes: number;
  /** Staleness and confidence limits of oracle prices. */
  priceLimits: PriceLimits;
}

/** Dependencies of {@link createPaymentSession}. */
export interface CreatePaymentSessionDeps {
  sessions: SessionStorePort;
  settlement: SettlementSettings;
  /** On-chain oracle prices, read only when the session currency is not the token's. */
  oracle: PriceOraclePort;
  clock: Clock;
  /** Draws the record's reference key; default {@link systemRandom}. */
  random?: RandomSource;
}

/**
 * Handles Shopify's payment session request (specs §A.1): refuses what we cannot settle exactly
 * (unknown currency code 400; authorizations, live vs test cluster, zero amounts 422) before
 * writing anything; answers a repeated `id` from the stored record (same `redirect_url`, same
 * locked quote); otherwise picks the merchant's settlement token, converts the amount 1:1 when
 * the currency is the token's or at a rate quoted from on-chain Pyth prices (no usable price →
 * 422 naming the feed and why, nothing stored), and creates exactly one payment record per
 * (shop, `id`) with the quote in the same statement — also under concurrency.
 */
export async function createPaymentSession(
  deps: CreatePaymentSessionDeps,
  headers: ShopifySessionHeaders,
  request: PaymentSessionRequest,
): Promise<{ redirectUrl: string; paymentId: string; created: boolean }> {
  const shop = headers['shopify-shop-domain'].toLowerCase();
  const { settlement } = deps;
  assertKnownCurrency(request.currency);
  if (request.kind !== 'sale') {
    throw new BusinessRuleViolationError(
      'Authorizations are not supported: stablecoin payments are captured at once',
    );
  }
  if (request.test !== settlement.testCluster) {
    throw new BusinessRuleViolationError(
      request.test
        ? 'Test payments are not accepted by this live deployment'
        : 'Live payments are not accepted by this test deployment',
    );
  }
  const redirectTo = (id: string) => `${settlement.checkoutOrigin}/pay/${id}`;
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + settlement.paymentTtlMinutes * 60_000);
  const customer = request.customer ?? null;
  const draft: PaymentDraft = {
    shopifyId: request.id,
    gid: request.gid,
    group: request.group,
    sessionId: request.session_id ?? null,
    kind: 'SALE',
    amount: request.amount,
    currency: request.currency,
    referenceKey: encodeBase58((deps.random ?? systemRandom).bytes(32)),
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
    expiresAt,
  };
  // Every offered token of the session's currency settles 1:1, so the record for each is known
  // before the merchant is read: the store picks the merchant's and inserts in the same
  // statement (one database round trip for a new session and for a repeated one).
  const unquoted = settlement.tokens
    .filter((token) => token.currency === request.currency)
    .map((token) => tokenFields(token, toTokenUnits(request.amount, '1', token.decimals, 'up')))
    .filter((fields) => fields.tokenAmount > 0n);
  const context = await deps.sessions.createUnquotedPayment(shop, draft, unquoted);
  const merchant = context?.merchant ?? null;
  if (!merchant || !merchant.installed) {
    throw new UnknownRecordError(`Shop ${shop} has not installed this app`);
  }
  if (!merchant.configured || !merchant.payoutWallet) {
    throw new BusinessRuleViolationError(`Shop ${shop} has not finished setting up Solana Pay`);
  }
  if (context?.payment) {
    const { id, created } = context.payment;
    return { redirectUrl: redirectTo(id), paymentId: id, created };
  }
  const token = settlement.tokens.find((row) => row.symbol === merchant.settlementToken);
  if (!token) {
    throw new BusinessRuleViolationError(
      `Shop ${shop} settles in ${merchant.settlementToken}, which this deployment does not offer`,
    );
  }

  let quote: StoredQuote | null = null;
  if (request.currency !== token.currency) {
    const quoted = await quoteRate({
      sessionCurrency: request.currency,
      tokenCurrency: token.currency,
      oracle: deps.oracle,
      limits: settlement.priceLimits,
      now,
    });
    quote = { ...quoted, expiresAt };
  }
  const tokenAmount = toTokenUnits(request.amount, quote?.rate ?? '1', token.decimals, 'up');
  if (tokenAmount <= 0n) throw new BusinessRuleViolationError('amount must be greater than zero');

  const stored = await deps.sessions.createPaymentForShop(shop, {
    ...draft,
    ...tokenFields(token, tokenAmount),
    quote,
  });
  if (!stored) await explainRefusedShop(deps.sessions, shop);
  const { id, created } = stored as { id: string; created: boolean };
  return { redirectUrl: redirectTo(id), paymentId: id, created };
}

function tokenFields(token: SettlementToken, tokenAmount: bigint): UnquotedSettlement {
  return {
    tokenAmount,
    tokenMint: token.mint,
    tokenDecimals: token.decimals,
    tokenSymbol: token.symbol,
    tokenProgram: token.tokenProgram,
  };
}

/** Throws the 4xx that says why `shop` cannot take payments. */
async function explainRefusedShop(sessions: SessionStorePort, shop: string): Promise<never> {
  const merchant = await sessions.findMerchantByShop(shop);
  if (!merchant || !merchant.installed) {
    throw new UnknownRecordError(`Shop ${shop} has not installed this app`);
  }
  throw new BusinessRuleViolationError(`Shop ${shop} has not finished setting up Solana Pay`);
}
