import bs58 from 'bs58';

/** Base58 (Bitcoin alphabet), as Solana uses for keys and signatures. */
export function encodeBase58(bytes: Uint8Array): string {
  return bs58.encode(bytes);
}
