import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Connection, Keypair, SendTransactionError } from '@solana/web3.js';
import * as z from 'zod';
import { bundleDevWalletScript } from './bundle-dev-wallet-script';
import type { DevWalletOptions } from './dev-wallet-options';
import { signAndSendRequestSchema } from './sign-and-send-request';
import { verifyWalletTransaction } from './verify-wallet-transaction';

/** Request bodies above this are refused (a transaction is at most 1232 bytes). */
const MAX_BODY_BYTES = 16 * 1024;

/** A local test wallet mounted on a local web server (see {@link createDevWallet}). */
export interface DevWallet {
  /** The wallet's address (base58). */
  publicKey: string;
  /** `<script>` tag to put in the served HTML pages: registers the wallet in the page. */
  headHtml: string;
  /**
   * Answers `GET <base>`, `GET <base>.js` and `POST <base>/sign-and-send`; resolves `false` for
   * any other path so the server can serve it.
   */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const bytes = Buffer.from(JSON.stringify(body));
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', bytes.length);
  res.setHeader('Cache-Control', 'no-store');
  res.end(bytes);
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

function loadKeypair(path: string): Keypair {
  const secret = z
    .array(z.number().int().min(0).max(255))
    .length(64)
    .parse(JSON.parse(readFileSync(path, 'utf8')));
  return Keypair.fromSecretKey(Uint8Array.from(secret));
}

/**
 * A Wallet Standard test wallet for the LOCAL stack whose key stays on the server: `GET <base>`
 * → `{ name, publicKey, chains }`; `GET <base>.js` → the browser script that registers it in
 * the page (include {@link DevWallet.headHtml}); `POST <base>/sign-and-send { transaction }` →
 * verifies it like a careful wallet (legacy; every other signature present and valid; only this
 * key's missing), signs, sends it to `rpcUrl` → `{ signature }`. Errors are `{ message }` with
 * 400 (bad request/transaction), 403 (cross-origin), 422 (the chain refused it), 500.
 *
 * Mount it once per key: the checkout server with the buyer keypair, the portal with the
 * merchant's. Never mount it outside the local stack: it signs whatever passes the checks.
 */
export function createDevWallet(options: DevWalletOptions): DevWallet {
  const basePath = options.basePath ?? '/dev/wallet';
  const chains = [options.chain ?? 'solana:localnet'];
  const keypair = loadKeypair(options.keypairPath);
  const publicKey = keypair.publicKey.toBase58();
  const connection = new Connection(options.rpcUrl, 'confirmed');
  let script: Promise<string> | undefined;

  async function signAndSend(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!sameOrigin(req))
      return sendJson(res, 403, { message: 'Cross-origin requests are refused' });
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      return sendJson(res, 415, { message: 'Content-Type must be application/json' });
    }
    const raw = await readBody(req);
    if (!raw) return sendJson(res, 413, { message: 'Body too large' });
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      return sendJson(res, 400, { message: 'Body is not JSON' });
    }
    const body = signAndSendRequestSchema.safeParse(json);
    if (!body.success) return sendJson(res, 400, { message: z.prettifyError(body.error) });
    const checked = verifyWalletTransaction(
      Buffer.from(body.data.transaction, 'base64'),
      keypair.publicKey,
    );
    if (!checked.ok) return sendJson(res, 400, { message: checked.message });
    checked.transaction.sign([keypair]);
    try {
      const signature = await connection.sendRawTransaction(checked.transaction.serialize(), {
        preflightCommitment: 'confirmed',
      });
      return sendJson(res, 200, { signature });
    } catch (error) {
      const message =
        error instanceof SendTransactionError || error instanceof Error
          ? error.message
          : String(error);
      return sendJson(res, 422, { message: `The chain refused the transaction: ${message}` });
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== basePath && path !== `${basePath}.js` && path !== `${basePath}/sign-and-send`) {
      return false;
    }
    const method = req.method ?? 'GET';
    const allowed = path === `${basePath}/sign-and-send` ? 'POST' : 'GET';
    if (method !== allowed && !(allowed === 'GET' && method === 'HEAD')) {
      res.setHeader('Allow', allowed);
      sendJson(res, 405, { message: `Use ${allowed}` });
      return true;
    }
    try {
      if (path === basePath) {
        sendJson(res, 200, { name: options.name, publicKey, chains });
      } else if (path === `${basePath}.js`) {
        script ??= bundleDevWalletScript(basePath);
        const body = Buffer.from(await script);
        res.statusCode = 200;
        res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
        res.setHeader('Content-Length', body.length);
        res.setHeader('Cache-Control', 'no-store');
        res.end(body);
      } else {
        await signAndSend(req, res);
      }
    } catch (error) {
      if (!res.headersSent) {
        sendJson(res, 500, {
          message: `Dev wallet failed: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    }
    return true;
  }

  return {
    publicKey,
    headHtml: `<script type="module" src="${basePath}.js"></script>`,
    handle,
  };
}
