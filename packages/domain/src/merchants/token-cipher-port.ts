/** Encrypts secrets at rest (AES-GCM in `@solpay/shopify`); `context` is bound as associated data. */
export interface TokenCipherPort {
  encrypt(plaintext: string, context: string): string | Promise<string>;
}
