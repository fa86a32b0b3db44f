import type { createPrismaClient } from '@solpay/db';
import type { DevCertificates, LocalChain, startShopifySimulator } from '@solpay/testkit';
import type { LambdaRoute } from '../gateway/lambda-route';
import type { LocalPorts } from './local-ports';
import type { StackFile } from './stack-file';

/** Options of `startLocalStack`. */
export interface LocalStackOptions {
  /** `0` = every port picked by the OS (tests); an object overrides single ports. */
  ports?: 0 | Partial<LocalPorts>;
  /** State folder (certs, database, wallets, stack.json). Default `<repo>/.local`. */
  dataDir?: string;
  /** Log sink (default: silent). */
  log?: (line: string) => void;
  /** Log one line per gateway request (default false). */
  accessLog?: boolean;
  /** Make in-process HTTPS clients (fetch, https) trust the dev CA. Default true. */
  trustDevCa?: boolean;
}

/** A running local stack. */
export interface LocalStack {
  /** Base URLs (no trailing slash). */
  urls: StackFile['urls'];
  /** Ports actually bound by this process (0 for parts provided from outside). */
  ports: LocalPorts;
  /** The dev PKI (server CA + cert, Shopify dev CA + client cert). */
  certs: DevCertificates;
  /** Path and contents of the written `stack.json`. */
  stackFile: { path: string; contents: StackFile };
  /** The application's database. */
  databaseUrl: string;
  /** A Prisma client on that database (closed by `close`). */
  prisma: ReturnType<typeof createPrismaClient>;
  /** The local chain, unless `SOLANA_RPC_URL` pointed elsewhere. */
  chain: LocalChain | undefined;
  /** The Shopify simulator, unless `SHOPIFY_ADMIN_ORIGIN` pointed elsewhere. */
  simulator: Awaited<ReturnType<typeof startShopifySimulator>> | undefined;
  /** The demo merchant's shop domain and id. */
  demoShop: { domain: string; merchantId: string };
  /** The HTTP routes served, as read from serverless.yml. */
  routes: LambdaRoute[];
  /** The id the database, chain and simulator state share, and why saved state was reset. */
  localState: { id: string; resetReason?: string };
  /** Stops workers, servers, simulator, chain and database; restores the environment. Idempotent. */
  close(): Promise<void>;
}
