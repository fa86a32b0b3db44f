import type { MerchantProfile } from './merchant-store-port';

/** A stored merchant as every store reads it: the profile's fields plus its install state. */
export interface StoredMerchantFields extends Omit<MerchantProfile, 'installed'> {
  /** `INSTALLED`, `UNINSTALLED`, …; only `INSTALLED` serves payments. */
  installState: string;
}

/** The {@link MerchantProfile} of a stored merchant: installed only in state `INSTALLED`. */
export function merchantProfileOf(row: StoredMerchantFields): MerchantProfile {
  return {
    id: row.id,
    shopDomain: row.shopDomain,
    displayName: row.displayName,
    payoutWallet: row.payoutWallet,
    settlementMint: row.settlementMint,
    settlementToken: row.settlementToken,
    installed: row.installState === 'INSTALLED',
    configured: row.configured,
    termsAcceptedAt: row.termsAcceptedAt,
  };
}
