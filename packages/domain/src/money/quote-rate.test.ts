import type { PriceOraclePort, PriceReading } from '../ports/price-oracle-port';
import { FX_FEEDS } from './fx-feeds';
import { assertKnownCurrency, PriceUnavailableError, quoteRate } from './quote-rate';
import { toTokenUnits } from './to-token-units';
import { InvalidInputError } from '../errors';

const NOW = new Date('2026-12-02T10:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const LIMITS = { maxAgeSeconds: 60, maxConfidenceRatio: '0.005' };

function reading(currency: string, price: bigint, overrides: Partial<PriceReading> = {}) {
  const feed = FX_FEEDS[currency];
  if (!feed) throw new Error(currency);
  return {
    feedId: feed.id,
    price,
    conf: 100n,
    exponent: -5,
    publishTime: NOW_S - 5,
    fullyVerified: true,
    ...overrides,
  };
}

function oracle(...readings: PriceReading[]): PriceOraclePort & { asked: string[][] } {
  const asked: string[][] = [];
  return {
    asked,
    async readPrices(ids) {
      asked.push([...ids]);
      return new Map(ids.map((id) => [id, readings.find((r) => r.feedId === id) ?? null]));
    },
  };
}

describe('quoteRate', () => {
  it('EUR into USDC uses FX.EUR/USD directly', async () => {
    const quote = await quoteRate({
      sessionCurrency: 'EUR',
      tokenCurrency: 'USD',
      oracle: oracle(reading('EUR', 108_345n)),
      limits: LIMITS,
      now: NOW,
    });
    expect(quote.rate).toBe('1.08345');
    expect(quote.feeds).toEqual([{ symbol: 'FX.EUR/USD', id: FX_FEEDS.EUR?.id }]);
    expect(quote.publishedAt).toEqual(new Date((NOW_S - 5) * 1000));
  });

  it('CAD into USDC inverts FX.USD/CAD', async () => {
    const quote = await quoteRate({
      sessionCurrency: 'CAD',
      tokenCurrency: 'USD',
      oracle: oracle(reading('CAD', 137_000n)),
      limits: LIMITS,
      now: NOW,
    });
    expect(quote.rate).toBe('0.729927007299270073');
    expect(toTokenUnits('10.00', quote.rate, 6, 'up')).toBe(7299271n);
  });

  it('CAD into EURC crosses via USD with both feeds, oldest publish time', async () => {
    const quote = await quoteRate({
      sessionCurrency: 'CAD',
      tokenCurrency: 'EUR',
      oracle: oracle(
        reading('CAD', 137_000n),
        reading('EUR', 108_000n, { publishTime: NOW_S - 30 }),
      ),
      limits: LIMITS,
      now: NOW,
    });
    // (1 / 1.37) / 1.08 = 0.6758583400919167342...
    expect(quote.rate).toBe('0.675858340091916734');
    expect(quote.feeds.map((feed) => feed.symbol)).toEqual(['FX.USD/CAD', 'FX.EUR/USD']);
    expect(quote.publishedAt).toEqual(new Date((NOW_S - 30) * 1000));
  });

  it('JPY into USDC with a positive exponent-free price', async () => {
    const quote = await quoteRate({
      sessionCurrency: 'JPY',
      tokenCurrency: 'USD',
      oracle: oracle(reading('JPY', 150_000n, { exponent: -3 })),
      limits: LIMITS,
      now: NOW,
    });
    expect(quote.rate).toBe('0.006666666666666667');
  });

  it.each([
    ['a stale price', { publishTime: NOW_S - 61 }, /stale: published 61 s ago, more than the 60 s/],
    ['an uncertain price', { conf: 542n }, /too uncertain/],
    ['a partially verified price', { fullyVerified: false }, /partially verified/],
    ['a zero price', { price: 0n }, /no positive price/],
  ])('refuses %s, naming the feed', async (_what, overrides, message) => {
    const promise = quoteRate({
      sessionCurrency: 'EUR',
      tokenCurrency: 'USD',
      oracle: oracle(reading('EUR', 108_345n, overrides)),
      limits: LIMITS,
      now: NOW,
    });
    await expect(promise).rejects.toThrow(PriceUnavailableError);
    await expect(promise).rejects.toThrow(message);
    await expect(promise).rejects.toThrow(/FX\.EUR\/USD/);
  });

  it('accepts a confidence exactly at the limit and an age exactly at the limit', async () => {
    const quote = await quoteRate({
      sessionCurrency: 'EUR',
      tokenCurrency: 'USD',
      oracle: oracle(reading('EUR', 108_400n, { conf: 542n, publishTime: NOW_S - 60 })),
      limits: LIMITS,
      now: NOW,
    });
    expect(quote.rate).toBe('1.084');
  });

  it('refuses a missing price account', async () => {
    await expect(
      quoteRate({
        sessionCurrency: 'GBP',
        tokenCurrency: 'USD',
        oracle: oracle(),
        limits: LIMITS,
        now: NOW,
      }),
    ).rejects.toThrow('No usable GBP price: FX.GBP/USD has no price account on this cluster');
  });

  it('refuses a currency without a feed before reading anything', async () => {
    const prices = oracle();
    await expect(
      quoteRate({
        sessionCurrency: 'XAF',
        tokenCurrency: 'USD',
        oracle: prices,
        limits: LIMITS,
        now: NOW,
      }),
    ).rejects.toThrow(/Unsupported currency XAF: no price feed/);
    expect(prices.asked).toEqual([]);
  });
});

describe('assertKnownCurrency', () => {
  it('accepts ISO codes, with or without a feed', () => {
    expect(() => assertKnownCurrency('XAF')).not.toThrow();
    expect(() => assertKnownCurrency('CAD')).not.toThrow();
  });

  it('refuses a code that is no currency, naming it', () => {
    expect(() => assertKnownCurrency('ZZZ')).toThrow(InvalidInputError);
    expect(() => assertKnownCurrency('ZZZ')).toThrow('Unknown currency code ZZZ');
  });
});
