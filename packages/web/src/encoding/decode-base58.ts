import bs58 from 'bs58';

/**
 * Decodes base58 text (Bitcoin alphabet) to bytes, or `undefined` when a character is outside
 * the alphabet. Leading `1`s are leading zero bytes; empty text is zero bytes.
 */
export function decodeBase58(text: string): Uint8Array | undefined {
  return bs58.decodeUnsafe(text);
}
