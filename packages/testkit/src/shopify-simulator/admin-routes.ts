import { adminHomePage, adminOrdersPage, paymentsSettingsPage } from './admin-pages';
import { currentShop } from './current-shop';
import { parseForm, readBody, redirect, sendHtml } from './http-io';
import { issueRefund } from './issue-refund';
import type { Route } from './route';
import { SimulatorInputError } from './simulator-input-error';

/** The merchant side: admin home (apps), orders with refunds, payments settings. */
export const adminRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/admin\/?$/,
    handle(ctx) {
      const { shop, remember } = currentShop(ctx.state, ctx.req, ctx.url);
      sendHtml(
        ctx.res,
        200,
        adminHomePage({
          shop,
          shops: ctx.state.shops,
          appUrl: ctx.state.appUrl,
          configuration: ctx.state.configurations.get(shop),
        }),
        remember,
      );
    },
  },
  {
    method: 'GET',
    pattern: /^\/admin\/orders\/?$/,
    handle(ctx) {
      const { shop, remember } = currentShop(ctx.state, ctx.req, ctx.url);
      sendHtml(
        ctx.res,
        200,
        adminOrdersPage({
          shop,
          orders: ctx.state.orders.filter((o) => o.shop === shop),
          notice: ctx.url.searchParams.get('notice') ?? undefined,
          error: ctx.url.searchParams.get('error') ?? undefined,
        }),
        remember,
      );
    },
  },
  {
    method: 'POST',
    pattern: /^\/admin\/orders\/([A-Za-z0-9]+)\/refunds$/,
    async handle(ctx) {
      const form = parseForm(await readBody(ctx.req));
      const orderId = ctx.params[0] as string;
      const order = ctx.state.orders.find((o) => o.id === orderId);
      const back = (key: 'notice' | 'error', message: string): void =>
        redirect(
          ctx.res,
          `/admin/orders?shop=${encodeURIComponent(order?.shop ?? '')}&${key}=${encodeURIComponent(message)}`,
          303,
        );
      try {
        const result = await issueRefund(ctx.state, {
          orderId,
          amount: (form.amount ?? '').trim(),
        });
        const ok = result.status >= 200 && result.status < 300;
        const label = `${form.amount ?? ''} ${result.order.currency} for ${result.order.name}`;
        if (ok) back('notice', `Refund of ${label} sent to the payment provider.`);
        else
          back(
            'error',
            `The payment provider answered ${result.status === 0 ? 'nothing' : `HTTP ${result.status}`} to the refund of ${label}.`,
          );
      } catch (error) {
        if (!(error instanceof SimulatorInputError)) throw error;
        back('error', error.message);
      }
    },
  },
  {
    method: 'GET',
    pattern: /^\/admin\/settings\/payments\/?$/,
    handle(ctx) {
      const { shop, remember } = currentShop(ctx.state, ctx.req, ctx.url);
      sendHtml(
        ctx.res,
        200,
        paymentsSettingsPage(shop, ctx.state.configurations.get(shop)),
        remember,
      );
    },
  },
];
