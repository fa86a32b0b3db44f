/**
 * The https link inside a Solana Pay transaction-request URL (spec B.2), read the way
 * `@solana/pay` `parseURL` does: the part before the first literal `?` (Solana Pay's own
 * `label`/`message` params follow it), URL-decoded. Returns undefined for transfer-request URLs
 * (`solana:<base58 recipient>`) and anything that is not an http(s) URL.
 */
export function transactionRequestLink(solanaPayUrl: string): string | undefined {
  if (!solanaPayUrl.startsWith('solana:')) return undefined;
  const pathname = solanaPayUrl.slice('solana:'.length).split('?')[0] ?? '';
  let link: URL;
  try {
    link = new URL(decodeURIComponent(pathname));
  } catch {
    return undefined;
  }
  return link.protocol === 'https:' || link.protocol === 'http:' ? link.toString() : undefined;
}
