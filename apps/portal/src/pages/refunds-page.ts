import { formatFiat, formatTokenCell, h } from '@solpay/web';
import type { PortalRefund } from '../api/portal-refund';
import { formatDateTime } from '../format/format-date-time';
import { hrefOf } from '../routing/portal-route';
import { refundStatusBadge } from '../status/refund-status-badge';
import { badge } from '../view/badge';
import { card } from '../view/card';
import { emptyState } from '../view/empty-state';
import { loading } from '../view/loading';
import { pageHeader } from '../view/page-header';
import { testBadge } from '../view/test-badge';
import { failureBanner } from './failure-banner';
import type { Page, PageContext } from './page';

function refundRow(refund: PortalRefund, open: boolean): HTMLTableRowElement {
  const href = hrefOf({ page: 'refund', id: refund.id });
  return h(
    'tr',
    { 'data-refund-id': refund.id },
    h(
      'th',
      { scope: 'row', class: 'id', 'data-label': 'Shopify refund ID' },
      h('a', { href, class: 'mono' }, refund.shopifyId),
      testBadge(refund.test),
    ),
    h(
      'td',
      { 'data-label': 'Payment ID' },
      h('span', { class: 'mono subdued' }, refund.paymentShopifyId ?? '—'),
    ),
    h('td', { class: 'when', 'data-label': 'Requested' }, formatDateTime(refund.createdAt)),
    h('td', { 'data-label': 'Status' }, badge(refundStatusBadge(refund.status))),
    h(
      'td',
      { class: 'numeric', 'data-label': 'Amount' },
      formatFiat(refund.amount, refund.currency),
    ),
    h('td', { class: 'numeric', 'data-label': 'Token' }, formatTokenCell(refund)),
    h(
      'td',
      { class: 'numeric', 'data-label': 'Action' },
      h(
        'a',
        {
          class: open ? 'button primary' : 'button',
          href,
          'aria-label': `${open ? 'Review' : 'View'} refund ${refund.shopifyId}`,
        },
        open ? 'Review' : 'View',
      ),
    ),
  );
}

/** Refunds: Open (waiting for the merchant to pay or reject) and Closed tabs. */
export function refundsPage(ctx: PageContext, tab: 'open' | 'closed'): Page {
  const body = h('div', { id: 'refunds-panel', role: 'tabpanel', 'aria-labelledby': `tab-${tab}` });
  let disposed = false;

  const tabs = h(
    'div',
    { class: 'tabs', role: 'tablist', 'aria-label': 'Refunds' },
    (['open', 'closed'] as const).map((t) =>
      h(
        'a',
        {
          id: `tab-${t}`,
          role: 'tab',
          href: hrefOf({ page: 'refunds', tab: t }),
          'aria-selected': t === tab ? 'true' : 'false',
          'aria-controls': 'refunds-panel',
        },
        t === 'open' ? 'Open' : 'Closed',
      ),
    ),
  );

  async function load(): Promise<void> {
    body.replaceChildren(loading('Loading refunds…'));
    const result = await ctx.api.refunds(tab);
    if (disposed) return;
    if (!result.ok) {
      body.replaceChildren(
        h(
          'div',
          { class: 'card-section' },
          failureBanner(ctx, result, () => void load()),
        ),
      );
      return;
    }
    const items = result.data;
    if (items.length === 0) {
      body.replaceChildren(
        tab === 'open'
          ? emptyState(
              'No refunds waiting for you',
              h(
                'p',
                {},
                'When you refund an order paid with Solana Pay, the refund appears here for you to pay or reject.',
              ),
            )
          : emptyState(
              'No closed refunds yet',
              h('p', {}, 'Paid and rejected refunds are listed here.'),
            ),
      );
      return;
    }
    body.replaceChildren(
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'data' },
          h(
            'caption',
            { class: 'visually-hidden' },
            `${tab === 'open' ? 'Open' : 'Closed'} refunds`,
          ),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, 'Shopify refund ID'),
              h('th', { scope: 'col' }, 'Payment ID'),
              h('th', { scope: 'col' }, 'Requested'),
              h('th', { scope: 'col' }, 'Status'),
              h('th', { scope: 'col', class: 'numeric' }, 'Amount'),
              h('th', { scope: 'col', class: 'numeric' }, 'Token'),
              h(
                'th',
                { scope: 'col', class: 'numeric' },
                h('span', { class: 'visually-hidden' }, 'Action'),
              ),
            ),
          ),
          h(
            'tbody',
            {},
            items.map((refund) => refundRow(refund, tab === 'open')),
          ),
        ),
      ),
    );
  }

  const element = h(
    'div',
    { class: 'page' },
    pageHeader({
      title: 'Refunds',
      subtitle: 'Refunds you issue in Shopify are paid in USDC from your wallet to the buyer.',
    }),
    card({ 'aria-label': 'Refunds' }, tabs, body),
  );
  void load();
  return {
    title: tab === 'open' ? 'Refunds · Open' : 'Refunds · Closed',
    element,
    dispose: () => {
      disposed = true;
    },
  };
}
