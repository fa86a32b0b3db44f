import * as z from 'zod';

/**
 * One failure the simulator plays instead of answering the next Payments Apps GraphQL call.
 * `afterApply` on `timeout`/`reset` models a lost answer: Shopify performed the mutation, the
 * app never heard back (so a retry must get the same answer).
 */
export const faultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('http'),
    status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(429)]),
    retryAfterSeconds: z.number().int().nonnegative().optional(),
  }),
  z.object({
    kind: z.literal('timeout'),
    ms: z.number().int().nonnegative().max(600_000),
    afterApply: z.boolean().optional(),
  }),
  z.object({ kind: z.literal('reset'), afterApply: z.boolean().optional() }),
  z.object({ kind: z.literal('throttled') }),
  z.object({
    kind: z.literal('user-errors'),
    message: z.string().min(1),
    code: z.string().min(1).optional(),
  }),
]);

/** A fault queued with `injectFaults`; consumed by the next GraphQL call, in order. */
export type Fault = z.infer<typeof faultSchema>;
