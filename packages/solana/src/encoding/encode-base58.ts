const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/**
 * Encodes bytes as Bitcoin-alphabet base58, the text form of Solana keys and signatures.
 *
 * @param bytes - The bytes to encode (e.g. a 64-byte Ed25519 signature).
 * @returns The base58 string; each leading zero byte becomes a leading `1`.
 */
export function encodeBase58(bytes: Uint8Array): string {
  let leadingZeros = 0;
  while (leadingZeros < bytes.length && bytes[leadingZeros] === 0) leadingZeros++;

  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);

  let digits = '';
  while (value > 0n) {
    digits = ALPHABET.charAt(Number(value % 58n)) + digits;
    value /= 58n;
  }
  return '1'.repeat(leadingZeros) + digits;
}
