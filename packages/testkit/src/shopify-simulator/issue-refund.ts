import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { decimalAmountSchema, fromMicroUnits, toMicroUnits } from './decimal-amount';
import { postOverMtls } from './mtls-post';
import { committedRefundMicroUnits, refreshOrderStatus } from './order-status';
import { findOrder } from './place-order';
import { randomToken } from './random-token';
import type { SimOrder, SimRefund } from './sim-order';
import { SimulatorInputError } from './simulator-input-error';
import type { SimulatorState } from './simulator-state';

/** Input of `issueRefund` (also the JSON body of `POST /_sim/refunds`). */
export const issueRefundInputSchema = z.object({
  orderId: z.string().min(1),
  amount: decimalAmountSchema,
  /** Skip Shopify's checks (order paid, amount ≤ refundable) to test the app's own. */
  force: z.boolean().default(false),
});

/** Input of `issueRefund`. */
export type IssueRefundInput = z.input<typeof issueRefundInputSchema>;

/** What `issueRefund` (and a resend) returns. */
export interface IssueRefundResult {
  refundId: string;
  gid: string;
  /** HTTP status from green (0 when the request failed before an answer). */
  status: number;
  body: unknown;
  /** Snapshot of the order after the app answered. */
  order: SimOrder;
}

/** Creates a refund on a paid order and sends the refund session to the app (`POST green /refund`). */
export async function issueRefund(
  state: SimulatorState,
  rawInput: IssueRefundInput,
): Promise<IssueRefundResult> {
  const parsed = issueRefundInputSchema.safeParse(rawInput);
  if (!parsed.success) throw new SimulatorInputError(z.prettifyError(parsed.error));
  const input = parsed.data;
  const order = findOrder(state, input.orderId);
  const paidSession =
    order.paymentSessions.find((s) => s.state === 'resolved') ??
    (input.force ? order.paymentSessions.at(-1) : undefined);
  if (!paidSession) throw new SimulatorInputError(`Order ${order.name} is not paid`, 409);
  const amount = toMicroUnits(input.amount);
  const refundable = toMicroUnits(order.amount) - committedRefundMicroUnits(order);
  if (!input.force && (amount <= 0n || amount > refundable)) {
    throw new SimulatorInputError(
      `Refund amount must be more than 0 and at most ${fromMicroUnits(refundable)} ${order.currency}`,
    );
  }
  const id = randomToken(20);
  const gid = `gid://shopify/RefundSession/${id}`;
  const refund: SimRefund = {
    id,
    gid,
    paymentId: paidSession.id,
    amount: input.amount,
    currency: order.currency,
    state: 'open',
    request: {
      id,
      gid,
      payment_id: paidSession.id,
      amount: input.amount,
      currency: order.currency,
      test: order.test,
      merchant_locale:
        typeof paidSession.request.merchant_locale === 'string'
          ? paidSession.request.merchant_locale
          : 'en',
      proposed_at: new Date(state.now()).toISOString(),
    },
    deliveries: [],
    createdAt: new Date(state.now()).toISOString(),
  };
  order.refunds.push(refund);
  state.refundSessions.set(gid, { order, refund });
  return deliverRefundSession(state, order, refund);
}

/** Sends a refund session again, byte for byte (Shopify's retry). */
export async function resendRefundSession(
  state: SimulatorState,
  refundId: string,
): Promise<IssueRefundResult> {
  for (const { order, refund } of state.refundSessions.values()) {
    if (refund.id === refundId) return deliverRefundSession(state, order, refund);
  }
  throw new SimulatorInputError(`Unknown refund ${refundId}`, 404);
}

async function deliverRefundSession(
  state: SimulatorState,
  order: SimOrder,
  refund: SimRefund,
): Promise<IssueRefundResult> {
  const exchange = await postOverMtls(
    state.green,
    '/refund',
    {
      'Shopify-Shop-Domain': order.shop,
      'Shopify-Request-Id': randomUUID(),
      'Shopify-Api-Version': state.apiVersion,
    },
    JSON.stringify(refund.request),
  );
  refund.deliveries.push(exchange);
  refreshOrderStatus(order);
  return {
    refundId: refund.id,
    gid: refund.gid,
    status: exchange.status,
    body: exchange.body,
    order: structuredClone(order),
  };
}
