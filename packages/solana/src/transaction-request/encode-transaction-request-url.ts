/** `@solana/pay` `parseURL` rejects longer URLs. */
export const SOLANA_PAY_URL_MAX_LENGTH = 2048;

/** Options of {@link encodeTransactionRequestUrl}. */
export interface EncodeTransactionRequestUrlOptions {
  /** Allow `http:` for `localhost`/`127.0.0.1` (local stack only; real wallets demand https). */
  allowInsecureLoopback?: boolean;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Encodes a transaction-request link as a Solana Pay URL (spec B.2): `solana:` + link, with the
 * whole link URL-encoded when it has a query string (or fragment), plain otherwise. The result
 * round-trips through `@solana/pay` `parseURL`.
 *
 * @throws {RangeError} when the link is not an absolute https URL or the result exceeds 2048 chars.
 */
export function encodeTransactionRequestUrl(
  link: string,
  { allowInsecureLoopback = false }: EncodeTransactionRequestUrlOptions = {},
): string {
  let url: URL;
  try {
    url = new URL(link);
  } catch (error) {
    throw new RangeError(`Not an absolute URL: ${link}`, { cause: error });
  }
  const insecureOk =
    allowInsecureLoopback && url.protocol === 'http:' && LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !insecureOk)
    throw new RangeError(`The link must use https: ${link}`);
  const text = url.toString();
  const encoded = `solana:${url.search || url.hash ? encodeURIComponent(text) : text}`;
  if (encoded.length > SOLANA_PAY_URL_MAX_LENGTH) {
    throw new RangeError(
      `The Solana Pay URL is ${encoded.length} characters; at most ${SOLANA_PAY_URL_MAX_LENGTH}`,
    );
  }
  return encoded;
}
