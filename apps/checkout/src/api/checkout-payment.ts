import * as z from 'zod/mini';

const webUrl = z.url({ protocol: /^https?$/ });
const decimal = z.string().check(z.regex(/^\d+(\.\d+)?$/, 'a decimal string'));

/** The lifecycle states of a payment as the checkout page sees them. */
export const checkoutPaymentStatusSchema = z.enum(['OPEN', 'PAID', 'REJECTING', 'REJECTED']);

/** One of {@link checkoutPaymentStatusSchema}. */
export type CheckoutPaymentStatus = z.infer<typeof checkoutPaymentStatusSchema>;

/**
 * Schema of purple `GET /checkout/payments/<id>`. URLs that the page navigates to are restricted
 * to http(s) so a hostile value can never become a `javascript:` link.
 */
export const checkoutPaymentSchema = z.object({
  status: checkoutPaymentStatusSchema,
  /** Amount in the shop's currency, decimal string (`"49.90"`). */
  amount: decimal,
  /** ISO 4217 code of `amount`. */
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
  /** Amount in the settlement token (user units), decimal string. */
  tokenAmount: decimal,
  /** The settlement token (absent from older servers: USDC). */
  token: z.optional(z.object({ symbol: z.string(), mint: z.string(), decimals: z.number() })),
  /** The locked conversion when the shop's currency is not the token's. */
  quote: z.optional(
    z.object({
      rate: decimal,
      feed: z.string(),
      publishedAt: z.iso.datetime({ offset: true }),
      expiresAt: z.iso.datetime({ offset: true }),
    }),
  ),
  merchantName: z.string(),
  /** The Solana Pay transaction-request URL (`solana:https://…`) shown as QR and deep link. */
  solanaPayUrl: z.string().check(z.startsWith('solana:')),
  recipient: z.string(),
  mint: z.string(),
  /** Shopify's `cancel_url`: back to the store without paying. */
  cancelUrl: webUrl,
  /** Shopify's `redirectUrl`, present once Shopify accepted the resolve. */
  redirectUrl: z.optional(z.nullable(webUrl)),
  /** When the payment window closes (ISO 8601). */
  expiresAt: z.iso.datetime({ offset: true }),
  /** A test-mode session (test cluster, no real funds). */
  test: z.optional(z.boolean()),
  /** Shopify's payment session id, shown as the order reference. */
  orderReference: z.optional(z.string()),
  /** Why a REJECTING/REJECTED payment closed, as the server knows it. */
  closedReason: z.optional(z.enum(['expired', 'risky', 'rejected'])),
});

/** The checkout page's view of one payment. */
export type CheckoutPayment = z.infer<typeof checkoutPaymentSchema>;
