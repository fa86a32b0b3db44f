import { currentShop } from './current-shop';
import { parseForm, readBody, redirect, sendHtml } from './http-io';
import { placeOrder, retryCheckout, type PlaceOrderResult } from './place-order';
import type { Route, RouteContext } from './route';
import { SimulatorInputError } from './simulator-input-error';
import {
  cancelledPage,
  checkoutErrorPage,
  notFoundPage,
  storefrontPage,
  thankYouPage,
} from './storefront-pages';

function followOrShow(ctx: RouteContext, result: PlaceOrderResult): void {
  if (result.redirectUrl) return redirect(ctx.res, result.redirectUrl, 303);
  sendHtml(ctx.res, 502, checkoutErrorPage(result.order, result.status, result.body));
}

function orderPage(ctx: RouteContext, render: typeof thankYouPage): void {
  const order = ctx.state.orders.find((o) => o.id === ctx.params[0]);
  if (!order) {
    const { shop } = currentShop(ctx.state, ctx.req, ctx.url);
    return sendHtml(ctx.res, 404, notFoundPage(shop, 'No such order.'));
  }
  sendHtml(ctx.res, 200, render(order));
}

/** The buyer side: store, checkout, thank-you and cancel pages. */
export const storefrontRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/$/,
    handle(ctx) {
      const { shop, remember } = currentShop(ctx.state, ctx.req, ctx.url);
      sendHtml(ctx.res, 200, storefrontPage(shop), remember);
    },
  },
  {
    method: 'POST',
    pattern: /^\/checkout$/,
    async handle(ctx) {
      const form = parseForm(await readBody(ctx.req));
      const shop = form.shop ?? currentShop(ctx.state, ctx.req, ctx.url).shop;
      try {
        const result = await placeOrder(ctx.state, {
          shop,
          amount: (form.amount ?? '').trim(),
          currency: form.currency ?? 'USD',
          test: form.test === '1' || form.test === 'on',
          customer: form.email ? { email: form.email, locale: 'en' } : undefined,
        });
        followOrShow(ctx, result);
      } catch (error) {
        if (!(error instanceof SimulatorInputError)) throw error;
        sendHtml(
          ctx.res,
          400,
          storefrontPage(
            ctx.state.shops.includes(shop) ? shop : (ctx.state.shops[0] as string),
            error.message,
          ),
        );
      }
    },
  },
  {
    method: 'POST',
    pattern: /^\/checkouts\/([A-Za-z0-9]+)\/retry$/,
    async handle(ctx) {
      try {
        followOrShow(ctx, await retryCheckout(ctx.state, ctx.params[0] as string));
      } catch (error) {
        if (!(error instanceof SimulatorInputError)) throw error;
        const { shop } = currentShop(ctx.state, ctx.req, ctx.url);
        sendHtml(ctx.res, error.status, notFoundPage(shop, error.message));
      }
    },
  },
  {
    method: 'GET',
    pattern: /^\/orders\/([A-Za-z0-9]+)\/thank_you$/,
    handle: (ctx) => orderPage(ctx, thankYouPage),
  },
  {
    method: 'GET',
    pattern: /^\/checkouts\/([A-Za-z0-9]+)\/cancelled$/,
    handle: (ctx) => orderPage(ctx, cancelledPage),
  },
];
