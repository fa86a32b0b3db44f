import { randomUUID } from 'node:crypto';
import { type Prisma, prismaDbNull, type PrismaClient, type TransactionClient } from '@solpay/db';
import {
  GDPR_TOPIC_ENUM,
  REDACTED,
  redactGdprCustomer,
  scrubGdprPayload,
  type GdprActionResult,
  type GdprCustomer,
  type GdprDelivery,
  type GdprStorePort,
} from '@solpay/domain';
import { buildCustomerExport, exportedPaymentSelect } from './build-customer-export';
import { closeDepartedShopRecords } from '../records/close-departed-shop-records';
import { customerPaymentFilter } from './customer-match';

/** Options of {@link createPrismaGdprStore}. */
export interface PrismaGdprStoreOptions {
  /** Defaults to the system clock. */
  now?: () => Date;
}

/**
 * {@link GdprStorePort} over PostgreSQL. One transaction per delivery: the request row is
 * inserted with `ON CONFLICT (webhook_id) DO NOTHING`; a concurrent duplicate waits on the
 * unique index and then sees the row, so the action runs exactly once per webhook id.
 *
 * What each topic does (docs/privacy.md):
 * - `customers/redact`: on the shop's payments matching the buyer's email/phone, removes email,
 *   phone and the session's customer object (addresses); the paying wallet is kept only on
 *   PAID payments (refund destination and accounting; it is public on chain next to the
 *   signature) and removed elsewhere; wallets of served transactions that never landed are
 *   replaced by `[redacted]`.
 * - `shop/redact`: deletes the shop's tokens, portal sessions and OAuth nonces, clears its
 *   name and payout wallet, marks it REDACTED, removes all buyer data from its payments and
 *   refunds (amounts, currencies, mints, statuses and signatures stay for accounting) and
 *   empties the payloads/results of its earlier privacy requests.
 * - `customers/data_request`: stores the buyer's export (JSON) as the request's `result`.
 */
export function createPrismaGdprStore(
  prisma: PrismaClient,
  options: PrismaGdprStoreOptions = {},
): GdprStorePort {
  const now = options.now ?? (() => new Date());
  return {
    recordAndApply: (delivery) =>
      prisma.$transaction(async (tx) => {
        const id = randomUUID();
        const { count } = await tx.gdprRequest.createMany({
          data: [
            {
              id,
              topic: GDPR_TOPIC_ENUM[delivery.webhook.topic],
              shopDomain: delivery.shopDomain,
              webhookId: delivery.webhookId,
              payload: scrubGdprPayload(delivery.webhook) as Prisma.InputJsonObject,
            },
          ],
          skipDuplicates: true,
        });
        if (count === 0) {
          const existing = await tx.gdprRequest.findUniqueOrThrow({
            where: { webhookId: delivery.webhookId },
            select: { id: true },
          });
          return { outcome: 'duplicate' as const, requestId: existing.id };
        }
        const result = await apply(tx, delivery, id, now());
        await tx.gdprRequest.update({
          where: { id },
          data: {
            status: 'COMPLETED',
            completedAt: now(),
            result: result as Prisma.InputJsonObject,
          },
        });
        return { outcome: 'applied' as const, requestId: id, result };
      }),
  };
}

async function apply(
  tx: TransactionClient,
  delivery: GdprDelivery,
  requestId: string,
  at: Date,
): Promise<GdprActionResult> {
  const merchant = await tx.merchant.findUnique({
    where: { shopDomain: delivery.shopDomain },
    select: { id: true, uninstalledAt: true },
  });
  const { webhook } = delivery;
  switch (webhook.topic) {
    case 'customers/data_request': {
      const where = merchant ? customerPaymentFilter(merchant.id, webhook.payload.customer) : null;
      const payments = where
        ? await tx.paymentRecord.findMany({
            where,
            select: exportedPaymentSelect,
            orderBy: { createdAt: 'asc' },
          })
        : [];
      return buildCustomerExport({
        shopDomain: delivery.shopDomain,
        customer: webhook.payload.customer,
        ordersRequested: webhook.payload.orders_requested,
        payments,
        generatedAt: at,
      });
    }
    case 'customers/redact': {
      const redacted = merchant
        ? await redactCustomer(
            tx,
            merchant.id,
            webhook.payload.customer,
            webhook.payload.orders_to_redact,
          )
        : { merchantFound: false, paymentsRedacted: 0, paymentIds: [] };
      const { paymentIds, ...counts } = redacted;
      const exports = await scrubEarlierDataRequests(tx, {
        shopDomain: delivery.shopDomain,
        requestId,
        customer: webhook.payload.customer,
        paymentIds,
        at,
      });
      return { ...counts, earlierDataRequestsScrubbed: exports };
    }
    case 'shop/redact':
      return merchant
        ? redactShop(tx, { ...merchant, shopDomain: delivery.shopDomain }, requestId, at)
        : { merchantFound: false };
  }
}

async function redactCustomer(
  tx: TransactionClient,
  merchantId: string,
  customer: GdprCustomer,
  ordersToRedact: readonly string[],
): Promise<GdprActionResult & { paymentIds: string[] }> {
  const where = customerPaymentFilter(merchantId, customer);
  const matched = where
    ? await tx.paymentRecord.findMany({ where, select: { id: true, status: true } })
    : [];
  const ids = matched.map((payment) => payment.id);
  const contact = await tx.paymentRecord.updateMany({
    where: { id: { in: ids } },
    data: { customerEmail: null, customerPhone: null, customerData: prismaDbNull() },
  });
  const wallets = await tx.paymentRecord.updateMany({
    where: { id: { in: ids }, status: { not: 'PAID' }, buyerWallet: { not: null } },
    data: { buyerWallet: null },
  });
  const served = await tx.servedTransaction.updateMany({
    where: { paymentId: { in: ids }, status: { in: ['FAILED', 'EXPIRED'] } },
    data: { account: REDACTED },
  });
  return {
    merchantFound: true,
    paymentsMatched: ids.length,
    paymentsRedacted: contact.count,
    walletsRemoved: wallets.count,
    walletsKeptForAccounting: matched.filter((payment) => payment.status === 'PAID').length,
    servedTransactionsRedacted: served.count,
    ordersListed: ordersToRedact.length,
    paymentIds: ids,
  };
}

/**
 * Earlier `customers/data_request` rows of the shop about the redacted buyer — the same e-mail
 * (case-insensitive), phone or Shopify customer id in the request, or an export that lists one of
 * the buyer's payments or contact data — lose what names the buyer: the export (`result`) is
 * replaced by a note, and the payload's customer keeps only its id.
 */
async function scrubEarlierDataRequests(
  tx: TransactionClient,
  input: {
    shopDomain: string;
    requestId: string;
    customer: GdprCustomer;
    paymentIds: readonly string[];
    at: Date;
  },
): Promise<number> {
  const email = input.customer.email?.trim().toLowerCase() || null;
  const phone = input.customer.phone?.trim() || null;
  const customerId = input.customer.id ?? null;
  const rows = await tx.$queryRaw<Array<{ id: string; payload: Prisma.JsonValue }>>`
    SELECT r.id, r.payload FROM gdpr_requests r
     WHERE r.shop_domain = ${input.shopDomain}
       AND r.topic = 'CUSTOMERS_DATA_REQUEST'
       AND r.id <> ${input.requestId}::uuid
       AND (
         lower(r.payload->'customer'->>'email') = ${email}
         OR lower(r.result->'customer'->>'email') = ${email}
         OR r.payload->'customer'->>'phone' = ${phone}
         OR r.result->'customer'->>'phone' = ${phone}
         OR r.payload->'customer'->>'id' = ${customerId}
         OR EXISTS (
           SELECT 1 FROM jsonb_array_elements(
             CASE WHEN jsonb_typeof(r.result->'payments') = 'array'
               THEN r.result->'payments' ELSE '[]'::jsonb END) AS p
            WHERE p->>'id' = ANY(${[...input.paymentIds]}::text[])
               OR lower(p->>'email') = ${email}
               OR p->>'phone' = ${phone}))`;
  for (const row of rows) {
    const payload = (row.payload ?? {}) as Record<string, unknown>;
    await tx.gdprRequest.update({
      where: { id: row.id },
      data: {
        payload: {
          ...payload,
          customer: redactGdprCustomer(payload.customer),
        } as Prisma.InputJsonObject,
        result: {
          format: 'solana-pay-shopify/customer-export/v1',
          redacted: true,
          redactedAt: input.at.toISOString(),
          note: 'The buyer was redacted (customers/redact); this export was deleted.',
        },
      },
    });
  }
  return rows.length;
}

async function redactShop(
  tx: TransactionClient,
  merchant: { id: string; shopDomain: string; uninstalledAt: Date | null },
  requestId: string,
  at: Date,
): Promise<GdprActionResult> {
  await tx.merchant.update({
    where: { id: merchant.id },
    data: {
      accessTokenEnc: null,
      accessTokenExpiresAt: null,
      refreshTokenEnc: null,
      refreshTokenExpiresAt: null,
      scopes: '',
      displayName: null,
      payoutWallet: null,
      configured: false,
      installState: 'REDACTED',
      uninstalledAt: merchant.uninstalledAt ?? at,
    },
  });
  const closing = await closeDepartedShopRecords(tx, merchant.id, at);
  const sessions = await tx.portalSession.deleteMany({ where: { merchantId: merchant.id } });
  const nonces = await tx.oAuthState.deleteMany({ where: { shopDomain: merchant.shopDomain } });
  const payments = await tx.paymentRecord.updateMany({
    where: { merchantId: merchant.id },
    data: {
      customerEmail: null,
      customerPhone: null,
      customerData: prismaDbNull(),
      buyerWallet: null,
    },
  });
  const refunds = await tx.refundRecord.updateMany({
    where: { merchantId: merchant.id },
    data: { recipientWallet: null },
  });
  const served = await tx.servedTransaction.updateMany({
    where: {
      OR: [{ payment: { merchantId: merchant.id } }, { refund: { merchantId: merchant.id } }],
    },
    data: { account: REDACTED },
  });
  const requests = await tx.gdprRequest.updateMany({
    where: { shopDomain: merchant.shopDomain, id: { not: requestId } },
    data: { payload: { shop_domain: merchant.shopDomain, redacted: true }, result: prismaDbNull() },
  });
  return {
    merchantFound: true,
    tokensDeleted: true,
    portalSessionsDeleted: sessions.count,
    oauthStatesDeleted: nonces.count,
    paymentsAnonymised: payments.count,
    refundsAnonymised: refunds.count,
    servedTransactionsRedacted: served.count,
    earlierRequestsScrubbed: requests.count,
    ...closing,
  };
}
