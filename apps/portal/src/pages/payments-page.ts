import { formatFiat, formatTokenCell, h } from '@solpay/web';
import type { PortalPayment } from '../api/portal-payment';
import { explorerTransactionUrl } from '../explorer/explorer-transaction-url';
import { formatDateTime } from '../format/format-date-time';
import { shortenMiddle } from '../format/shorten-middle';
import { hrefOf } from '../routing/portal-route';
import {
  PAYMENT_STATUS_FILTERS,
  paymentStatusBadge,
  refundStateBadge,
} from '../status/payment-status-badge';
import { badge } from '../view/badge';
import { banner } from '../view/banner';
import { card } from '../view/card';
import { emptyState } from '../view/empty-state';
import { externalIcon, externalLink } from '../view/external-link';
import { icon } from '../view/icon';
import { loading } from '../view/loading';
import { pageHeader } from '../view/page-header';
import { testBadge } from '../view/test-badge';
import { failureBanner } from './failure-banner';
import type { Page, PageContext } from './page';

/** Date range and search of the list (in the URL, like the status). */
export interface PaymentListFilters {
  from?: string;
  to?: string;
  q?: string;
}

/** Payments per page. */
const PAGE_SIZE = 20;

function transactionCell(ctx: PageContext, payment: PortalPayment): Node | string {
  if (!payment.signature) return h('span', { class: 'subdued' }, '—');
  const url =
    payment.explorerUrl ??
    explorerTransactionUrl(payment.signature, ctx.config.cluster, ctx.config.rpcUrl);
  return externalLink(
    url,
    h('span', { class: 'mono', title: payment.signature }, shortenMiddle(payment.signature, 6)),
    externalIcon(),
  );
}

function statusCell(payment: PortalPayment): HTMLElement {
  // A refunded payment says so instead of "Paid": that is what the merchant needs to see.
  const refunded = refundStateBadge(payment.refundState);
  return h('span', { class: 'badges' }, badge(refunded ?? paymentStatusBadge(payment.status)));
}

function paymentRow(ctx: PageContext, payment: PortalPayment): HTMLTableRowElement {
  return h(
    'tr',
    { 'data-payment-id': payment.id },
    h(
      'th',
      { scope: 'row', class: 'id', 'data-label': 'Shopify payment ID' },
      h(
        'a',
        {
          class: 'mono',
          title: `Open payment ${payment.shopifyId}`,
          href: hrefOf({ page: 'payment', id: payment.id }),
        },
        payment.shopifyId,
      ),
      testBadge(payment.test),
    ),
    h('td', { class: 'when', 'data-label': 'Date' }, formatDateTime(payment.createdAt)),
    h('td', { 'data-label': 'Status' }, statusCell(payment)),
    h(
      'td',
      { class: 'numeric', 'data-label': 'Amount' },
      formatFiat(payment.amount, payment.currency),
    ),
    h('td', { class: 'numeric', 'data-label': 'Token' }, formatTokenCell(payment)),
    h('td', { 'data-label': 'Transaction' }, transactionCell(ctx, payment)),
  );
}

function paymentsTable(ctx: PageContext, items: PortalPayment[], caption: string): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'data' },
      h('caption', { class: 'visually-hidden' }, caption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Shopify payment ID'),
          h('th', { scope: 'col' }, 'Date'),
          h('th', { scope: 'col' }, 'Status'),
          h('th', { scope: 'col', class: 'numeric' }, 'Amount'),
          h('th', { scope: 'col', class: 'numeric' }, 'Token'),
          h('th', { scope: 'col' }, 'Transaction'),
        ),
      ),
      h(
        'tbody',
        {},
        items.map((payment) => paymentRow(ctx, payment)),
      ),
    ),
  );
}

/**
 * Payments: Shopify payment id, date, status, amount in the shop currency and in USDC, and the
 * transaction in the explorer; filtered by status (in the URL), paginated with the API's cursor.
 */
export function paymentsPage(
  ctx: PageContext,
  status: string,
  startCursor?: string,
  filters: PaymentListFilters = {},
): Page {
  const filter = PAYMENT_STATUS_FILTERS.find((f) => f.value === status) ?? {
    value: status,
    label: status,
  };
  const body = h('div', {}, loading('Loading payments…'));
  const pagination = h('nav', { class: 'pagination', 'aria-label': 'Pagination', hidden: true });
  const live = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  let disposed = false;
  // Cursors of the pages before the current one, for "Previous".
  const previous: Array<string | undefined> = [];
  let current: string | undefined = startCursor;

  const tabs = h(
    'nav',
    { class: 'tabs', 'aria-label': 'Filter payments by status' },
    PAYMENT_STATUS_FILTERS.map((f) =>
      h(
        'a',
        {
          href: hrefOf({ page: 'payments', status: f.value, cursor: undefined, ...filters }),
          'aria-current': f.value === filter.value ? 'page' : undefined,
        },
        f.label,
      ),
    ),
  );

  async function load(cursor: string | undefined): Promise<void> {
    body.replaceChildren(loading('Loading payments…'));
    const result = await ctx.api.payments({
      ...(status ? { status } : {}),
      ...filters,
      ...(cursor ? { cursor } : {}),
      limit: PAGE_SIZE,
    });
    if (disposed) return;
    if (!result.ok) {
      body.replaceChildren(
        h(
          'div',
          { class: 'card-section' },
          failureBanner(ctx, result, () => void load(cursor)),
        ),
      );
      pagination.hidden = true;
      return;
    }
    current = cursor;
    const { items, nextCursor } = result.data;
    if (items.length === 0) {
      body.replaceChildren(
        status || filters.from || filters.to || filters.q
          ? emptyState(
              `No payments with status “${filter.label}”`,
              h('p', {}, 'Try another filter, date range or search.'),
            )
          : emptyState(
              'No payments yet',
              h('p', {}, 'Payments appear here when buyers pay with Solana Pay at checkout.'),
            ),
      );
    } else {
      body.replaceChildren(paymentsTable(ctx, items, `Payments, ${filter.label.toLowerCase()}`));
    }
    live.textContent = `${items.length} payment${items.length === 1 ? '' : 's'} shown.`;
    const prevButton = h(
      'button',
      {
        type: 'button',
        class: 'button',
        'aria-label': 'Previous page',
        disabled: previous.length === 0 && !current,
        onclick: () => {
          const back = previous.pop();
          void load(back);
        },
      },
      icon('back'),
    );
    const nextButton = h(
      'button',
      {
        type: 'button',
        class: 'button',
        'aria-label': 'Next page',
        disabled: !nextCursor,
        onclick: () => {
          if (!nextCursor) return;
          previous.push(current);
          void load(nextCursor);
        },
      },
      icon('next'),
    );
    pagination.replaceChildren(prevButton, nextButton);
    // Like the Shopify admin: no pager when everything fits on one page.
    pagination.hidden = previous.length === 0 && !current && !nextCursor;
  }

  function filterForm(): HTMLFormElement {
    const field = (name: keyof PaymentListFilters, label: string, type: string, extra = {}) =>
      h(
        'label',
        { class: 'field' },
        h('span', {}, label),
        h('input', { type, name, value: filters[name] ?? '', ...extra }),
      );
    const form = h(
      'form',
      {
        class: 'filters',
        role: 'search',
        'aria-label': 'Filter payments',
        onsubmit: (event: Event) => {
          event.preventDefault();
          const data = new FormData(form);
          const value = (name: string) => String(data.get(name) ?? '').trim() || undefined;
          ctx.navigate(
            hrefOf({
              page: 'payments',
              status,
              cursor: undefined,
              from: value('from'),
              to: value('to'),
              q: value('q'),
            }),
          );
        },
      },
      field('q', 'Search', 'search', {
        placeholder: 'Shopify payment ID or wallet address',
        id: 'payments-search',
      }),
      field('from', 'From', 'date'),
      field('to', 'To', 'date'),
      h(
        'div',
        { class: 'button-row' },
        h('button', { type: 'submit', class: 'button' }, 'Apply'),
        h(
          'a',
          {
            class: 'button',
            id: 'payments-csv',
            href: ctx.api.paymentsCsvUrl({ ...(status ? { status } : {}), ...filters }),
            download: '',
          },
          'Export CSV',
        ),
      ),
    );
    return form;
  }

  const merchant = ctx.session().merchant;
  const element = h(
    'div',
    { class: 'page' },
    pageHeader({
      title: 'Payments',
      subtitle: 'USDC payments your buyers made with Solana Pay at checkout.',
    }),
    h(
      'div',
      { class: 'stack' },
      merchant.configured
        ? null
        : banner(
            'warning',
            'Finish setting up Solana Pay',
            h(
              'p',
              {},
              'Buyers can pay with Solana Pay once you set a payout wallet and activate it.',
            ),
            h(
              'div',
              { class: 'button-row' },
              h('a', { class: 'button', href: hrefOf({ page: 'settings' }) }, 'Go to settings'),
            ),
          ),
      card({ 'aria-label': 'Payments' }, tabs, filterForm(), body, pagination),
      live,
    ),
  );
  void load(startCursor);
  return {
    title: filter.value ? `Payments · ${filter.label}` : 'Payments',
    element,
    dispose: () => {
      disposed = true;
    },
  };
}
