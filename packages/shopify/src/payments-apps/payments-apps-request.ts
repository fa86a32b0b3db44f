import * as z from 'zod';

/** The Payments Apps API mutations this app sends. */
export const paymentsAppsMutationNames = [
  'paymentSessionResolve',
  'paymentSessionReject',
  'refundSessionResolve',
  'refundSessionReject',
  'paymentsAppConfigure',
] as const;

/** Name of one Payments Apps mutation. */
export type PaymentsAppsMutationName = (typeof paymentsAppsMutationNames)[number];

/**
 * Rejection codes this offsite app uses for payment sessions. `RISKY` = screening hit,
 * `CANCELLED_PAYMENT` = the session expired unpaid, `PROCESSING_ERROR` = anything else.
 * `AMOUNT_TOO_SMALL` / `AMOUNT_TOO_LARGE` / `CANCELLED_PAYMENT` exist only from API version
 * 2026-04: sending them to a version without them is a definitive GraphQL error (see
 * `paymentSessionRejectCodeForExpiry`).
 */
export const paymentSessionRejectCodes = [
  'RISKY',
  'PROCESSING_ERROR',
  'AMOUNT_TOO_SMALL',
  'AMOUNT_TOO_LARGE',
  'CANCELLED_PAYMENT',
] as const;

/** One of {@link paymentSessionRejectCodes}. */
export type PaymentSessionRejectCode = (typeof paymentSessionRejectCodes)[number];

const paymentSessionGid = z
  .string()
  .regex(/^gid:\/\/shopify\/PaymentSession\/[^/\s]+$/, 'expected a PaymentSession gid');
const refundSessionGid = z
  .string()
  .regex(/^gid:\/\/shopify\/RefundSession\/[^/\s]+$/, 'expected a RefundSession gid');
const merchantMessage = z.string().min(1).max(1000);

/** Variables of `paymentSessionResolve`. */
export const paymentSessionResolveVariablesSchema = z.object({ id: paymentSessionGid });
/** Variables of `paymentSessionReject`. */
export const paymentSessionRejectVariablesSchema = z.object({
  id: paymentSessionGid,
  reason: z.object({ code: z.enum(paymentSessionRejectCodes), merchantMessage }),
});
/** Variables of `refundSessionResolve`. */
export const refundSessionResolveVariablesSchema = z.object({ id: refundSessionGid });
/** Variables of `refundSessionReject` (the only code Shopify defines is `PROCESSING_ERROR`). */
export const refundSessionRejectVariablesSchema = z.object({
  id: refundSessionGid,
  reason: z.object({ code: z.literal('PROCESSING_ERROR'), merchantMessage }),
});
/** Variables of `paymentsAppConfigure`. */
export const paymentsAppConfigureVariablesSchema = z.object({
  externalHandle: z.string().min(1).max(255),
  ready: z.boolean(),
});

/**
 * A mutation plus its variables, without shop or token: the shape to persist in the outbox
 * and to put on queues (parse stored values with this schema before sending).
 */
export const paymentsAppsMutationRequestSchema = z.discriminatedUnion('mutation', [
  z.object({
    mutation: z.literal('paymentSessionResolve'),
    variables: paymentSessionResolveVariablesSchema,
  }),
  z.object({
    mutation: z.literal('paymentSessionReject'),
    variables: paymentSessionRejectVariablesSchema,
  }),
  z.object({
    mutation: z.literal('refundSessionResolve'),
    variables: refundSessionResolveVariablesSchema,
  }),
  z.object({
    mutation: z.literal('refundSessionReject'),
    variables: refundSessionRejectVariablesSchema,
  }),
  z.object({
    mutation: z.literal('paymentsAppConfigure'),
    variables: paymentsAppConfigureVariablesSchema,
  }),
]);

/** A mutation plus its variables (see {@link paymentsAppsMutationRequestSchema}). */
export type PaymentsAppsMutationRequest = z.infer<typeof paymentsAppsMutationRequestSchema>;

/** `paymentSessionResolve(id)` for the session's `gid`. */
export function paymentSessionResolveRequest(gid: string): PaymentsAppsMutationRequest {
  return { mutation: 'paymentSessionResolve', variables: { id: gid } };
}

/** `paymentSessionReject(id, reason)`; use `RISKY` for screening hits, else `PROCESSING_ERROR`. */
export function paymentSessionRejectRequest(
  gid: string,
  reason: { code: PaymentSessionRejectCode; merchantMessage: string },
): PaymentsAppsMutationRequest {
  return {
    mutation: 'paymentSessionReject',
    variables: { id: gid, reason: { code: reason.code, merchantMessage: reason.merchantMessage } },
  };
}

/** `refundSessionResolve(id)` for the refund session's `gid`. */
export function refundSessionResolveRequest(gid: string): PaymentsAppsMutationRequest {
  return { mutation: 'refundSessionResolve', variables: { id: gid } };
}

/** `refundSessionReject(id, { code: PROCESSING_ERROR, merchantMessage })`. */
export function refundSessionRejectRequest(
  gid: string,
  merchantMessage: string,
): PaymentsAppsMutationRequest {
  return {
    mutation: 'refundSessionReject',
    variables: { id: gid, reason: { code: 'PROCESSING_ERROR', merchantMessage } },
  };
}

/** `paymentsAppConfigure(externalHandle, ready)`: `ready: true` once onboarding is complete. */
export function paymentsAppConfigureRequest(input: {
  externalHandle: string;
  ready: boolean;
}): PaymentsAppsMutationRequest {
  return {
    mutation: 'paymentsAppConfigure',
    variables: { externalHandle: input.externalHandle, ready: input.ready },
  };
}
