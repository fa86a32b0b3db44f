/**
 * Encrypts secrets at rest (AES-GCM in `@solpay/shopify`): merchants' Shopify access and refresh
 * tokens. `context` (the shop domain) is bound as associated data, so a ciphertext copied to
 * another merchant's row does not decrypt.
 */
export interface TokenCipherPort {
  encrypt(plaintext: string, context: string): string | Promise<string>;
  /** Decrypts a value from {@link TokenCipherPort.encrypt}; throws if it was altered or the context differs. */
  decrypt(ciphertext: string, context: string): string | Promise<string>;
}
