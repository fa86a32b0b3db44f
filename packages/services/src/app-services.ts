import type { SQSClient } from '@aws-sdk/client-sqs';
import { Connection, Keypair, PublicKey } from '@solana/web3.js';
import { createPrismaClient, type PrismaClient } from '@solpay/db';
import {
  settlementTokensFor,
  systemClock,
  type ChainPort,
  type Clock,
  type CreatePaymentSessionDeps,
  type EngineDeps,
  type WalletScreeningPort,
} from '@solpay/domain';
import {
  assertInvocationLive,
  createLogger,
  guardFetch,
  readConfig,
  reportError,
  type AppConfig,
  type ConfigSectionName,
  type EnvInput,
  type Logger,
} from '@solpay/lambda';
import {
  createMerchantAccessTokens,
  createMutationDispatcher,
  createPrismaMerchantTokenStore,
  createScaledClock,
  DEFAULT_LOCK_MS,
  type MerchantAccessTokens,
  type MutationDispatcher,
} from '@solpay/queue';
import {
  createPaymentsAppsClient,
  createTokenCipher,
  refreshAccessToken,
  type PaymentsAppsClient,
} from '@solpay/shopify';
import {
  createPostgresRateLimiter,
  type RateLimiter,
} from './rate-limit/create-postgres-rate-limiter';
import { createPythOracle } from './chain/create-pyth-oracle';
import { createWeb3Chain } from './chain/create-web3-chain';
import { fetchWithTimeout } from './chain/fetch-with-timeout';
import { createDispatchPort } from './dispatch/create-dispatch-port';
import { createOutboxStore } from './dispatch/create-outbox-store';
import { createRetryScheduler } from './dispatch/create-retry-scheduler';
import { createWalletScreening } from './screening/create-wallet-screening';
import { createPrismaRecordStore } from './stores/prisma-record-store';
import { createPrismaSessionStore } from './stores/prisma-session-store';

/**
 * Longest wait for one Solana RPC request: well inside the shortest Lambda timeout (10 s), so a
 * hanging node surfaces as 503 UPSTREAM_UNAVAILABLE rather than as the Lambda's own timeout.
 */
const RPC_TIMEOUT_MS = 5_000;

/** Connections per Lambda instance: handlers run one request at a time. */
const LAMBDA_POOL_SIZE = 2;

/**
 * Everything the handlers use, built lazily from configuration: each getter reads only the
 * configuration sections it needs (so a Lambda that never touches Shopify never needs the
 * Shopify keys) and builds its object once.
 */
export interface AppServices {
  /** Reads (and caches) configuration sections from this instance's environment. */
  config<const S extends ConfigSectionName>(sections: readonly S[]): Pick<AppConfig, S>;
  /** Structured logger of the process (not bound to a request). */
  readonly logger: Logger;
  readonly prisma: PrismaClient;
  /** web3.js connection to `SOLANA_RPC_URL`. */
  readonly connection: Connection;
  readonly chain: ChainPort;
  readonly screening: WalletScreeningPort;
  readonly paymentsApps: PaymentsAppsClient;
  readonly tokens: MerchantAccessTokens;
  /** The clock of the outbox (scaled by `RETRY_TIME_SCALE` in tests). */
  readonly outboxClock: Clock;
  readonly dispatcher: MutationDispatcher;
  /** Dependencies of the transaction engine's use cases. */
  readonly engine: EngineDeps;
  /** Dependencies of `createPaymentSession`. */
  readonly sessionDeps: CreatePaymentSessionDeps;
  /** Rate limits shared by every instance (PostgreSQL counters). */
  readonly rateLimiter: RateLimiter;
  /** Releases what was built (database pool, AWS clients). Lambda never needs it; tests do. */
  close(): Promise<void>;
}

interface Lazy<T> {
  (): T;
  /** The value if it was built. */
  peek(): T | undefined;
}

function lazy<T>(build: () => T): Lazy<T> {
  let built: { value: T } | undefined;
  const get = () => (built ??= { value: build() }).value;
  return Object.assign(get, { peek: () => built?.value });
}

/**
 * The composition root. `env` defaults to `process.env` (read through `readConfig`, the one
 * place that may). Nothing is built or validated until first used.
 */
export function createAppServices(env?: EnvInput): AppServices {
  const config = <const S extends ConfigSectionName>(sections: readonly S[]) =>
    env === undefined ? readConfig(sections) : readConfig(sections, env);

  const logger = lazy(() => {
    const { runtime } = config(['runtime']);
    return createLogger({
      service: runtime.serviceName,
      level: runtime.logLevel,
      fields: { component: 'services' },
    });
  });

  const prisma = lazy(() =>
    createPrismaClient(config(['database']).database.url, {
      poolSize: LAMBDA_POOL_SIZE,
      beforeStatement: assertInvocationLive,
    }),
  );

  const connection = lazy(
    () =>
      new Connection(config(['solana']).solana.rpcUrl, {
        commitment: 'confirmed',
        fetch: guardFetch(fetchWithTimeout(RPC_TIMEOUT_MS), 'rpc'),
      }),
  );

  const chain = lazy(() => {
    const { solana } = config(['solana']);
    return createWeb3Chain({
      connection: connection(),
      gas: Keypair.fromSecretKey(solana.gasKeypair),
      previousGasPubkeys: solana.previousGasPubkeys.map((key) => new PublicKey(key)),
      singleUseSecret: solana.singleUseSecret,
      commitment: solana.commitment,
    });
  });

  const screening = lazy(() => {
    const inner = createWalletScreening(config(['screening']).screening);
    // The local stack's production profile: a screening API answers in ~100 ms, not at once.
    const delayMs = config(['localProfile']).localProfile.latency.screeningMs;
    if (delayMs === 0) return inner;
    return {
      screen: async (wallet) => {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        return inner.screen(wallet);
      },
    } satisfies WalletScreeningPort;
  });
  const rateLimiter = lazy(() => createPostgresRateLimiter(prisma()));

  const paymentsApps = lazy(() => {
    const { shopify } = config(['shopify']);
    return createPaymentsAppsClient({
      apiVersion: shopify.apiVersion,
      adminOrigin: shopify.adminOrigin,
      timeoutMs: shopify.httpTimeoutMs,
      fetch: guardFetch(globalThis.fetch),
    });
  });

  const tokens = lazy(() => {
    const { shopify } = config(['shopify']);
    return createMerchantAccessTokens({
      store: createPrismaMerchantTokenStore(prisma()),
      cipher: createTokenCipher(Buffer.from(shopify.tokenEncryptionKey).toString('base64')),
      refresh: ({ shop, refreshToken }) =>
        refreshAccessToken({
          shop,
          refreshToken,
          apiKey: shopify.apiKey,
          apiSecret: shopify.apiSecret,
          adminOrigin: shopify.adminOrigin,
          timeoutMs: shopify.httpTimeoutMs,
        }),
      clock: systemClock,
    });
  });

  const outboxClock = lazy((): Clock => {
    const scale = config(['queue']).queue.retryTimeScale;
    return scale === 1 ? systemClock : createScaledClock(scale);
  });

  let sqs: SQSClient | null = null;
  const dispatcher = lazy(() => {
    const log = logger().child({ component: 'outbox' });
    const retry = createRetryScheduler({ queue: config(['queue']).queue, logger: log });
    sqs = retry.sqs;
    const { scheduler } = retry;
    return createMutationDispatcher({
      outbox: createOutboxStore(prisma()),
      paymentsApps: paymentsApps(),
      tokens: tokens(),
      scheduler,
      clock: outboxClock(),
      // The claim must outlast one real send (Shopify timeout included) in wall time; on a scaled
      // clock an unscaled 2 min would expire within the send and let a second worker resend.
      lockMs: DEFAULT_LOCK_MS / config(['queue']).queue.retryTimeScale,
      alert: (alert) => {
        log.error(`ALERT ${alert.reason}: ${alert.message}`, { ...alert });
        reportError(new Error(alert.message), { handler: 'outbox', ...alert });
      },
      logger: log,
    });
  });

  const engine = lazy((): EngineDeps => ({
    records: createPrismaRecordStore(prisma()),
    chain: chain(),
    screening: screening(),
    dispatch: createDispatchPort(dispatcher()),
    clock: systemClock,
    logger: logger().child({ component: 'engine' }),
  }));

  const sessionDeps = lazy((): CreatePaymentSessionDeps => {
    const { solana, web } = config(['solana', 'web']);
    return {
      sessions: createPrismaSessionStore(prisma()),
      settlement: {
        tokens: settlementTokensFor(solana.cluster, solana.mintOverrides),
        testCluster: solana.cluster !== 'mainnet-beta',
        checkoutOrigin: web.checkoutOrigin,
        paymentTtlMinutes: web.paymentTtlMinutes,
        priceLimits: solana.priceLimits,
      },
      oracle: createPythOracle(connection(), solana.pythShard),
      clock: systemClock,
    };
  });

  return {
    config,
    get logger() {
      return logger();
    },
    get prisma() {
      return prisma();
    },
    get connection() {
      return connection();
    },
    get chain() {
      return chain();
    },
    get screening() {
      return screening();
    },
    get paymentsApps() {
      return paymentsApps();
    },
    get tokens() {
      return tokens();
    },
    get outboxClock() {
      return outboxClock();
    },
    get dispatcher() {
      return dispatcher();
    },
    get engine() {
      return engine();
    },
    get sessionDeps() {
      return sessionDeps();
    },
    get rateLimiter() {
      return rateLimiter();
    },
    async close() {
      sqs?.destroy();
      await prisma.peek()?.$disconnect();
    },
  };
}

let current: AppServices | undefined;

/** The process's services: one per Lambda cold start (or local stack process). */
export function getAppServices(): AppServices {
  current ??= createAppServices();
  return current;
}

/** Closes the process's services (see {@link AppServices.close}); the next use builds anew. */
export async function closeAppServices(): Promise<void> {
  const closing = current;
  current = undefined;
  await closing?.close();
}
