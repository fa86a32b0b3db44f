import { formatFiat, formatToken, h, type PaymentWallet, type WalletActivity } from '@solpay/web';
import type { CheckoutPayment } from '../api/checkout-payment';
import { formatRateLine } from '../format/format-rate-line';
import { formatTimeLeft } from '../format/format-time-left';
import { icon } from './icon';

/** What changes while the payment form is shown. */
export interface OpenScreenState {
  /** QR code image (`data:` URL) once rendered. */
  qrUrl: string | undefined;
  wallets: PaymentWallet[];
  activity: WalletActivity;
  now: number;
}

/** The payment form: created once per payment, then {@link OpenScreen.update}d in place. */
export interface OpenScreen {
  element: HTMLElement;
  update(state: OpenScreenState): void;
}

const STEP_TEXT = {
  connecting: (wallet: string) => `Connecting to ${wallet}…`,
  preparing: () => 'Preparing your transaction…',
  approving: (wallet: string) => `Approve the payment in ${wallet}.`,
  sending: () => 'Sending your payment…',
} as const;

const SHORTFALL = /holds ([\d.]+) ([A-Z]+); ([\d.]+) [A-Z]+ is needed/;

/**
 * What went wrong with a wallet payment, said once next to the wallet buttons, with what to do
 * next. A wallet without enough USDC is the common case: name both amounts.
 */
export function walletProblemText(message: string, cancelled: boolean, usdc: string): string {
  if (cancelled) return `${message} The payment request is still open: you can try again.`;
  const shortfall = SHORTFALL.exec(message);
  if (shortfall) {
    const [, held = '0', symbol = 'USDC'] = shortfall;
    const holds = formatToken(held, symbol);
    return `Not enough ${symbol} in this wallet: it holds ${holds} and this payment needs ${usdc}. Add ${symbol} to it, or pay from another wallet or by scanning the QR code.`;
  }
  return `${message} You can try again, or pay another way.`;
}

function statusOf(activity: WalletActivity): { text: string; tone: string } {
  switch (activity.state) {
    case 'idle':
      return { text: 'Waiting for payment', tone: 'waiting' };
    case 'busy':
      return { text: STEP_TEXT[activity.step](activity.walletName), tone: 'busy' };
    case 'sent':
      return { text: 'Payment sent. Waiting for confirmation on Solana…', tone: 'busy' };
    case 'failed':
      // The request is still payable: the problem is said once, next to the wallet buttons.
      return { text: 'Waiting for payment', tone: 'waiting' };
  }
}

/**
 * Builds the payment form: amount in the shop's currency and USDC, a live status line, the QR
 * code and "Open in wallet" link (first on phones), browser wallets, the expiry and cancel link.
 */
export function createOpenScreen(
  payment: CheckoutPayment,
  options: { mobile: boolean; onPay: (wallet: PaymentWallet) => void },
): OpenScreen {
  const fiat = formatFiat(payment.amount, payment.currency);
  const symbol = payment.token?.symbol ?? 'USDC';
  const usdc = formatToken(payment.tokenAmount, symbol);
  const statusText = h('span', { class: 'status-text' });
  const status = h(
    'p',
    { id: 'payment-status', class: 'status waiting', role: 'status', 'aria-live': 'polite' },
    h('span', { class: 'status-dot', 'aria-hidden': 'true' }),
    statusText,
  );
  const qrImage = h('img', {
    class: 'qr-image',
    width: 232,
    height: 232,
    alt: `QR code to pay ${usdc} to ${payment.merchantName}. Scan it with a Solana Pay wallet app.`,
  });
  const qrFrame = h('div', { class: 'qr-frame', 'aria-busy': 'true' }, qrImage);
  const deepLink = h(
    'a',
    {
      class: options.mobile ? 'button primary open-wallet' : 'link open-wallet',
      href: payment.solanaPayUrl,
    },
    options.mobile ? icon('wallet') : null,
    options.mobile ? 'Open in wallet app' : 'Open in a wallet app on this device',
  );
  const walletList = h('ul', { class: 'wallet-list', 'aria-labelledby': 'browser-wallet-title' });
  const noWallet = h(
    'p',
    { class: 'hint' },
    options.mobile
      ? 'No wallet found in this browser. Use “Open in wallet app” above.'
      : 'No browser wallet found. Install a Solana wallet extension, or scan the QR code with your phone.',
  );
  const walletError = h('p', {
    class: 'wallet-error',
    id: 'wallet-error',
    role: 'alert',
    hidden: true,
  });
  const expiry = h('p', { class: 'expiry' });

  const element = h(
    'section',
    { class: 'card pay', 'aria-labelledby': 'screen-title' },
    h(
      'div',
      { class: 'summary' },
      h('p', { class: 'eyebrow' }, 'Amount due'),
      h(
        'h1',
        { id: 'screen-title', class: 'amount', tabindex: -1 },
        h('span', { class: 'visually-hidden' }, 'Total '),
        fiat,
      ),
      h('p', { class: 'token-amount' }, `${usdc} on Solana`),
      payment.quote ? h('p', { class: 'quote-rate muted' }, formatRateLine(payment)) : null,
      payment.orderReference
        ? h(
            'p',
            { class: 'order-ref' },
            'Order reference ',
            h('span', { class: 'mono', id: 'order-reference' }, payment.orderReference),
          )
        : null,
      status,
    ),
    options.mobile ? h('div', { class: 'mobile-first' }, deepLink) : null,
    h(
      'div',
      { class: 'qr-block' },
      h(
        'h2',
        { class: 'section-title' },
        options.mobile ? 'Or scan from another device' : 'Scan to pay',
      ),
      qrFrame,
      h('p', { class: 'hint' }, 'Use Phantom, Solflare or any wallet that supports Solana Pay.'),
      options.mobile ? null : deepLink,
    ),
    h(
      'div',
      { class: 'browser-wallets' },
      h(
        'h2',
        { id: 'browser-wallet-title', class: 'section-title divider' },
        h('span', {}, 'Or pay with a browser wallet'),
      ),
      walletList,
      walletError,
      noWallet,
    ),
    expiry,
  );

  let walletNames = '';
  const buttons = new Map<string, HTMLButtonElement>();

  function renderWallets(wallets: PaymentWallet[]): void {
    const names = wallets.map((w) => w.wallet.name).join('\n');
    if (names === walletNames) return;
    walletNames = names;
    buttons.clear();
    walletList.replaceChildren(
      ...wallets.map((payWallet) => {
        const { wallet } = payWallet;
        const button = h(
          'button',
          { type: 'button', class: 'wallet-button', onclick: () => options.onPay(payWallet) },
          h('img', { class: 'wallet-icon', src: wallet.icon, alt: '', width: 28, height: 28 }),
          h('span', { class: 'wallet-name' }, `Pay with ${wallet.name}`),
          h('span', { class: 'spinner', 'aria-hidden': 'true' }),
          icon('arrow', 'icon chevron'),
        );
        buttons.set(wallet.name, button);
        return h('li', {}, button);
      }),
    );
    noWallet.hidden = wallets.length > 0;
  }

  return {
    element,
    update(state) {
      if (state.qrUrl && qrImage.getAttribute('src') !== state.qrUrl) {
        qrImage.src = state.qrUrl;
        qrFrame.removeAttribute('aria-busy');
      }
      renderWallets(state.wallets);
      const busy = state.activity.state === 'busy' || state.activity.state === 'sent';
      for (const [name, button] of buttons) {
        button.disabled = busy;
        button.classList.toggle(
          'working',
          state.activity.state === 'busy' && state.activity.walletName === name,
        );
      }
      const { text, tone } = statusOf(state.activity);
      if (statusText.textContent !== text) statusText.textContent = text;
      status.className = `status ${tone}`;
      walletError.hidden = state.activity.state !== 'failed';
      walletError.textContent =
        state.activity.state === 'failed'
          ? walletProblemText(state.activity.message, state.activity.cancelled, usdc)
          : '';
      const left = formatTimeLeft(payment.expiresAt, state.now);
      expiry.textContent = left
        ? `This payment request expires in ${left}.`
        : 'This payment request has expired.';
    },
  };
}
