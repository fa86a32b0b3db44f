import * as z from 'zod';

const addressSchema = z.object({
  given_name: z.string().optional(),
  family_name: z.string().optional(),
  line1: z.string().optional(),
  line2: z.string().optional(),
  city: z.string().optional(),
  postal_code: z.string().optional(),
  province: z.string().optional(),
  province_code: z.string().optional(),
  country_code: z.string().optional(),
  phone_number: z.string().nullable().optional(),
  company: z.string().optional(),
});

/** Buyer details sent in the payment session's `customer` object (every field optional). */
export const simCustomerSchema = z.object({
  email: z.string().optional(),
  phone_number: z.string().nullable().optional(),
  locale: z.string().optional(),
  billing_address: addressSchema.optional(),
  shipping_address: addressSchema.optional(),
});

/** Buyer details of a simulated order. */
export type SimCustomer = z.infer<typeof simCustomerSchema>;

/** Payment session state as Shopify sees it (after the app's mutations). */
export type SimSessionState = 'open' | 'pending' | 'resolved' | 'rejected';

/** Result of one HTTP request the simulator sent to the app's green gateway. */
export interface GreenExchange {
  /** HTTP status; 0 when no answer arrived (connection/TLS failure). */
  status: number;
  /** Parsed JSON body, or the raw text when it was not JSON. */
  body: unknown;
  /** Transport error message when `status` is 0. */
  error?: string;
  /** When the request was sent (ISO-8601). */
  at: string;
}

/** One payment session Shopify started for an order (a buyer retry creates another). */
export interface SimPaymentSession {
  id: string;
  gid: string;
  group: string;
  sessionId: string;
  state: SimSessionState;
  /** Reason given by `paymentSessionReject` / `paymentSessionPending`. */
  reason?: { code: string; merchantMessage?: string | null };
  /** Exact JSON body sent to the app. */
  request: Record<string, unknown>;
  /** Every delivery of this session to green (the first, then any resends). */
  deliveries: GreenExchange[];
  /** `redirect_url` from the app's last 2xx answer. */
  redirectUrl?: string;
}

/** Refund session state as Shopify sees it. */
export type SimRefundState = 'open' | 'resolved' | 'rejected';

/** One refund the merchant issued in the simulated admin. */
export interface SimRefund {
  id: string;
  gid: string;
  paymentId: string;
  amount: string;
  currency: string;
  state: SimRefundState;
  reason?: { code: string; merchantMessage?: string | null };
  request: Record<string, unknown>;
  deliveries: GreenExchange[];
  createdAt: string;
}

/** A storefront order with its payment and refund state as Shopify sees it. */
export interface SimOrder {
  id: string;
  /** Human order name, e.g. `#1001`. */
  name: string;
  shop: string;
  amount: string;
  currency: string;
  test: boolean;
  customer: SimCustomer | null;
  createdAt: string;
  /**
   * Derived payment status: `session-failed` (the app did not accept the last session),
   * `awaiting-payment`, `pending`, `paid`, `rejected`, `partially-refunded`, `refunded`.
   */
  status:
    | 'session-failed'
    | 'awaiting-payment'
    | 'pending'
    | 'paid'
    | 'rejected'
    | 'partially-refunded'
    | 'refunded';
  /** Payment sessions for this order, oldest first (the last one is current). */
  paymentSessions: SimPaymentSession[];
  refunds: SimRefund[];
}
