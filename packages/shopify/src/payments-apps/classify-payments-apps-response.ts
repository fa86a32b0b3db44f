import { classifyUserErrors } from './classify-user-errors';
import type { PaymentsAppsMutationName } from './payments-apps-request';
import {
  graphqlEnvelopeSchema,
  paymentsAppsPayloadSchema,
  type GraphqlEnvelope,
  type PaymentsAppsUserError,
} from './payments-apps-response';
import type { PaymentsAppsResult } from './payments-apps-result';
import { parseRetryAfterMs, throttleWaitMs } from './retry-after';

/** An HTTP answer from the Payments Apps endpoint, body fully read. */
export interface PaymentsAppsHttpAnswer {
  status: number;
  /** Value of the `Retry-After` header, if any. */
  retryAfter?: string | null | undefined;
  bodyText: string;
}

/** Top-level GraphQL error codes that are Shopify-side hiccups, worth retrying. */
const TRANSIENT_GRAPHQL_CODES = new Set([
  'INTERNAL_SERVER_ERROR',
  'SERVICE_UNAVAILABLE',
  'TIMEOUT',
]);

/**
 * Maps one HTTP answer of `/payments_apps/api/{version}/graphql.json` to a
 * {@link PaymentsAppsResult}:
 * - 401/403 → `unauthorized`; 402/404/423 → `shop-unavailable`;
 * - 429 → transient `http-429`, 5xx → transient `http-5xx`, 408 → transient `timeout`
 *   (each with `Retry-After` when sent);
 * - other non-2xx (3xx, 400, 422, …) → `definitive-failure` (the same request cannot succeed);
 * - 2xx whose body is not a GraphQL envelope → transient `bad-response`;
 * - top-level `errors` with `extensions.code: THROTTLED` → transient `throttled`, waiting as
 *   computed from `extensions.cost.throttleStatus` (else `Retry-After`);
 * - other top-level errors without a payload → transient for Shopify-internal codes,
 *   otherwise `definitive-failure` (e.g. a GraphQL validation error: a bug on our side);
 * - payload with empty `userErrors` → `success`; with user errors → see `classifyUserErrors`.
 */
export function classifyPaymentsAppsResponse(
  mutation: PaymentsAppsMutationName,
  answer: PaymentsAppsHttpAnswer,
  now: Date,
): PaymentsAppsResult {
  const { status } = answer;
  const retryAfterMs = parseRetryAfterMs(answer.retryAfter, now);
  const withRetryAfter = retryAfterMs === undefined ? {} : { retryAfterMs };

  if (status === 401 || status === 403) return { kind: 'unauthorized', status };
  if (status === 402 || status === 404 || status === 423) {
    return { kind: 'shop-unavailable', status };
  }
  if (status === 429) return { kind: 'transient', reason: 'http-429', status, ...withRetryAfter };
  if (status >= 500) return { kind: 'transient', reason: 'http-5xx', status, ...withRetryAfter };
  if (status === 408) return { kind: 'transient', reason: 'timeout', status, ...withRetryAfter };
  if (status < 200 || status > 299) {
    return {
      kind: 'definitive-failure',
      userErrors: [{ field: null, message: `HTTP ${status} from Shopify`, code: `HTTP_${status}` }],
      conflict: false,
      status,
    };
  }

  const envelope = parseEnvelope(answer.bodyText);
  if (envelope === undefined) return { kind: 'transient', reason: 'bad-response', status };

  const errors = envelope.errors ?? [];
  if (errors.some((error) => error.extensions?.code === 'THROTTLED')) {
    const wait = throttleWaitMs(envelope.extensions?.cost) ?? retryAfterMs;
    return {
      kind: 'transient',
      reason: 'throttled',
      status,
      ...(wait === undefined ? {} : { retryAfterMs: wait }),
    };
  }

  const rawPayload = envelope.data?.[mutation];
  if (rawPayload === undefined || rawPayload === null) {
    if (errors.length === 0) return { kind: 'transient', reason: 'bad-response', status };
    if (errors.some((error) => TRANSIENT_GRAPHQL_CODES.has(error.extensions?.code ?? ''))) {
      return { kind: 'transient', reason: 'bad-response', status, ...withRetryAfter };
    }
    return {
      kind: 'definitive-failure',
      userErrors: errors.map(toUserError),
      conflict: false,
      status,
    };
  }

  const payload = paymentsAppsPayloadSchema.safeParse(rawPayload);
  if (!payload.success) return { kind: 'transient', reason: 'bad-response', status };

  const data = payload.data;
  const redirectUrl = data.paymentSession?.nextAction?.context?.redirectUrl ?? undefined;
  const success = (alreadyFinal: boolean): PaymentsAppsResult => ({
    kind: 'success',
    alreadyFinal,
    data,
    ...(redirectUrl === undefined ? {} : { redirectUrl }),
  });

  if (data.userErrors.length === 0) return success(false);
  const verdict = classifyUserErrors(mutation, data.userErrors, data);
  if (verdict.kind === 'already-final') return success(true);
  return { kind: 'definitive-failure', userErrors: data.userErrors, conflict: verdict.conflict };
}

function parseEnvelope(text: string): GraphqlEnvelope | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = graphqlEnvelopeSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

function toUserError(error: NonNullable<GraphqlEnvelope['errors']>[number]): PaymentsAppsUserError {
  const code = error.extensions?.code;
  return {
    field: error.path?.map(String) ?? null,
    message: error.message,
    ...(code === undefined ? {} : { code }),
  };
}
