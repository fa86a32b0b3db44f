import { randomBytes, randomUUID } from 'node:crypto';
import * as z from 'zod';
import { decimalAmountSchema, toMicroUnits } from './decimal-amount';
import { postOverMtls } from './mtls-post';
import { refreshOrderStatus } from './order-status';
import { randomToken } from './random-token';
import { simCustomerSchema, type SimOrder, type SimPaymentSession } from './sim-order';
import { SimulatorInputError } from './simulator-input-error';
import type { SimulatorState } from './simulator-state';

/** Input of `placeOrder` (also the JSON body of `POST /_sim/orders`). */
export const placeOrderInputSchema = z.object({
  /** Shop domain; defaults to the simulator's first shop. */
  shop: z.string().optional(),
  amount: decimalAmountSchema,
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code')
    .default('USD'),
  test: z.boolean().default(true),
  /** Buyer details; omitted = a demo buyer, `null` = no customer object at all. */
  customer: simCustomerSchema.nullable().optional(),
  merchantLocale: z.string().default('en'),
});

/** Input of `placeOrder`. */
export type PlaceOrderInput = z.input<typeof placeOrderInputSchema>;

/** What `placeOrder` (and a resend) returns. */
export interface PlaceOrderResult {
  /** Snapshot of the order after the app answered. */
  order: SimOrder;
  /** The app's `redirect_url` (`''` when the app did not answer 2xx with one). */
  redirectUrl: string;
  /** HTTP status from green (0 when the request failed before an answer). */
  status: number;
  /** The app's response body (parsed JSON when possible). */
  body: unknown;
}

const DEMO_CUSTOMER = {
  email: 'buyer@example.com',
  phone_number: '+15555550100',
  locale: 'en',
  billing_address: {
    given_name: 'Ada',
    family_name: 'Lovelace',
    line1: '1 Main St',
    city: 'Springfield',
    postal_code: '12345',
    province: 'Illinois',
    province_code: 'IL',
    country_code: 'US',
    company: '',
  },
  shipping_address: {
    given_name: 'Ada',
    family_name: 'Lovelace',
    line1: '1 Main St',
    city: 'Springfield',
    postal_code: '12345',
    province: 'Illinois',
    province_code: 'IL',
    country_code: 'US',
  },
};

/** Creates an order and sends its first payment session to the app (`POST green /payment`). */
export async function placeOrder(
  state: SimulatorState,
  rawInput: PlaceOrderInput,
): Promise<PlaceOrderResult> {
  const parsed = placeOrderInputSchema.safeParse(rawInput);
  if (!parsed.success) throw new SimulatorInputError(z.prettifyError(parsed.error));
  const input = parsed.data;
  const shop = input.shop ?? state.shops[0];
  if (!shop || !state.shops.includes(shop)) {
    throw new SimulatorInputError(`Unknown shop ${String(input.shop)}`, 404);
  }
  if (toMicroUnits(input.amount) <= 0n) throw new SimulatorInputError('amount must be positive');
  const number = state.nextOrderNumber.get(shop) ?? 1001;
  state.nextOrderNumber.set(shop, number + 1);
  const order: SimOrder = {
    id: randomToken(20),
    name: `#${number}`,
    shop,
    amount: input.amount,
    currency: input.currency,
    test: input.test,
    customer: input.customer === undefined ? DEMO_CUSTOMER : input.customer,
    createdAt: new Date(state.now()).toISOString(),
    status: 'session-failed',
    paymentSessions: [],
    refunds: [],
  };
  state.orders.push(order);
  const session = newPaymentSession(state, order, input.merchantLocale, null);
  return deliverPaymentSession(state, order, session);
}

/**
 * Starts another payment session for the same checkout (a buyer retry after cancelling):
 * a new `id`, the same `group` and `session_id`.
 */
export async function retryCheckout(
  state: SimulatorState,
  orderId: string,
): Promise<PlaceOrderResult> {
  const order = findOrder(state, orderId);
  const previous = order.paymentSessions.at(-1);
  if (order.paymentSessions.some((s) => s.state === 'resolved')) {
    throw new SimulatorInputError(`Order ${order.name} is already paid`, 409);
  }
  const locale =
    typeof previous?.request.merchant_locale === 'string' ? previous.request.merchant_locale : 'en';
  const session = newPaymentSession(state, order, locale, previous ?? null);
  return deliverPaymentSession(state, order, session);
}

/** Sends the order's current payment session again, byte for byte (Shopify's retry). */
export async function resendPaymentSession(
  state: SimulatorState,
  orderId: string,
): Promise<PlaceOrderResult> {
  const order = findOrder(state, orderId);
  const session = order.paymentSessions.at(-1);
  if (!session) throw new SimulatorInputError(`Order ${order.name} has no payment session`, 409);
  return deliverPaymentSession(state, order, session);
}

/** Finds an order by id or throws a 404 {@link SimulatorInputError}. */
export function findOrder(state: SimulatorState, orderId: string): SimOrder {
  const order = state.orders.find((o) => o.id === orderId);
  if (!order) throw new SimulatorInputError(`Unknown order ${orderId}`, 404);
  return order;
}

function newPaymentSession(
  state: SimulatorState,
  order: SimOrder,
  merchantLocale: string,
  previous: SimPaymentSession | null,
): SimPaymentSession {
  const id = randomToken(24);
  const gid = `gid://shopify/PaymentSession/${id}`;
  const group = previous?.group ?? randomBytes(32).toString('base64');
  const sessionId = previous?.sessionId ?? randomBytes(32).toString('base64');
  const request: Record<string, unknown> = {
    id,
    gid,
    group,
    session_id: sessionId,
    amount: order.amount,
    currency: order.currency,
    test: order.test,
    merchant_locale: merchantLocale,
    payment_method: {
      type: 'offsite',
      data: { cancel_url: `${state.url}/checkouts/${order.id}/cancelled` },
    },
    proposed_at: new Date(state.now()).toISOString(),
    customer: order.customer,
    kind: 'sale',
  };
  const session: SimPaymentSession = {
    id,
    gid,
    group,
    sessionId,
    state: 'open',
    request,
    deliveries: [],
  };
  order.paymentSessions.push(session);
  state.paymentSessions.set(gid, { order, session });
  return session;
}

async function deliverPaymentSession(
  state: SimulatorState,
  order: SimOrder,
  session: SimPaymentSession,
): Promise<PlaceOrderResult> {
  const exchange = await postOverMtls(
    state.green,
    '/payment',
    {
      'Shopify-Shop-Domain': order.shop,
      'Shopify-Request-Id': randomUUID(),
      'Shopify-Api-Version': state.apiVersion,
    },
    JSON.stringify(session.request),
  );
  session.deliveries.push(exchange);
  const ok = exchange.status >= 200 && exchange.status < 300;
  const redirectUrl = ok ? redirectUrlOf(exchange.body) : '';
  if (redirectUrl) session.redirectUrl = redirectUrl;
  refreshOrderStatus(order);
  return {
    order: structuredClone(order),
    redirectUrl,
    status: exchange.status,
    body: exchange.body,
  };
}

function redirectUrlOf(body: unknown): string {
  const parsed = z.object({ redirect_url: z.string().min(1) }).safeParse(body);
  return parsed.success ? parsed.data.redirect_url : '';
}
