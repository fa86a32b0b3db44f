import bs58 from 'bs58';

/** Encodes bytes as base58 (Bitcoin alphabet), the text form of Solana signatures and keys. */
export function encodeBase58(bytes: Uint8Array): string {
  return bs58.encode(bytes);
}
