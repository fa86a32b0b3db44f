import type { PaymentsAppsPayload, PaymentsAppsUserError } from './payments-apps-response';

/** Why a send should simply be tried again later. */
export type PaymentsAppsTransientReason =
  'network' | 'timeout' | 'http-5xx' | 'throttled' | 'http-429' | 'bad-response';

/**
 * Classification of one Payments Apps mutation attempt: the contract the outbox relies on.
 *
 * - `success`: done. `redirectUrl` is `nextAction.context.redirectUrl` for payment mutations
 *   (send the buyer there). `alreadyFinal: true` when Shopify answered with user errors that
 *   mean "already done the same way" (counted as success, see `classifyUserErrors`).
 * - `definitive-failure`: Shopify refused; retrying the same request will not help. Mark the
 *   mutation failed and alert. `conflict: true` when the session is already final in the
 *   OTHER direction (e.g. reject after resolve): raise a high-priority alert.
 * - `transient`: retry with back-off; wait at least `retryAfterMs` when given
 *   (`Retry-After` header or computed from the GraphQL throttle status).
 * - `unauthorized`: token expired/invalid or missing scope: refresh the token, then retry.
 * - `shop-unavailable`: shop frozen/unpaid (402), gone (404) or locked (423): park and alert.
 */
export type PaymentsAppsResult =
  | {
      kind: 'success';
      redirectUrl?: string;
      alreadyFinal: boolean;
      data: PaymentsAppsPayload;
    }
  | {
      kind: 'definitive-failure';
      userErrors: PaymentsAppsUserError[];
      conflict: boolean;
      status?: number;
    }
  | {
      kind: 'transient';
      reason: PaymentsAppsTransientReason;
      retryAfterMs?: number;
      status?: number;
    }
  | { kind: 'unauthorized'; status: 401 | 403 }
  | { kind: 'shop-unavailable'; status: 402 | 404 | 423 };
