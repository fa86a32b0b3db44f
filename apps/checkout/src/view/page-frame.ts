import { type Child, h } from '@solpay/web';
import { icon } from './icon';

/**
 * The frame around every screen: a "secure checkout" bar naming the merchant (when known), the
 * main landmark holding `content`, and a footer.
 */
export function pageFrame(merchantName: string | undefined, ...content: Child[]): HTMLElement {
  return h(
    'div',
    { class: 'frame' },
    h(
      'header',
      { class: 'topbar' },
      h('span', { class: 'merchant-name' }, merchantName ?? 'Checkout'),
      h('span', { class: 'secure' }, icon('lock', 'icon small'), 'Secure checkout'),
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
