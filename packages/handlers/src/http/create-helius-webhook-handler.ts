import {
  admitSignatureHints,
  settleSignatureHints,
  type EngineDeps,
  type RateLimitPort,
} from '@solpay/domain';
import {
  createHttpHandler,
  jsonResponse,
  toValidationError,
  type HttpLambdaHandler,
} from '@solpay/lambda';
import { AuthenticationFailedError } from '@solpay/domain';
import { heliusSignatures, heliusWebhookPayloadSchema } from '../webhooks/helius-webhook-payload';
import { isHeliusAuthorized } from '../webhooks/is-helius-authorized';
import type { Compose } from '../compose';
import { lazyHandler } from '../lazy-handler';

/** What the Helius webhook route uses. */
export interface HeliusWebhookRouteDeps {
  engine: EngineDeps;
  limiter: RateLimitPort;
  /** `HELIUS_RATE_LIMIT`: deliveries per minute, shared by every instance. */
  deliveriesPerMinute: number;
  /** `HELIUS_WEBHOOK_SECRET`: the `Authorization` header Helius sends. */
  webhookSecret: string;
}

/**
 * Purple `POST /webhooks/helius`: Helius deliveries (raw or enhanced, specs §C.1). The
 * `Authorization` header must equal `HELIUS_WEBHOOK_SECRET` (constant-time) before the body is
 * even parsed, else 401. Authenticated deliveries share one budget (429 + `Retry-After` over
 * it); each signature is a hint `settleSignatureHints` validates from chain data. Answers
 * `200 { received, settled }`.
 */
export function createHeliusWebhookHandler(
  compose: Compose<HeliusWebhookRouteDeps>,
): HttpLambdaHandler {
  return lazyHandler(() =>
    createHttpHandler(
      {
        name: 'helius-webhook',
        maxBodyBytes: 1024 * 1024,
        authenticate: ({ headers }) => {
          if (!isHeliusAuthorized(headers.authorization, compose().webhookSecret)) {
            throw new AuthenticationFailedError();
          }
        },
      },
      async (request) => {
        const deps = compose();
        await admitSignatureHints({ limiter: deps.limiter, perMinute: deps.deliveriesPerMinute });
        const parsed = heliusWebhookPayloadSchema.safeParse(request.body);
        // Validated only after the secret matched, so strangers learn nothing about the shape.
        if (!parsed.success) throw toValidationError(parsed.error, 'body');
        const result = await settleSignatureHints(deps.engine, heliusSignatures(parsed.data));
        return jsonResponse(200, result);
      },
    ),
  );
}
