import { AuthenticationFailedError, settleWhenCommitted } from '@solpay/domain';
import { createHttpHandler, jsonResponse, toValidationError } from '@solpay/lambda';
import {
  getAppServices,
  heliusSignatures,
  heliusWebhookPayloadSchema,
  isHeliusAuthorized,
  PURPLE_RATE_LIMITS,
} from '@solpay/services';

/**
 * How long a delivery waits for a transaction of ours that landed to reach the configured
 * commitment (Helius delivers at `confirmed`): finality on mainnet since Alpenglow takes
 * ~150 ms, so the resolve leaves from this invocation; on slower clusters the poll settles it.
 */
const COMMITMENT_WAIT_MS = 2_000;

/**
 * `POST /webhooks/helius` (purple): Helius deliveries (raw or enhanced, specs §C.1). The
 * `Authorization` header must equal `HELIUS_WEBHOOK_SECRET` (constant-time) before the body is
 * even parsed, else 401. Authenticated deliveries share one budget (`HELIUS_RATE_LIMIT` per
 * minute; over it: 429 + `Retry-After`, which Helius retries, and the discovery poll is the
 * fallback). Each signature is only a hint — `settleSignature` validates it from chain data and
 * moves a record at most once however often it arrives; a transaction of ours not yet at the
 * configured commitment is watched for up to 2 s and settled (resolve sent) as soon as it is.
 * Answers `200 { received, settled }`.
 */
export const handler = createHttpHandler(
  {
    name: 'helius-webhook',
    maxBodyBytes: 1024 * 1024,
    authenticate: ({ headers }) => {
      const secret = getAppServices().config(['helius']).helius.webhookSecret;
      if (!isHeliusAuthorized(headers.authorization, secret)) throw new AuthenticationFailedError();
    },
  },
  async (request) => {
    const services = getAppServices();
    const { heliusWebhooksPerMinute } = services.config(['rateLimits']).rateLimits;
    await services.rateLimiter.enforce(
      { ...PURPLE_RATE_LIMITS.heliusWebhook, limit: heliusWebhooksPerMinute },
      'deliveries',
    );
    const parsed = heliusWebhookPayloadSchema.safeParse(request.body);
    // Validated only after the secret matched, so strangers learn nothing about the shape.
    if (!parsed.success) throw toValidationError(parsed.error, 'body');
    const signatures = heliusSignatures(parsed.data);
    const outcomes = await Promise.all(
      signatures.map((signature) =>
        settleWhenCommitted(services.engine, signature, { waitMs: COMMITMENT_WAIT_MS }),
      ),
    );
    const settled = outcomes.filter((outcome) => outcome.outcome === 'paid').length;
    return jsonResponse(200, { received: signatures.length, settled });
  },
);
