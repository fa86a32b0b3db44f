import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { TokenCipherPort } from '@solpay/domain';

/**
 * The domain's {@link TokenCipherPort} as this AES-GCM cipher implements it: synchronous, and
 * `context` (e.g. the shop domain, bound as additional authenticated data) may be left out.
 */
export interface TokenCipher extends TokenCipherPort {
  /** Encrypts `plaintext`; the output is `v1.<iv>.<tag>.<ciphertext>` (base64url parts). */
  encrypt(plaintext: string, context?: string): string;
  /** Decrypts a value from {@link TokenCipher.encrypt}; throws if it was altered or malformed. */
  decrypt(ciphertext: string, context?: string): string;
}

const VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * AES-256-GCM token cipher with a random 12-byte IV per message and a versioned format
 * `v1.<iv>.<tag>.<ciphertext>` (each part base64url), so the scheme can change later
 * (e.g. `v2` = a KMS-wrapped data key: a KMS-backed variant can implement {@link TokenCipher}
 * by decrypting its data key once and delegating to this function).
 *
 * `keyBase64` must decode (base64 or base64url) to exactly 32 bytes; generate one with
 * `openssl rand -base64 32`. Throws on a bad key. `decrypt` throws on any tampering
 * (GCM tag mismatch), unknown version or malformed input.
 */
export function createTokenCipher(keyBase64: string): TokenCipher {
  const key = Buffer.from(keyBase64.trim(), 'base64');
  if (key.length !== KEY_BYTES) {
    throw new Error(`Token cipher key must be ${KEY_BYTES} bytes (base64), got ${key.length}`);
  }

  return {
    encrypt(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      if (context !== undefined) cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv, tag, body].map(encodePart).join('.');
    },

    decrypt(ciphertext, context) {
      const parts = ciphertext.split('.');
      if (parts.length !== 4 || parts[0] !== VERSION) {
        throw new Error('Unsupported or malformed token ciphertext');
      }
      const [iv, tag, body] = parts.slice(1).map(decodePart) as [Buffer, Buffer, Buffer];
      if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
        throw new Error('Malformed token ciphertext');
      }
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      decipher.setAuthTag(tag);
      if (context !== undefined) decipher.setAAD(Buffer.from(context, 'utf8'));
      try {
        return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      } catch (error) {
        throw new Error('Token ciphertext failed authentication', { cause: error });
      }
    },
  };
}

function encodePart(part: string | Buffer): string {
  return typeof part === 'string' ? part : part.toString('base64url');
}

function decodePart(part: string): Buffer {
  // Buffer.from ignores stray characters and unused trailing bits; insist on the canonical
  // encoding so that every altered character of the stored string is noticed.
  if (!BASE64URL.test(part)) throw new Error('Malformed token ciphertext');
  const bytes = Buffer.from(part, 'base64url');
  if (bytes.toString('base64url') !== part) throw new Error('Malformed token ciphertext');
  return bytes;
}
