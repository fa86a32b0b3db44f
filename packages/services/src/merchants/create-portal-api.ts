import {
  authenticatePortalRequest,
  configurePaymentsApp,
  merchantToken,
  type PaymentFilters,
  type PortalPrincipal,
  rejectMerchantRefund,
  setPayoutWallet,
  setSettlementToken,
  UnknownRecordError,
} from '@solpay/domain';
import {
  decodeRequestComponent,
  jsonResponse,
  type HttpHandlerFunction,
  type HttpRequest,
  type HttpResult,
} from '@solpay/lambda';
import { shopifyOrigin } from '@solpay/shopify';
import { encodePageCursor, decodePageCursor } from './page-cursor';
import { MERCHANT_COOKIES } from './merchant-cookies';
import type { MerchantServices } from './merchant-services';
import {
  configureBodySchema,
  paymentsExportQuerySchema,
  paymentsQuerySchema,
  payoutWalletBodySchema,
  refundsQuerySchema,
  rejectRefundBodySchema,
  settlementTokenBodySchema,
} from './portal-schemas';
import { readSignedCookieValue } from './read-signed-cookie-value';
import { serializeCookie } from './serialize-cookie';
import { paymentsCsv } from './payments-csv';
import { toPortalPaymentDetailView, toPortalPaymentView } from './to-portal-payment-view';
import { toPortalRefundView } from './to-portal-refund-view';

type Route = {
  method: string;
  pattern: RegExp;
  handle: (
    request: HttpRequest,
    principal: PortalPrincipal,
    params: string[],
  ) => Promise<HttpResult>;
};

const OPEN_STATES = ['OPEN', 'REJECTING'] as const;
/** The CSV export reads the list in pages of this size, up to {@link EXPORT_MAX_ROWS} rows. */
const EXPORT_PAGE = 500;
const EXPORT_MAX_ROWS = 50_000;

function filtersOf(query: {
  status?: PaymentFilters['status'] | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  q?: string | undefined;
}): PaymentFilters {
  return {
    status: query.status ?? null,
    from: query.from ?? null,
    to: query.to ?? null,
    search: query.q ? query.q : null,
  };
}
const CLOSED_STATES = ['PAID', 'REJECTED'] as const;

/**
 * The portal API behind purple `ANY /portal/{proxy+}` (one Lambda, internal router). Every
 * route needs a live portal session (signed `portal_session` cookie, else 401); POST/PUT/DELETE
 * also need the session's `X-CSRF-Token` (else 403). Everything is scoped to the signed-in
 * merchant: another merchant's ids are 404. Responses are `Cache-Control: no-store`.
 */
export function createPortalApi(
  services: MerchantServices,
): HttpHandlerFunction<
  unknown,
  Record<string, string>,
  Record<string, string>,
  Record<string, string>
> {
  const { merchant: deps, engine, settings } = services;
  const chain = {
    cluster: settings.cluster,
    rpcUrl: settings.rpcUrl,
    purpleOrigin: settings.purpleOrigin,
  };
  const { portalSession } = MERCHANT_COOKIES;

  const routes: Route[] = [
    {
      method: 'GET',
      pattern: /^\/portal\/session$/,
      async handle(_request, { merchant, session }) {
        const configure = await deps.merchants.latestConfigureStatus(merchant.id);
        const failed =
          configure && (configure.status === 'FAILED' || configure.status === 'EXHAUSTED');
        const token = merchantToken(deps.policy.tokens, merchant.settlementToken);
        return jsonResponse(200, {
          merchant: {
            shop: merchant.shopDomain,
            displayName: merchant.displayName,
            payoutWallet: merchant.payoutWallet,
            configured: merchant.configured,
            mint: token.mint,
            settlementToken: token.symbol,
            cluster: settings.cluster,
          },
          settlementTokens: deps.policy.tokens.map((row) => ({
            symbol: row.symbol,
            currency: row.currency,
            mint: row.mint,
            decimals: row.decimals,
            tokenProgram: row.tokenProgram,
          })),
          csrfToken: session.csrfToken,
          ...(failed
            ? { configureError: configure.error ?? 'Shopify refused the activation' }
            : {}),
        });
      },
    },
    {
      method: 'POST',
      pattern: /^\/portal\/logout$/,
      async handle(_request, { session }) {
        await deps.merchants.revokePortalSession(session.id, deps.clock.now());
        return {
          ...jsonResponse(200, { signedOut: true }),
          cookies: [
            serializeCookie(portalSession.name, '', { ...portalSession, maxAgeSeconds: 0 }),
          ],
        };
      },
    },
    {
      method: 'GET',
      pattern: /^\/portal\/payments$/,
      async handle(request, { merchant }) {
        const query = paymentsQuerySchema.parse(request.query);
        const rows = await deps.portalRecords.listPayments({
          merchantId: merchant.id,
          ...filtersOf(query),
          after: query.cursor ? decodePageCursor(query.cursor) : null,
          limit: query.limit + 1,
        });
        const page = rows.slice(0, query.limit);
        const last = page.at(-1);
        return jsonResponse(200, {
          items: page.map((row) => toPortalPaymentView(row, chain)),
          nextCursor: rows.length > query.limit && last ? encodePageCursor(last) : null,
        });
      },
    },
    {
      method: 'GET',
      pattern: /^\/portal\/payments\/export\.csv$/,
      async handle(request, { merchant }) {
        const filters = filtersOf(paymentsExportQuerySchema.parse(request.query));
        const views = [];
        let after: { createdAt: Date; id: string } | null = null;
        for (;;) {
          const rows = await deps.portalRecords.listPayments({
            merchantId: merchant.id,
            ...filters,
            after,
            limit: EXPORT_PAGE,
          });
          views.push(...rows.map((row) => toPortalPaymentView(row, chain)));
          const last = rows.at(-1);
          if (rows.length < EXPORT_PAGE || !last || views.length >= EXPORT_MAX_ROWS) break;
          after = { createdAt: last.createdAt, id: last.id };
        }
        return {
          statusCode: 200,
          headers: {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': `attachment; filename="solana-pay-payments-${merchant.shopDomain.replace(/\.myshopify\.com$/, '')}.csv"`,
          },
          body: paymentsCsv(views),
        };
      },
    },
    {
      method: 'GET',
      pattern: /^\/portal\/payments\/([^/]+)$/,
      async handle(_request, { merchant }, [paymentId]) {
        const payment = await deps.portalRecords.findPayment(merchant.id, paymentId ?? '');
        if (!payment) throw new UnknownRecordError('Unknown payment');
        return jsonResponse(200, toPortalPaymentDetailView(payment, chain));
      },
    },
    {
      method: 'GET',
      pattern: /^\/portal\/refunds$/,
      async handle(request, { merchant }) {
        const query = refundsQuerySchema.parse(request.query);
        const rows = await deps.portalRecords.listRefunds({
          merchantId: merchant.id,
          statuses: query.state === 'open' ? OPEN_STATES : CLOSED_STATES,
          limit: query.limit,
        });
        return jsonResponse(200, { items: rows.map((row) => toPortalRefundView(row, chain)) });
      },
    },
    {
      method: 'GET',
      pattern: /^\/portal\/refunds\/([^/]+)$/,
      async handle(_request, { merchant }, [refundId]) {
        const refund = await deps.portalRecords.findRefund(merchant.id, refundId ?? '');
        if (!refund) throw new UnknownRecordError('Unknown refund');
        return jsonResponse(200, toPortalRefundView(refund, chain));
      },
    },
    {
      method: 'POST',
      pattern: /^\/portal\/refunds\/([^/]+)\/reject$/,
      async handle(request, { merchant }, [refundId]) {
        const body = rejectRefundBodySchema.parse(request.body);
        const result = await rejectMerchantRefund(
          { engine, portalRecords: deps.portalRecords },
          { merchantId: merchant.id, refundId: refundId ?? '', reason: body.reason },
        );
        return jsonResponse(200, result);
      },
    },
    {
      method: 'PUT',
      pattern: /^\/portal\/settings\/wallet$/,
      async handle(request, { merchant }) {
        const body = payoutWalletBodySchema.parse(request.body);
        return jsonResponse(200, await setPayoutWallet(deps, merchant.id, body.payoutWallet));
      },
    },
    {
      method: 'PUT',
      pattern: /^\/portal\/settings\/token$/,
      async handle(request, { merchant }) {
        const body = settlementTokenBodySchema.parse(request.body);
        return jsonResponse(200, await setSettlementToken(deps, merchant.id, body.settlementToken));
      },
    },
    {
      method: 'POST',
      pattern: /^\/portal\/settings\/configure$/,
      async handle(request, { merchant }) {
        const body = configureBodySchema.parse(request.body);
        await configurePaymentsApp(deps, merchant.id, body);
        const origin = shopifyOrigin({
          shop: merchant.shopDomain,
          adminOrigin: settings.shopifyAdminOrigin,
        });
        return jsonResponse(200, {
          configured: true,
          returnUrl: `${origin}/admin/settings/payments`,
        });
      },
    },
  ];

  return async (request) => {
    const path = request.path.replace(/\/+$/, '');
    let params: string[] = [];
    const route = routes.find((candidate) => {
      if (candidate.method !== request.method) return false;
      const match = candidate.pattern.exec(path);
      if (match)
        params = match.slice(1).map((part) => decodeRequestComponent(part, 'request path'));
      return match !== null;
    });
    if (!route) throw new UnknownRecordError(`No portal route for ${request.method} ${path}`);
    const principal = await authenticatePortalRequest(deps, {
      sessionId: readSignedCookieValue(
        portalSession.name,
        request.cookies[portalSession.name],
        settings.sessionSecret,
      ),
      method: request.method,
      csrfToken: request.headers['x-csrf-token'],
    });
    const result = await route.handle(request, principal, params);
    return { ...result, headers: { ...result.headers, 'cache-control': 'no-store' } };
  };
}
