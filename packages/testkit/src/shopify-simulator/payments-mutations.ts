import * as z from 'zod';
import { refreshOrderStatus } from './order-status';
import type { SimOrder, SimPaymentSession, SimRefund } from './sim-order';
import type { SimulatorState } from './simulator-state';

/** The Payments Apps mutations the simulator implements. */
export const PAYMENTS_MUTATIONS = [
  'paymentSessionResolve',
  'paymentSessionReject',
  'paymentSessionPending',
  'refundSessionResolve',
  'refundSessionReject',
  'paymentsAppConfigure',
] as const;

/** Name of one implemented Payments Apps mutation. */
export type PaymentsMutationName = (typeof PAYMENTS_MUTATIONS)[number];

/** Concrete GraphQL type names the simulator emits as `__typename` (fragments match on them). */
export const CONCRETE_TYPE_NAMES = new Set([
  'Mutation',
  'PaymentSession',
  'PaymentSessionNextAction',
  'PaymentSessionActionsRedirect',
  'PaymentSessionStateResolved',
  'PaymentSessionStateRejected',
  'PaymentSessionStatePending',
  'PaymentSessionStateConfirming',
  'PaymentSessionUserError',
  'RefundSession',
  'RefundSessionStateResolved',
  'RefundSessionStateRejected',
  'RefundSessionStateProcessing',
  'RefundSessionUserError',
  'PaymentsAppConfiguration',
  'PaymentsAppConfigureUserError',
  'PaymentSessionResolvePayload',
  'PaymentSessionRejectPayload',
  'PaymentSessionPendingPayload',
  'RefundSessionResolvePayload',
  'RefundSessionRejectPayload',
  'PaymentsAppConfigurePayload',
]);

/** Outcome of one mutation: a payload (with or without user errors) or a top-level error. */
export type MutationExecution =
  | { kind: 'payload'; payload: Record<string, unknown>; outcome: 'success' | 'user-errors' }
  | { kind: 'graphql-error'; message: string; code: string };

/** `PaymentSessionStateRejectedReason` values across supported API versions. */
const PAYMENT_REJECTION_CODES = [
  'AUTHENTICATION_FAILED',
  'CARD_DECLINED',
  'CONFIRMATION_REJECTED',
  'EXPIRED_CARD',
  'INCORRECT_ADDRESS',
  'INCORRECT_CVC',
  'INCORRECT_NUMBER',
  'INCORRECT_PIN',
  'INCORRECT_ZIP',
  'INVALID_CVC',
  'INVALID_EXPIRY_DATE',
  'INVALID_NUMBER',
  'PROCESSING_ERROR',
  'RISKY',
  'AMOUNT_TOO_LARGE',
  'AMOUNT_TOO_SMALL',
  'AUTHENTICATION_REQUIRED',
  'CALL_ISSUER',
  'CANCELLED_PAYMENT',
  'INSUFFICIENT_FUNDS',
] as const;

const gidSchema = z.string().regex(/^gid:\/\/shopify\/[A-Za-z]+\/[^/]+$/, 'Invalid global id');

const argsSchemas = {
  paymentSessionResolve: z.looseObject({ id: gidSchema }),
  paymentSessionReject: z.object({
    id: gidSchema,
    reason: z.object({
      code: z.enum(PAYMENT_REJECTION_CODES),
      merchantMessage: z.string().nullish(),
      source: z.enum(['NETWORK', 'PROVIDER']).nullish(),
    }),
  }),
  paymentSessionPending: z.object({
    id: gidSchema,
    pendingExpiresAt: z.iso.datetime({ offset: true }),
    reason: z.enum([
      'BUYER_ACTION_REQUIRED',
      'NETWORK_ACTION_REQUIRED',
      'PARTNER_ACTION_REQUIRED',
      'MERCHANT_ACTION_REQUIRED',
    ]),
  }),
  refundSessionResolve: z.object({ id: gidSchema }),
  refundSessionReject: z.object({
    id: gidSchema,
    reason: z.object({
      code: z.literal('PROCESSING_ERROR'),
      merchantMessage: z.string().nullish(),
    }),
  }),
  paymentsAppConfigure: z.object({ externalHandle: z.string().nullish(), ready: z.boolean() }),
} satisfies Record<PaymentsMutationName, z.ZodType>;

/**
 * Checks a mutation's arguments against its schema (as GraphQL validation would, before
 * anything executes); returns the top-level error, or `null` when they are valid.
 */
export function validatePaymentsMutationArgs(
  name: PaymentsMutationName,
  args: Record<string, unknown>,
): Extract<MutationExecution, { kind: 'graphql-error' }> | null {
  const parsed = argsSchemas[name].safeParse(args);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` at "${issue.path.join('.')}"` : '';
  return {
    kind: 'graphql-error',
    code: 'argumentLiteralsIncompatible',
    message: `Argument validation failed for ${name}${where}: ${issue?.message ?? 'invalid'}`,
  };
}

/** True when `name` is a mutation the simulator implements. */
export function isPaymentsMutation(name: string): name is PaymentsMutationName {
  return (PAYMENTS_MUTATIONS as readonly string[]).includes(name);
}

/**
 * Applies one Payments Apps mutation for `shop` with Shopify's finality rules: the same
 * operation repeated returns the same answer; the other direction after a final state is a
 * user error; an unknown (or other shop's) session is a "not found" user error.
 */
export function executePaymentsMutation(
  state: SimulatorState,
  shop: string,
  name: PaymentsMutationName,
  rawArgs: Record<string, unknown>,
): MutationExecution {
  const invalid = validatePaymentsMutationArgs(name, rawArgs);
  if (invalid) return invalid;
  const args = rawArgs;
  switch (name) {
    case 'paymentSessionResolve':
    case 'paymentSessionReject':
    case 'paymentSessionPending':
      return paymentSessionMutation(state, shop, name, args);
    case 'refundSessionResolve':
    case 'refundSessionReject':
      return refundSessionMutation(state, shop, name, args);
    case 'paymentsAppConfigure':
      return configure(state, shop, argsSchemas.paymentsAppConfigure.parse(args));
  }
}

const PAYMENT_TARGET: Record<string, SimPaymentSession['state']> = {
  paymentSessionResolve: 'resolved',
  paymentSessionReject: 'rejected',
  paymentSessionPending: 'pending',
};

function paymentSessionMutation(
  state: SimulatorState,
  shop: string,
  name: 'paymentSessionResolve' | 'paymentSessionReject' | 'paymentSessionPending',
  args: Record<string, unknown>,
): MutationExecution {
  const payloadType = `${name[0]?.toUpperCase()}${name.slice(1)}Payload`;
  const entry = state.paymentSessions.get(args.id as string);
  const userError = (message: string, code: string): MutationExecution => ({
    kind: 'payload',
    outcome: 'user-errors',
    payload: {
      __typename: payloadType,
      paymentSession: null,
      userErrors: [{ __typename: 'PaymentSessionUserError', field: ['id'], message, code }],
    },
  });
  if (!entry || entry.order.shop !== shop) {
    return userError('Payment session does not exist', 'PAYMENT_SESSION_NOT_FOUND');
  }
  const { order, session } = entry;
  const target = PAYMENT_TARGET[name] as SimPaymentSession['state'];
  if (session.state === 'resolved' || session.state === 'rejected') {
    if (session.state !== target) {
      return userError(`Payment session is already ${session.state}`, 'INVALID_STATE_TRANSITION');
    }
  } else if (session.state === 'pending' && target === 'pending') {
    // Repeated pending: same answer, new details ignored.
  } else {
    session.state = target;
    if (name !== 'paymentSessionResolve') {
      const reason = args.reason as { code: string; merchantMessage?: string | null } | string;
      session.reason =
        typeof reason === 'string'
          ? { code: reason }
          : { code: reason.code, merchantMessage: reason.merchantMessage ?? null };
    }
    refreshOrderStatus(order);
  }
  return {
    kind: 'payload',
    outcome: 'success',
    payload: {
      __typename: payloadType,
      paymentSession: paymentSessionObject(state, order, session),
      userErrors: [],
    },
  };
}

function paymentSessionObject(
  state: SimulatorState,
  order: SimOrder,
  session: SimPaymentSession,
): Record<string, unknown> {
  const redirectUrl =
    session.state === 'rejected'
      ? `${state.url}/checkouts/${order.id}/cancelled`
      : `${state.url}/orders/${order.id}/thank_you`;
  const sessionState =
    session.state === 'resolved'
      ? { __typename: 'PaymentSessionStateResolved', code: 'RESOLVED' }
      : session.state === 'rejected'
        ? {
            __typename: 'PaymentSessionStateRejected',
            code: 'REJECTED',
            reason: session.reason?.code ?? null,
            merchantMessage: session.reason?.merchantMessage ?? null,
          }
        : session.state === 'pending'
          ? {
              __typename: 'PaymentSessionStatePending',
              code: 'PENDING',
              reason: session.reason?.code,
            }
          : { __typename: 'PaymentSessionStateConfirming', code: 'CONFIRMING' };
  return {
    __typename: 'PaymentSession',
    id: session.gid,
    state: sessionState,
    nextAction: {
      __typename: 'PaymentSessionNextAction',
      action: 'REDIRECT',
      context: { __typename: 'PaymentSessionActionsRedirect', redirectUrl },
    },
    authorizationExpiresAt: null,
    pendingExpiresAt: null,
  };
}

function refundSessionMutation(
  state: SimulatorState,
  shop: string,
  name: 'refundSessionResolve' | 'refundSessionReject',
  args: Record<string, unknown>,
): MutationExecution {
  const payloadType = `${name[0]?.toUpperCase()}${name.slice(1)}Payload`;
  const entry = state.refundSessions.get(args.id as string);
  const userError = (message: string, code: string): MutationExecution => ({
    kind: 'payload',
    outcome: 'user-errors',
    payload: {
      __typename: payloadType,
      refundSession: null,
      userErrors: [{ __typename: 'RefundSessionUserError', field: ['id'], message, code }],
    },
  });
  if (!entry || entry.order.shop !== shop) {
    return userError('Refund session does not exist', 'REFUND_SESSION_NOT_FOUND');
  }
  const { order, refund } = entry;
  const target = name === 'refundSessionResolve' ? 'resolved' : 'rejected';
  if (refund.state !== 'open' && refund.state !== target) {
    return userError(`Refund session is already ${refund.state}`, 'REFUND_SESSION_INVALID_STATE');
  }
  if (refund.state === 'open') {
    refund.state = target;
    if (target === 'rejected') {
      const reason = args.reason as { code: string; merchantMessage?: string | null };
      refund.reason = { code: reason.code, merchantMessage: reason.merchantMessage ?? null };
    }
    refreshOrderStatus(order);
  }
  return {
    kind: 'payload',
    outcome: 'success',
    payload: {
      __typename: payloadType,
      refundSession: refundSessionObject(refund),
      userErrors: [],
    },
  };
}

function refundSessionObject(refund: SimRefund): Record<string, unknown> {
  const refundState =
    refund.state === 'resolved'
      ? { __typename: 'RefundSessionStateResolved', code: 'RESOLVED' }
      : refund.state === 'rejected'
        ? {
            __typename: 'RefundSessionStateRejected',
            code: 'REJECTED',
            reason: refund.reason?.code ?? null,
            merchantMessage: refund.reason?.merchantMessage ?? null,
          }
        : { __typename: 'RefundSessionStateProcessing', code: 'PROCESSING' };
  return { __typename: 'RefundSession', id: refund.gid, state: refundState };
}

function configure(
  state: SimulatorState,
  shop: string,
  args: { externalHandle?: string | null | undefined; ready: boolean },
): MutationExecution {
  const previous = state.configurations.get(shop);
  const externalHandle =
    args.externalHandle === undefined ? (previous?.externalHandle ?? null) : args.externalHandle;
  state.configurations.set(shop, {
    externalHandle,
    ready: args.ready,
    at: new Date(state.now()).toISOString(),
  });
  return {
    kind: 'payload',
    outcome: 'success',
    payload: {
      __typename: 'PaymentsAppConfigurePayload',
      paymentsAppConfiguration: {
        __typename: 'PaymentsAppConfiguration',
        externalHandle,
        ready: args.ready,
      },
      userErrors: [],
    },
  };
}
