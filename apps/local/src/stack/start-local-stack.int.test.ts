import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createCertificateAuthority, issueCertificate, pollUntil } from '@solpay/testkit';
import { loadServerlessRoutes } from '../gateway/load-serverless-routes';
import { findRepositoryRoot } from './find-repository-root';
import type { LocalStack } from './local-stack';
import { DEMO_SHOP } from './seed-demo-merchant';
import { readStackFile } from './stack-file';
import { startLocalStack } from './start-local-stack';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

describe('startLocalStack', () => {
  let dataDir: string;
  let stack: LocalStack;

  beforeAll(async () => {
    for (const key of ['DATABASE_URL', 'SOLANA_RPC_URL', 'SHOPIFY_ADMIN_ORIGIN'])
      delete process.env[key];
    dataDir = mkdtempSync(join(tmpdir(), 'solpay-stack-'));
    stack = await startLocalStack({ ports: 0, dataDir });
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  function get(url: string, client: { cert?: string; key?: string } = {}): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const req = https.request(
        url,
        { ca: stack.certs.ca.cert, agent: false, ...client },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  async function getHttp(url: string): Promise<string> {
    const res = await fetch(url);
    return res.text();
  }

  const shopifyClient = () => ({
    cert: stack.certs.shopifyClient.cert,
    key: stack.certs.shopifyClient.key,
  });

  it('serves green /health over mTLS with the Shopify dev client certificate', async () => {
    const reply = await get(`${stack.urls.green}/health`, shopifyClient());
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toEqual({ status: 'ok', database: 'ok' });
  });

  it('fails the green TLS handshake without a client certificate', async () => {
    const error = await get(`${stack.urls.green}/health`).then(
      () => undefined,
      (e: NodeJS.ErrnoException) => e,
    );
    expect(error).toBeDefined();
    expect(`${error?.code} ${error?.message}`).toMatch(
      /ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED|alert certificate required|ECONNRESET/,
    );
  });

  it('fails the green TLS handshake with a client certificate from another CA', async () => {
    const foreignCa = createCertificateAuthority({ commonName: 'Shopify Payments Platform (dev)' });
    const foreign = issueCertificate({
      issuer: foreignCa,
      commonName: 'impostor',
      usage: 'client',
    });
    const error = await get(`${stack.urls.green}/health`, foreign).then(
      () => undefined,
      (e: NodeJS.ErrnoException) => e,
    );
    expect(error).toBeDefined();
    expect(`${error?.code} ${error?.message}`).toMatch(/ECONNRESET|unknown ca|socket hang up/);
  });

  it('serves purple /health without a client certificate', async () => {
    const reply = await get(`${stack.urls.purple}/health`);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toEqual({ status: 'ok', database: 'ok' });
  });

  it('answers unknown routes with 404 JSON on both gateways', async () => {
    const purple = await get(`${stack.urls.purple}/no/such/route`);
    expect(purple.status).toBe(404);
    expect(purple.headers['content-type']).toMatch(/application\/json/);
    expect(JSON.parse(purple.text)).toMatchObject({ code: 'NOT_FOUND' });
    const green = await get(`${stack.urls.green}/health/extra`, shopifyClient());
    expect(green.status).toBe(404);
  });

  it('serves the web apps over HTTPS with config and client-side route fallback', async () => {
    for (const base of [stack.urls.checkout, stack.urls.portal]) {
      const config = await get(`${base}/config.json`);
      expect(config.status).toBe(200);
      expect(JSON.parse(config.text)).toMatchObject({ purpleOrigin: stack.urls.purple });
      const missing = await get(`${base}/definitely-missing.png`);
      expect(missing.status).toBe(404);
    }
  });

  it('writes stack.json with the public contract', () => {
    const file = readStackFile(join(dataDir, 'stack.json'));
    expect(file).toEqual(stack.stackFile.contents);
    expect(file.urls).toEqual(stack.urls);
    for (const url of Object.values(file.urls))
      expect(url).toMatch(/^https?:\/\/(localhost|127\.0\.0\.1):\d+/);
    for (const path of [file.certs.ca, file.certs.shopifyClientCert, file.certs.shopifyClientKey]) {
      expect(isAbsolute(path)).toBe(true);
      expect(existsSync(path)).toBe(true);
    }
    expect(readFileSync(file.certs.ca, 'utf8')).toBe(stack.certs.ca.cert);
    expect(file.demoShop).toBe(DEMO_SHOP);
    expect(file.mint).toBe(stack.chain?.mint.toBase58());
    expect(file.mints).toEqual({
      USDC: stack.chain?.mint.toBase58(),
      EURC: stack.chain?.mints.EURC?.toBase58(),
      PYUSD: stack.chain?.mints.PYUSD?.toBase58(),
    });
    expect(file.wallets?.buyer).toBe(join(dataDir, 'wallets', 'buyer.json'));
    expect(existsSync(file.wallets?.merchant ?? '')).toBe(true);
    expect(file.shopify.apiKey).toBe(process.env.SHOPIFY_API_KEY);
    expect(file.shopify.apiSecret).toBe(process.env.SHOPIFY_API_SECRET);
    expect(file.databaseUrl).toBe(stack.databaseUrl);
    // The embedded database is reached over its Unix socket in the data folder.
    expect(new URL(file.databaseUrl).searchParams.get('host')).toBe(dataDir);
    expect(file.ports.green).toBe(Number(new URL(file.urls.green).port));
  });

  it('sets the app environment before handlers run', () => {
    expect(process.env).toMatchObject({
      DATABASE_URL: stack.databaseUrl,
      SOLANA_RPC_URL: stack.urls.rpc,
      SOLANA_CLUSTER: 'localnet',
      USDC_MINT: stack.chain?.mint.toBase58(),
      SHOPIFY_ADMIN_ORIGIN: stack.urls.shopify,
      PURPLE_ORIGIN: stack.urls.purple,
      CHECKOUT_ORIGIN: stack.urls.checkout,
      PORTAL_ORIGIN: stack.urls.portal,
    });
    const gas = JSON.parse(process.env.GAS_KEYPAIR ?? '[]') as number[];
    expect(Uint8Array.from(gas)).toEqual(stack.chain?.gas.secretKey);
  });

  it('seeds the demo merchant installed and configured, with an encrypted token', async () => {
    const merchant = await stack.prisma.merchant.findUniqueOrThrow({
      where: { shopDomain: DEMO_SHOP },
    });
    expect(merchant).toMatchObject({
      id: stack.demoShop.merchantId,
      installState: 'INSTALLED',
      configured: true,
      payoutWallet: stack.chain?.merchant.publicKey.toBase58(),
      settlementMint: stack.chain?.mint.toBase58(),
    });
    expect(merchant.accessTokenEnc).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(merchant.accessTokenEnc).not.toContain('shpat_');
  });

  it('configures the demo shop through the outbox, so the simulator admin shows it ready', async () => {
    const configuration = await pollUntil('the demo shop configured in the simulator', () =>
      stack.simulator?.configuration(DEMO_SHOP)?.ready
        ? stack.simulator.configuration(DEMO_SHOP)
        : undefined,
    );
    expect(configuration).toMatchObject({ externalHandle: 'demo-shop', ready: true });
    const rows = await stack.prisma.shopifyMutation.findMany({
      where: { merchantId: stack.demoShop.merchantId, kind: 'PAYMENTS_APP_CONFIGURE' },
    });
    expect(rows.map((row) => row.status)).toEqual(['SUCCEEDED']);
    const page = await getHttp(`${stack.urls.shopify}/admin/settings/payments?shop=${DEMO_SHOP}`);
    expect(page).toContain('Ready to accept payments');
    expect(page).not.toContain('Not configured');
  });

  it('routes every function of serverless.yml', () => {
    const routes = loadServerlessRoutes(join(findRepositoryRoot(), 'serverless.yml'));
    expect(stack.routes.map((r) => `${r.gateway} ${r.method} ${r.path} ${r.fn.handler}`)).toEqual(
      routes.map((r) => `${r.gateway} ${r.method} ${r.path} ${r.fn.handler}`),
    );
  });
});
