import { describe, expect, it } from '@jest/globals';
import { ConfigError } from './config-error';
import { readConfig } from './read-config';
import bs58 from 'bs58';

const encodeBase58 = (bytes: Uint8Array) => bs58.encode(bytes);

/** A 64-byte secret key as a JSON array (the `solana-keygen` file format). */
const GAS_KEYPAIR_JSON = JSON.stringify(Array.from({ length: 64 }, (_, i) => i));
const ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');
const MINT = 'So11111111111111111111111111111111111111112';

const completeEnv = {
  DATABASE_URL: 'postgres://app:pw@127.0.0.1:5432/app',
  SOLANA_RPC_URL: 'http://127.0.0.1:8899',
  SOLANA_CLUSTER: 'devnet',
  GAS_KEYPAIR: GAS_KEYPAIR_JSON,
  SINGLE_USE_SECRET: 's'.repeat(32),
  SHOPIFY_API_KEY: 'key',
  SHOPIFY_API_SECRET: 'shh',
  TOKEN_ENCRYPTION_KEY: ENCRYPTION_KEY,
  PURPLE_ORIGIN: 'https://purple.example.com',
  CHECKOUT_ORIGIN: 'https://checkout.example.com',
  PORTAL_ORIGIN: 'https://portal.example.com/app',
  SESSION_SECRET: 'x'.repeat(32),
  HELIUS_WEBHOOK_SECRET: 'h'.repeat(16),
};

const ALL = [
  'runtime',
  'database',
  'solana',
  'shopify',
  'web',
  'helius',
  'screening',
  'queue',
] as const;

function configErrorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('readConfig', () => {
  it('lists every missing required key, not only the first', () => {
    const error = configErrorOf(() => readConfig(ALL, {}));
    const keys = error.issues.map((issue) => issue.key).sort();
    expect(keys).toEqual(
      [
        'CHECKOUT_ORIGIN',
        'DATABASE_URL',
        'GAS_KEYPAIR',
        'HELIUS_WEBHOOK_SECRET',
        'PORTAL_ORIGIN',
        'PURPLE_ORIGIN',
        'SESSION_SECRET',
        'SHOPIFY_API_KEY',
        'SHOPIFY_API_SECRET',
        'SINGLE_USE_SECRET',
        'SOLANA_CLUSTER',
        'SOLANA_RPC_URL',
        'TOKEN_ENCRYPTION_KEY',
      ].sort(),
    );
    for (const key of keys) expect(error.message).toContain(`${key}: is required`);
  });

  it('treats empty values as unset', () => {
    const error = configErrorOf(() => readConfig(['database'], { DATABASE_URL: '  ' }));
    expect(error.issues).toEqual([{ key: 'DATABASE_URL', message: 'is required' }]);
  });

  it('applies defaults', () => {
    const config = readConfig(ALL, completeEnv);
    expect(config.runtime).toEqual({
      stage: 'local',
      logLevel: 'info',
      sentryDsn: undefined,
      serviceName: 'solana-pay-shopify',
    });
    expect(config.solana.commitment).toBe('finalized');
    expect(config.solana.gasLowBalanceLamports).toBe(100_000_000n);
    expect(config.solana.usdcMint).toBe('4zMMC9srt5Ri5X14GAgXhaHii3GnPAEERYPJgZJDncDU');
    expect(config.solana.previousGasPubkeys).toEqual([]);
    expect(config.shopify.apiVersion).toBe('2026-10');
    expect(config.shopify.scopes).toEqual(['write_payment_gateways', 'write_payment_sessions']);
    expect(config.shopify.httpTimeoutMs).toBe(10_000);
    expect(config.shopify.adminOrigin).toBeUndefined();
    expect(config.web.appName).toBe('Solana Pay');
    expect(config.web.paymentTtlMinutes).toBe(120);
    expect(config.screening).toEqual({ service: undefined, denyListPath: undefined });
    expect(config.queue.retryTimeScale).toBe(1);
  });

  it('returns only the requested sections', () => {
    const config = readConfig(['database', 'helius'], completeEnv);
    expect(Object.keys(config).sort()).toEqual(['database', 'helius']);
    expect(config.database.url).toBe(completeEnv.DATABASE_URL);
  });

  it('parses typed values', () => {
    const config = readConfig(['solana', 'shopify'], {
      ...completeEnv,
      SOLANA_CLUSTER: 'mainnet-beta',
      GAS_LOW_BALANCE_LAMPORTS: '123456789012345678901',
      PREVIOUS_GAS_PUBKEYS: ` ${MINT}, ${MINT} `,
      SHOPIFY_SCOPES: 'a, b',
      SHOPIFY_HTTP_TIMEOUT_MS: '2500',
    });
    expect(config.solana.usdcMint).toBe('EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v');
    expect(config.solana.gasKeypair).toBeInstanceOf(Uint8Array);
    expect(Array.from(config.solana.gasKeypair)).toEqual(JSON.parse(GAS_KEYPAIR_JSON));
    expect(config.solana.gasLowBalanceLamports).toBe(123456789012345678901n);
    expect(config.solana.previousGasPubkeys).toEqual([MINT, MINT]);
    expect(config.shopify.scopes).toEqual(['a', 'b']);
    expect(config.shopify.httpTimeoutMs).toBe(2500);
    expect(Array.from(config.shopify.tokenEncryptionKey)).toEqual(Array(32).fill(7));
  });

  it('accepts a base58 gas keypair', () => {
    const bytes = Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 11) % 256);
    const config = readConfig(['solana'], { ...completeEnv, GAS_KEYPAIR: encodeBase58(bytes) });
    expect(Array.from(config.solana.gasKeypair)).toEqual(Array.from(bytes));
  });

  it('names bad values without echoing them', () => {
    const error = configErrorOf(() =>
      readConfig(ALL, {
        ...completeEnv,
        STAGE: 'staging',
        DATABASE_URL: 'mysql://nope',
        SOLANA_CLUSTER: 'testnet',
        GAS_KEYPAIR: 'not-a-key-super-secret',
        SINGLE_USE_SECRET: 'short-secret-value',
        TOKEN_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64'),
        SHOPIFY_API_VERSION: '2026-1',
        PURPLE_ORIGIN: 'https://purple.example.com/',
        CHECKOUT_ORIGIN: 'checkout.example.com',
        PAYMENT_TTL_MINUTES: '0',
        RETRY_TIME_SCALE: '-1',
        GAS_LOW_BALANCE_LAMPORTS: '1.5',
      }),
    );
    const byKey = Object.fromEntries(error.issues.map((issue) => [issue.key, issue.message]));
    expect(byKey).toEqual({
      STAGE: 'must be one of local, dev, prod',
      DATABASE_URL: 'must be a postgres:// or postgresql:// URL',
      SOLANA_CLUSTER: 'must be one of localnet, devnet, mainnet-beta',
      GAS_KEYPAIR: 'must be a base58 64-byte secret key or a JSON array of 64 numbers',
      SINGLE_USE_SECRET: 'must be at least 32 characters',
      TOKEN_ENCRYPTION_KEY: 'must be base64 of exactly 32 bytes',
      SHOPIFY_API_VERSION: 'must look like YYYY-MM',
      PURPLE_ORIGIN: 'must not end with a slash',
      CHECKOUT_ORIGIN: 'must be an absolute http(s) URL',
      PAYMENT_TTL_MINUTES: 'must be a positive integer',
      RETRY_TIME_SCALE: 'must be a number greater than 0',
      GAS_LOW_BALANCE_LAMPORTS: 'must be a non-negative integer',
    });
    expect(error.message).not.toContain('super-secret');
    expect(error.message).not.toContain('short-secret-value');
  });

  it('requires USDC_MINT on localnet, even when other keys are wrong too', () => {
    const error = configErrorOf(() =>
      readConfig(['solana'], { ...completeEnv, SOLANA_CLUSTER: 'localnet', GAS_KEYPAIR: '' }),
    );
    expect(error.issues).toEqual([
      { key: 'USDC_MINT', message: 'is required when SOLANA_CLUSTER is localnet' },
      { key: 'GAS_KEYPAIR', message: 'is required' },
    ]);
    const config = readConfig(['solana'], {
      ...completeEnv,
      SOLANA_CLUSTER: 'localnet',
      USDC_MINT: MINT,
    });
    expect(config.solana.usdcMint).toBe(MINT);
  });

  it('wants the screening URL and key together', () => {
    const error = configErrorOf(() =>
      readConfig(['screening'], { SCREENING_URL: 'http://127.0.0.1:9/screen' }),
    );
    expect(error.issues).toEqual([
      { key: 'SCREENING_API_KEY', message: 'is required when SCREENING_URL is set' },
    ]);
    const config = readConfig(['screening'], {
      SCREENING_URL: 'http://127.0.0.1:9/screen',
      SCREENING_API_KEY: 'k',
    });
    expect(config.screening.service).toEqual({ url: 'http://127.0.0.1:9/screen', apiKey: 'k' });
  });

  it('validates once per environment object and section set', () => {
    const env = { ...completeEnv };
    const first = readConfig(['web', 'helius'], env);
    expect(readConfig(['helius', 'web'], env)).toBe(first);
    expect(readConfig(['web', 'helius'], { ...completeEnv })).not.toBe(first);
  });
});
