import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as z from 'zod';

const url = z.url();

/**
 * Schema of `.local/stack.json`, the public contract of the running local stack (DESIGN §4.1):
 * URLs, ports, absolute certificate paths, the demo shop, the mint, the test wallets' keypair
 * files, the dev Shopify app credentials and the database URL.
 */
export const stackFileSchema = z.object({
  /** When the stack wrote this file. */
  startedAt: z.iso.datetime(),
  /** Process id of `npm start` (absent for in-process stacks in tests). */
  pid: z.number().int().optional(),
  urls: z.object({
    green: url,
    purple: url,
    checkout: url,
    portal: url,
    shopify: url,
    rpc: url,
  }),
  ports: z.object({
    green: z.number().int(),
    purple: z.number().int(),
    checkout: z.number().int(),
    portal: z.number().int(),
    shopify: z.number().int().optional(),
    rpc: z.number().int().optional(),
    database: z.number().int().optional(),
  }),
  certs: z.object({
    /** The CA that signs the HTTPS server certificates (`curl --cacert`). */
    ca: z.string(),
    /** The Shopify dev client certificate and key green accepts (`curl --cert/--key`). */
    shopifyClientCert: z.string(),
    shopifyClientKey: z.string(),
    /** The "Shopify Payments Platform (dev)" CA green trusts for client certificates. */
    shopifyCa: z.string(),
    /** The gateways' server certificate and key. */
    serverCert: z.string(),
    serverKey: z.string(),
  }),
  /** An installed, configured merchant ready to take payments. */
  demoShop: z.string(),
  /** The USDC-like mint of the local chain (or `USDC_MINT`). */
  mint: z.string(),
  /** Mint of every settlement token on the local chain, by symbol (`USDC`, `EURC`, `PYUSD`…). */
  mints: z.record(z.string(), z.string()),
  /** Keypair files (JSON arrays of 64 numbers) of the local test wallets. */
  wallets: z
    .object({ buyer: z.string(), merchant: z.string(), gas: z.string().optional() })
    .optional(),
  shopify: z.object({ apiKey: z.string(), apiSecret: z.string(), apiVersion: z.string() }),
  databaseUrl: z.string(),
});

/** Contents of `.local/stack.json`. */
export type StackFile = z.infer<typeof stackFileSchema>;

/** Writes `stack` to `path` atomically (temp file + rename), creating the folder. */
export function writeStackFile(path: string, stack: StackFile): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(stackFileSchema.parse(stack), null, 2)}\n`);
  renameSync(temp, path);
}

/** Reads and validates a stack file written by {@link writeStackFile}. Throws if invalid. */
export function readStackFile(path: string): StackFile {
  return stackFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}
