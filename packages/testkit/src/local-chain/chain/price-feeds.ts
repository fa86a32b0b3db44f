import { Keypair } from '@solana/web3.js';
import { FX_FEEDS } from '@solpay/domain';
import {
  PYTH_RECEIVER_PROGRAM_ADDRESS,
  encodePriceUpdateV2,
  priceFeedAddress,
  PRICE_UPDATE_V2_LEN,
} from '@solpay/solana';
import type { ChainCore } from './chain-core';

/** US dollars per unit of each currency the local chain prices by default (2026-ish levels). */
export const DEFAULT_LOCAL_USD_RATES: Readonly<Record<string, string>> = {
  EUR: '1.08',
  GBP: '1.27',
  AUD: '0.66',
  NZD: '0.60',
  CAD: '0.73',
  CHF: '1.13',
  JPY: '0.0067',
  HKD: '0.128',
  SGD: '0.74',
  MXN: '0.055',
  ZAR: '0.054',
};

/** Exponent of every local price (Pyth FX feeds use -5). */
const EXPONENT = -5;

/** What a test can do to one local feed. */
export interface LocalFeedState {
  /** The price the feed publishes, as a decimal string (in the feed's own quote direction). */
  price: string;
  /** Confidence as a fraction of the price (default 0.0001). */
  confidenceRatio: string;
  /** Seconds the publish time lags behind the chain clock (0 = fresh every slot). */
  lagSeconds: number;
  /** Partial Wormhole verification instead of full. */
  partiallyVerified: boolean;
}

function toScaled(decimal: string): bigint {
  const [whole = '0', fraction = ''] = decimal.split('.');
  const digits = -EXPONENT;
  const padded = (fraction + '0'.repeat(digits)).slice(0, digits);
  return BigInt(whole + padded);
}

/**
 * Pyth-layout price accounts on the local chain (`PriceUpdateV2`, owned by Pyth's receiver
 * program, at the push-oracle PDAs the app derives for shard 0), one per feed of `FX_FEEDS`,
 * rewritten every slot with the chain clock as publish time — like sponsored feeds on a cluster.
 * Tests can move a price, widen its confidence or let it go stale.
 */
export class LocalPriceFeeds {
  private readonly authority = Keypair.generate().publicKey;
  private readonly feeds = new Map<string, LocalFeedState>();

  constructor(
    private readonly core: ChainCore,
    usdRates: Readonly<Record<string, string>> = DEFAULT_LOCAL_USD_RATES,
  ) {
    for (const currency of Object.keys(FX_FEEDS)) {
      const usdRate = usdRates[currency] ?? DEFAULT_LOCAL_USD_RATES[currency] ?? '1';
      this.feeds.set(currency, {
        price: this.feedPrice(currency, usdRate),
        confidenceRatio: '0.0001',
        lagSeconds: 0,
        partiallyVerified: false,
      });
    }
    core.subscribe({ onSlot: () => this.publish() });
    this.publish();
  }

  /** Sets a currency's rate as US dollars per unit (e.g. CAD `0.73`); the next slot publishes it. */
  setUsdRate(currency: string, usdPerUnit: string): void {
    this.update(currency, { price: this.feedPrice(currency, usdPerUnit) });
  }

  /** Changes how a feed publishes (stale, uncertain, partially verified); applied at once. */
  update(currency: string, change: Partial<LocalFeedState>): void {
    const state = this.feeds.get(currency);
    if (!state) throw new Error(`No local price feed for ${currency}`);
    this.feeds.set(currency, { ...state, ...change });
    this.publish();
  }

  /** Current state of a feed (its price in the feed's own direction). */
  state(currency: string): LocalFeedState | undefined {
    return this.feeds.get(currency);
  }

  /** `FX.USD/XXX` feeds publish the inverse of the USD rate, rounded to the exponent. */
  private feedPrice(currency: string, usdPerUnit: string): string {
    const feed = FX_FEEDS[currency];
    if (!feed) throw new Error(`No local price feed for ${currency}`);
    if (!feed.usdIsBase) return usdPerUnit;
    const scale = 10n ** BigInt(-EXPONENT);
    const usd = toScaled(usdPerUnit);
    if (usd <= 0n) return '0';
    const inverse = (scale * scale + usd / 2n) / usd;
    const text = inverse.toString().padStart(-EXPONENT + 1, '0');
    return `${text.slice(0, EXPONENT)}.${text.slice(EXPONENT)}`;
  }

  private publish(): void {
    const tip = this.core.clock.tip;
    const lamports = this.core.svm.minimumBalance(BigInt(PRICE_UPDATE_V2_LEN));
    for (const [currency, state] of this.feeds) {
      const feed = FX_FEEDS[currency];
      if (!feed) continue;
      const price = toScaled(state.price);
      const conf = (price * toScaled(state.confidenceRatio)) / 10n ** BigInt(-EXPONENT);
      const publishTime = tip.blockTime - state.lagSeconds;
      this.core.svm.setAccount({
        address: priceFeedAddress(feed.id).toBase58(),
        lamports,
        owner: PYTH_RECEIVER_PROGRAM_ADDRESS,
        executable: false,
        data: encodePriceUpdateV2({
          writeAuthority: this.authority,
          verification: state.partiallyVerified
            ? { level: 'partial', signatures: 5 }
            : { level: 'full' },
          feedId: feed.id,
          price,
          conf,
          exponent: EXPONENT,
          publishTime,
          prevPublishTime: publishTime - 1,
          emaPrice: price,
          emaConf: conf,
          postedSlot: BigInt(tip.slot),
        }),
      });
    }
  }
}
