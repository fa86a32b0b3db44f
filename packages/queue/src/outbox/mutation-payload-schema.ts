import * as z from 'zod';

/**
 * The JSON stored in `ShopifyMutation.payload`: the GraphQL variables to send and, optionally,
 * the API version the session arrived with (Shopify wants mutations on that version).
 */
export const mutationPayloadSchema = z.object({
  variables: z.record(z.string(), z.unknown()),
  apiVersion: z.string().optional(),
});

/** A validated {@link mutationPayloadSchema} value. */
export type MutationPayload = z.infer<typeof mutationPayloadSchema>;
