import { describe, expect, it } from '@jest/globals';
import { AuthenticationFailedError, MalformedRequestError, PermissionDeniedError } from '../errors';
import { createInMemoryWorld } from '../testing';
import { beginInstall } from './begin-install';
import { completeInstall } from './complete-install';
import { configurePaymentsApp } from './configure-payments-app';
import { handleAppUninstalled } from './handle-app-uninstalled';

const SHOP = 'demo-shop.myshopify.com';
const HOUR = 60 * 60_000;

function setup() {
  const world = createInMemoryWorld();
  /** The merchant opens the app from the admin and approves the grant; Shopify calls back. */
  const install = async (options: { boundState?: string | null; replayOf?: string } = {}) => {
    const start = await beginInstall(
      world.merchant,
      world.oauth.signedQuery({ shop: SHOP }, world.clock.now()),
    );
    const state = options.replayOf ?? start.state;
    const query = world.oauth.signedQuery(
      { shop: SHOP, code: world.oauth.issueCode(SHOP), state },
      world.clock.now(),
    );
    return completeInstall(world.merchant, {
      query,
      boundState: options.boundState === undefined ? state : options.boundState,
    });
  };
  const merchant = () => world.db.merchantByShop(SHOP);
  const configures = () => world.dispatch.deliveredFor({ kind: 'PAYMENTS_APP_CONFIGURE' });
  const uninstall = (webhookId: string) =>
    handleAppUninstalled(
      { store: world.uninstalls, clock: world.clock, logger: world.logger },
      { webhookId, shopDomain: SHOP },
    );
  /** Onboarding: payout wallet set, terms accepted → `paymentsAppConfigure` goes out. */
  const onboard = async (merchantId: string) => {
    await world.merchants.setPayoutWallet({
      merchantId,
      payoutWallet: 'MerchantPayout11111111111111111111111111111',
      settlementMint: world.tokens[0]!.mint,
    });
    await configurePaymentsApp(world.merchant, merchantId, { acceptTerms: true });
  };
  return { world, install, merchant, configures, uninstall, onboard };
}

describe('completeInstall', () => {
  it('first install: creates the merchant with its tokens sealed for the shop, opens a portal session, and tells Shopify nothing until onboarding', async () => {
    const { world, install, merchant, configures } = setup();
    const installedAt = world.clock.now();

    const done = await install();

    expect(done).toMatchObject({ shop: SHOP, configured: false });
    const row = merchant();
    expect(row).toMatchObject({ id: done.merchantId, installState: 'INSTALLED', installedAt });
    expect(row?.accessTokenEnc).not.toContain('shpat_');
    expect(world.cipher.decrypt(row?.accessTokenEnc as string, SHOP)).toMatch(/^shpat_/);
    expect(
      await world.merchants.findActivePortalSession(done.session.id, world.clock.now()),
    ).toEqual(done.session);
    expect(done.session.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(configures()).toEqual([]);
  });

  it('draws the state nonce and the CSRF token from the injected random source', async () => {
    const first = setup();
    const second = setup();
    const a = await first.install();
    const b = await second.install();
    expect(a.session.csrfToken).toBe(b.session.csrfToken);
    expect([...first.world.db.oauthStates.keys()]).toEqual([...second.world.db.oauthStates.keys()]);
  });

  it('re-install after an uninstall: installedAt moves, new tokens, and activating again tells Shopify ready once more', async () => {
    const { world, install, merchant, configures, uninstall, onboard } = setup();
    const first = await install();
    await onboard(first.merchantId);
    expect(configures()).toHaveLength(1);
    await uninstall('w1');
    const before = merchant()?.accessTokenEnc;
    expect(before).toBeNull();

    world.clock.advance(24 * HOUR);
    const again = await install();

    expect(again.merchantId).toBe(first.merchantId);
    expect(merchant()).toMatchObject({
      installState: 'INSTALLED',
      installedAt: world.clock.now(),
      payoutWallet: 'MerchantPayout11111111111111111111111111111',
      configured: false,
    });
    expect(merchant()?.accessTokenEnc).toEqual(expect.any(String));
    // The new installation is new to Shopify: the earlier configure does not count.
    await configurePaymentsApp(world.merchant, again.merchantId, { acceptTerms: true });
    await configurePaymentsApp(world.merchant, again.merchantId, { acceptTerms: true });
    expect(configures()).toHaveLength(2);
  });

  it('re-install of a shop still marked configured: the install itself tells Shopify ready again, once', async () => {
    const { world, install, merchant, configures, onboard } = setup();
    const first = await install();
    await onboard(first.merchantId);
    // Uninstalled without the un-configuring (a row from before the uninstall webhook did it).
    Object.assign(merchant()!, { installState: 'UNINSTALLED', uninstalledAt: world.clock.now() });

    world.clock.advance(HOUR);
    const again = await install();

    expect(again.configured).toBe(true);
    expect(merchant()?.installedAt).toEqual(world.clock.now());
    expect(configures()).toHaveLength(2);
    expect(configures()[1]?.variables).toEqual({ externalHandle: 'demo-shop', ready: true });
  });

  it('sign-in of an installed shop is not an install: installedAt stays and Shopify is not told ready again', async () => {
    const { world, install, merchant, configures, onboard } = setup();
    const first = await install();
    await onboard(first.merchantId);
    const installedAt = merchant()?.installedAt;

    world.clock.advance(HOUR);
    const signIn = await install();

    expect(signIn).toMatchObject({ merchantId: first.merchantId, configured: true });
    expect(merchant()?.installedAt).toEqual(installedAt);
    expect(signIn.session.id).not.toBe(first.session.id);
    expect(configures()).toHaveLength(1);
    expect(world.db.mutations.size).toBe(1);
  });

  it('refuses a callback in another browser, a replayed state, a forged query or a refused code, without storing a merchant', async () => {
    const { world, install, merchant } = setup();

    await expect(install({ boundState: null })).rejects.toThrow(PermissionDeniedError);
    await expect(install({ boundState: 'another-browser' })).rejects.toThrow(PermissionDeniedError);
    expect(world.oauth.exchanges).toEqual([]);

    const forged = world.oauth.signedQuery(
      { shop: SHOP, code: 'c', state: 's' },
      world.clock.now(),
    );
    await expect(
      completeInstall(world.merchant, { query: { ...forged, code: 'other' }, boundState: 's' }),
    ).rejects.toThrow(AuthenticationFailedError);

    const stale = world.oauth.signedQuery({ shop: SHOP, code: 'c', state: 's' }, world.clock.now());
    world.clock.advance(91_000);
    await expect(
      completeInstall(world.merchant, { query: stale, boundState: 's' }),
    ).rejects.toThrow(AuthenticationFailedError);

    const unknownCode = world.oauth.signedQuery(
      {
        shop: SHOP,
        code: 'never-issued',
        state: (
          await beginInstall(
            world.merchant,
            world.oauth.signedQuery({ shop: SHOP }, world.clock.now()),
          )
        ).state,
      },
      world.clock.now(),
    );
    await expect(
      completeInstall(world.merchant, { query: unknownCode, boundState: unknownCode.state! }),
    ).rejects.toThrow(MalformedRequestError);
    expect(merchant()).toBeUndefined();

    // A callback that worked cannot be replayed.
    const done = await install();
    const used = [...world.db.oauthStates.values()].find((row) => row.consumedAt !== null);
    await expect(install({ replayOf: used?.nonce as string })).rejects.toThrow(
      PermissionDeniedError,
    );
    expect(done.shop).toBe(SHOP);
  });
});
