/** A merchant's Shopify tokens as stored (encrypted with the shop domain as context). */
export interface StoredMerchantTokens {
  shopDomain: string;
  installState: 'INSTALLED' | 'UNINSTALLED' | 'REDACTED';
  accessTokenEnc: string | null;
  accessTokenExpiresAt: Date | null;
  refreshTokenEnc: string | null;
}

/** A refreshed token pair to store, encrypted. */
export interface RotatedMerchantTokens {
  accessTokenEnc: string;
  accessTokenExpiresAt: Date | null;
  refreshTokenEnc: string;
  /** Absent: the stored refresh-token expiry is kept. */
  refreshTokenExpiresAt?: Date;
}

/** Where the outbox reads merchants' Shopify tokens and stores refreshed ones. */
export interface MerchantTokenStore {
  /** The merchant's tokens, or null when there is no such merchant. */
  read(merchantId: string): Promise<StoredMerchantTokens | null>;
  /**
   * Stores a refreshed pair only while the stored refresh token is still `usedRefreshTokenEnc`
   * (compare-and-set): of two concurrent refreshers only one write lands. Returns whether it did.
   */
  storeRotated(
    merchantId: string,
    usedRefreshTokenEnc: string,
    next: RotatedMerchantTokens,
  ): Promise<boolean>;
}
