import {
  assertShopInstalled,
  RateLimitExceededError,
  serveTransaction,
  UnknownRecordError,
} from '@solpay/domain';
import { createHttpHandler, jsonResponse } from '@solpay/lambda';
import { getAppServices, isRecordId, PURPLE_RATE_LIMITS } from '@solpay/services';
import { parseTransactionRequestAccount, transactionRequestMetadata } from '@solpay/solana';
import { z } from 'zod';

const kindSchema = z.enum(['payment', 'refund']);

/**
 * `/tx/{kind}/{recordId}` (purple): the Solana Pay transaction request (specs §B.2) for a
 * payment (the buyer pays the merchant) or a refund (the merchant pays the buyer back), served
 * by the same code. `GET` → `{ label, icon }`; `POST { account }` → `{ transaction, message }`
 * (legacy, pre-signed by gas and guard); `OPTIONS` → CORS preflight. Every answer, errors
 * included, allows any origin (browser wallets fetch with `mode: 'cors'`); errors are
 * `{ code, message }` with 400/403/404/409/410/422/429, which wallets show.
 *
 * Rate limits (per minute, shared by all instances): every request counts against its source IP
 * (`TX_RATE_LIMIT_PER_IP`), and requests for a well-formed record id against that record
 * (`TX_RATE_LIMIT_PER_RECORD`); over either → 429 with `Retry-After`.
 *
 * The icon is the checkout web app's static `/icon.svg` (`${CHECKOUT_ORIGIN}/icon.svg`): a real
 * SVG on an origin we already serve, so purple needs no extra route.
 */
export const handler = createHttpHandler(
  { name: 'transaction-request', cors: 'any', maxBodyBytes: 4 * 1024 },
  async (request) => {
    const services = getAppServices();
    const limits = services.config(['rateLimits']).rateLimits;
    const limiter = services.rateLimiter;
    const perIp = await limiter.hit(
      {
        ...PURPLE_RATE_LIMITS.transactionRequestPerIp,
        limit: limits.transactionRequestsPerIpPerMinute,
      },
      request.sourceIp || 'unknown',
    );
    if (!perIp.ok) {
      throw new RateLimitExceededError(
        `Too many requests from your network; try again in ${perIp.retryAfterSeconds} s`,
        perIp.retryAfterSeconds,
      );
    }

    const kind = kindSchema.safeParse(request.pathParams.kind);
    const recordId = request.pathParams.recordId ?? '';
    if (!kind.success) throw new UnknownRecordError('Unknown transaction request');
    if (!isRecordId(recordId)) throw new UnknownRecordError(`Unknown ${kind.data}`);
    const perRecord = await limiter.hit(
      {
        ...PURPLE_RATE_LIMITS.transactionRequestPerRecord,
        limit: limits.transactionRequestsPerRecordPerMinute,
      },
      `${kind.data}:${recordId.toLowerCase()}`,
    );
    if (!perRecord.ok) {
      throw new RateLimitExceededError(
        `Too many requests for this ${kind.data}; try again in ${perRecord.retryAfterSeconds} s`,
        perRecord.retryAfterSeconds,
      );
    }

    if (request.method === 'GET') {
      const record = await services.engine.records.findRecord(kind.data, recordId);
      if (!record) throw new UnknownRecordError(`Unknown ${kind.data}`);
      assertShopInstalled(record);
      const iconUrl = `${services.config(['web']).web.checkoutOrigin}/icon.svg`;
      // Wallets show the label before the buyer signs: the merchant and the token it settles in.
      const label = `${record.label} (${record.tokenSymbol})`;
      return jsonResponse(200, transactionRequestMetadata({ label, iconUrl }));
    }

    const account = parseTransactionRequestAccount(request.body);
    const served = await serveTransaction(services.engine, {
      kind: kind.data,
      recordId,
      account: account.toBase58(),
    });
    return jsonResponse(200, served);
  },
);
