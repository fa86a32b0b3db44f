const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const DIGITS = new Map([...ALPHABET].map((char, index) => [char, BigInt(index)]));

/**
 * Decodes a Bitcoin-alphabet base58 string (Solana addresses and secret keys) into bytes.
 * Returns `undefined` for empty input or any character outside the alphabet.
 */
export function decodeBase58(text: string): Uint8Array | undefined {
  if (text.length === 0) return undefined;
  let value = 0n;
  for (const char of text) {
    const digit = DIGITS.get(char);
    if (digit === undefined) return undefined;
    value = value * 58n + digit;
  }
  const bytes: number[] = [];
  while (value > 0n) {
    bytes.push(Number(value & 0xffn));
    value >>= 8n;
  }
  // Each leading '1' encodes one leading zero byte.
  for (const char of text) {
    if (char !== '1') break;
    bytes.push(0);
  }
  return Uint8Array.from(bytes.reverse());
}
