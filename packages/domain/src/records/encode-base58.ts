import bs58 from 'bs58';

/** Base58 (Bitcoin alphabet), as Solana uses for keys and signatures. */
export function encodeBase58(bytes: Uint8Array): string {
  return bs58.encode(bytes);
}

/** Decodes base58 text; `undefined` when it is empty or not base58. */
export function decodeBase58(text: string): Uint8Array | undefined {
  if (text.length === 0) return undefined;
  try {
    return bs58.decode(text);
  } catch {
    return undefined;
  }
}
