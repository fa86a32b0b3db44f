import { randomBytes } from 'node:crypto';

/** A random positive 128-bit certificate serial number, hex encoded (high bit cleared so DER keeps it positive). */
export function randomSerialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  bytes[0] |= 0x01;
  return bytes.toString('hex');
}
