import { createHmac, randomUUID } from 'node:crypto';
import * as z from 'zod';
import { postOverMtls } from './mtls-post';
import { SimulatorInputError } from './simulator-input-error';
import type { SimulatorState } from './simulator-state';

/** The mandatory privacy webhook topics. */
export const GDPR_TOPICS = ['customers/data_request', 'customers/redact', 'shop/redact'] as const;

/** Input of `sendWebhook` (also the JSON body of `POST /_sim/webhooks`). */
export const sendWebhookInputSchema = z.object({
  shop: z.string().min(1),
  topic: z.enum(GDPR_TOPICS),
  /** Object → compact JSON; string → sent byte for byte; omitted → a typical payload. */
  payload: z.unknown().optional(),
  /** `x-shopify` = classic `X-Shopify-*` headers; `shopify` = newer `shopify-*` headers. */
  headerStyle: z.enum(['x-shopify', 'shopify']).default('x-shopify'),
  /** Change the body after signing, so the HMAC no longer matches. */
  tamper: z.boolean().default(false),
});

/** Input of `sendWebhook`. */
export type SendWebhookInput = z.input<typeof sendWebhookInputSchema>;

/** What `sendWebhook` returns. */
export interface SendWebhookResult {
  status: number;
  body: unknown;
  webhookId: string;
  /** The exact bytes sent (after tampering, if any). */
  rawBody: string;
  /** The HMAC header value sent (computed before tampering). */
  hmac: string;
}

/**
 * Sends a GDPR webhook to `green /gdpr/<topic>` over mTLS, signed like Shopify: base64
 * HMAC-SHA256 of the raw body with the app's client secret.
 */
export async function sendGdprWebhook(
  state: SimulatorState,
  rawInput: SendWebhookInput,
): Promise<SendWebhookResult> {
  const parsed = sendWebhookInputSchema.safeParse(rawInput);
  if (!parsed.success) throw new SimulatorInputError(z.prettifyError(parsed.error));
  const input = parsed.data;
  const signed =
    typeof input.payload === 'string'
      ? input.payload
      : JSON.stringify(input.payload ?? defaultPayload(input.topic, input.shop));
  const hmac = createHmac('sha256', state.apiSecret).update(signed, 'utf8').digest('base64');
  const rawBody = input.tamper ? tamperWith(signed) : signed;
  const webhookId = randomUUID();
  const values: Record<string, string> = {
    'Hmac-Sha256': hmac,
    Topic: input.topic,
    'Shop-Domain': input.shop,
    'API-Version': state.apiVersion,
    'Webhook-Id': webhookId,
    'Triggered-At': new Date(state.now()).toISOString(),
    'Event-Id': randomUUID(),
    Name: 'solpay-gdpr',
  };
  const headers = Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      input.headerStyle === 'x-shopify' ? `X-Shopify-${name}` : `shopify-${name.toLowerCase()}`,
      value,
    ]),
  );
  const exchange = await postOverMtls(state.green, `/gdpr/${input.topic}`, headers, rawBody);
  return { status: exchange.status, body: exchange.body, webhookId, rawBody, hmac };
}

function tamperWith(body: string): string {
  // Still valid JSON when the body was: only the signature check can catch it.
  const changed = body.replace(/"shop_domain":"/, '"shop_domain":"x');
  return changed === body ? `${body} ` : changed;
}

function defaultPayload(
  topic: (typeof GDPR_TOPICS)[number],
  shop: string,
): Record<string, unknown> {
  const base = { shop_id: 60123, shop_domain: shop };
  const customer = { id: 207119551, email: 'buyer@example.com', phone: '+15555550100' };
  switch (topic) {
    case 'customers/data_request':
      return { ...base, orders_requested: [450789469], customer, data_request: { id: 9999 } };
    case 'customers/redact':
      return { ...base, customer, orders_to_redact: [450789469] };
    case 'shop/redact':
      return base;
  }
}
