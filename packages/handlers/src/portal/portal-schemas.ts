import * as z from 'zod';

const statusSchema = z
  .string()
  .transform((value) => value.toUpperCase())
  .pipe(z.enum(['OPEN', 'PAID', 'REJECTING', 'REJECTED', 'EXPIRED']));

const limitSchema = (fallback: number) => z.coerce.number().int().min(1).max(100).default(fallback);

/** A calendar day `YYYY-MM-DD` (UTC) or a full ISO-8601 instant. */
const dateSchema = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/,
    'expected YYYY-MM-DD or an ISO-8601 time',
  )
  .transform((value) => ({
    value,
    at: new Date(value.length === 10 ? `${value}T00:00:00Z` : value),
  }))
  .refine((date) => !Number.isNaN(date.at.getTime()), 'not a real date');

const DAY_MS = 24 * 60 * 60 * 1000;

/** Filters shared by the payments list and its CSV export. */
const paymentFiltersSchema = z.object({
  status: statusSchema.optional(),
  /** Created on or after this day (or instant). */
  from: dateSchema.optional().transform((d) => d?.at),
  /** Created on or before this day (inclusive), or before this instant. */
  to: dateSchema
    .optional()
    .transform((d) =>
      d ? new Date(d.at.getTime() + (d.value.length === 10 ? DAY_MS : 0)) : undefined,
    ),
  /** Exact Shopify payment id (or gid), or a buyer / payout wallet address. */
  q: z.string().trim().max(200).optional(),
});

/** Query of `GET /portal/payments`. */
export const paymentsQuerySchema = paymentFiltersSchema.extend({
  cursor: z.string().min(1).max(200).optional(),
  limit: limitSchema(20),
});

/** Query of `GET /portal/payments/export.csv`. */
export const paymentsExportQuerySchema = paymentFiltersSchema;

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
