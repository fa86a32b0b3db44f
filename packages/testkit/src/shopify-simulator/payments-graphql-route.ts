import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Fault } from './fault';
import { projectSelection } from './graphql-projection';
import { BodyTooLargeError, mediaType, readBody, sendJson } from './http-io';
import {
  graphqlErrorBody,
  parsePaymentsCall,
  type ParsedCall,
  type ParsedField,
} from './payments-graphql-call';
import {
  CONCRETE_TYPE_NAMES,
  executePaymentsMutation,
  isPaymentsMutation,
  validatePaymentsMutationArgs,
} from './payments-mutations';
import { chargeQueryCost, MUTATION_COST, throttledCost } from './query-cost';
import type { MutationAnswer } from './recorded-mutation';
import type { SimulatorState } from './simulator-state';

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** One answer per field of the call (or one for the whole call when it did not parse). */
  answers: MutationAnswer[];
}

const HTTP_FAULT_BODIES: Record<number, string> = {
  429: 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

const INVALID_TOKEN_BODY = {
  errors: '[API] Invalid API key or access token (unrecognized login or wrong password)',
};

/**
 * Serves `POST /payments_apps/api/{version}/graphql.json`: identifies the shop by the access
 * token it issued, plays the outage or the next queued fault if any, otherwise executes the
 * mutations with Shopify's finality rules. Every call is recorded.
 */
export async function handlePaymentsGraphql(
  state: SimulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  apiVersion: string,
): Promise<void> {
  const at = new Date(state.now()).toISOString();
  const header = req.headers['x-shopify-access-token'];
  const accessToken = typeof header === 'string' && header.length > 0 ? header : null;
  const shop = accessToken ? state.tokens.shopForAccessToken(accessToken) : null;
  let call: ParsedCall;
  try {
    call = parsePaymentsCall(mediaType(req), await readBody(req));
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    call = {
      ok: false,
      variables: {},
      status: 413,
      body: { errors: 'Request body too large' },
      answeredWith: 'http-error',
    };
  }

  const record = (answers: MutationAnswer[], httpStatus: number): void => {
    const fields: Array<Pick<ParsedField, 'name' | 'args'> | null> =
      call.ok && call.fields.length > 0 ? call.fields : [null];
    fields.forEach((field, i) => {
      state.mutations.push({
        shop,
        mutation: field?.name ?? null,
        variables: call.variables,
        args: field?.args ?? null,
        apiVersion,
        accessToken,
        answeredWith: answers[i] ?? answers[0] ?? 'http-error',
        httpStatus,
        at,
      });
    });
  };
  const commonHeaders = { 'X-Request-Id': randomUUID(), 'X-Shopify-API-Version': apiVersion };
  const send = (answer: Answer): void => {
    record(answer.answers, answer.status);
    sendJson(res, answer.status, answer.body, { ...commonHeaders, ...answer.headers });
  };

  if (state.outage) {
    send({ status: 503, body: { errors: HTTP_FAULT_BODIES[503] }, answers: ['http-error'] });
    return;
  }
  const fault = state.faults.shift();
  if (!fault) {
    send(answerCall(state, shop, call));
    return;
  }
  switch (fault.kind) {
    case 'http':
      send({
        status: fault.status,
        body: { errors: HTTP_FAULT_BODIES[fault.status] },
        headers:
          fault.retryAfterSeconds === undefined
            ? {}
            : { 'Retry-After': String(fault.retryAfterSeconds) },
        answers: ['http-error'],
      });
      return;
    case 'throttled':
      send({
        status: 200,
        body: {
          errors: [
            {
              message: 'Throttled',
              extensions: {
                code: 'THROTTLED',
                documentation: 'https://shopify.dev/api/usage/rate-limits',
              },
            },
          ],
          extensions: { cost: throttledCost(MUTATION_COST * Math.max(1, fieldCount(call))) },
        },
        answers: ['throttled'],
      });
      return;
    case 'user-errors':
      send(
        shop && call.ok
          ? injectedUserErrors(state, shop, call, fault)
          : answerCall(state, shop, call),
      );
      return;
    case 'timeout':
    case 'reset': {
      if (fault.afterApply) answerCall(state, shop, call);
      record([fault.kind], 0);
      if (fault.kind === 'timeout') await state.hold(fault.ms);
      if (fault.kind === 'reset') req.socket.resetAndDestroy();
      else req.socket.destroy();
      return;
    }
  }
}

function fieldCount(call: ParsedCall): number {
  return call.ok ? call.fields.length : 0;
}

const appliesTo = (typeCondition: string, typename: string | undefined): boolean =>
  typeCondition === typename || !CONCRETE_TYPE_NAMES.has(typeCondition);

function answerCall(state: SimulatorState, shop: string | null, call: ParsedCall): Answer {
  if (!shop) return { status: 401, body: INVALID_TOKEN_BODY, answers: ['http-error'] };
  if (!call.ok) return { status: call.status, body: call.body, answers: [call.answeredWith] };
  const graphqlError = (message: string, code: string): Answer => ({
    status: 200,
    body: graphqlErrorBody(message, code),
    answers: ['graphql-error'],
  });
  for (const field of call.fields) {
    if (!isPaymentsMutation(field.name)) {
      return graphqlError(
        `Field '${field.name}' doesn't exist on type 'Mutation'`,
        'undefinedField',
      );
    }
    const invalid = validatePaymentsMutationArgs(field.name, field.args);
    if (invalid) return graphqlError(invalid.message, invalid.code);
  }
  const data: Record<string, unknown> = {};
  const answers: MutationAnswer[] = [];
  for (const field of call.fields) {
    if (!isPaymentsMutation(field.name)) continue;
    const result = executePaymentsMutation(state, shop, field.name, field.args);
    if (result.kind === 'graphql-error') return graphqlError(result.message, result.code);
    data[field.key] = field.selections
      ? projectSelection(result.payload, field.selections, call.fragments, appliesTo)
      : result.payload;
    answers.push(result.outcome);
  }
  const cost = chargeQueryCost(state, shop, MUTATION_COST * call.fields.length);
  return { status: 200, body: { data, extensions: { cost } }, answers };
}

const ENTITY_KEY: Array<[RegExp, string, string]> = [
  [/^paymentSession/, 'paymentSession', 'PaymentSessionUserError'],
  [/^refundSession/, 'refundSession', 'RefundSessionUserError'],
  [/^paymentsAppConfigure$/, 'paymentsAppConfiguration', 'PaymentsAppConfigureUserError'],
];

function injectedUserErrors(
  state: SimulatorState,
  shop: string,
  call: Extract<ParsedCall, { ok: true }>,
  fault: Extract<Fault, { kind: 'user-errors' }>,
): Answer {
  const data: Record<string, unknown> = {};
  for (const field of call.fields) {
    const [, entityKey = 'result', errorType = 'UserError'] =
      ENTITY_KEY.find(([pattern]) => pattern.test(field.name)) ?? [];
    const payload = {
      __typename: `${field.name[0]?.toUpperCase() ?? ''}${field.name.slice(1)}Payload`,
      [entityKey]: null,
      userErrors: [
        { __typename: errorType, field: null, message: fault.message, code: fault.code ?? null },
      ],
    };
    data[field.key] = field.selections
      ? projectSelection(payload, field.selections, call.fragments, appliesTo)
      : payload;
  }
  const cost = chargeQueryCost(state, shop, MUTATION_COST * call.fields.length);
  return {
    status: 200,
    body: { data, extensions: { cost } },
    answers: call.fields.map(() => 'user-errors'),
  };
}
