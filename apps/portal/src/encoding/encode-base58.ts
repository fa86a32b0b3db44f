import { BASE58_ALPHABET } from './base58-alphabet';

/**
 * Encodes bytes as base58, the text form of Solana signatures and keys. Kept here so the
 * portal bundle needs no Solana SDK.
 */
export function encodeBase58(bytes: Uint8Array): string {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  let out = '';
  while (value > 0n) {
    out = BASE58_ALPHABET[Number(value % 58n)] + out;
    value /= 58n;
  }
  return '1'.repeat(zeros) + out;
}
