/** SPL Token program id (base58). */
export const SPL_TOKEN_PROGRAM = 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA';
/** Token-2022 program id (base58). */
export const TOKEN_2022_PROGRAM = 'TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb';

/** A public cluster the table knows mints for; the local chain brings its own mints. */
export type PublicCluster = 'devnet' | 'mainnet-beta';

/** One row of {@link SETTLEMENT_TOKENS}: a stablecoin a merchant can settle in. */
export interface SettlementTokenRow {
  /** Ticker shown to people and stored on records, e.g. `USDC`. */
  symbol: string;
  /** ISO 4217 currency the token tracks (1 token = 1 unit of it). */
  currency: string;
  /** Program that owns the mint: SPL Token or Token-2022. */
  tokenProgram: typeof SPL_TOKEN_PROGRAM | typeof TOKEN_2022_PROGRAM;
  decimals: number;
  /** The issuer's mint per public cluster (absent: not offered there). */
  mints: Partial<Record<PublicCluster, string>>;
}

/**
 * USDC (Circle): the default settlement token, and the token of every record stored before the
 * token table existed (their token columns are empty).
 */
export const USDC_TOKEN: SettlementTokenRow = {
  symbol: 'USDC',
  currency: 'USD',
  tokenProgram: SPL_TOKEN_PROGRAM,
  decimals: 6,
  mints: {
    'mainnet-beta': 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v',
    devnet: '4zMMC9srt5Ri5X14GAgXhaHii3GnPAEERYPJgZJDncDU',
  },
};

/**
 * The settlement tokens (DESIGN §3.5). Adding a token is one row here (plus its tests); the
 * local chain creates a mint for every row. Mints are the issuers' own (Circle for USDC/EURC,
 * Paxos for PYUSD); re-check them at the issuer's page before shipping a new one.
 */
export const SETTLEMENT_TOKENS: readonly SettlementTokenRow[] = [
  USDC_TOKEN,
  {
    symbol: 'EURC',
    currency: 'EUR',
    tokenProgram: SPL_TOKEN_PROGRAM,
    decimals: 6,
    mints: {
      'mainnet-beta': 'HzwqbKZw8HxMN6bF2yFZNrht3c2iXXzpKcFu7uBEDKtr',
      devnet: 'HzwqbKZw8HxMN6bF2yFZNrht3c2iXXzpKcFu7uBEDKtr',
    },
  },
  {
    // Token-2022: offered on the local chain (which proves the Token-2022 path); the public
    // mints are left out until confirmed at Paxos (external-specs §G).
    symbol: 'PYUSD',
    currency: 'USD',
    tokenProgram: TOKEN_2022_PROGRAM,
    decimals: 6,
    mints: {},
  },
];

/** The token a merchant settles in when it chose none. */
export const DEFAULT_SETTLEMENT_TOKEN = USDC_TOKEN.symbol;

/** A settlement token as one deployment uses it: the row plus its mint on this cluster. */
export interface SettlementToken {
  symbol: string;
  currency: string;
  mint: string;
  tokenProgram: string;
  decimals: number;
}

/**
 * The tokens this deployment offers: every row with a mint on `cluster`, where `overrides`
 * (symbol → mint; the local chain's mints, or a configured replacement) wins over the table.
 * On `localnet` only overridden rows exist.
 *
 * @throws {Error} when an override names a symbol the table does not have.
 */
export function settlementTokensFor(
  cluster: PublicCluster | 'localnet',
  overrides: Readonly<Record<string, string>> = {},
): SettlementToken[] {
  for (const symbol of Object.keys(overrides)) {
    if (!SETTLEMENT_TOKENS.some((row) => row.symbol === symbol)) {
      throw new Error(`No settlement token ${symbol} in the table`);
    }
  }
  return SETTLEMENT_TOKENS.flatMap((row) => {
    const mint = overrides[row.symbol] ?? (cluster === 'localnet' ? undefined : row.mints[cluster]);
    if (mint === undefined) return [];
    return [
      {
        symbol: row.symbol,
        currency: row.currency,
        mint,
        tokenProgram: row.tokenProgram,
        decimals: row.decimals,
      },
    ];
  });
}
