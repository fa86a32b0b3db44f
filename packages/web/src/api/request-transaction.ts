import * as z from 'zod/mini';

const successSchema = z.object({
  transaction: z.string().check(z.minLength(1)),
  message: z.optional(z.string()),
});
const errorSchema = z.object({ message: z.string() });

/** Result of {@link requestTransaction}. */
export type RequestTransactionResult =
  | { ok: true; transaction: string; message: string | undefined }
  | { ok: false; status: number; message: string };

/**
 * Solana Pay transaction request (spec B.2), exactly as a wallet makes it: `POST <link>
 * { account }` → the partially signed transaction (base64) that `account` must sign. Error
 * bodies `{ message }` are shown to the user (first 80 characters, as wallets do).
 */
export async function requestTransaction(
  link: string,
  account: string,
  fetchFn: typeof fetch = fetch,
): Promise<RequestTransactionResult> {
  let response: Response;
  try {
    response = await fetchFn(link, {
      method: 'POST',
      mode: 'cors',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ account }),
    });
  } catch {
    return { ok: false, status: 0, message: 'The payment service cannot be reached.' };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = errorSchema.safeParse(body);
    const message = parsed.success ? parsed.data.message.slice(0, 80) : `HTTP ${response.status}`;
    return { ok: false, status: response.status, message };
  }
  const parsed = successSchema.safeParse(body);
  if (!parsed.success) {
    return {
      ok: false,
      status: response.status,
      message: 'Unexpected answer from the payment service.',
    };
  }
  return { ok: true, transaction: parsed.data.transaction, message: parsed.data.message };
}
