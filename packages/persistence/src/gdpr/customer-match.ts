import type { Prisma } from '@solpay/db';
import type { GdprCustomer } from '@solpay/domain';

/**
 * The payment records of one merchant that belong to a buyer: same email (case-insensitive) or
 * same phone. Payment sessions carry no Shopify order ids, so the webhook's order ids cannot
 * select anything more; `null` when the webhook names neither email nor phone (nothing matches).
 */
export function customerPaymentFilter(
  merchantId: string,
  customer: GdprCustomer,
): Prisma.PaymentRecordWhereInput | null {
  const email = customer.email?.trim();
  const phone = customer.phone?.trim();
  const any: Prisma.PaymentRecordWhereInput[] = [];
  if (email) any.push({ customerEmail: { equals: email, mode: 'insensitive' } });
  if (phone) any.push({ customerPhone: phone });
  return any.length === 0 ? null : { merchantId, OR: any };
}
