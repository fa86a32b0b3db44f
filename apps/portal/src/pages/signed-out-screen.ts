import { h } from '@solpay/web';
import { banner } from '../view/banner';
import { card, cardSection } from '../view/card';

/**
 * Shown without a portal session (401): the portal is opened from the Shopify admin, which
 * signs the merchant in through the app's install/login flow.
 */
export function signedOutScreen(options: { signedOutNow: boolean }): HTMLElement {
  return h(
    'main',
    { id: 'main', class: 'centered', tabindex: -1 },
    card(
      { 'aria-labelledby': 'page-title' },
      cardSection(
        h(
          'h1',
          {
            id: 'page-title',
            tabindex: -1,
            style: 'font-size:20px;line-height:28px;margin-bottom:8px',
          },
          'Sign in from your Shopify admin',
        ),
        options.signedOutNow ? banner('success', 'You are signed out') : null,
        h(
          'p',
          { style: 'margin-top:8px' },
          'The Solana Pay portal opens from your store’s Shopify admin, which signs you in.',
        ),
        h(
          'ol',
          {},
          h('li', {}, 'Open your Shopify admin.'),
          h('li', {}, 'Go to Apps and choose Solana Pay.'),
          h('li', {}, 'The portal opens, signed in to your store.'),
        ),
      ),
      cardSection(
        h(
          'p',
          { class: 'subdued' },
          'Not installed yet? In your Shopify admin, open the Solana Pay app listing and choose Install: Shopify asks you to approve the app, then brings you here to set up your payout wallet.',
        ),
      ),
    ),
  );
}
