import { getBase58Decoder, getBase58Encoder } from '@solana/kit';

const toText = getBase58Decoder();
const toBytes = getBase58Encoder();

/** Encodes bytes as base58 text. */
export function encodeBase58(bytes: Uint8Array): string {
  return toText.decode(bytes);
}

/** Decodes base58 text to bytes (throws on invalid characters). */
export function decodeBase58(text: string): Uint8Array {
  return new Uint8Array(toBytes.encode(text));
}
