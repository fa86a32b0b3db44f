import { X509Certificate, createPrivateKey, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { createCertificateAuthority } from './create-certificate-authority';
import type { DevCertificates } from './dev-certificates';
import { issueCertificate } from './issue-certificate';

const FILES = {
  ca: 'dev-ca.pem',
  caKey: 'dev-ca-key.pem',
  serverCert: 'server.pem',
  serverKey: 'server-key.pem',
  shopifyCa: 'shopify-ca.pem',
  shopifyCaKey: 'shopify-ca-key.pem',
  shopifyClientCert: 'shopify-client.pem',
  shopifyClientKey: 'shopify-client-key.pem',
} as const;

/** Host names and addresses the dev server certificate is valid for. */
export const DEV_SERVER_ALT_NAMES = ['localhost', '127.0.0.1', '::1'];

/** Common name of the dev stand-in for Shopify's Payments Platform client CA. */
export const DEV_SHOPIFY_CA_NAME = 'Shopify Payments Platform (dev)';

/** Regenerate when a certificate expires within this many days. */
const RENEW_BEFORE_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Returns the local stack's development PKI stored in `dir`, generating it on first use:
 * a dev server CA and a server certificate for loopback (ECDSA P-256 key), and a separate
 * "Shopify Payments Platform (dev)" CA with a client certificate (RSA keys). Existing files are
 * reused while they are consistent, not about to expire and their server key is ECDSA. Generation is atomic (staged in a sibling folder,
 * then renamed), so concurrent callers never see a half-written set.
 */
export function ensureDevCertificates(dir: string): DevCertificates {
  const absoluteDir = resolve(dir);
  const existing = readIfValid(absoluteDir);
  if (existing) return existing;

  mkdirSync(dirname(absoluteDir), { recursive: true });
  const staging = join(
    dirname(absoluteDir),
    `.${basename(absoluteDir)}.staging-${process.pid}-${randomBytes(4).toString('hex')}`,
  );
  mkdirSync(staging, { recursive: true });
  try {
    writeAll(staging);
    if (existsSync(absoluteDir)) {
      // Another process may have produced a valid set meanwhile: prefer it.
      const raced = readIfValid(absoluteDir);
      if (raced) return raced;
      rmSync(absoluteDir, { recursive: true, force: true });
    }
    try {
      renameSync(staging, absoluteDir);
    } catch (error) {
      const raced = readIfValid(absoluteDir);
      if (raced) return raced;
      throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  const created = readIfValid(absoluteDir);
  if (!created) throw new Error(`Dev certificates in ${absoluteDir} are invalid after generation`);
  return created;
}

function writeAll(target: string): void {
  const ca = createCertificateAuthority({ commonName: 'Solana Pay for Shopify dev CA' });
  const server = issueCertificate({
    issuer: ca,
    commonName: 'localhost',
    usage: 'server',
    altNames: DEV_SERVER_ALT_NAMES,
    // The gateways sign every full handshake with this key: ECDSA P-256 costs about a quarter
    // of RSA-2048's CPU, and a load run opens its connections at once.
    keyAlgorithm: 'ecdsa-p256',
  });
  const shopifyCa = createCertificateAuthority({
    commonName: DEV_SHOPIFY_CA_NAME,
    organization: 'Shopify (dev)',
  });
  const shopifyClient = issueCertificate({
    issuer: shopifyCa,
    commonName: 'Shopify Payments Platform client (dev)',
    organization: 'Shopify (dev)',
    usage: 'client',
  });
  const contents: Record<keyof typeof FILES, string> = {
    ca: ca.cert,
    caKey: ca.key,
    serverCert: server.cert,
    serverKey: server.key,
    shopifyCa: shopifyCa.cert,
    shopifyCaKey: shopifyCa.key,
    shopifyClientCert: shopifyClient.cert,
    shopifyClientKey: shopifyClient.key,
  };
  for (const [name, file] of Object.entries(FILES) as Array<[keyof typeof FILES, string]>) {
    const isKey = name.toLowerCase().endsWith('key');
    writeFileSync(join(target, file), contents[name], { mode: isKey ? 0o600 : 0o644 });
  }
}

function readIfValid(dir: string): DevCertificates | undefined {
  const paths = {
    dir,
    ...(Object.fromEntries(
      Object.entries(FILES).map(([name, file]) => [name, join(dir, file)]),
    ) as Record<keyof typeof FILES, string>),
  };
  const pem: Partial<Record<keyof typeof FILES, string>> = {};
  for (const name of Object.keys(FILES) as Array<keyof typeof FILES>) {
    if (!existsSync(paths[name])) return undefined;
    pem[name] = readFileSync(paths[name], 'utf8');
  }
  const { ca, caKey, serverCert, serverKey, shopifyCa, shopifyCaKey } = pem;
  const { shopifyClientCert, shopifyClientKey } = pem;
  if (!ca || !caKey || !serverCert || !serverKey || !shopifyCa || !shopifyCaKey) return undefined;
  if (!shopifyClientCert || !shopifyClientKey) return undefined;
  try {
    const caX509 = new X509Certificate(ca);
    const serverX509 = new X509Certificate(serverCert);
    const shopifyCaX509 = new X509Certificate(shopifyCa);
    const clientX509 = new X509Certificate(shopifyClientCert);
    const renewBy = Date.now() + RENEW_BEFORE_MS;
    for (const cert of [caX509, serverX509, shopifyCaX509, clientX509]) {
      if (new Date(cert.validTo).getTime() < renewBy) return undefined;
    }
    if (!serverX509.verify(caX509.publicKey) || !clientX509.verify(shopifyCaX509.publicKey)) {
      return undefined;
    }
    const serverPrivateKey = createPrivateKey(serverKey);
    // A set from before the server key became ECDSA is replaced.
    if (serverPrivateKey.asymmetricKeyType !== 'ec') return undefined;
    if (!serverX509.checkPrivateKey(serverPrivateKey)) return undefined;
    if (!clientX509.checkPrivateKey(createPrivateKey(shopifyClientKey))) return undefined;
  } catch {
    return undefined;
  }
  return {
    ca: { cert: ca, key: caKey, path: paths.ca, keyPath: paths.caKey },
    server: {
      cert: serverCert,
      key: serverKey,
      certPath: paths.serverCert,
      keyPath: paths.serverKey,
    },
    shopifyCa: {
      cert: shopifyCa,
      key: shopifyCaKey,
      path: paths.shopifyCa,
      keyPath: paths.shopifyCaKey,
    },
    shopifyClient: {
      cert: shopifyClientCert,
      key: shopifyClientKey,
      certPath: paths.shopifyClientCert,
      keyPath: paths.shopifyClientKey,
    },
    paths,
  };
}
