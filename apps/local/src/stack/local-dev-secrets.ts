import { createHash } from 'node:crypto';

function derive(label: string): Buffer {
  return createHash('sha256').update(`solana-pay-shopify/local-dev/${label}`).digest();
}

/**
 * Fixed secrets for the local stack only (DESIGN §4.1). They are public by construction and
 * stable across restarts, so data encrypted or signed in `.local/` stays readable. Never used
 * outside `npm start` / in-process stacks; any value already in the environment wins.
 */
export const LOCAL_DEV_SECRETS = {
  SHOPIFY_API_KEY: derive('shopify-api-key').toString('hex').slice(0, 32),
  SHOPIFY_API_SECRET: `shpss_${derive('shopify-api-secret').toString('hex').slice(0, 32)}`,
  HELIUS_WEBHOOK_SECRET: derive('helius-webhook-secret').toString('base64url'),
  SINGLE_USE_SECRET: derive('single-use-secret').toString('hex'),
  TOKEN_ENCRYPTION_KEY: derive('token-encryption-key').toString('base64'),
  SESSION_SECRET: derive('session-secret').toString('hex'),
} as const;
