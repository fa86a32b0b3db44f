import * as z from 'zod';

const recordedMutationSchema = z.object({
  mutation: z.string().nullable(),
  variables: z.record(z.string(), z.unknown()),
  args: z.record(z.string(), z.unknown()).nullable(),
  answeredWith: z.string(),
  at: z.string(),
});

/** A Payments Apps mutation the simulator received (the fields the bench reads). */
export type SimMutation = z.infer<typeof recordedMutationSchema>;

const placedSchema = z.object({
  status: z.number(),
  redirectUrl: z.string(),
  order: z.object({
    id: z.string(),
    paymentSessions: z.array(z.object({ id: z.string(), gid: z.string() })),
  }),
});

/** A placed order: the app's checkout URL and Shopify's payment session. */
export interface PlacedOrder {
  orderId: string;
  paymentId: string;
  sessionGid: string;
}

/** Drives the Shopify simulator through its `/_sim/*` control API. */
export function simulatorClient(origin: string) {
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${origin}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json: unknown = await res.json();
    if (!res.ok)
      throw new Error(`simulator ${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  return {
    /** Places an order; Shopify sends its payment session to green over mTLS. */
    async placeOrder(amount: string): Promise<PlacedOrder> {
      const placed = placedSchema.parse(await call('POST', '/_sim/orders', { amount }));
      const session = placed.order.paymentSessions.at(-1);
      if (placed.status !== 201 || !session || !placed.redirectUrl) {
        throw new Error(`the app refused the payment session (${placed.status})`);
      }
      const paymentId = new URL(placed.redirectUrl).pathname.split('/').pop() ?? '';
      return { orderId: placed.order.id, paymentId, sessionGid: session.gid };
    },
    /** Every recorded Payments Apps mutation. */
    async mutations(): Promise<SimMutation[]> {
      const body = z
        .object({ mutations: z.array(recordedMutationSchema) })
        .parse(await call('GET', '/_sim/mutations'));
      return body.mutations;
    },
  };
}

/** The session gid a recorded mutation is about (`args.id` or `variables.id`). */
export function mutationSessionId(mutation: SimMutation): string | undefined {
  const id = mutation.args?.id ?? mutation.variables.id;
  return typeof id === 'string' ? id : undefined;
}
