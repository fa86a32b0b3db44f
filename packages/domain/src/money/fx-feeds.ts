/**
 * A Pyth FX feed that prices one currency against the US dollar. `base` is the currency the
 * price is quoted for: `FX.EUR/USD` (base EUR) says how many USD one EUR buys; `FX.USD/CAD`
 * (base USD) says how many CAD one USD buys.
 */
export interface FxFeed {
  /** Pyth symbol, e.g. `FX.EUR/USD`. */
  symbol: string;
  /** 32-byte feed id, lower-case hex without `0x`. */
  id: string;
  /** `true` when the feed quotes USD in the currency (`FX.USD/XXX`). */
  usdIsBase: boolean;
}

/**
 * The Pyth feeds the app reads, by the currency they price against USD (feed ids from Pyth's
 * published list). Every conversion goes through USD: CAD → EUR uses `FX.USD/CAD` and
 * `FX.EUR/USD`. A currency missing here is refused (ADR 0008): add a row only for a feed that is
 * kept current on the cluster (a sponsored feed).
 */
export const FX_FEEDS: Readonly<Record<string, FxFeed>> = {
  EUR: {
    symbol: 'FX.EUR/USD',
    id: 'a995d00bb36a63cef7fd2c287dc105fc8f3d93779f062f09551b0af3e81ec30b',
    usdIsBase: false,
  },
  GBP: {
    symbol: 'FX.GBP/USD',
    id: '84c2dde9633d93d1bcad84e7dc41c9d56578b7ec52fabedc1f335d673df0a7c1',
    usdIsBase: false,
  },
  AUD: {
    symbol: 'FX.AUD/USD',
    id: '67a6f93030420c1c9e3fe37c1ab6b77966af82f995944a9fefce357a22854a80',
    usdIsBase: false,
  },
  NZD: {
    symbol: 'FX.NZD/USD',
    id: '92eea8ba1b00078cdc2ef6f64f091f262e8c7d0576ee4677572f314ebfafa4c7',
    usdIsBase: false,
  },
  CAD: {
    symbol: 'FX.USD/CAD',
    id: '3112b03a41c910ed446852aacf67118cb1bec67b2cd0b9a214c58cc0eaa2ecca',
    usdIsBase: true,
  },
  CHF: {
    symbol: 'FX.USD/CHF',
    id: '0b1e3297e69f162877b577b0d6a47a0d63b2392bc8499e6540da4187a63e28f8',
    usdIsBase: true,
  },
  JPY: {
    symbol: 'FX.USD/JPY',
    id: 'ef2c98c804ba503c6a707e38be4dfbb16683775f195b091252bf24693042fd52',
    usdIsBase: true,
  },
  HKD: {
    symbol: 'FX.USD/HKD',
    id: '19d75fde7fee50fe67753fdc825e583594eb2f51ae84e114a5246c4ab23aff4c',
    usdIsBase: true,
  },
  SGD: {
    symbol: 'FX.USD/SGD',
    id: '396a969a9c1480fa15ed50bc59149e2c0075a72fe8f458ed941ddec48bdb4918',
    usdIsBase: true,
  },
  MXN: {
    symbol: 'FX.USD/MXN',
    id: 'e13b1c1ffb32f34e1be9545583f01ef385fde7f42ee66049d30570dc866b77ca',
    usdIsBase: true,
  },
  ZAR: {
    symbol: 'FX.USD/ZAR',
    id: '389d889017db82bf42141f23b61b8de938a4e2d156e36312175bebf797f493f1',
    usdIsBase: true,
  },
};

/** Currencies a session may be presented in: USD plus every currency with a feed. */
export function supportedCurrencies(): string[] {
  return ['USD', ...Object.keys(FX_FEEDS)].sort();
}
