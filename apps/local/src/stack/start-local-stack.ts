import { join, resolve } from 'node:path';
import tls from 'node:tls';
import { createPrismaClient, migrateDatabase, startEmbeddedDatabase } from '@solpay/db';
import { readConfig } from '@solpay/lambda';
import { closeComposition, merchantOnboarding } from '@solpay/composition';
import { ensureDevCertificates, startLocalChain, startShopifySimulator } from '@solpay/testkit';
import { createLambdaHandlerLoader } from '../gateway/lambda-handler-loader';
import { loadServerlessFunctions } from '../gateway/load-serverless-functions';
import { routesOf } from '../gateway/load-serverless-routes';
import { startGateway } from '../gateway/start-gateway';
import { createDevWallet } from '../dev-wallet/create-dev-wallet';
import { devWalletSiteOptions } from '../dev-wallet/dev-wallet-site-options';
import type { RunningServer } from '../server/running-server';
import { startStaticSite } from '../static/start-static-site';
import type { BackgroundWorker } from '../workers/background-worker';
import { backgroundWorkers } from '../workers/background-workers';
import { findRepositoryRoot } from './find-repository-root';
import { LOCAL_DEV_SECRETS } from './local-dev-secrets';
import { createLocalEnvironment } from './local-environment';
import { resolveLocalPorts, type LocalPorts } from './local-ports';
import { localStatePaths, reconcileLocalState } from './reconcile-local-state';
import { startDelayingProxy } from './start-delaying-proxy';
import type { LocalStack, LocalStackOptions } from './local-stack';
import {
  DEMO_SHOP,
  SECOND_SHOP,
  seedDemoMerchant,
  type DemoMerchantTokens,
} from './seed-demo-merchant';
import { writeStackFile, type StackFile } from './stack-file';

/** Shopify API version of the stack when `SHOPIFY_API_VERSION` is unset (the config default). */
const DEFAULT_API_VERSION = '2026-10';

/**
 * Starts the whole product on loopback, in this process: embedded PostgreSQL (migrated) unless
 * `DATABASE_URL` is set, the local chain unless `SOLANA_RPC_URL` is set, the green (mTLS) and
 * purple gateways routing to the real handlers of serverless.yml, the checkout and portal web
 * apps, the Shopify simulator unless `SHOPIFY_ADMIN_ORIGIN` is set, and the demo merchant. It
 * sets the app's environment (`process.env`, existing values win) before any handler loads,
 * writes `<dataDir>/stack.json`, then starts {@link backgroundWorkers}.
 *
 * Handler modules stay cached in the process after `close`: start one stack per process (or
 * per jest test file).
 */
export async function startLocalStack(
  options: LocalStackOptions & { workers?: readonly BackgroundWorker[] } = {},
): Promise<LocalStack> {
  const log = options.log ?? (() => undefined);
  const rootDir = findRepositoryRoot();
  const dataDir = resolve(options.dataDir ?? join(rootDir, '.local'));
  const env = createLocalEnvironment(process.env);
  const ports: LocalPorts = resolveLocalPorts(options.ports, process.env);
  // A copy, so a second stack in the same process reads the environment afresh.
  const { localProfile } = readConfig(['localProfile'], { ...process.env });
  const latency = localProfile.latency;
  const bound: LocalPorts = { ...ports };
  const stops: Array<{ name: string; stop: () => Promise<void> }> = [];
  const onStop = (name: string, stop: () => Promise<void>) => stops.push({ name, stop });

  const stopAll = async () => {
    for (const { name, stop } of stops.reverse()) {
      try {
        await stop();
      } catch (error) {
        log(`stopping ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    stops.length = 0;
  };

  try {
    onStop('environment', async () => env.restore());

    const certs = ensureDevCertificates(join(dataDir, 'certs'));
    if (options.trustDevCa ?? true) {
      const previous = tls.getCACertificates('default');
      tls.setDefaultCACertificates([...previous, certs.ca.cert]);
      onStop('trusted CAs', async () => tls.setDefaultCACertificates(previous));
    }

    const routes = routesOf(loadServerlessFunctions(join(rootDir, 'serverless.yml')));

    // Database, chain and simulator state belong together: keep all of it or none.
    const statePaths = localStatePaths(dataDir);
    const state = reconcileLocalState(dataDir, {
      database: env.get('DATABASE_URL') === undefined,
      chain: env.get('SOLANA_RPC_URL') === undefined,
      shopify: env.get('SHOPIFY_ADMIN_ORIGIN') === undefined,
    });
    if (state.resetReason !== undefined) {
      log(
        `local state reset: ${state.resetReason}. The database, chain and Shopify simulator start fresh together (earlier orders and payments are gone).`,
      );
    }

    // The chain starts beside the database's worker: neither needs the other.
    const chainStarting =
      env.get('SOLANA_RPC_URL') === undefined
        ? startLocalChain({
            port: ports.rpc,
            keypairDir: join(dataDir, 'wallets'),
            statePath: statePaths.chain,
            stateId: state.stateId,
            responseDelayMs: latency.rpcMs,
            ...(localProfile.finalityMs === undefined
              ? {}
              : { finalityMs: localProfile.finalityMs }),
            // The stack's log, or the chain's own default (stderr) when the caller gave none.
            ...(options.log === undefined ? {} : { log: options.log }),
          })
        : undefined;
    if (chainStarting !== undefined) {
      // In this thread: in a worker (`startLocalChainInWorker`) it took a tenth of this thread's
      // CPU per checkout off it, but CI test processes running stacks with both workers crashed
      // in V8 (docs/architecture.md). Its failure is handled here at once (the stack awaits it
      // later), and a chain that started is closed whatever fails.
      const settled = chainStarting.catch(() => undefined);
      onStop('local chain', async () => (await settled)?.close());
    }

    // Database.
    let databaseUrl = env.get('DATABASE_URL');
    // Where the latency proxy forwards to: the database's TCP address.
    let databaseTcp: { host: string; port: number };
    if (databaseUrl === undefined) {
      const database = await startEmbeddedDatabase({
        dataDir: join(dataDir, 'pgdata'),
        host: '127.0.0.1',
        port: ports.database,
        // A Unix socket costs this thread less CPU per round trip than loopback TCP; the TCP
        // port stays for the latency proxy and outside tools.
        socketDir: dataDir,
        // The stack's log, or the database's own default (stderr) when the caller gave none.
        log: options.log,
      });
      onStop('database', () => database.close());
      bound.database = database.port;
      databaseTcp = { host: '127.0.0.1', port: database.port };
      databaseUrl = env.setDefault('DATABASE_URL', database.socketUrl ?? database.url);
      log(
        `database: embedded PostgreSQL (PGlite) on port ${database.port}` +
          (database.socketUrl === undefined ? '' : ` and its Unix socket in ${dataDir}`),
      );
    } else {
      bound.database = 0;
      const given = new URL(databaseUrl);
      databaseTcp = { host: given.hostname, port: Number(given.port || 5432) };
      log('database: DATABASE_URL from the environment');
    }
    await migrateDatabase(databaseUrl);
    const prisma = createPrismaClient(databaseUrl);
    if (latency.databaseMs > 0) {
      // The handlers reach the database through a proxy adding the round-trip time of RDS,
      // over TCP as a Lambda reaches RDS; migrations, seeding and tests use the direct URL.
      const proxy = await startDelayingProxy({ target: databaseTcp, delayMs: latency.databaseMs });
      onStop('database latency proxy', () => proxy.close());
      const proxied = new URL(databaseUrl);
      // A socket directory in `host=` would take precedence over the proxy's address.
      proxied.searchParams.delete('host');
      proxied.hostname = proxy.host;
      proxied.port = String(proxy.port);
      env.override('DATABASE_URL', proxied.toString());
    }
    if (Object.values(latency).some((ms) => ms > 0)) {
      log(
        `profile: ${localProfile.profile} (RPC +${latency.rpcMs} ms, Shopify +${latency.shopifyMs} ms, ` +
          `database +${latency.databaseMs} ms, screening +${latency.screeningMs} ms per call)`,
      );
    }
    onStop('prisma', () => prisma.$disconnect());
    // Handlers build their services lazily (one set per process, like a Lambda container);
    // release their pools before the database goes away.
    onStop('app services', () => closeComposition());

    // Chain (started with the database, awaited here).
    let chain: LocalStack['chain'];
    let rpcUrl = env.get('SOLANA_RPC_URL');
    if (rpcUrl === undefined) {
      const started = await (chainStarting ?? Promise.reject(new Error('local chain not started')));
      chain = started;
      rpcUrl = env.setDefault('SOLANA_RPC_URL', started.rpcUrl);
      bound.rpc = Number(new URL(started.rpcUrl).port);
      env.setDefault('SOLANA_CLUSTER', 'localnet');
      env.setDefault('USDC_MINT', started.mint.toBase58());
      env.setDefault(
        'SETTLEMENT_MINTS',
        started.tokens.map((token) => `${token.symbol}=${token.mint.toBase58()}`).join(','),
      );
      env.setDefault('GAS_KEYPAIR', JSON.stringify(Array.from(started.gas.secretKey)));
      log(
        `chain: local chain (LiteSVM) at ${started.rpcUrl}${started.restored ? ' (continued from .local)' : ''}`,
      );
    } else {
      bound.rpc = 0;
      log('chain: SOLANA_RPC_URL from the environment');
    }
    const mint = env.get('USDC_MINT');
    if (mint === undefined) throw new Error('USDC_MINT is required when SOLANA_RPC_URL is set');

    // App identity and secrets (dev defaults; the environment wins).
    const apiKey = env.setDefault('SHOPIFY_API_KEY', LOCAL_DEV_SECRETS.SHOPIFY_API_KEY);
    const apiSecret = env.setDefault('SHOPIFY_API_SECRET', LOCAL_DEV_SECRETS.SHOPIFY_API_SECRET);
    const apiVersion = env.setDefault('SHOPIFY_API_VERSION', DEFAULT_API_VERSION);
    env.setDefault('HELIUS_WEBHOOK_SECRET', LOCAL_DEV_SECRETS.HELIUS_WEBHOOK_SECRET);
    env.setDefault('SINGLE_USE_SECRET', LOCAL_DEV_SECRETS.SINGLE_USE_SECRET);
    const tokenKey = env.setDefault('TOKEN_ENCRYPTION_KEY', LOCAL_DEV_SECRETS.TOKEN_ENCRYPTION_KEY);
    env.setDefault('SESSION_SECRET', LOCAL_DEV_SECRETS.SESSION_SECRET);
    env.setDefault('STAGE', 'local');

    // Gateways and web apps. Requests wait for `ready` so no handler runs before the env is set.
    let markReady = () => undefined as void;
    const ready = new Promise<void>((done) => (markReady = done));
    const loader = createLambdaHandlerLoader();
    const accessLog = options.accessLog ? log : undefined;
    const serverTls = { key: certs.server.key, cert: certs.server.cert };
    const started = async (name: string, server: Promise<RunningServer>) => {
      const running = await server;
      onStop(name, () => running.close());
      return running;
    };
    const green = await started(
      'green gateway',
      startGateway({
        name: 'green',
        routes,
        tls: {
          ...serverTls,
          ca: certs.shopifyCa.cert,
          requestCert: true,
          rejectUnauthorized: true,
        },
        port: ports.green,
        ready,
        loader,
        log: (line) => (line.includes(' failed: ') ? log(line) : accessLog?.(line)),
      }),
    );
    const purple = await started(
      'purple gateway',
      startGateway({
        name: 'purple',
        routes,
        tls: serverTls,
        port: ports.purple,
        ready,
        loader,
        log: (line) => (line.includes(' failed: ') ? log(line) : accessLog?.(line)),
      }),
    );
    const purpleOrigin = env.setDefault('PURPLE_ORIGIN', purple.url);
    const webConfig = () => ({
      purpleOrigin,
      checkoutOrigin: env.get('CHECKOUT_ORIGIN'),
      portalOrigin: env.get('PORTAL_ORIGIN'),
      cluster: env.get('SOLANA_CLUSTER'),
      rpcUrl,
      mint,
    });
    // The built-in test wallet (buyer key) exists only with the local chain.
    const buyerKeypairPath = chain?.keypairPaths?.buyer;
    const buyerWallet = buyerKeypairPath
      ? createDevWallet({ name: 'Local test wallet', keypairPath: buyerKeypairPath, rpcUrl })
      : undefined;
    // The portal's test wallet signs refunds as the merchant (its key is the demo payout wallet).
    const merchantKeypairPath = chain?.keypairPaths?.merchant;
    const merchantWallet = merchantKeypairPath
      ? createDevWallet({ name: 'Local merchant wallet', keypairPath: merchantKeypairPath, rpcUrl })
      : undefined;
    const checkout = await started(
      'checkout',
      startStaticSite({
        name: 'checkout',
        appDir: join(rootDir, 'apps', 'checkout'),
        tls: serverTls,
        port: ports.checkout,
        config: webConfig,
        log,
        ...devWalletSiteOptions(buyerWallet),
      }),
    );
    const portal = await started(
      'portal',
      startStaticSite({
        name: 'portal',
        appDir: join(rootDir, 'apps', 'portal'),
        tls: serverTls,
        port: ports.portal,
        config: webConfig,
        log,
        ...devWalletSiteOptions(merchantWallet),
      }),
    );
    env.setDefault('CHECKOUT_ORIGIN', checkout.url);
    env.setDefault('PORTAL_ORIGIN', portal.url);
    bound.green = green.port;
    bound.purple = purple.port;
    bound.checkout = checkout.port;
    bound.portal = portal.port;

    // Shopify.
    let simulator: LocalStack['simulator'];
    let shopifyUrl = env.get('SHOPIFY_ADMIN_ORIGIN');
    if (shopifyUrl === undefined) {
      const sim = await startShopifySimulator({
        port: ports.shopify,
        // The second store is not installed: onboarding it shows the whole install flow.
        shops: [DEMO_SHOP, SECOND_SHOP],
        apiKey,
        apiSecret,
        apiVersion,
        green: {
          url: green.url,
          ca: certs.ca.cert,
          clientCert: certs.shopifyClient.cert,
          clientKey: certs.shopifyClient.key,
        },
        appUrl: `${purpleOrigin}/auth/install`,
        statePath: statePaths.shopify,
        stateId: state.stateId,
        graphqlDelayMs: latency.shopifyMs,
      });
      simulator = sim;
      onStop('Shopify simulator', () => sim.close());
      shopifyUrl = env.setDefault('SHOPIFY_ADMIN_ORIGIN', sim.url);
      bound.shopify = Number(new URL(sim.url).port);
      log(`shopify: simulator at ${sim.url}`);
    } else {
      bound.shopify = 0;
      log('shopify: SHOPIFY_ADMIN_ORIGIN from the environment');
    }

    // Demo merchant.
    const payoutWallet = chain?.merchant.publicKey.toBase58() ?? env.get('DEMO_PAYOUT_WALLET');
    if (payoutWallet === undefined) {
      throw new Error('DEMO_PAYOUT_WALLET is required when SOLANA_RPC_URL is set');
    }
    const merchantId = await seedDemoMerchant({
      prisma,
      tokenEncryptionKey: tokenKey,
      tokens: simulator ? demoTokens(simulator.issueAccessToken(DEMO_SHOP)) : undefined,
      payoutWallet,
      settlementMint: mint,
      apiVersion,
      freshInstall: simulator !== undefined && simulator.configuration(DEMO_SHOP)?.ready !== true,
      merchantDeps: merchantOnboarding(),
    });
    markReady();

    const urls: StackFile['urls'] = {
      green: green.url,
      purple: purple.url,
      checkout: checkout.url,
      portal: portal.url,
      shopify: shopifyUrl,
      rpc: rpcUrl,
    };
    const contents: StackFile = {
      startedAt: new Date().toISOString(),
      pid: process.pid,
      urls,
      ports: bound,
      certs: {
        ca: certs.ca.path,
        shopifyClientCert: certs.shopifyClient.certPath,
        shopifyClientKey: certs.shopifyClient.keyPath,
        shopifyCa: certs.shopifyCa.path,
        serverCert: certs.server.certPath,
        serverKey: certs.server.keyPath,
      },
      demoShop: DEMO_SHOP,
      mint,
      mints: chain
        ? Object.fromEntries(chain.tokens.map((token) => [token.symbol, token.mint.toBase58()]))
        : { USDC: mint },
      ...(chain?.keypairPaths ? { wallets: { ...chain.keypairPaths } } : {}),
      shopify: { apiKey, apiSecret, apiVersion },
      databaseUrl,
    };
    const stackPath = join(dataDir, 'stack.json');
    writeStackFile(stackPath, contents);

    for (const worker of options.workers ?? backgroundWorkers) {
      const stop = await worker.start({ log, rootDir, dataDir });
      onStop(`worker ${worker.name}`, stop);
      log(`worker: ${worker.name} started`);
    }

    let closing: Promise<void> | undefined;
    return {
      urls,
      ports: bound,
      certs,
      stackFile: { path: stackPath, contents },
      databaseUrl,
      prisma,
      chain,
      simulator,
      demoShop: { domain: DEMO_SHOP, merchantId },
      localState: {
        id: state.stateId,
        ...(state.resetReason !== undefined ? { resetReason: state.resetReason } : {}),
      },
      routes,
      close: () => (closing ??= stopAll()),
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** Refresh tokens live 90 days at Shopify (and in the simulator). */
const REFRESH_TOKEN_TTL_MS = 90 * 24 * 60 * 60 * 1000;

function demoTokens(issued: {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}): DemoMerchantTokens {
  const now = Date.now();
  return {
    accessToken: issued.accessToken,
    accessTokenExpiresAt: new Date(now + issued.expiresIn * 1000),
    refreshToken: issued.refreshToken,
    refreshTokenExpiresAt: new Date(now + REFRESH_TOKEN_TTL_MS),
  };
}
