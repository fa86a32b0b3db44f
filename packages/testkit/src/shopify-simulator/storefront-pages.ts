import { html, type SafeHtml } from './html';
import { orderBadge } from './order-badge';
import { pageLayout, storeName } from './page-layout';
import type { SimOrder } from './sim-order';

/** The storefront: one product and a "Buy with Solana Pay" checkout form. */
export function storefrontPage(shop: string, error?: string): SafeHtml {
  return pageLayout({
    title: storeName(shop),
    area: 'store',
    shop,
    body: html` ${error ? html`<div class="banner critical" role="alert">${error}</div>` : null}
      <section class="card" aria-labelledby="product-title">
        <div class="product">
          <div class="image" role="img" aria-label="Product image: gradient hoodie"></div>
          <div>
            <h2 id="product-title">Gradient hoodie</h2>
            <p class="muted">Soft, warm, and paid in USDC. Choose any price for the demo.</p>
          </div>
        </div>
        <form method="post" action="/checkout">
          <input type="hidden" name="shop" value="${shop}" />
          <label for="amount">Price</label>
          <input
            id="amount"
            name="amount"
            type="text"
            inputmode="decimal"
            value="49.90"
            required
            pattern="\\d+(\\.\\d{1,6})?"
            aria-describedby="amount-help"
          />
          <div id="amount-help" class="muted">A decimal amount, e.g. 49.90</div>
          <label for="currency">Currency</label>
          <select id="currency" name="currency">
            <option value="USD" selected>USD</option>
            <option value="EUR">EUR</option>
            <option value="CAD">CAD</option>
            <option value="GBP">GBP</option>
            <option value="JPY">JPY</option>
            <option value="KWD">KWD (no price feed: refused)</option>
          </select>
          <label for="email">Email</label>
          <input
            id="email"
            name="email"
            type="email"
            value="buyer@example.com"
            autocomplete="email"
          />
          <label class="inline"
            ><input type="checkbox" name="test" value="1" checked /> Test mode (no real
            funds)</label
          >
          <button type="submit">Buy with Solana Pay</button>
        </form>
      </section>`,
  });
}

/** Shown when the app did not accept the payment session. */
export function checkoutErrorPage(order: SimOrder, status: number, body: unknown): SafeHtml {
  const last = order.paymentSessions.at(-1)?.deliveries.at(-1);
  return pageLayout({
    title: 'Payment could not be started',
    area: 'store',
    shop: order.shop,
    body: html` <div class="banner critical" role="alert">
        The payment provider answered ${status === 0 ? 'nothing' : `HTTP ${status}`} for order
        ${order.name}.
      </div>
      <section class="card">
        ${last?.error ? html`<p>Error: ${last.error}</p>` : null}
        <pre>${JSON.stringify(body, null, 2)}</pre>
        <a class="button secondary" href="/?shop=${order.shop}">Back to store</a>
      </section>`,
  });
}

/** The page Shopify's `redirectUrl` points to after resolve (or pending). */
export function thankYouPage(order: SimOrder): SafeHtml {
  const paid = ['paid', 'partially-refunded', 'refunded'].includes(order.status);
  const title = paid
    ? 'Thank you — order paid'
    : order.status === 'pending'
      ? 'Thank you — payment processing'
      : 'Thank you — waiting for payment';
  return pageLayout({
    title,
    area: 'store',
    shop: order.shop,
    body: html` <section class="card" aria-live="polite">
      <p>
        Order <strong>${order.name}</strong> · ${order.amount} ${order.currency}
        ${orderBadge(order.status)}
      </p>
      <p class="muted">Payment id: ${order.paymentSessions.at(-1)?.id ?? '—'}</p>
      <a class="button secondary" href="/?shop=${order.shop}">Continue shopping</a>
    </section>`,
  });
}

/** The `cancel_url` page (and where a rejected session sends the buyer). */
export function cancelledPage(order: SimOrder): SafeHtml {
  const rejected = order.status === 'rejected';
  // Shopify words the return by the rejection reason: a cancelled (here: expired unpaid)
  // payment was never declined.
  const cancelled = order.paymentSessions.at(-1)?.reason?.code === 'CANCELLED_PAYMENT';
  const paid = ['paid', 'partially-refunded', 'refunded'].includes(order.status);
  return pageLayout({
    title: rejected && !cancelled ? 'Payment was declined' : 'Payment not completed',
    area: 'store',
    shop: order.shop,
    body: html` <section class="card">
      <p>
        Order <strong>${order.name}</strong> · ${order.amount} ${order.currency}
        ${orderBadge(order.status)}
      </p>
      ${
        paid
          ? html`<p>This order is already paid.</p>`
          : html`<p>You can try paying again, or go back to the store.</p>
              <form method="post" action="/checkouts/${order.id}/retry">
                <button type="submit">Try paying again</button>
              </form>`
      }
      <a class="button secondary" href="/?shop=${order.shop}">Back to store</a>
    </section>`,
  });
}

/** A plain "not found" page. */
export function notFoundPage(shop: string, what: string): SafeHtml {
  return pageLayout({
    title: 'Not found',
    area: 'store',
    shop,
    body: html`<section class="card"><p>${what}</p></section>`,
  });
}
