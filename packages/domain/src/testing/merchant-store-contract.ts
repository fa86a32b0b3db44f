import { describe, expect, it } from '@jest/globals';
import { useContractFixture } from './use-contract-fixture';
import type { AppUninstalledStorePort } from '../merchants/handle-app-uninstalled';
import type { InstallRecord, MerchantStorePort } from '../merchants/merchant-store-port';

/** The adapters one contract run needs, over one database. */
export interface MerchantStoreContractFixture {
  merchants: MerchantStorePort;
  uninstalls: AppUninstalledStorePort;
  close?: () => Promise<void>;
}

const HOUR = 60 * 60_000;
// From the wall clock: a database stamps outbox rows with its own `now()`, and whether a
// configure belongs to the latest installation compares that stamp with `installedAt`.
const T0 = new Date(Math.floor(Date.now() / 1000) * 1000);
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);

/**
 * What {@link MerchantStorePort} promises the install and onboarding use cases, run against every
 * implementation: a nonce is consumed once, for its shop, before it expires; a sign-in of an
 * installed shop is not a new installation, a re-install after an uninstall is — which decides
 * whether `configure` queues `paymentsAppConfigure` again; portal sessions end when revoked or
 * expired.
 */
export function describeMerchantStoreContract(
  name: string,
  makeFixture: () => Promise<MerchantStoreContractFixture>,
  { timeoutMs = 5_000 }: { timeoutMs?: number } = {},
): void {
  describe(`MerchantStorePort contract: ${name}`, () => {
    let fixture: MerchantStoreContractFixture;
    let shops = 0;
    useContractFixture(makeFixture, timeoutMs, (made) => {
      fixture = made;
    });

    const newShop = () => {
      shops += 1;
      return `merchant-contract-${shops}.myshopify.com`;
    };
    const install = (shopDomain: string, installedAt: Date, token = 'sealed'): InstallRecord => ({
      shopDomain,
      accessTokenEnc: token,
      accessTokenExpiresAt: null,
      refreshTokenEnc: null,
      refreshTokenExpiresAt: null,
      scopes: 'write_payment_sessions',
      installedAt,
    });

    it(
      'consumes an OAuth state once, only for its shop and before it expires',
      async () => {
        const shop = newShop();
        const nonce = `nonce-${shop}`;
        await fixture.merchants.saveOAuthState({ nonce, shopDomain: shop, expiresAt: at(1) });
        const consume = (shopDomain: string, now: Date) =>
          fixture.merchants.consumeOAuthState({ nonce, shopDomain, now });
        expect(await consume('other.myshopify.com', T0)).toBe(false);
        expect(await consume(shop, at(1))).toBe(false);
        expect(await consume(shop, T0)).toBe(true);
        expect(await consume(shop, T0)).toBe(false);
      },
      timeoutMs,
    );

    it(
      'creates a merchant on first install, keeps its id and settings on a sign-in',
      async () => {
        const shop = newShop();
        const { merchantId } = await fixture.merchants.saveInstall(install(shop, T0));
        expect(await fixture.merchants.findMerchant(merchantId)).toEqual({
          id: merchantId,
          shopDomain: shop,
          displayName: null,
          payoutWallet: null,
          settlementMint: null,
          settlementToken: 'USDC',
          installed: true,
          configured: false,
          termsAcceptedAt: null,
        });
        await fixture.merchants.setPayoutWallet({
          merchantId,
          payoutWallet: 'Payout',
          settlementMint: 'Mint',
        });
        await fixture.merchants.setSettlementToken({
          merchantId,
          settlementToken: 'EURC',
          settlementMint: 'EurcMint',
        });
        expect(await fixture.merchants.saveInstall(install(shop, at(1), 'sealed-2'))).toEqual({
          merchantId,
        });
        expect(await fixture.merchants.findMerchant(merchantId)).toMatchObject({
          payoutWallet: 'Payout',
          settlementToken: 'EURC',
          settlementMint: 'EurcMint',
          installed: true,
        });
        expect(await fixture.merchants.findMerchant('not-a-uuid')).toBeNull();
      },
      timeoutMs,
    );

    it(
      'queues paymentsAppConfigure once per installation: not again on a sign-in, again after a re-install',
      async () => {
        const shop = newShop();
        const { merchantId } = await fixture.merchants.saveInstall(install(shop, T0));
        const configure = (now: Date) =>
          fixture.merchants.configure({ merchantId, externalHandle: shop, now });
        expect((await configure(T0)).mutationIds).toHaveLength(1);
        expect(await fixture.merchants.latestConfigureStatus(merchantId)).toEqual({
          status: 'PENDING',
          error: null,
        });
        expect(await fixture.merchants.findMerchant(merchantId)).toMatchObject({
          configured: true,
          termsAcceptedAt: T0,
        });
        expect((await configure(at(1))).mutationIds).toEqual([]);

        await fixture.merchants.saveInstall(install(shop, at(2)));
        expect((await configure(at(2))).mutationIds).toEqual([]);

        await fixture.uninstalls.recordUninstall({
          webhookId: `w-${shop}`,
          shopDomain: shop,
          at: at(3),
        });
        expect(await fixture.merchants.findMerchant(merchantId)).toMatchObject({
          installed: false,
          configured: false,
        });
        await fixture.merchants.saveInstall(install(shop, at(4)));
        expect((await configure(at(4))).mutationIds).toHaveLength(1);
        // Terms accepted once stay accepted at their first date.
        expect((await fixture.merchants.findMerchant(merchantId))?.termsAcceptedAt).toEqual(T0);
      },
      timeoutMs,
    );

    it(
      'ends a portal session when it is revoked, when it expires, and when the shop uninstalls',
      async () => {
        const shop = newShop();
        const { merchantId } = await fixture.merchants.saveInstall(install(shop, T0));
        const open = () =>
          fixture.merchants.createPortalSession({
            merchantId,
            csrfToken: 'csrf',
            expiresAt: at(12),
          });
        const first = await open();
        expect(first).toEqual({
          id: expect.any(String),
          merchantId,
          csrfToken: 'csrf',
          expiresAt: at(12),
        });
        expect(await fixture.merchants.findActivePortalSession(first.id, T0)).toEqual(first);
        expect(await fixture.merchants.findActivePortalSession(first.id, at(12))).toBeNull();
        await fixture.merchants.revokePortalSession(first.id, T0);
        expect(await fixture.merchants.findActivePortalSession(first.id, T0)).toBeNull();

        const second = await open();
        await fixture.uninstalls.recordUninstall({
          webhookId: `w-${shop}`,
          shopDomain: shop,
          at: at(1),
        });
        expect(await fixture.merchants.findActivePortalSession(second.id, at(1))).toBeNull();
      },
      timeoutMs,
    );
  });
}
