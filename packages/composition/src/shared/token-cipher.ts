import { readConfig } from '@solpay/lambda';
import { createTokenCipher, type TokenCipher } from '@solpay/shopify';
import { processSingleton } from './process-singleton';

/**
 * The one token cipher of the process (`TOKEN_ENCRYPTION_KEY`): the install stores tokens with
 * it and the outbox's token reader opens them with it.
 */
export const tokenCipher = /* @__PURE__ */ processSingleton((): TokenCipher => {
  const { shopify } = readConfig(['shopify']);
  return createTokenCipher(Buffer.from(shopify.tokenEncryptionKey).toString('base64'));
});
