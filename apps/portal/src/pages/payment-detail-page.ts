import { type Child, formatFiat, formatUsdc, h } from '@solpay/web';
import type { PortalMutation, PortalPaymentDetail } from '../api/portal-payment';
import type { PortalRefund } from '../api/portal-refund';
import { explorerTransactionUrl } from '../explorer/explorer-transaction-url';
import { formatDateTime } from '../format/format-date-time';
import { hrefOf } from '../routing/portal-route';
import { mutationStatusBadge } from '../status/mutation-status-badge';
import { paymentStatusBadge, refundStateBadge } from '../status/payment-status-badge';
import { refundStatusBadge } from '../status/refund-status-badge';
import { badge } from '../view/badge';
import { card, cardSection } from '../view/card';
import { emptyState } from '../view/empty-state';
import { externalIcon, externalLink } from '../view/external-link';
import { loading } from '../view/loading';
import { pageHeader } from '../view/page-header';
import { testBadge } from '../view/test-badge';
import { failureBanner } from './failure-banner';
import type { Page, PageContext } from './page';

/** What each Shopify mutation means for the merchant, in their words. */
const MUTATION_LABELS: Record<string, string> = {
  paymentSessionResolve: 'Shopify told the payment is paid',
  paymentSessionReject: 'Shopify told the payment is rejected',
  refundSessionResolve: 'Shopify told the refund is paid',
  refundSessionReject: 'Shopify told the refund is rejected',
};

/** Token amounts with the payment's symbol (USDC unless the API names another). */
function tokenLabel(amount: string, symbol: string | null | undefined): string {
  return !symbol || symbol === 'USDC' ? formatUsdc(amount) : `${amount} ${symbol}`;
}

/**
 * Payment detail: amounts (shop currency and token), status and refund state, buyer wallet,
 * the customer's e-mail when Shopify sent one, the transaction with an explorer link for the
 * cluster, every refund with its state and transaction, and the timeline of Shopify mutations
 * the outbox sent about it (outcome, attempts, last error).
 */
export function paymentDetailPage(ctx: PageContext, id: string): Page {
  let disposed = false;
  const header = h('div', {}, pageHeader({ title: 'Payment' }));
  const body = h('div', { class: 'stack' }, loading('Loading payment…'));

  function transaction(signature: string | null | undefined, url?: string | null): Child {
    if (!signature) return h('span', { class: 'subdued' }, '—');
    return h(
      'span',
      {},
      h('span', { class: 'mono', title: signature }, `${signature.slice(0, 10)}… `),
      externalLink(
        url ?? explorerTransactionUrl(signature, ctx.config.cluster, ctx.config.rpcUrl),
        'View transaction',
        externalIcon(),
      ),
    );
  }

  function details(rows: Array<[string, Child]>): HTMLElement {
    return h(
      'dl',
      { class: 'details' },
      rows.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]),
    );
  }

  function summaryCard(p: PortalPaymentDetail): HTMLElement {
    const state = refundStateBadge(p.refundState);
    const rows: Array<[string, Child]> = [
      [
        'Status',
        h(
          'span',
          { class: 'badges' },
          badge(paymentStatusBadge(p.status)),
          state ? badge(state) : null,
        ),
      ],
      ['Amount', formatFiat(p.amount, p.currency)],
      [
        'Paid in',
        h('span', { id: 'payment-token-amount' }, tokenLabel(p.tokenAmount, p.tokenSymbol)),
      ],
    ];
    if (p.refundedAmount && p.refundState && p.refundState !== 'NONE') {
      rows.push(['Refunded', formatFiat(p.refundedAmount, p.currency)]);
    }
    rows.push(
      ['Created', formatDateTime(p.createdAt)],
      ['Paid', p.paidAt ? formatDateTime(p.paidAt) : h('span', { class: 'subdued' }, 'Not yet')],
      ['Transaction', transaction(p.signature, p.explorerUrl)],
      [
        'Buyer wallet',
        p.buyerWallet
          ? h('span', { class: 'mono', id: 'payment-buyer-wallet' }, p.buyerWallet)
          : h('span', { class: 'subdued' }, 'Known once paid'),
      ],
      ['Payout wallet', h('span', { class: 'mono' }, p.payoutWallet ?? '—')],
      [
        'Customer e-mail',
        p.customerEmail
          ? h('span', { id: 'payment-customer-email' }, p.customerEmail)
          : h('span', { class: 'subdued' }, 'Not sent by Shopify'),
      ],
      ['Shopify payment ID', h('span', { class: 'mono' }, p.shopifyId)],
    );
    if (p.mint) rows.push(['Token mint', h('span', { class: 'mono' }, p.mint)]);
    if (p.rejectReason) rows.push(['Reject reason', p.rejectReason]);
    return card(
      { 'aria-labelledby': 'summary-title' },
      cardSection(h('h2', { id: 'summary-title' }, 'Summary'), details(rows)),
    );
  }

  function refundRow(r: PortalRefund): HTMLTableRowElement {
    return h(
      'tr',
      { 'data-refund-id': r.id },
      h(
        'th',
        { scope: 'row', 'data-label': 'Refund' },
        h('a', { href: hrefOf({ page: 'refund', id: r.id }) }, formatFiat(r.amount, r.currency)),
      ),
      h('td', { 'data-label': 'Status' }, badge(refundStatusBadge(r.status))),
      h('td', { class: 'numeric', 'data-label': 'Token' }, formatUsdc(r.tokenAmount)),
      h('td', { 'data-label': 'Requested' }, r.createdAt ? formatDateTime(r.createdAt) : '—'),
      h('td', { 'data-label': 'Transaction' }, transaction(r.signature, r.explorerUrl)),
    );
  }

  function refundsCard(p: PortalPaymentDetail): HTMLElement {
    return card(
      { 'aria-labelledby': 'refunds-title', id: 'payment-refunds' },
      cardSection(h('h2', { id: 'refunds-title' }, 'Refunds')),
      p.refunds.length === 0
        ? cardSection(h('p', { class: 'subdued' }, 'No refunds for this payment.'))
        : h(
            'div',
            { class: 'table-wrap' },
            h(
              'table',
              { class: 'data' },
              h(
                'thead',
                {},
                h(
                  'tr',
                  {},
                  ['Refund', 'Status', 'Token', 'Requested', 'Transaction'].map((label) =>
                    h('th', { scope: 'col', class: label === 'Token' ? 'numeric' : '' }, label),
                  ),
                ),
              ),
              h('tbody', {}, p.refunds.map(refundRow)),
            ),
          ),
    );
  }

  function timelineItem(m: PortalMutation): HTMLLIElement {
    const label = MUTATION_LABELS[m.mutation] ?? m.mutation;
    const facts = [
      `${m.attempts} attempt${m.attempts === 1 ? '' : 's'}`,
      m.completedAt ? `done ${formatDateTime(m.completedAt)}` : null,
      m.nextAttemptAt ? `next try ${formatDateTime(m.nextAttemptAt)}` : null,
    ].filter((fact): fact is string => fact !== null);
    return h(
      'li',
      { 'data-mutation': m.mutation },
      h(
        'div',
        { class: 'timeline-head' },
        h('strong', {}, label),
        badge(mutationStatusBadge(m.status)),
      ),
      h(
        'p',
        { class: 'subdued' },
        h('span', { class: 'mono' }, m.mutation),
        ` · queued ${formatDateTime(m.createdAt)} · ${facts.join(' · ')}`,
      ),
      m.lastError ? h('p', { class: 'subdued' }, `Last error: ${m.lastError}`) : null,
    );
  }

  function timelineCard(p: PortalPaymentDetail): HTMLElement {
    return card(
      { 'aria-labelledby': 'timeline-title', id: 'payment-timeline' },
      cardSection(
        h('h2', { id: 'timeline-title' }, 'Shopify timeline'),
        p.mutations.length === 0
          ? h('p', { class: 'subdued' }, 'Nothing sent to Shopify yet.')
          : h('ol', { class: 'timeline' }, p.mutations.map(timelineItem)),
      ),
    );
  }

  async function load(): Promise<void> {
    const result = await ctx.api.payment(id);
    if (disposed) return;
    if (!result.ok) {
      body.replaceChildren(
        result.reason === 'not-found'
          ? emptyState(
              'Payment not found',
              h('p', {}, 'It does not exist, or it belongs to another shop.'),
              h(
                'a',
                {
                  class: 'button',
                  href: hrefOf({ page: 'payments', status: '', cursor: undefined }),
                },
                'All payments',
              ),
            )
          : failureBanner(ctx, result, () => void load()),
      );
      return;
    }
    const p = result.data;
    header.replaceChildren(
      pageHeader({
        title: formatFiat(p.amount, p.currency),
        subtitle: `Payment ${p.shopifyId}`,
        back: {
          href: hrefOf({ page: 'payments', status: '', cursor: undefined }),
          label: 'Payments',
        },
        titleMeta: testBadge(p.test),
      }),
    );
    body.replaceChildren(summaryCard(p), refundsCard(p), timelineCard(p));
  }

  void load();
  return {
    title: 'Payment',
    element: h('div', { class: 'page' }, header, body),
    dispose: () => {
      disposed = true;
    },
  };
}
