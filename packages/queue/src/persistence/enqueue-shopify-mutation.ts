import {
  type Prisma,
  type ShopifyMutation,
  type ShopifyMutationKind,
  jsonbSql,
  sql,
  type Sql,
} from '@solpay/db';
import type { MutationPayload } from '../outbox/mutation-payload-schema';

/** What to put in the outbox. */
export interface EnqueueShopifyMutationInput {
  kind: ShopifyMutationKind;
  merchantId: string;
  paymentId?: string;
  refundId?: string;
  /** GraphQL variables, exactly as they will be sent. */
  variables: Record<string, unknown>;
  /** One logical mutation per key, e.g. `PAYMENT_SESSION_RESOLVE:<paymentId>`. */
  dedupeKey: string;
  /** API version to call (the session's `Shopify-Api-Version`); default: the client's. */
  apiVersion?: string;
}

/**
 * Writes a Shopify mutation to the outbox inside the caller's transaction, so it commits (or not)
 * together with the state change that causes it. Idempotent on `dedupeKey`: a second call returns
 * the existing row unchanged. After the commit the caller should call `dispatcher.dispatchSoon(id)`;
 * if it crashes first, `sweepOutbox` sends the row.
 */
export async function enqueueShopifyMutation(
  tx: Prisma.TransactionClient,
  input: EnqueueShopifyMutationInput,
): Promise<ShopifyMutation> {
  const payload: MutationPayload = {
    variables: input.variables,
    ...(input.apiVersion === undefined ? {} : { apiVersion: input.apiVersion }),
  };
  // A no-op update (same dedupeKey) makes Prisma issue one INSERT … ON CONFLICT DO UPDATE, so an
  // existing key raises no unique violation (which would abort the caller's transaction). With an
  // empty `update` Prisma 6.19 falls back to SELECT-then-INSERT, which races under concurrency.
  return tx.shopifyMutation.upsert({
    where: { dedupeKey: input.dedupeKey },
    create: {
      kind: input.kind,
      dedupeKey: input.dedupeKey,
      merchantId: input.merchantId,
      paymentId: input.paymentId ?? null,
      refundId: input.refundId ?? null,
      payload: payload as Prisma.InputJsonObject,
    },
    update: { dedupeKey: input.dedupeKey },
  });
}

/**
 * {@link enqueueShopifyMutation} as one SQL statement, for callers that send their statements
 * over `pg` (`directSql`): the same `INSERT … ON CONFLICT (dedupe_key) DO UPDATE` Prisma sends,
 * with the generated defaults (id, timestamps) set here, returning the row's `id` (new or
 * existing). Use it on its own or as a `WITH` item of a larger statement.
 */
export function enqueueShopifyMutationSql(input: EnqueueShopifyMutationInput, now: Date): Sql {
  const payload: MutationPayload = {
    variables: input.variables,
    ...(input.apiVersion === undefined ? {} : { apiVersion: input.apiVersion }),
  };
  return sql`
    INSERT INTO shopify_mutations (id, kind, dedupe_key, merchant_id, payment_id, refund_id,
      payload, next_attempt_at, created_at, updated_at)
    VALUES (gen_random_uuid(), ${input.kind}::"ShopifyMutationKind", ${input.dedupeKey},
      ${input.merchantId}::uuid, ${input.paymentId ?? null}::uuid, ${input.refundId ?? null}::uuid,
      ${jsonbSql(payload)}, ${now}, ${now}, ${now})
    ON CONFLICT (dedupe_key) DO UPDATE
      SET dedupe_key = EXCLUDED.dedupe_key, updated_at = EXCLUDED.updated_at
    RETURNING id::text AS id`;
}
