import { decodeBase58 } from '@solpay/domain';

const SECRET_KEY_LENGTH = 64;

/**
 * Parses a Solana secret key given either as base58 text or as a JSON array of 64 numbers
 * (the format of `solana-keygen` files). Returns `undefined` when it is neither.
 */
export function parseSecretKey(text: string): Uint8Array | undefined {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      return undefined;
    }
    if (
      !Array.isArray(parsed) ||
      parsed.length !== SECRET_KEY_LENGTH ||
      !parsed.every((n) => Number.isInteger(n) && n >= 0 && n <= 255)
    ) {
      return undefined;
    }
    return Uint8Array.from(parsed as number[]);
  }
  const bytes = decodeBase58(trimmed);
  return bytes?.length === SECRET_KEY_LENGTH ? bytes : undefined;
}
