import * as z from 'zod';
import { DEFAULT_SCOPES } from './default-scopes';
import { faultSchema } from './fault';
import { readBody, sendJson } from './http-io';
import { issueRefund, issueRefundInputSchema } from './issue-refund';
import { placeOrder, placeOrderInputSchema, resendPaymentSession } from './place-order';
import type { Route, RouteContext } from './route';
import { sendGdprWebhook, sendWebhookInputSchema } from './send-gdpr-webhook';
import { SimulatorInputError } from './simulator-input-error';

const faultsBodySchema = z.union([
  z.array(faultSchema),
  z.object({ faults: z.array(faultSchema) }),
]);
const outageBodySchema = z.object({ on: z.boolean() });
const tokenBodySchema = z.object({ shop: z.string(), expiring: z.boolean().default(true) });

async function readJson(ctx: RouteContext): Promise<unknown> {
  const raw = (await readBody(ctx.req)).toString('utf8');
  if (raw.trim() === '') return {};
  try {
    return JSON.parse(raw);
  } catch {
    throw new SimulatorInputError('Body must be JSON');
  }
}

function parseWith<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new SimulatorInputError(z.prettifyError(parsed.error));
  return parsed.data;
}

/** Wraps a JSON handler: input errors become 4xx `{error}` answers. */
function json(
  handler: (ctx: RouteContext) => Promise<[number, unknown]> | [number, unknown],
): Route['handle'] {
  return async (ctx) => {
    try {
      const [status, body] = await handler(ctx);
      sendJson(ctx.res, status, body);
    } catch (error) {
      if (!(error instanceof SimulatorInputError)) throw error;
      sendJson(ctx.res, error.status, { error: error.message });
    }
  };
}

/** JSON control API under `/_sim/` so other processes can drive and inspect the simulator. */
export const controlApiRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/_sim\/mutations$/,
    handle: json((ctx) => [200, { mutations: ctx.state.mutations }]),
  },
  {
    method: 'POST',
    pattern: /^\/_sim\/faults$/,
    handle: json(async (ctx) => {
      const body = parseWith(faultsBodySchema, await readJson(ctx));
      ctx.state.faults.push(...(Array.isArray(body) ? body : body.faults));
      return [200, { queued: ctx.state.faults.length }];
    }),
  },
  {
    method: 'POST',
    pattern: /^\/_sim\/outage$/,
    handle: json(async (ctx) => {
      ctx.state.outage = parseWith(outageBodySchema, await readJson(ctx)).on;
      return [200, { outage: ctx.state.outage }];
    }),
  },
  {
    method: 'GET',
    pattern: /^\/_sim\/orders$/,
    handle: json((ctx) => [200, { orders: ctx.state.orders }]),
  },
  {
    method: 'POST',
    pattern: /^\/_sim\/orders$/,
    handle: json(async (ctx) => {
      const result = await placeOrder(
        ctx.state,
        parseWith(placeOrderInputSchema, await readJson(ctx)),
      );
      return [201, result];
    }),
  },
  {
    method: 'POST',
    pattern: /^\/_sim\/orders\/([A-Za-z0-9]+)\/resend$/,
    handle: json(async (ctx) => [
      200,
      await resendPaymentSession(ctx.state, ctx.params[0] as string),
    ]),
  },
  {
    method: 'POST',
    pattern: /^\/_sim\/refunds$/,
    handle: json(async (ctx) => [
      201,
      await issueRefund(ctx.state, parseWith(issueRefundInputSchema, await readJson(ctx))),
    ]),
  },
  {
    method: 'POST',
    pattern: /^\/_sim\/tokens$/,
    handle: json(async (ctx) => {
      const body = parseWith(tokenBodySchema, await readJson(ctx));
      if (!ctx.state.shops.includes(body.shop))
        throw new SimulatorInputError(`Unknown shop ${body.shop}`, 404);
      const tokens = ctx.state.tokens.issue(body.shop, DEFAULT_SCOPES, body.expiring);
      return [201, tokens];
    }),
  },
  {
    method: 'POST',
    pattern: /^\/_sim\/webhooks$/,
    handle: json(async (ctx) => [
      200,
      await sendGdprWebhook(ctx.state, parseWith(sendWebhookInputSchema, await readJson(ctx))),
    ]),
  },
  {
    method: 'GET',
    pattern: /^\/_sim\/configurations$/,
    handle: json((ctx) => [200, { configurations: Object.fromEntries(ctx.state.configurations) }]),
  },
];
