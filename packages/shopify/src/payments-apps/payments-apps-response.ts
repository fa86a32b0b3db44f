import * as z from 'zod';

/** A user error from a mutation payload (`code` only on types that define one). */
export const paymentsAppsUserErrorSchema = z.object({
  field: z.array(z.string()).nullish(),
  message: z.string(),
  code: z.string().nullish(),
});

/** A user error as returned to callers. */
export type PaymentsAppsUserError = z.infer<typeof paymentsAppsUserErrorSchema>;

const stateSchema = z
  .object({
    __typename: z.string().optional(),
    code: z.string().optional(),
    reason: z.string().optional(),
    merchantMessage: z.string().nullish(),
  })
  .nullish();

const sessionSchema = z
  .object({
    id: z.string(),
    state: stateSchema,
    nextAction: z
      .object({
        action: z.string().nullish(),
        context: z.object({ redirectUrl: z.string().nullish() }).nullish(),
      })
      .nullish(),
  })
  .nullish();

/** The payload of any of our mutations (only the fields of the one sent are present). */
export const paymentsAppsPayloadSchema = z.object({
  paymentSession: sessionSchema,
  refundSession: sessionSchema,
  paymentsAppConfiguration: z
    .object({ externalHandle: z.string().nullish(), ready: z.boolean() })
    .nullish(),
  userErrors: z.array(paymentsAppsUserErrorSchema),
});

/** Parsed mutation payload. */
export type PaymentsAppsPayload = z.infer<typeof paymentsAppsPayloadSchema>;

/** `extensions.cost` of an Admin-style GraphQL response (leaky-bucket throttle data). */
export const queryCostSchema = z.object({
  requestedQueryCost: z.number().optional(),
  actualQueryCost: z.number().nullish(),
  throttleStatus: z
    .object({
      maximumAvailable: z.number(),
      currentlyAvailable: z.number(),
      restoreRate: z.number(),
    })
    .optional(),
});

/** Parsed `extensions.cost`. */
export type QueryCost = z.infer<typeof queryCostSchema>;

/** The GraphQL response envelope; `data` is parsed per mutation afterwards. */
export const graphqlEnvelopeSchema = z.object({
  data: z.record(z.string(), z.unknown()).nullish(),
  errors: z
    .array(
      z.object({
        message: z.string(),
        path: z.array(z.union([z.string(), z.number()])).optional(),
        extensions: z.object({ code: z.string().optional() }).loose().optional(),
      }),
    )
    .optional(),
  extensions: z.object({ cost: queryCostSchema.optional() }).loose().optional(),
});

/** Parsed GraphQL envelope. */
export type GraphqlEnvelope = z.infer<typeof graphqlEnvelopeSchema>;
