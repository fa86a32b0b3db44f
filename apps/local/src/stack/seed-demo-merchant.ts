import type { createPrismaClient } from '@solpay/db';
import { createTokenCipher } from '@solpay/shopify';

/** The shop the local stack installs and configures on every start. */
export const DEMO_SHOP = 'demo-shop.myshopify.com';

/** Scopes a payments app holds. */
const DEMO_SCOPES = 'write_payment_gateways,write_payment_sessions';

/** Offline tokens for the demo shop, as an OAuth install would store them. */
export interface DemoMerchantTokens {
  accessToken: string;
  /** Absent for a non-expiring token. */
  accessTokenExpiresAt?: Date;
  refreshToken?: string;
  refreshTokenExpiresAt?: Date;
}

/** What {@link seedDemoMerchant} needs. */
export interface DemoMerchantSeed {
  prisma: ReturnType<typeof createPrismaClient>;
  /** Base64 AES-256 key (`TOKEN_ENCRYPTION_KEY`) the app decrypts tokens with. */
  tokenEncryptionKey: string;
  /** Fresh offline tokens from the Shopify simulator; undefined keeps the stored ones. */
  tokens: DemoMerchantTokens | undefined;
  /** The merchant's payout wallet (base58). */
  payoutWallet: string;
  /** The settlement mint (base58). */
  settlementMint: string;
  /** Shopify API version the shop uses. */
  apiVersion: string;
}

/**
 * Upserts {@link DEMO_SHOP} as an installed, configured merchant: tokens stored encrypted
 * (AES-256-GCM `v1.<iv>.<tag>.<ct>`, bound to the shop domain), payout wallet and settlement mint set,
 * terms accepted. Idempotent; returns the merchant id.
 */
export async function seedDemoMerchant(seed: DemoMerchantSeed): Promise<string> {
  const cipher = createTokenCipher(seed.tokenEncryptionKey);
  const tokens = seed.tokens;
  const fields = {
    displayName: 'Demo Shop',
    scopes: DEMO_SCOPES,
    payoutWallet: seed.payoutWallet,
    settlementMint: seed.settlementMint,
    settlementToken: 'USDC',
    installState: 'INSTALLED' as const,
    configured: true,
    apiVersion: seed.apiVersion,
    uninstalledAt: null,
    ...(tokens === undefined
      ? {}
      : {
          // Encrypted with the shop domain as context, as the app's token reader expects.
          accessTokenEnc: cipher.encrypt(tokens.accessToken, DEMO_SHOP),
          accessTokenExpiresAt: tokens.accessTokenExpiresAt ?? null,
          refreshTokenEnc:
            tokens.refreshToken === undefined
              ? null
              : cipher.encrypt(tokens.refreshToken, DEMO_SHOP),
          refreshTokenExpiresAt: tokens.refreshTokenExpiresAt ?? null,
        }),
  };
  const merchant = await seed.prisma.merchant.upsert({
    where: { shopDomain: DEMO_SHOP },
    create: { shopDomain: DEMO_SHOP, termsAcceptedAt: new Date(), ...fields },
    update: fields,
    select: { id: true },
  });
  return merchant.id;
}
