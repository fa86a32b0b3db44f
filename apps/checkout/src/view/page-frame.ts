import { type Child, h } from '@solpay/web';
import { icon } from './icon';

/** What the top bar names: the shop, and the test environment when it is not live money. */
export interface FrameTop {
  merchantName?: string | undefined;
  /** E.g. `Test · localnet`; absent on mainnet with a live session. */
  environment?: string | undefined;
}

/**
 * The label of the environment badge: shown whenever the session is a test or the cluster is
 * not mainnet, so nobody mistakes test money for real money (or the other way round).
 */
export function environmentLabel(
  cluster: string | undefined,
  test: boolean | undefined,
): string | undefined {
  const live = cluster === 'mainnet-beta' || cluster === 'mainnet';
  if (live && !test) return undefined;
  return live ? 'Test' : `Test · ${cluster ?? 'devnet'}`;
}

/**
 * The frame around every screen: a "secure checkout" bar naming the merchant (when known) and
 * the test environment, the main landmark holding `content`, and a footer.
 */
export function pageFrame(top: FrameTop, ...content: Child[]): HTMLElement {
  return h(
    'div',
    { class: 'frame' },
    h(
      'header',
      { class: 'topbar' },
      h('span', { class: 'merchant-name' }, top.merchantName ?? 'Checkout'),
      top.environment
        ? h('span', { class: 'env-badge', id: 'environment-badge' }, top.environment)
        : null,
      h(
        'span',
        { class: 'secure' },
        icon('lock', 'icon small'),
        h('span', { class: 'secure-text' }, 'Secure checkout'),
      ),
    ),
    h('main', { id: 'main', class: 'content' }, ...content),
    h(
      'footer',
      { class: 'footer' },
      'Stablecoin payments by ',
      h(
        'a',
        { href: 'https://solanapay.com', rel: 'noopener noreferrer', target: '_blank' },
        'Solana Pay',
      ),
    ),
  );
}
