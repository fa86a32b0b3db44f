import {
  type Child,
  formatFiat,
  formatToken,
  formatTokenCell,
  h,
  type PaymentWallet,
  paymentWalletsOf,
  payWithWalletActivity,
  qrCodeCache,
  type WalletActivity,
  walletChainOf,
  watchPaymentWallets,
} from '@solpay/web';
import type { RejectOutcome } from '../api/portal-answers';
import type { PortalRefundDetail } from '../api/portal-refund';
import { explorerTransactionUrl } from '../explorer/explorer-transaction-url';
import { formatDateTime } from '../format/format-date-time';
import { hrefOf } from '../routing/portal-route';
import { refundStatusBadge } from '../status/refund-status-badge';
import { badge } from '../view/badge';
import { banner } from '../view/banner';
import { card, cardSection } from '../view/card';
import { externalIcon, externalLink } from '../view/external-link';
import { loading } from '../view/loading';
import { pageHeader } from '../view/page-header';
import { testBadge } from '../view/test-badge';
import { openRejectDialog } from '../view/reject-dialog';
import { failureBanner } from './failure-banner';
import type { Page, PageContext } from './page';

/** Status poll interval while the refund can still change. */
const POLL_MS = 2000;

function isOpen(refund: PortalRefundDetail): boolean {
  return refund.status.toUpperCase() === 'OPEN';
}

function isSettled(refund: PortalRefundDetail): boolean {
  const status = refund.status.toUpperCase();
  return status === 'PAID' || status === 'REJECTED';
}

/**
 * Refund detail: the USDC amount and recipient BEFORE anything is signed, "Pay with wallet"
 * (Wallet Standard wallets, through the Solana Pay transaction request), a QR code of the
 * `solana:` URL for a phone wallet, live status (polled), and Reject with a required reason.
 */
export function refundDetailPage(ctx: PageContext, id: string): Page {
  let refund: PortalRefundDetail | undefined;
  let activity: WalletActivity = { state: 'idle' };
  let outcome: RejectOutcome | undefined;
  let wallets = paymentWalletsOf(ctx.wallets.get());
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  let lastStatus: string | undefined;
  let title = 'Refund';

  const header = h('div', {});
  const banners = h('div', { class: 'stack' });
  const live = h('p', { class: 'visually-hidden', 'aria-live': 'polite', id: 'refund-live' });
  const content = h('div', {}, loading('Loading refund…'));
  const walletList = h('div', { class: 'wallets' });
  const walletStatus = h('div', { class: 'wallet-status', 'aria-live': 'polite' });
  const qrBox = h('div', { class: 'qr' });
  let builtFor: string | undefined;

  const unwatchWallets = watchPaymentWallets(ctx.wallets, (found) => {
    wallets = found;
    render();
  });
  const qrFor = qrCodeCache(() => renderQr());

  function amountLabel(r: PortalRefundDetail): string {
    return `${formatToken(r.tokenAmount, r.token ?? 'USDC')} (${formatFiat(r.amount, r.currency)})`;
  }

  function transactionLink(signature: string, explorerUrl?: string | null): HTMLAnchorElement {
    return externalLink(
      explorerUrl ?? explorerTransactionUrl(signature, ctx.config.cluster, ctx.config.rpcUrl),
      'View transaction',
      externalIcon(),
    );
  }

  function renderHeader(r: PortalRefundDetail): void {
    title = `Refund ${r.shopifyId}`;
    header.replaceChildren(
      pageHeader({
        title,
        back: {
          href: hrefOf({ page: 'refunds', tab: isOpen(r) ? 'open' : 'closed' }),
          label: 'Refunds',
        },
        titleMeta: [
          h('span', { id: 'refund-status' }, badge(refundStatusBadge(r.status))),
          testBadge(r.test),
        ],
        subtitle: [
          r.paymentShopifyId ? `Refund of Shopify payment ${r.paymentShopifyId}` : 'Refund',
          r.createdAt ? ` · requested ${formatDateTime(r.createdAt)}` : '',
        ].join(''),
      }),
    );
  }

  function renderBanners(r: PortalRefundDetail): void {
    const status = r.status.toUpperCase();
    const items: Child[] = [];
    if (outcome === 'paid-instead') {
      items.push(
        banner(
          'warning',
          'Not rejected: this refund was already paid',
          h(
            'p',
            {},
            'A payment for this refund landed on the Solana network before it could be made unpayable, so the refund was recorded as paid and Shopify was told it succeeded.',
          ),
        ),
      );
    }
    if (status === 'PAID') {
      items.push(
        banner(
          'success',
          'Refund paid',
          h(
            'p',
            {},
            `${formatToken(r.tokenAmount, r.token ?? 'USDC')} reached the buyer's wallet. Shopify has been told the refund succeeded.`,
          ),
          r.signature ? h('p', {}, transactionLink(r.signature, r.explorerUrl)) : null,
        ),
      );
    } else if (status === 'REJECTED') {
      items.push(
        banner(
          'critical',
          'Refund rejected',
          h(
            'p',
            {},
            'The refund was made unpayable and Shopify was told it failed. No USDC was sent.',
          ),
          r.rejectReason ? h('p', {}, `Reason: ${r.rejectReason}`) : null,
        ),
      );
    } else if (status === 'REJECTING') {
      items.push(
        banner(
          'info',
          'Rejecting…',
          h(
            'p',
            {},
            'Solana Pay is making this refund unpayable on the Solana network, then it tells Shopify.',
          ),
        ),
      );
    }
    banners.replaceChildren(
      ...items.filter((item): item is HTMLElement => item instanceof HTMLElement),
    );
  }

  function renderWalletStatus(r: PortalRefundDetail): void {
    const spinnerRow = (text: string) =>
      h(
        'div',
        { class: 'loading', style: 'padding:0' },
        h('span', { class: 'spinner', 'aria-hidden': 'true' }),
        text,
      );
    switch (activity.state) {
      case 'idle':
        walletStatus.replaceChildren();
        return;
      case 'busy': {
        const text = {
          connecting: `Connecting to ${activity.walletName}…`,
          preparing: 'Preparing the refund transaction…',
          approving: `Approve sending ${formatToken(r.tokenAmount, r.token ?? 'USDC')} in ${activity.walletName}…`,
          sending: 'Sending the transaction…',
        }[activity.step];
        walletStatus.replaceChildren(spinnerRow(text));
        return;
      }
      case 'sent':
        walletStatus.replaceChildren(
          isSettled(r)
            ? banner(
                'success',
                'Transaction confirmed',
                h('p', {}, transactionLink(activity.signature)),
              )
            : banner(
                'info',
                'Transaction sent',
                h(
                  'p',
                  {},
                  'Waiting for the Solana network to confirm it. This page updates by itself.',
                ),
                h('p', {}, transactionLink(activity.signature)),
              ),
        );
        return;
      case 'failed':
        walletStatus.replaceChildren(
          banner(
            activity.cancelled ? 'warning' : 'critical',
            activity.cancelled ? 'Payment cancelled' : 'The refund was not paid',
            h('p', {}, activity.message),
          ),
        );
        return;
    }
  }

  function renderWallets(r: PortalRefundDetail): void {
    const busy = activity.state === 'busy' || activity.state === 'sent';
    if (!r.transactionRequestUrl) {
      walletList.replaceChildren(
        h('p', { class: 'subdued' }, 'This refund cannot be paid from a browser wallet.'),
      );
      return;
    }
    if (wallets.length === 0) {
      walletList.replaceChildren(
        h(
          'p',
          { class: 'subdued' },
          'No Solana browser wallet found. Install one (for example Phantom, Solflare or Backpack) and reload, or scan the QR code with your phone.',
        ),
      );
      return;
    }
    walletList.replaceChildren(
      ...wallets.map((w) =>
        h(
          'button',
          {
            type: 'button',
            class: 'button primary large full',
            disabled: busy,
            onclick: () => void pay(w),
          },
          h('img', { src: w.wallet.icon, alt: '' }),
          `Pay ${formatToken(r.tokenAmount, r.token ?? 'USDC')} with ${w.wallet.name}`,
        ),
      ),
    );
  }

  function renderQr(): void {
    if (!refund?.solanaPayUrl) {
      qrBox.replaceChildren(h('p', { class: 'subdued' }, 'No QR code for this refund.'));
      return;
    }
    const qrUrl = qrFor(refund.solanaPayUrl);
    qrBox.replaceChildren(
      qrUrl
        ? h('img', {
            src: qrUrl,
            alt: `QR code to pay this refund of ${formatToken(refund.tokenAmount, refund.token ?? 'USDC')} with a Solana Pay wallet`,
            id: 'refund-qr',
          })
        : h('div', { class: 'placeholder' }, 'Preparing QR code…'),
      h(
        'p',
        { class: 'subdued' },
        'Scan with a Solana Pay wallet app (Phantom, Solflare, …) that holds the USDC.',
      ),
      h('a', { class: 'button', href: refund.solanaPayUrl }, 'Open in wallet app'),
    );
  }

  function detailsCard(r: PortalRefundDetail): HTMLElement {
    const rows: Array<[string, Child]> = [
      ['Shopify refund ID', h('span', { class: 'mono' }, r.shopifyId)],
      ['Shopify payment ID', h('span', { class: 'mono' }, r.paymentShopifyId ?? '—')],
      ['Status', badge(refundStatusBadge(r.status))],
      ['Requested', formatDateTime(r.createdAt)],
    ];
    if (r.paidAt) rows.push(['Paid', formatDateTime(r.paidAt)]);
    if (r.signature) {
      rows.push([
        'Transaction',
        h(
          'span',
          {},
          h('span', { class: 'mono', title: r.signature }, `${r.signature.slice(0, 10)}… `),
          transactionLink(r.signature, r.explorerUrl),
        ),
      ]);
    }
    if (r.rejectReason) rows.push(['Reject reason', r.rejectReason]);
    return card(
      { 'aria-labelledby': 'details-title' },
      cardSection(
        h('h2', { id: 'details-title' }, 'Details'),
        h(
          'dl',
          { class: 'details' },
          rows.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]),
        ),
      ),
    );
  }

  function buildContent(r: PortalRefundDetail): void {
    const open = isOpen(r);
    const amount = card(
      { 'aria-labelledby': 'amount-title' },
      cardSection(
        h('h2', { id: 'amount-title' }, 'Refund amount'),
        h(
          'div',
          { class: 'amount-hero' },
          h('span', { class: 'token', id: 'refund-amount' }, formatTokenCell(r)),
          h(
            'span',
            { class: 'subdued' },
            `${formatFiat(r.amount, r.currency)} ${r.status.toUpperCase() === 'PAID' ? 'refunded' : 'requested'} in Shopify`,
          ),
        ),
      ),
      cardSection(
        h(
          'dl',
          { class: 'details' },
          h('dt', {}, 'To (buyer’s wallet)'),
          h('dd', { class: 'mono', id: 'refund-recipient' }, r.recipientWallet ?? 'Unknown'),
          h('dt', {}, 'From'),
          r.payerWallet
            ? h('dd', { class: 'mono', id: 'refund-payer' }, r.payerWallet)
            : h(
                'dd',
                {},
                'The wallet you pay with, usually your payout wallet (it needs the USDC)',
              ),
          h('dt', {}, 'Network fee'),
          h('dd', {}, 'Paid by Solana Pay'),
        ),
      ),
    );
    const main: Child[] = [amount];
    const side: Child[] = [detailsCard(r)];
    if (open) {
      main.push(
        card(
          { 'aria-labelledby': 'pay-title' },
          cardSection(
            h('h2', { id: 'pay-title' }, 'Pay with a browser wallet'),
            h(
              'p',
              {},
              `Your wallet asks you to approve sending ${formatToken(r.tokenAmount, r.token ?? 'USDC')} to the buyer’s wallet above. Nothing is sent before you approve.`,
            ),
            walletList,
            walletStatus,
          ),
        ),
        card(
          { 'aria-labelledby': 'qr-title' },
          cardSection(h('h2', { id: 'qr-title' }, 'Or pay with a phone wallet'), qrBox),
        ),
      );
      side.push(
        card(
          { 'aria-labelledby': 'reject-card-title' },
          cardSection(
            h('h2', { id: 'reject-card-title' }, 'Reject refund'),
            h(
              'p',
              { class: 'subdued' },
              'If you will not pay this refund, reject it with a reason. Shopify marks the refund as failed. This is final.',
            ),
            h(
              'div',
              { class: 'button-row', style: 'margin-top:12px' },
              h(
                'button',
                { type: 'button', class: 'button', id: 'reject-button', onclick: () => reject() },
                'Reject refund',
              ),
            ),
          ),
        ),
      );
    }
    content.replaceChildren(
      h(
        'div',
        { class: 'layout' },
        h('div', { class: 'stack' }, main),
        h('div', { class: 'stack' }, side),
      ),
    );
  }

  function render(): void {
    if (disposed || !refund) return;
    const r = refund;
    // Rebuild only what changed, so links and buttons keep focus across polls.
    const shape = `${r.status}|${r.signature ?? ''}|${r.rejectReason ?? ''}|${outcome ?? ''}|${activity.state === 'sent'}`;
    if (shape !== builtFor) {
      builtFor = shape;
      renderHeader(r);
      renderBanners(r);
      buildContent(r);
    }
    renderWallets(r);
    renderWalletStatus(r);
    if (isOpen(r)) renderQr();
    if (lastStatus !== undefined && lastStatus !== r.status) {
      live.textContent = `Refund status: ${refundStatusBadge(r.status).label}.`;
    }
    lastStatus = r.status;
    document.title = `${title} · Solana Pay`;
  }

  function schedule(): void {
    clearTimeout(timer);
    if (disposed || (refund && isSettled(refund))) return;
    timer = setTimeout(() => void load(), POLL_MS);
  }

  async function load(): Promise<void> {
    const result = await ctx.api.refund(id);
    if (disposed) return;
    if (!result.ok) {
      if (!refund) {
        content.replaceChildren(failureBanner(ctx, result, () => void load()));
        return;
      }
      if (result.reason === 'signed-out') ctx.signedOut();
      // Keep showing the last state through brief failures; the next poll tries again.
      schedule();
      return;
    }
    const wasOpen = refund ? isOpen(refund) : undefined;
    refund = result.data;
    render();
    if (wasOpen === true && !isOpen(refund)) ctx.refreshOpenRefunds();
    schedule();
  }

  async function pay(wallet: PaymentWallet): Promise<void> {
    const r = refund;
    if (!r?.transactionRequestUrl || activity.state === 'busy' || activity.state === 'sent') return;
    const result = await payWithWalletActivity(
      {
        wallet,
        link: r.transactionRequestUrl,
        chain: walletChainOf(ctx.session().merchant.cluster ?? ctx.config.cluster),
        ...(ctx.config.rpcUrl ? { rpcUrl: ctx.config.rpcUrl } : {}),
      },
      (next) => {
        if (disposed) return;
        activity = next;
        render();
      },
    );
    if (disposed) return;
    if (result.ok) {
      clearTimeout(timer);
      void load();
    }
  }

  function reject(): void {
    const r = refund;
    if (!r) return;
    openRejectDialog({
      amountLabel: amountLabel(r),
      onConfirm: async (reason) => {
        const result = await ctx.api.rejectRefund(r.id, reason);
        if (!result.ok) {
          if (result.reason === 'signed-out') ctx.signedOut();
          return result.message;
        }
        outcome = result.data;
        clearTimeout(timer);
        await load();
        ctx.refreshOpenRefunds();
        header.querySelector<HTMLElement>('#page-title')?.focus();
        live.textContent =
          outcome === 'paid-instead'
            ? 'Not rejected: this refund was already paid.'
            : outcome === 'rejecting'
              ? 'Rejecting: the refund is being made unpayable, then Shopify is told.'
              : 'Refund rejected.';
        return undefined;
      },
    });
  }

  const element = h(
    'div',
    { class: 'page' },
    header,
    h('div', { class: 'stack' }, banners, content),
    live,
  );
  header.append(
    pageHeader({
      title: 'Refund',
      back: { href: hrefOf({ page: 'refunds', tab: 'open' }), label: 'Refunds' },
    }),
  );
  void load();
  return {
    get title() {
      return title;
    },
    element,
    dispose: () => {
      disposed = true;
      clearTimeout(timer);
      unwatchWallets();
    },
  };
}
