import { z } from 'zod';

const statusSchema = z
  .string()
  .transform((value) => value.toUpperCase())
  .pipe(z.enum(['OPEN', 'PAID', 'REJECTING', 'REJECTED', 'EXPIRED']));

const limitSchema = (fallback: number) => z.coerce.number().int().min(1).max(100).default(fallback);

/** Query of `GET /portal/payments`. */
export const paymentsQuerySchema = z.object({
  status: statusSchema.optional(),
  cursor: z.string().min(1).max(200).optional(),
  limit: limitSchema(20),
});

/** Query of `GET /portal/refunds`. */
export const refundsQuerySchema = z.object({
  state: z.enum(['open', 'closed']).default('open'),
  limit: limitSchema(50),
});

/** Body of `POST /portal/refunds/{id}/reject`; the 1–500 rule is the use case's. */
export const rejectRefundBodySchema = z.object({ reason: z.string().max(5000) });

/** Body of `PUT /portal/settings/wallet`. */
export const payoutWalletBodySchema = z.object({ payoutWallet: z.string().max(200) });

/** Body of `PUT /portal/settings/token`. */
export const settlementTokenBodySchema = z.object({ settlementToken: z.string().min(1).max(20) });

/** Body of `POST /portal/settings/configure`. */
export const configureBodySchema = z.object({ acceptTerms: z.boolean() });
