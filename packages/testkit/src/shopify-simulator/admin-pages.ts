import { fromMicroUnits, toMicroUnits } from './decimal-amount';
import { html, type SafeHtml } from './html';
import { orderBadge, refundBadge } from './order-badge';
import { committedRefundMicroUnits } from './order-status';
import { pageLayout, storeName } from './page-layout';
import type { SimOrder } from './sim-order';
import type { PaymentsAppConfiguration } from './simulator-state';

/** Admin home: the shop's apps, with the link that starts the app's install flow. */
export function adminHomePage(input: {
  shop: string;
  shops: string[];
  appUrl: string | null;
  configuration: PaymentsAppConfiguration | undefined;
}): SafeHtml {
  const { shop } = input;
  return pageLayout({
    title: `${storeName(shop)} admin`,
    area: 'admin',
    shop,
    body: html` ${
        input.shops.length > 1
          ? html`<section class="card">
              <h2>Stores</h2>
              <ul>
                ${input.shops.map(
                  (s) =>
                    html`<li>
                      <a href="/admin?shop=${s}">${s}</a>${s === shop ? ' (current)' : ''}
                    </li>`,
                )}
              </ul>
            </section>`
          : null
      }
      <section class="card" aria-labelledby="apps">
        <h2 id="apps">Apps</h2>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">App</th>
                <th scope="col">Status</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>
                  Solana Pay
                  <div class="muted">USDC payments on Solana</div>
                </td>
                <td>
                  ${
                    input.configuration?.ready
                      ? html`<span class="badge success">Active</span>`
                      : input.configuration
                        ? html`<span class="badge attention">Not ready</span>`
                        : html`<span class="badge">Not set up</span>`
                  }
                </td>
                <td>
                  ${
                    input.appUrl
                      ? html`<a
                          class="button"
                          style="margin-top:0"
                          href="/admin/apps/install?shop=${shop}"
                          >Install Solana Pay</a
                        >`
                      : html`<span class="muted">No app URL configured</span>`
                  }
                </td>
              </tr>
            </tbody>
          </table>
        </div>
      </section>
      <section class="card">
        <h2>Shortcuts</h2>
        <p>
          <a href="/admin/orders?shop=${shop}">Orders</a> ·
          <a href="/admin/settings/payments?shop=${shop}">Payment settings</a> ·
          <a href="/?shop=${shop}">Storefront</a>
        </p>
      </section>`,
  });
}

/** Admin orders: payment state per order and a refund form for paid orders. */
export function adminOrdersPage(input: {
  shop: string;
  orders: SimOrder[];
  notice?: string;
  error?: string;
}): SafeHtml {
  const rows = input.orders
    .slice()
    .reverse()
    .map((order) => {
      const refundable = toMicroUnits(order.amount) - committedRefundMicroUnits(order);
      const canRefund =
        order.paymentSessions.some((s) => s.state === 'resolved') && refundable > 0n;
      return html`<tr>
        <td data-label="Order">
          <strong>${order.name}</strong>
          <div class="muted">${order.createdAt.replace('T', ' ').slice(0, 19)}</div>
          <div class="muted">Payment id: ${order.paymentSessions.at(-1)?.id ?? '—'}</div>
        </td>
        <td data-label="Total">
          ${order.amount}
          ${order.currency}${order.test ? html` <span class="badge">Test</span>` : null}
        </td>
        <td data-label="Payment">
          ${orderBadge(order.status)}${
            order.paymentSessions.at(-1)?.reason
              ? html`<div class="muted">${order.paymentSessions.at(-1)?.reason?.code}</div>`
              : null
          }
        </td>
        <td data-label="Refunds">
          ${
            order.refunds.length === 0
              ? html`<span class="muted">—</span>`
              : html`<ul style="margin:0;padding-left:16px">
                  ${order.refunds.map(
                    (r) =>
                      html`<li>
                        ${r.amount} ${r.currency}
                        ${refundBadge(
                          r.state,
                          r.deliveries.some((d) => d.status >= 200 && d.status < 300),
                        )}${r.reason?.merchantMessage ? html`<div class="muted">${r.reason.merchantMessage}</div>` : null}
                      </li>`,
                  )}
                </ul>`
          }
        </td>
        <td data-label="Refund">
          ${
            canRefund
              ? html`<form method="post" action="/admin/orders/${order.id}/refunds" class="row">
                  <div>
                    <label for="refund-${order.id}" style="margin-top:0">Refund amount</label>
                    <input
                      id="refund-${order.id}"
                      name="amount"
                      type="text"
                      inputmode="decimal"
                      value="${fromMicroUnits(refundable)}"
                      style="max-width:120px"
                      required
                    />
                  </div>
                  <button type="submit" class="secondary" style="margin-top:0">Refund</button>
                </form>`
              : null
          }
        </td>
      </tr>`;
    });
  return pageLayout({
    title: 'Orders',
    area: 'admin',
    shop: input.shop,
    body: html` ${input.notice ? html`<div class="banner success" role="status">${input.notice}</div>` : null}
      ${input.error ? html`<div class="banner critical" role="alert">${input.error}</div>` : null}
      <section class="card">
        ${
          input.orders.length === 0
            ? html`<p>No orders yet. <a href="/?shop=${input.shop}">Place one in the store.</a></p>`
            : html`<div class="table-wrap">
                <table class="stack">
                  <thead>
                    <tr>
                      <th scope="col">Order</th>
                      <th scope="col">Total</th>
                      <th scope="col">Payment</th>
                      <th scope="col">Refunds</th>
                      <th scope="col">Refund</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${rows}
                  </tbody>
                </table>
              </div>`
        }
      </section>`,
  });
}

/** Settings › Payments: whether the app reported `paymentsAppConfigure(ready: true)`. */
export function paymentsSettingsPage(
  shop: string,
  configuration: PaymentsAppConfiguration | undefined,
): SafeHtml {
  return pageLayout({
    title: 'Payments',
    area: 'admin',
    shop,
    body: html` <section class="card" aria-labelledby="provider">
      <h2 id="provider">Solana Pay</h2>
      ${
        configuration
          ? html`<p>
                Status:
                ${
                  configuration.ready
                    ? html`<span class="badge success" data-testid="payments-app-status"
                        >Ready to accept payments</span
                      >`
                    : html`<span class="badge attention" data-testid="payments-app-status"
                        >Not ready</span
                      >`
                }
              </p>
              <p>Account: <strong>${configuration.externalHandle ?? '—'}</strong></p>
              <p class="muted">Last configured ${configuration.at}</p>`
          : html`<p><span class="badge" data-testid="payments-app-status">Not configured</span></p>
              <p class="muted">The app has not called paymentsAppConfigure for this store yet.</p>`
      }
    </section>`,
  });
}
