import { h } from '@solpay/web';
import { icon, type IconName } from './icon';

/** The sections of the navigation. */
export type NavSection = 'payments' | 'refunds' | 'settings';

/** The portal chrome around pages (see {@link appFrame}). */
export interface AppFrame {
  /** Top bar + navigation + main, to put in the document. */
  element: HTMLElement;
  /** The `<main>` landmark pages render into. */
  main: HTMLElement;
  /** Marks the current section (`aria-current="page"`), or none. */
  setCurrent(section: NavSection | undefined): void;
  /** Shows how many refunds wait for the merchant next to "Refunds". */
  setOpenRefunds(count: number | undefined): void;
}

const NAV: Array<{ section: NavSection; label: string; href: string; icon: IconName }> = [
  { section: 'payments', label: 'Payments', href: '/payments', icon: 'payments' },
  { section: 'refunds', label: 'Refunds', href: '/refunds', icon: 'refunds' },
  { section: 'settings', label: 'Settings', href: '/settings', icon: 'settings' },
];

function initialsOf(name: string): string {
  const words = name
    .replace(/\.myshopify\.com$/, '')
    .split(/[\s._-]+/)
    .filter(Boolean);
  return (
    words
      .slice(0, 2)
      .map((w) => w[0]?.toUpperCase() ?? '')
      .join('') || 'S'
  ).slice(0, 2);
}

/**
 * The Shopify-admin-like chrome: a dark top bar (app, store, sign out), a left navigation
 * (a scrolling tab bar on phones), and the `main` landmark.
 */
export function appFrame(options: { shopName: string; onSignOut: () => void }): AppFrame {
  const count = h('span', { class: 'badge plain count', hidden: true });
  const links = NAV.map((item) =>
    h(
      'a',
      { href: item.href, 'data-section': item.section },
      icon(item.icon),
      item.label,
      item.section === 'refunds' ? count : null,
    ),
  );
  const main = h('main', { id: 'main', tabindex: -1 });
  const element = h(
    'div',
    {},
    h(
      'header',
      { class: 'topbar' },
      h(
        'a',
        { class: 'brand', href: '/' },
        h('img', { src: '/icon.svg', alt: '' }),
        h('span', {}, 'Solana Pay'),
      ),
      h('div', { class: 'spacer' }),
      h(
        'div',
        { class: 'shop' },
        h('span', { class: 'shop-avatar', 'aria-hidden': 'true' }, initialsOf(options.shopName)),
        h('span', { class: 'shop-name' }, options.shopName),
      ),
      h('button', { type: 'button', class: 'button', onclick: options.onSignOut }, 'Sign out'),
    ),
    h(
      'div',
      { class: 'frame' },
      h(
        'nav',
        { class: 'nav', 'aria-label': 'Solana Pay' },
        h(
          'ul',
          {},
          links.map((link) => h('li', {}, link)),
        ),
      ),
      main,
    ),
  );
  return {
    element,
    main,
    setCurrent(section) {
      for (const link of links) {
        if (link.dataset.section === section) link.setAttribute('aria-current', 'page');
        else link.removeAttribute('aria-current');
      }
    },
    setOpenRefunds(n) {
      count.hidden = !n;
      count.replaceChildren(
        n ? String(n) : '',
        h('span', { class: 'visually-hidden' }, n ? ' open' : ''),
      );
    },
  };
}
