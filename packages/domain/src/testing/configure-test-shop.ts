import type { MerchantStorePort } from '../merchants/merchant-store-port';

/** What {@link configureTestShop} sets up. */
export interface TestShop {
  shopDomain: string;
  payoutWallet: string;
  settlementMint: string;
  /** Install and configuration time. */
  at: Date;
}

/**
 * Installs `shop` through `merchants` (a sealed access token, no refresh token), sets its payout
 * wallet and mint, and configures it: a shop that can take payments. For store tests.
 */
export async function configureTestShop(
  merchants: MerchantStorePort,
  shop: TestShop,
): Promise<{ merchantId: string }> {
  const { merchantId } = await merchants.saveInstall({
    shopDomain: shop.shopDomain,
    accessTokenEnc: 'sealed',
    accessTokenExpiresAt: null,
    refreshTokenEnc: null,
    refreshTokenExpiresAt: null,
    scopes: 'write_payment_sessions',
    installedAt: shop.at,
  });
  await merchants.setPayoutWallet({
    merchantId,
    payoutWallet: shop.payoutWallet,
    settlementMint: shop.settlementMint,
  });
  await merchants.configure({ merchantId, externalHandle: shop.shopDomain, now: shop.at });
  return { merchantId };
}
