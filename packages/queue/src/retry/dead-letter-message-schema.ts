import * as z from 'zod';

/** The message put on the dead-letter queue when a mutation's retries are exhausted. */
export const deadLetterMessageSchema = z.object({
  mutationId: z.uuid(),
  kind: z.string(),
  merchantId: z.uuid(),
  attempts: z.number().int().min(0),
  lastError: z.string().nullable(),
  exhaustedAt: z.iso.datetime(),
});

/** A validated {@link deadLetterMessageSchema} message. */
export type DeadLetterMessage = z.infer<typeof deadLetterMessageSchema>;
