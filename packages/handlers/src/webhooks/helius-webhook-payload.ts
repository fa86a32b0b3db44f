import * as z from 'zod';

/** Most transactions accepted in one delivery (Helius batches a few; more is not Helius). */
export const HELIUS_MAX_ITEMS = 100;

const signature = z.string().regex(/^[1-9A-HJ-NP-Za-km-z]{64,90}$/, 'must be a base58 signature');

/** A raw webhook item: the `getTransaction` JSON shape (specs §C.1); other fields tolerated. */
const rawItem = z
  .looseObject({ transaction: z.looseObject({ signatures: z.array(signature).min(1) }) })
  .transform((item) => item.transaction.signatures[0] as string);

/** An enhanced webhook item: Helius' parsed summary with a top-level `signature`. */
const enhancedItem = z.looseObject({ signature }).transform((item) => item.signature);

/**
 * The body of a Helius webhook delivery: a JSON array of raw or enhanced transactions (both are
 * accepted, mixed or not). Only the signatures are used — as hints: chain data decides.
 */
export const heliusWebhookPayloadSchema = z
  .array(z.union([enhancedItem, rawItem]))
  .max(HELIUS_MAX_ITEMS, `at most ${HELIUS_MAX_ITEMS} transactions per delivery`);

/** A validated Helius delivery: the transaction signature of each item. */
export type HeliusWebhookPayload = z.output<typeof heliusWebhookPayloadSchema>;

/** The distinct transaction signatures of a delivery, in order (duplicates happen). */
export function heliusSignatures(payload: HeliusWebhookPayload): string[] {
  return [...new Set(payload)];
}
