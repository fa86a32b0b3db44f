import type { PriceOraclePort, PriceReading } from '../ports/price-oracle-port';
import { FX_FEEDS, supportedCurrencies, type FxFeed } from './fx-feeds';
import { parseExactDecimal } from './to-token-units';
import { BusinessRuleViolationError, InvalidInputError } from '../errors';

/** Fraction digits a stored rate keeps (rounded half up). */
export const RATE_DECIMALS = 18;

/** How fresh and how certain a price must be to quote with it (ADR 0008). */
export interface PriceLimits {
  /** Oldest acceptable publish time, in seconds before now (default 60). */
  maxAgeSeconds: number;
  /** Widest acceptable confidence interval as a fraction of the price (default `"0.005"`). */
  maxConfidenceRatio: string;
}

/** A locked conversion rate (DESIGN §3.5): stored on the payment, used for its refunds. */
export interface Quote {
  /** Token units per one unit of the session currency, decimal string. */
  rate: string;
  /** The feeds it was computed from (one, or two for a cross rate via USD). */
  feeds: Array<{ symbol: string; id: string }>;
  /** Publish time of the oldest price used. */
  publishedAt: Date;
}

/** Why no quote can be given; the message names the currency, the feed and the reason. */
export class PriceUnavailableError extends BusinessRuleViolationError {}

const KNOWN_CURRENCIES = new Set<string>(
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [],
);

/**
 * Refuses a code that is not an ISO 4217 currency at all (400, naming it) — before anything is
 * read or stored. Known currencies without a feed are refused later by {@link quoteRate} (422).
 */
export function assertKnownCurrency(currency: string): void {
  if (!KNOWN_CURRENCIES.has(currency) && !supportedCurrencies().includes(currency)) {
    throw new InvalidInputError(`Unknown currency code ${currency}: not an ISO 4217 currency`, {
      details: { path: 'currency' },
    });
  }
}

interface Ratio {
  num: bigint;
  den: bigint;
}

function usdPerUnit(feed: FxFeed, reading: PriceReading): Ratio {
  const scaled: Ratio =
    reading.exponent < 0
      ? { num: reading.price, den: 10n ** BigInt(-reading.exponent) }
      : { num: reading.price * 10n ** BigInt(reading.exponent), den: 1n };
  return feed.usdIsBase ? { num: scaled.den, den: scaled.num } : scaled;
}

function feedFor(currency: string, sessionCurrency: string): FxFeed {
  const feed = FX_FEEDS[currency];
  if (!feed) {
    throw new PriceUnavailableError(
      `Unsupported currency ${currency}: no price feed is kept current for it on Solana, so ${sessionCurrency} amounts cannot be converted (supported: ${supportedCurrencies().join(', ')})`,
      { details: { reason: 'no-feed', currency } },
    );
  }
  return feed;
}

/** `num/den` as a decimal string with {@link RATE_DECIMALS} digits, half up, zeros trimmed. */
function toDecimalString({ num, den }: Ratio): string {
  const scale = 10n ** BigInt(RATE_DECIMALS);
  const scaled = (num * scale * 2n + den) / (den * 2n);
  const digits = scaled.toString().padStart(RATE_DECIMALS + 1, '0');
  const whole = digits.slice(0, -RATE_DECIMALS);
  const fraction = digits.slice(-RATE_DECIMALS).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/**
 * The rate at which `sessionCurrency` converts into a token tracking `tokenCurrency`, from Pyth
 * prices read on chain now, cross via USD. Every price used must exist, be positive, be fully
 * verified, be at most `limits.maxAgeSeconds` old and have a confidence interval of at most
 * `limits.maxConfidenceRatio` of the price; otherwise a {@link PriceUnavailableError} says which
 * feed failed and why. Nothing is guessed.
 */
export async function quoteRate(input: {
  sessionCurrency: string;
  tokenCurrency: string;
  oracle: PriceOraclePort;
  limits: PriceLimits;
  now: Date;
}): Promise<Quote> {
  const { sessionCurrency, tokenCurrency, limits } = input;
  const legs = [sessionCurrency, tokenCurrency]
    .filter((currency) => currency !== 'USD')
    .map((currency) => ({ currency, feed: feedFor(currency, sessionCurrency) }));
  const readings = await input.oracle.readPrices(legs.map((leg) => leg.feed.id));
  const ratio = parseExactDecimal(limits.maxConfidenceRatio, 'confidence limit');
  const nowSeconds = Math.floor(input.now.getTime() / 1000);

  const usdPer = new Map<string, Ratio>([['USD', { num: 1n, den: 1n }]]);
  let oldest = Number.POSITIVE_INFINITY;
  for (const { currency, feed } of legs) {
    const reading = readings.get(feed.id) ?? null;
    const refuse = (reason: string, why: string): never => {
      throw new PriceUnavailableError(`No usable ${currency} price: ${feed.symbol} ${why}`, {
        details: { reason, currency, feed: feed.symbol },
      });
    };
    if (!reading) return refuse('no-price', 'has no price account on this cluster');
    if (reading.price <= 0n) return refuse('no-price', 'holds no positive price');
    if (!reading.fullyVerified) return refuse('unverified-price', 'is only partially verified');
    const age = nowSeconds - reading.publishTime;
    if (age > limits.maxAgeSeconds) {
      refuse(
        'stale-price',
        `is stale: published ${age} s ago, more than the ${limits.maxAgeSeconds} s allowed`,
      );
    }
    // conf / price <= ratio  <=>  conf * 10^scale <= price * units
    if (reading.conf * 10n ** BigInt(ratio.scale) > reading.price * ratio.units) {
      refuse(
        'uncertain-price',
        `is too uncertain: confidence ±${reading.conf} on ${reading.price} (exponent ${reading.exponent}) is wider than ${limits.maxConfidenceRatio} of the price`,
      );
    }
    usdPer.set(currency, usdPerUnit(feed, reading));
    oldest = Math.min(oldest, reading.publishTime);
  }
  const session = usdPer.get(sessionCurrency) as Ratio;
  const token = usdPer.get(tokenCurrency) as Ratio;
  return {
    rate: toDecimalString({ num: session.num * token.den, den: session.den * token.num }),
    feeds: legs.map(({ feed }) => ({ symbol: feed.symbol, id: feed.id })),
    publishedAt: new Date((Number.isFinite(oldest) ? oldest : nowSeconds) * 1000),
  };
}
