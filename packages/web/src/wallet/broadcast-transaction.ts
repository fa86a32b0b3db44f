import * as z from 'zod/mini';
import { bytesToBase64 } from '../encoding/bytes-to-base64';

const rpcAnswerSchema = z.union([
  z.object({ result: z.string() }),
  z.object({ error: z.object({ message: z.string() }) }),
]);

/** Result of {@link broadcastTransaction}. */
export type BroadcastTransactionResult =
  { ok: true; signature: string } | { ok: false; message: string };

/**
 * Sends a fully signed transaction through JSON-RPC `sendTransaction` (base64). Used only for
 * wallets that can sign but not send.
 */
export async function broadcastTransaction(
  rpcUrl: string,
  signedTransaction: Uint8Array,
  fetchFn: typeof fetch = fetch,
): Promise<BroadcastTransactionResult> {
  let body: unknown;
  try {
    const response = await fetchFn(rpcUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'sendTransaction',
        params: [
          bytesToBase64(signedTransaction),
          { encoding: 'base64', preflightCommitment: 'confirmed' },
        ],
      }),
    });
    body = await response.json();
  } catch {
    return { ok: false, message: 'The Solana network cannot be reached.' };
  }
  const parsed = rpcAnswerSchema.safeParse(body);
  if (!parsed.success) return { ok: false, message: 'Unexpected answer from the Solana network.' };
  if ('error' in parsed.data) return { ok: false, message: parsed.data.error.message };
  return { ok: true, signature: parsed.data.result };
}
