import type { TokenCipherPort } from '../merchants/token-cipher-port';

const PREFIX = 'in-memory-cipher:v1';

/**
 * {@link TokenCipherPort} that seals reversibly (not secretly) and binds the context, so tests
 * can check that a stored token is sealed, for which shop, and read it back.
 */
export class InMemoryTokenCipher implements TokenCipherPort {
  encrypt(plaintext: string, context: string): string {
    const encode = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
    return `${PREFIX}:${encode(context)}:${encode(plaintext)}`;
  }

  /** Opens a sealed value; throws when it was sealed for another context. */
  decrypt(sealed: string, context: string): string {
    const [prefix, version, boundContext, body] = sealed.split(':');
    const decode = (text: string | undefined) =>
      Buffer.from(text ?? '', 'base64url').toString('utf8');
    if (`${prefix}:${version}` !== PREFIX || decode(boundContext) !== context) {
      throw new Error('Cannot decrypt: wrong context or not sealed by this cipher');
    }
    return decode(body);
  }
}
