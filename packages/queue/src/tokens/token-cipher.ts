/**
 * Encrypts tokens at rest (satisfied by `@solpay/shopify`'s `createTokenCipher`). `context` is
 * bound as additional authenticated data; this package passes the merchant's shop domain.
 */
export interface TokenCipher {
  encrypt(plaintext: string, context?: string): string | Promise<string>;
  decrypt(ciphertext: string, context?: string): string | Promise<string>;
}
