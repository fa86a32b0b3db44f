import type { MerchantTokenStore, StoredMerchantTokens } from '../ports/merchant-token-store';

/** {@link MerchantTokenStore} in memory, plus a way to put merchants in. */
export interface InMemoryMerchantTokenStore extends MerchantTokenStore {
  /** Adds or replaces a merchant's stored tokens. */
  put(merchantId: string, tokens: StoredMerchantTokens): void;
}

/** Merchants' stored tokens in memory, with the compare-and-set rotation of the Prisma store. */
export function createInMemoryMerchantTokenStore(): InMemoryMerchantTokenStore {
  const merchants = new Map<string, StoredMerchantTokens & { refreshTokenExpiresAt?: Date }>();
  return {
    put(merchantId, tokens) {
      merchants.set(merchantId, { ...tokens });
    },
    async read(merchantId) {
      const stored = merchants.get(merchantId);
      if (!stored) return null;
      const { refreshTokenExpiresAt: _kept, ...tokens } = stored;
      return tokens;
    },
    async storeRotated(merchantId, usedRefreshTokenEnc, next) {
      const stored = merchants.get(merchantId);
      if (!stored || stored.refreshTokenEnc !== usedRefreshTokenEnc) return false;
      Object.assign(stored, next);
      return true;
    },
  };
}
