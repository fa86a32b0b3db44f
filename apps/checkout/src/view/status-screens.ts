import { formatFiat, formatToken, h } from '@solpay/web';
import type { CheckoutPayment } from '../api/checkout-payment';
import { messageScreen } from './message-screen';

/**
 * A way back for a link we cannot place in a shop: the page that sent the buyer here when it is a
 * web page, else the browser's history.
 */
function backToStore(): HTMLElement {
  const referrer = /^https?:\/\//.test(document.referrer) ? document.referrer : undefined;
  return referrer
    ? h('a', { class: 'button primary', href: referrer, id: 'back-to-store' }, 'Back to the store')
    : h(
        'button',
        {
          type: 'button',
          class: 'button primary',
          id: 'back-to-store',
          onclick: () => history.back(),
        },
        'Back to the store',
      );
}

/**
 * The non-form screens. Grouped in one module because they are one concept: the page's
 * terminal and transitional states, each a {@link messageScreen}.
 */
export const statusScreens = {
  /** Before the first status answer. */
  loading(): HTMLElement {
    return h(
      'section',
      { class: 'card message neutral', role: 'status', 'aria-live': 'polite' },
      h('span', { class: 'spinner large', 'aria-hidden': 'true' }),
      h('p', { class: 'loading-text' }, 'Loading your payment…'),
    );
  },

  /** PAID: confirmation, then the redirect to Shopify as soon as its URL is known. */
  paid(payment: CheckoutPayment, redirectUrl: string | undefined): HTMLElement {
    const fiat = formatFiat(payment.amount, payment.currency);
    return messageScreen({
      icon: 'check',
      tone: 'success',
      title: 'Payment received',
      live: true,
      body: [
        h(
          'p',
          {},
          `${fiat} (${formatToken(payment.tokenAmount, payment.token?.symbol ?? 'USDC')}) paid to ${payment.merchantName}.`,
        ),
        h(
          'p',
          { class: 'muted' },
          redirectUrl
            ? `Taking you back to ${payment.merchantName}…`
            : `Confirming your order with ${payment.merchantName}…`,
        ),
      ],
      actions: redirectUrl
        ? [
            h(
              'a',
              { class: 'button primary', href: redirectUrl },
              `Continue to ${payment.merchantName}`,
            ),
          ]
        : [h('span', { class: 'spinner', 'aria-hidden': 'true' })],
    });
  },

  /** REJECTING / REJECTED: expired or cancelled by the store. */
  closed(payment: CheckoutPayment, reason: 'expired' | 'rejected'): HTMLElement {
    const final = payment.status === 'REJECTED';
    const back = payment.redirectUrl ?? payment.cancelUrl;
    return messageScreen({
      icon: reason === 'expired' ? 'clock' : 'alert',
      tone: 'warning',
      title: reason === 'expired' ? 'This payment has expired' : 'This payment was cancelled',
      live: true,
      body: [
        h(
          'p',
          {},
          reason === 'expired'
            ? 'The time to pay ran out before a payment arrived.'
            : 'This payment can no longer be completed.',
        ),
        h('p', { class: 'muted' }, final ? 'You have not been charged.' : 'Closing the payment…'),
      ],
      actions: [
        h('a', { class: 'button primary', href: back }, `Return to ${payment.merchantName}`),
      ],
    });
  },

  /** 410 from the status endpoint: closed for good (e.g. the shop stopped using the app). */
  gone(message: string): HTMLElement {
    return messageScreen({
      icon: 'alert',
      tone: 'warning',
      title: 'This payment is closed',
      live: true,
      body: [
        h('p', {}, message),
        h('p', { class: 'muted' }, 'Go back to the store to pay another way.'),
      ],
    });
  },

  /** 404 from the status endpoint (or a path that is not `/pay/<id>`). */
  notFound(): HTMLElement {
    return messageScreen({
      icon: 'search',
      tone: 'neutral',
      title: 'Payment not found',
      body: [
        h(
          'p',
          {},
          'This payment link is not valid or no longer exists. Go back to the store and start the checkout again.',
        ),
      ],
      actions: [backToStore()],
    });
  },

  /** The status endpoint cannot be used; polling keeps retrying. */
  error(message: string, onRetry: () => void): HTMLElement {
    return messageScreen({
      icon: 'alert',
      tone: 'critical',
      title: 'We can’t load this payment right now',
      live: true,
      body: [h('p', {}, message), h('p', { class: 'muted' }, 'We’ll keep trying automatically.')],
      actions: [
        h('button', { type: 'button', class: 'button secondary', onclick: onRetry }, 'Try again'),
      ],
    });
  },
};
