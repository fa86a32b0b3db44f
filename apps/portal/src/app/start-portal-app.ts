import type { Wallets } from '@wallet-standard/app';
import { h, type WebConfig } from '@solpay/web';
import { createPortalApi } from '../api/portal-api';
import type { PortalSession } from '../api/portal-session';
import { notFoundPage } from '../pages/not-found-page';
import type { Page, PageContext } from '../pages/page';
import { paymentDetailPage } from '../pages/payment-detail-page';
import { paymentsPage } from '../pages/payments-page';
import { refundDetailPage } from '../pages/refund-detail-page';
import { refundsPage } from '../pages/refunds-page';
import { settingsPage } from '../pages/settings-page';
import { signedOutScreen } from '../pages/signed-out-screen';
import { hrefOf, parseRoute, type PortalRoute } from '../routing/portal-route';
import { appFrame, type AppFrame, type NavSection } from '../view/app-frame';
import { banner } from '../view/banner';
import { loading } from '../view/loading';

/** Dependencies of {@link startPortalApp} (the browser's, passed in by `main.ts`). */
export interface PortalAppDeps {
  /** Element the app renders into. */
  root: HTMLElement;
  config: WebConfig;
  /** Wallet Standard registry (`getWallets()`). */
  wallets: Wallets;
  fetchFn?: typeof fetch;
}

const TITLE_SUFFIX = ' · Solana Pay';

function sectionOf(route: PortalRoute): NavSection | undefined {
  switch (route.page) {
    case 'payments':
    case 'payment':
      return 'payments';
    case 'refunds':
    case 'refund':
      return 'refunds';
    case 'settings':
      return 'settings';
    default:
      return undefined;
  }
}

/**
 * Runs the portal: loads the session (401 → "Sign in from your Shopify admin"), draws the
 * frame, and routes client-side (`/payments`, `/refunds`, `/refunds/<id>`, `/settings`; `/`
 * goes to payments, or to settings while onboarding is unfinished). Same-origin link clicks
 * are handled without reloading; focus moves to each new page's heading.
 */
export async function startPortalApp(deps: PortalAppDeps): Promise<void> {
  const api = createPortalApi({
    purpleOrigin: deps.config.purpleOrigin,
    ...(deps.fetchFn ? { fetchFn: deps.fetchFn } : {}),
  });
  let session: PortalSession | undefined;
  let frame: AppFrame | undefined;
  let page: Page | undefined;
  let rendered = 0;

  function showSignedOut(signedOutNow: boolean): void {
    page?.dispose();
    page = undefined;
    frame = undefined;
    session = undefined;
    deps.root.replaceChildren(
      h(
        'header',
        { class: 'topbar' },
        h('span', { class: 'brand' }, h('img', { src: '/icon.svg', alt: '' }), 'Solana Pay'),
      ),
      signedOutScreen({ signedOutNow }),
    );
    document.title = `Sign in${TITLE_SUFFIX}`;
    deps.root.querySelector<HTMLElement>('#page-title')?.focus();
  }

  function showUnavailable(message: string): void {
    deps.root.replaceChildren(
      h(
        'main',
        { id: 'main', class: 'centered' },
        h(
          'div',
          { style: 'width:min(480px,100%)' },
          banner(
            'critical',
            'The portal cannot load',
            h('p', {}, message),
            h(
              'div',
              { class: 'button-row' },
              h(
                'button',
                { type: 'button', class: 'button', onclick: () => void boot() },
                'Try again',
              ),
            ),
          ),
        ),
      ),
    );
    document.title = `Unavailable${TITLE_SUFFIX}`;
  }

  async function signOut(): Promise<void> {
    await api.logout();
    history.replaceState(null, '', '/');
    showSignedOut(true);
  }

  function navigate(href: string, options: { replace?: boolean } = {}): void {
    if (options.replace) history.replaceState(null, '', href);
    else history.pushState(null, '', href);
    route();
  }

  async function reloadSession(): Promise<void> {
    const result = await api.session();
    if (result.ok) session = result.data;
    else if (result.reason === 'signed-out') showSignedOut(false);
  }

  function refreshOpenRefunds(): void {
    void api.refunds('open').then((result) => {
      if (result.ok) frame?.setOpenRefunds(result.data.length);
    });
  }

  const ctx: PageContext = {
    api,
    config: deps.config,
    session: () => {
      if (!session) throw new Error('No portal session');
      return session;
    },
    wallets: deps.wallets,
    navigate,
    reloadSession,
    signedOut: () => showSignedOut(false),
    refreshOpenRefunds,
  };

  function pageFor(target: PortalRoute): Page {
    switch (target.page) {
      case 'payments':
        return paymentsPage(ctx, target.status, target.cursor, {
          ...(target.from ? { from: target.from } : {}),
          ...(target.to ? { to: target.to } : {}),
          ...(target.q ? { q: target.q } : {}),
        });
      case 'payment':
        return paymentDetailPage(ctx, target.id);
      case 'refunds':
        return refundsPage(ctx, target.tab);
      case 'refund':
        return refundDetailPage(ctx, target.id);
      case 'settings':
        return settingsPage(ctx, () => void signOut());
      case 'home':
      case 'not-found':
        return notFoundPage();
    }
  }

  function route(): void {
    if (!session || !frame) return;
    let target = parseRoute(location.pathname, location.search);
    if (target.page === 'home') {
      target = session.merchant.configured
        ? { page: 'payments', status: '', cursor: undefined }
        : { page: 'settings' };
      history.replaceState(null, '', hrefOf(target));
    }
    page?.dispose();
    page = pageFor(target);
    frame.setCurrent(sectionOf(target));
    frame.main.replaceChildren(page.element);
    document.title = `${page.title}${TITLE_SUFFIX}`;
    window.scrollTo(0, 0);
    // Announce the new page to screen readers by moving focus to its heading (not on first load).
    if (rendered++ > 0) frame.main.querySelector<HTMLElement>('#page-title')?.focus();
  }

  async function boot(): Promise<void> {
    deps.root.replaceChildren(
      h('main', { id: 'main', class: 'centered' }, loading('Loading Solana Pay…')),
    );
    const result = await api.session();
    if (!result.ok) {
      if (result.reason === 'signed-out') showSignedOut(false);
      else showUnavailable(result.message);
      return;
    }
    session = result.data;
    const shopName = session.merchant.displayName ?? session.merchant.shop;
    frame = appFrame({ shopName, onSignOut: () => void signOut() });
    deps.root.replaceChildren(frame.element);
    route();
    refreshOpenRefunds();
  }

  // Client-side links: same origin, plain left click, no target.
  deps.root.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as Element | null)?.closest?.('a');
    if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href, location.href);
    if (url.origin !== location.origin || !session) return;
    event.preventDefault();
    if (url.pathname + url.search !== location.pathname + location.search) {
      navigate(url.pathname + url.search);
    }
  });
  window.addEventListener('popstate', () => route());

  await boot();
}
