import type { Wallets } from '@wallet-standard/app';
import {
  formatFiat,
  h,
  type PaymentWallet,
  paymentWalletsOf,
  payWithWalletActivity,
  qrCodeCache,
  type WalletActivity,
  walletChainOf,
  watchPaymentWallets,
  type WebConfig,
} from '@solpay/web';
import { fetchCheckoutPayment } from '../api/fetch-checkout-payment';
import { transactionRequestLink } from '../routing/transaction-request-link';
import { createOpenScreen, type OpenScreen } from '../view/open-screen';
import { environmentLabel, pageFrame } from '../view/page-frame';
import { statusScreens } from '../view/status-screens';
import type { CheckoutScreen } from './checkout-screen';
import { screenFor } from './screen-for';

/** Dependencies of {@link startCheckoutPage} (the browser's, passed in by `main.ts`). */
export interface CheckoutPageDeps {
  /** Element the page renders into. */
  root: HTMLElement;
  /** From the `/pay/<id>` path; undefined shows "not found". */
  paymentId: string | undefined;
  config: WebConfig;
  /** Wallet Standard registry (`getWallets()`). */
  wallets: Wallets;
  /** Phone-like device: the "Open in wallet app" deep link goes first. */
  mobile: boolean;
  /** Leaves for Shopify (`location.assign`). */
  navigate: (url: string) => void;
  fetchFn?: typeof fetch;
  now?: () => number;
  /** Status poll interval (default 2 s). */
  pollMs?: number;
  /** Pause between "Payment received" and the redirect (default 1.2 s). */
  redirectDelayMs?: number;
}

const MAX_SILENT_FAILURES = 3;

/**
 * Runs the checkout page: polls the status endpoint and renders the screen it implies (so a
 * reload after paying shows the result, not the form), renders the QR code, lists browser
 * wallets as they register, runs a wallet payment, and redirects to Shopify once the payment is
 * PAID and Shopify's `redirectUrl` is known.
 */
export function startCheckoutPage(deps: CheckoutPageDeps): { stop(): void } {
  const now = deps.now ?? (() => Date.now());
  const pollMs = deps.pollMs ?? 2000;
  const fetchFn = deps.fetchFn ?? ((input, init) => fetch(input, init));
  let screen: CheckoutScreen = { kind: 'loading' };
  let renderedKey = '';
  let open: { url: string; view: OpenScreen } | undefined;
  let activity: WalletActivity = { state: 'idle' };
  let wallets = paymentWalletsOf(deps.wallets.get());
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let polling = false;
  let stopped = false;
  let redirecting = false;

  const unwatchWallets = watchPaymentWallets(deps.wallets, (found) => {
    wallets = found;
    render();
  });
  const qrFor = qrCodeCache(() => render());

  function keyOf(s: CheckoutScreen): string {
    switch (s.kind) {
      case 'open':
        return `open|${s.payment.solanaPayUrl}`;
      case 'paid':
        return `paid|${s.redirectUrl ?? ''}`;
      case 'closed':
        return `closed|${s.reason}|${s.payment.status}|${s.payment.redirectUrl ?? ''}`;
      case 'error':
        return `error|${s.message}`;
      case 'gone':
        return `gone|${s.message}`;
      default:
        return s.kind;
    }
  }

  function merchantOf(s: CheckoutScreen): string | undefined {
    return 'payment' in s ? s.payment.merchantName : undefined;
  }

  function titleOf(s: CheckoutScreen): string {
    switch (s.kind) {
      case 'open':
        return `Pay ${formatFiat(s.payment.amount, s.payment.currency)} · ${s.payment.merchantName}`;
      case 'paid':
        return `Payment received · ${s.payment.merchantName}`;
      case 'closed':
        return `Payment ${s.reason === 'expired' ? 'expired' : 'cancelled'} · ${s.payment.merchantName}`;
      case 'not-found':
        return 'Payment not found';
      case 'gone':
        return 'Payment closed';
      case 'error':
        return 'Payment unavailable';
      case 'loading':
        return 'Loading payment…';
    }
  }

  function contentOf(s: CheckoutScreen): Node[] {
    switch (s.kind) {
      case 'loading':
        return [statusScreens.loading()];
      case 'not-found':
        return [statusScreens.notFound()];
      case 'gone':
        return [statusScreens.gone(s.message)];
      case 'error':
        return [statusScreens.error(s.message, pollNow)];
      case 'paid':
        return [statusScreens.paid(s.payment, s.redirectUrl)];
      case 'closed':
        return [statusScreens.closed(s.payment, s.reason)];
      case 'open': {
        if (open?.url !== s.payment.solanaPayUrl) {
          open = {
            url: s.payment.solanaPayUrl,
            view: createOpenScreen(s.payment, { mobile: deps.mobile, onPay: (w) => void pay(w) }),
          };
        }
        return [
          open.view.element,
          h(
            'p',
            { class: 'cancel' },
            h('a', { href: s.payment.cancelUrl }, 'Cancel and return to store'),
            h(
              'span',
              { class: 'muted' },
              'Until it expires, you can come back to this page and still pay.',
            ),
          ),
        ];
      }
    }
  }

  function render(): void {
    if (stopped) return;
    const key = keyOf(screen);
    if (key !== renderedKey) {
      const first = renderedKey === '' || renderedKey === 'loading';
      renderedKey = key;
      deps.root.replaceChildren(
        pageFrame(
          {
            merchantName: merchantOf(screen),
            environment: environmentLabel(
              deps.config.cluster,
              'payment' in screen ? screen.payment.test : undefined,
            ),
          },
          ...contentOf(screen),
        ),
      );
      document.title = titleOf(screen);
      // Move focus to the new heading so screen readers announce a changed screen.
      if (!first) deps.root.querySelector<HTMLElement>('#screen-title')?.focus();
    }
    if (screen.kind === 'open' && open) {
      const qrUrl = qrFor(screen.payment.solanaPayUrl);
      open.view.update({ qrUrl, wallets, activity, now: now() });
    }
  }

  function schedule(delay: number): void {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void poll(), delay);
  }

  function pollNow(): void {
    schedule(0);
  }

  async function poll(): Promise<void> {
    if (stopped || polling || redirecting) return;
    if (!deps.paymentId) {
      screen = { kind: 'not-found' };
      render();
      return;
    }
    polling = true;
    const result = await fetchCheckoutPayment(deps.config.purpleOrigin, deps.paymentId, fetchFn);
    polling = false;
    if (stopped) return;
    const next = screenFor(result, now());
    if (next.kind === 'error') {
      failures++;
      // Keep what the buyer sees through brief network blips; say so only when it lasts.
      if (screen.kind === 'loading' || failures >= MAX_SILENT_FAILURES) screen = next;
    } else {
      failures = 0;
      screen = next;
    }
    render();
    if (screen.kind === 'not-found' || screen.kind === 'gone') return;
    if (screen.kind === 'closed' && screen.payment.status === 'REJECTED') return;
    if (screen.kind === 'paid' && screen.redirectUrl) {
      redirecting = true;
      const url = screen.redirectUrl;
      setTimeout(() => deps.navigate(url), deps.redirectDelayMs ?? 1200);
      return;
    }
    schedule(failures > 0 ? Math.min(pollMs * 2 ** failures, 15_000) : pollMs);
  }

  async function pay(wallet: PaymentWallet): Promise<void> {
    if (screen.kind !== 'open' || activity.state === 'busy' || activity.state === 'sent') return;
    const link = transactionRequestLink(screen.payment.solanaPayUrl);
    if (!link) {
      activity = {
        state: 'failed',
        message: 'This payment cannot be paid from a browser wallet.',
        cancelled: false,
      };
      render();
      return;
    }
    const result = await payWithWalletActivity(
      {
        wallet,
        link,
        chain: walletChainOf(deps.config.cluster),
        rpcUrl: deps.config.rpcUrl,
        fetchFn,
      },
      (next) => {
        activity = next;
        render();
      },
    );
    if (result.ok) pollNow();
  }

  render();
  pollNow();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
      unwatchWallets();
    },
  };
}
