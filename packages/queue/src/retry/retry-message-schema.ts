import * as z from 'zod';

/**
 * The message on the Shopify retry queue, and the input of the retry state machine:
 * wait `delaySeconds`, then make attempt number `attempt` of mutation `mutationId`.
 * `dueAt` is when the row becomes due; it tells apart schedules of the same attempt number
 * made before and after an operator replay.
 */
export const retryMessageSchema = z.object({
  mutationId: z.uuid(),
  attempt: z.number().int().min(1),
  delaySeconds: z.number().int().min(0).max(31_536_000),
  dueAt: z.iso.datetime(),
});

/** A validated {@link retryMessageSchema} message. */
export type RetryMessage = z.infer<typeof retryMessageSchema>;
