import type { createPrismaClient } from '@solpay/db';
import { configurePaymentsApp, type MerchantDeps } from '@solpay/domain';
import { createTokenCipher } from '@solpay/shopify';

/** The shop the local stack installs and configures on every start. */
export const DEMO_SHOP = 'demo-shop.myshopify.com';

/** A store the simulator knows but the app does not: install it from scratch in the admin. */
export const SECOND_SHOP = 'second-shop.myshopify.com';

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
  /**
   * True when Shopify does not know the app as set up for the shop (a fresh simulator): the seed
   * counts as a new install, so a configure sent to an earlier Shopify is sent again.
   */
  freshInstall: boolean;
  /** The app's merchant use-case dependencies: onboarding goes through the app's own path. */
  merchantDeps: Pick<MerchantDeps, 'merchants' | 'dispatch' | 'clock' | 'logger'>;
}

/**
 * Upserts {@link DEMO_SHOP} as an installed merchant: tokens stored encrypted (AES-256-GCM
 * `v1.<iv>.<tag>.<ct>`, bound to the shop domain), payout wallet and settlement mint set — then
 * finishes onboarding through the app's own `configurePaymentsApp` (terms accepted, the
 * `paymentsAppConfigure(ready: true)` outbox row committed and dispatched), so Shopify (the
 * simulator's admin) shows the shop configured exactly as after a merchant's "Activate".
 * Idempotent; returns the merchant id.
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
    apiVersion: seed.apiVersion,
    uninstalledAt: null,
    ...(seed.freshInstall ? { installedAt: new Date() } : {}),
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
  await configurePaymentsApp(seed.merchantDeps, merchant.id, { acceptTerms: true });
  return merchant.id;
}
