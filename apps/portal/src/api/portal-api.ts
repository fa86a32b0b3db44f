import * as z from 'zod/mini';
import type { ApiFailure, ApiResult } from './api-result';
import {
  apiErrorSchema,
  configuredSchema,
  rejectOutcomeSchema,
  tokenSavedSchema,
  walletSavedSchema,
  type Configured,
  type RejectOutcome,
  type TokenSaved,
  type WalletSaved,
} from './portal-answers';
import {
  portalPaymentDetailSchema,
  portalPaymentPageSchema,
  type PortalPaymentDetail,
  type PortalPaymentPage,
} from './portal-payment';
import {
  portalRefundDetailSchema,
  portalRefundListSchema,
  type PortalRefund,
  type PortalRefundDetail,
} from './portal-refund';
import { portalSessionSchema, type PortalSession } from './portal-session';

/** Query of {@link PortalApi.payments}. */
export interface PaymentsQuery {
  /** Only payments in this status (`PAID`, `OPEN`, …); all when absent. */
  status?: string;
  /** Opaque cursor from the previous page's `nextCursor`. */
  cursor?: string;
  limit?: number;
  /** Created on or after this day (`YYYY-MM-DD`). */
  from?: string;
  /** Created on or before this day (`YYYY-MM-DD`). */
  to?: string;
  /** Exact Shopify payment id, or a wallet address. */
  q?: string;
}

/** The query string of the payments list and its CSV export (`?…`, or empty). */
export function paymentsQueryString(query: PaymentsQuery): string {
  const params = new URLSearchParams();
  if (query.status) params.set('status', query.status);
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.q) params.set('q', query.q);
  if (query.cursor) params.set('cursor', query.cursor);
  if (query.limit) params.set('limit', String(query.limit));
  return params.size > 0 ? `?${params}` : '';
}

/** The purple `/portal/*` API as the portal page uses it. */
export interface PortalApi {
  /** `GET /portal/session`; also remembers the CSRF token for later writes. */
  session(): Promise<ApiResult<PortalSession>>;
  /** `POST /portal/logout`. */
  logout(): Promise<ApiResult<unknown>>;
  /** `GET /portal/payments`, newest first. */
  payments(query: PaymentsQuery): Promise<ApiResult<PortalPaymentPage>>;
  /** `GET /portal/payments/{id}`: the payment, its refunds and its Shopify timeline. */
  payment(id: string): Promise<ApiResult<PortalPaymentDetail>>;
  /** Link of `GET /portal/payments/export.csv` with the same filters (the cookie authenticates). */
  paymentsCsvUrl(query: PaymentsQuery): string;
  /** `GET /portal/refunds?state=open|closed`. */
  refunds(state: 'open' | 'closed'): Promise<ApiResult<PortalRefund[]>>;
  /** `GET /portal/refunds/{id}`. */
  refund(id: string): Promise<ApiResult<PortalRefundDetail>>;
  /** `POST /portal/refunds/{id}/reject { reason }`. */
  rejectRefund(id: string, reason: string): Promise<ApiResult<RejectOutcome>>;
  /** `PUT /portal/settings/wallet { payoutWallet }`. */
  saveWallet(payoutWallet: string): Promise<ApiResult<WalletSaved>>;
  /** `PUT /portal/settings/token { settlementToken }`. */
  saveToken(settlementToken: string): Promise<ApiResult<TokenSaved>>;
  /** `POST /portal/settings/configure { acceptTerms: true }`. */
  configure(): Promise<ApiResult<Configured>>;
}

/** Dependencies of {@link createPortalApi}. */
export interface PortalApiDeps {
  /** Origin of the purple API. */
  purpleOrigin: string;
  fetchFn?: typeof fetch;
}

function failureOf(status: number, body: unknown): ApiFailure {
  const parsed = apiErrorSchema.safeParse(body);
  const code = parsed.success ? parsed.data.code : undefined;
  const serverMessage = parsed.success ? parsed.data.message : undefined;
  const base = { status, ...(code === undefined ? {} : { code }) };
  if (status === 401) {
    return { ok: false, reason: 'signed-out', ...base, message: 'Your session has ended.' };
  }
  if (status === 404) {
    return { ok: false, reason: 'not-found', ...base, message: serverMessage ?? 'Not found.' };
  }
  if (status >= 400 && status < 500) {
    return {
      ok: false,
      reason: 'refused',
      ...base,
      message: serverMessage ?? `The request was refused (HTTP ${status}).`,
    };
  }
  return {
    ok: false,
    reason: 'unavailable',
    ...base,
    message: 'Solana Pay is unavailable right now. Try again in a moment.',
  };
}

/**
 * A client of the purple portal API: cookie session (`credentials: 'include'`, the API allows
 * the portal origin), the session's CSRF token in `X-CSRF-Token` on every write, and every
 * answer validated. When a write is refused with 403 the token is refreshed once and the write
 * retried (the session may have been renewed in another tab).
 */
export function createPortalApi(deps: PortalApiDeps): PortalApi {
  const fetchFn = deps.fetchFn ?? ((input, init) => fetch(input, init));
  let csrfToken: string | undefined;

  async function call<T>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    schema: z.ZodMiniType<T>,
    body?: unknown,
    retried = false,
  ): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (method !== 'GET') {
      headers['Content-Type'] = 'application/json';
      if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
    }
    let response: Response;
    try {
      response = await fetchFn(new URL(path, deps.purpleOrigin), {
        method,
        headers,
        credentials: 'include',
        cache: 'no-store',
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      return {
        ok: false,
        reason: 'unavailable',
        status: 0,
        message: 'Solana Pay cannot be reached. Check your connection and try again.',
      };
    }
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      if (response.status === 403 && method !== 'GET' && !retried) {
        const fresh = await session();
        if (fresh.ok) return call(method, path, schema, body, true);
      }
      return failureOf(response.status, json);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      return {
        ok: false,
        reason: 'unavailable',
        status: response.status,
        message: 'Solana Pay sent an unexpected answer.',
      };
    }
    return { ok: true, data: parsed.data };
  }

  async function session(): Promise<ApiResult<PortalSession>> {
    const result = await call('GET', '/portal/session', portalSessionSchema);
    if (result.ok) csrfToken = result.data.csrfToken;
    return result;
  }

  return {
    session,
    async logout() {
      const result = await call('POST', '/portal/logout', z.unknown(), {});
      csrfToken = undefined;
      return result;
    },
    payments(query) {
      return call('GET', `/portal/payments${paymentsQueryString(query)}`, portalPaymentPageSchema);
    },
    payment(id) {
      return call('GET', `/portal/payments/${encodeURIComponent(id)}`, portalPaymentDetailSchema);
    },
    paymentsCsvUrl(query) {
      const { status, from, to, q } = query;
      return new URL(
        `/portal/payments/export.csv${paymentsQueryString({ status, from, to, q })}`,
        deps.purpleOrigin,
      ).toString();
    },
    async refunds(state) {
      const result = await call('GET', `/portal/refunds?state=${state}`, portalRefundListSchema);
      return result.ok ? { ok: true, data: result.data.items } : result;
    },
    refund(id) {
      return call('GET', `/portal/refunds/${encodeURIComponent(id)}`, portalRefundDetailSchema);
    },
    async rejectRefund(id, reason) {
      const result = await call(
        'POST',
        `/portal/refunds/${encodeURIComponent(id)}/reject`,
        rejectOutcomeSchema,
        { reason },
      );
      return result.ok ? { ok: true, data: result.data.outcome } : result;
    },
    saveWallet(payoutWallet) {
      return call('PUT', '/portal/settings/wallet', walletSavedSchema, { payoutWallet });
    },
    saveToken(settlementToken) {
      return call('PUT', '/portal/settings/token', tokenSavedSchema, { settlementToken });
    },
    configure() {
      return call('POST', '/portal/settings/configure', configuredSchema, { acceptTerms: true });
    },
  };
}
