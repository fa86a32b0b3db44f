import bs58 from 'bs58';

/** Decodes base58 text (keys in configuration); `undefined` when it is empty or not base58. */
export function decodeBase58(text: string): Uint8Array | undefined {
  if (text.length === 0) return undefined;
  try {
    return bs58.decode(text);
  } catch {
    return undefined;
  }
}
