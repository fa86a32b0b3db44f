import type { Prisma } from '@solpay/db';
import type { GdprCustomer } from '@solpay/domain';

/** The payment columns (and refunds) a data request exports. */
export const exportedPaymentSelect = {
  id: true,
  shopifyId: true,
  amount: true,
  currency: true,
  tokenAmount: true,
  tokenMint: true,
  status: true,
  test: true,
  customerEmail: true,
  customerPhone: true,
  customerData: true,
  buyerWallet: true,
  signature: true,
  createdAt: true,
  paidAt: true,
  refunds: {
    select: {
      id: true,
      shopifyId: true,
      amount: true,
      currency: true,
      tokenAmount: true,
      status: true,
      recipientWallet: true,
      signature: true,
      createdAt: true,
      paidAt: true,
    },
  },
} satisfies Prisma.PaymentRecordSelect;

type ExportedPayment = Prisma.PaymentRecordGetPayload<{ select: typeof exportedPaymentSelect }>;

/** Input of {@link buildCustomerExport}. */
export interface CustomerExportInput {
  shopDomain: string;
  customer: GdprCustomer;
  ordersRequested: readonly string[];
  payments: readonly ExportedPayment[];
  generatedAt: Date;
}

/**
 * The JSON answer to `customers/data_request`: every personal datum we hold about the buyer
 * (contact data and addresses from the payment sessions, paying wallets, transaction
 * signatures, refunds), as plain JSON (decimals and token amounts as strings).
 */
export function buildCustomerExport(input: CustomerExportInput): Prisma.InputJsonObject {
  return {
    format: 'solana-pay-shopify/customer-export/v1',
    generatedAt: input.generatedAt.toISOString(),
    shop: input.shopDomain,
    customer: {
      id: input.customer.id ?? null,
      email: input.customer.email ?? null,
      phone: input.customer.phone ?? null,
    },
    ordersRequested: [...input.ordersRequested],
    note:
      'Payments are matched by the buyer email or phone; this app stores no Shopify order ids. ' +
      'On-chain transactions are public and cannot be changed by us.',
    payments: input.payments.map((payment) => ({
      id: payment.id,
      shopifyPaymentId: payment.shopifyId,
      amount: payment.amount.toString(),
      currency: payment.currency,
      tokenAmount: payment.tokenAmount.toString(),
      tokenMint: payment.tokenMint,
      status: payment.status,
      test: payment.test,
      email: payment.customerEmail,
      phone: payment.customerPhone,
      customer: (payment.customerData ?? null) as Prisma.InputJsonValue | null,
      payingWallet: payment.buyerWallet,
      signature: payment.signature,
      createdAt: payment.createdAt.toISOString(),
      paidAt: payment.paidAt?.toISOString() ?? null,
      refunds: payment.refunds.map((refund) => ({
        id: refund.id,
        shopifyRefundId: refund.shopifyId,
        amount: refund.amount.toString(),
        currency: refund.currency,
        tokenAmount: refund.tokenAmount.toString(),
        status: refund.status,
        recipientWallet: refund.recipientWallet,
        signature: refund.signature,
        createdAt: refund.createdAt.toISOString(),
        paidAt: refund.paidAt?.toISOString() ?? null,
      })),
    })),
  };
}
