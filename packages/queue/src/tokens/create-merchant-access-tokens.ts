import type { Clock, TokenCipherPort } from '@solpay/domain';
import type { MerchantTokenStore, StoredMerchantTokens } from '../ports/merchant-token-store';
import type { RefreshAccessToken } from './refresh-access-token';

/** Access tokens are refreshed when they expire within this window. */
export const REFRESH_MARGIN_MS = 5 * 60 * 1000;

const RACE_POLLS = 20;
const RACE_POLL_MS = 100;

/** Outcome of {@link MerchantAccessTokens.getAccessToken}. */
export type AccessTokenResult =
  | { ok: true; shop: string; accessToken: string; refreshed: boolean }
  | {
      ok: false;
      /** `shop-uninstalled`: the app is not installed on the shop; nothing may be sent for it. */
      reason:
        | 'merchant-not-found'
        | 'shop-uninstalled'
        | 'no-access-token'
        | 'no-refresh-token'
        | 'refresh-failed';
      detail?: string;
    };

/** Hands out usable Shopify access tokens for merchants, refreshing expiring ones. */
export interface MerchantAccessTokens {
  /** A token valid for at least a few minutes; `forceRefresh` after Shopify answered 401. */
  getAccessToken(
    merchantId: string,
    options?: { forceRefresh?: boolean },
  ): Promise<AccessTokenResult>;
}

/** Dependencies of {@link createMerchantAccessTokens}. */
export interface MerchantAccessTokensDeps {
  store: MerchantTokenStore;
  cipher: TokenCipherPort;
  refresh: RefreshAccessToken;
  clock: Clock;
}

/**
 * Creates the merchant token source. Tokens are encrypted with the shop domain as context
 * (additional authenticated data), so whoever stores them at install must do the same. Refresh
 * tokens rotate on every use, so the new pair is stored compare-and-set on the refresh token we
 * used ({@link MerchantTokenStore.storeRotated}): of two concurrent refreshers only one write
 * lands, and the other re-reads and uses the winner's token.
 */
export function createMerchantAccessTokens(deps: MerchantAccessTokensDeps): MerchantAccessTokens {
  const { store, cipher, refresh, clock } = deps;

  const read = (merchantId: string) => store.read(merchantId);

  const expiringSoon = (row: StoredMerchantTokens) =>
    row.accessTokenExpiresAt !== null &&
    row.accessTokenExpiresAt.getTime() - clock.now().getTime() <= REFRESH_MARGIN_MS;

  const useStored = async (
    row: StoredMerchantTokens,
    refreshed: boolean,
  ): Promise<AccessTokenResult> => {
    if (row.accessTokenEnc === null) return { ok: false, reason: 'no-access-token' };
    return {
      ok: true,
      shop: row.shopDomain,
      accessToken: await cipher.decrypt(row.accessTokenEnc, row.shopDomain),
      refreshed,
    };
  };

  const refreshRow = async (
    merchantId: string,
    row: StoredMerchantTokens,
  ): Promise<AccessTokenResult> => {
    const oldRefreshEnc = row.refreshTokenEnc;
    if (oldRefreshEnc === null) return { ok: false, reason: 'no-refresh-token' };
    const refreshed = await refresh({
      shop: row.shopDomain,
      refreshToken: await cipher.decrypt(oldRefreshEnc, row.shopDomain),
    });
    if (!refreshed.ok) {
      // A concurrent refresher may have consumed the same refresh token first; its write of the
      // rotated pair can land a moment after Shopify refused ours, so look for it briefly.
      const polls = refreshed.reason === 'invalid-grant' ? RACE_POLLS : 1;
      for (let poll = 0; poll < polls; poll++) {
        if (poll > 0) await new Promise((resolve) => setTimeout(resolve, RACE_POLL_MS));
        const current = await read(merchantId);
        if (current && current.refreshTokenEnc !== oldRefreshEnc) return useStored(current, true);
      }
      const detail = [refreshed.reason, refreshed.status, refreshed.detail]
        .filter((part) => part !== undefined && part !== '')
        .join(' ');
      return { ok: false, reason: 'refresh-failed', detail };
    }
    const grant = refreshed.grant;
    const accessTokenEnc = await cipher.encrypt(grant.accessToken, row.shopDomain);
    const refreshTokenEnc =
      grant.refreshToken === undefined
        ? oldRefreshEnc
        : await cipher.encrypt(grant.refreshToken, row.shopDomain);
    const written = await store.storeRotated(merchantId, oldRefreshEnc, {
      accessTokenEnc,
      accessTokenExpiresAt: grant.expiresAt ?? null,
      refreshTokenEnc,
      ...(grant.refreshTokenExpiresAt === undefined
        ? {}
        : { refreshTokenExpiresAt: grant.refreshTokenExpiresAt }),
    });
    if (written) {
      return { ok: true, shop: row.shopDomain, accessToken: grant.accessToken, refreshed: true };
    }
    // Lost the race: the winner's tokens are the ones Shopify honours now.
    const current = await read(merchantId);
    if (!current) return { ok: false, reason: 'merchant-not-found' };
    return useStored(current, true);
  };

  return {
    async getAccessToken(merchantId, options = {}) {
      const row = await read(merchantId);
      if (!row) return { ok: false, reason: 'merchant-not-found' };
      if (row.installState !== 'INSTALLED') return { ok: false, reason: 'shop-uninstalled' };
      if (options.forceRefresh || expiringSoon(row) || row.accessTokenEnc === null) {
        if (row.refreshTokenEnc !== null) return refreshRow(merchantId, row);
        // A non-rotating token cannot be refreshed: use it as long as it is there.
        if (row.accessTokenEnc === null) return { ok: false, reason: 'no-access-token' };
        if (options.forceRefresh) return { ok: false, reason: 'no-refresh-token' };
      }
      return useStored(row, false);
    },
  };
}
