import { settleSignature } from '@solpay/domain';
import {
  createHttpHandler,
  jsonResponse,
  toValidationError,
  UnauthorizedError,
} from '@solpay/lambda';
import {
  getAppServices,
  heliusSignatures,
  heliusWebhookPayloadSchema,
  isHeliusAuthorized,
} from '@solpay/services';
import { z } from 'zod';

const authorizationSchema = z.looseObject({ authorization: z.string().optional() });

/**
 * `POST /webhooks/helius` (purple): Helius deliveries (raw or enhanced, specs §C.1). The
 * `Authorization` header must equal `HELIUS_WEBHOOK_SECRET` (constant-time) or nothing is read:
 * 401. Each signature is only a hint — `settleSignature` validates it from chain data and moves
 * a record at most once however often it arrives. Answers `200 { received, settled }`.
 */
export const handler = createHttpHandler(
  { name: 'helius-webhook', headersSchema: authorizationSchema, maxBodyBytes: 1024 * 1024 },
  async (request) => {
    const services = getAppServices();
    const secret = services.config(['helius']).helius.webhookSecret;
    if (!isHeliusAuthorized(request.headers.authorization, secret)) throw new UnauthorizedError();
    const parsed = heliusWebhookPayloadSchema.safeParse(request.body);
    // Validated only after the secret matched, so strangers learn nothing about the shape.
    if (!parsed.success) throw toValidationError(parsed.error, 'body');
    const signatures = heliusSignatures(parsed.data);
    const outcomes = await Promise.all(
      signatures.map((signature) => settleSignature(services.engine, signature)),
    );
    const settled = outcomes.filter((outcome) => outcome.outcome === 'paid').length;
    return jsonResponse(200, { received: signatures.length, settled });
  },
);
