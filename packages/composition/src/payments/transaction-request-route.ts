import { readConfig } from '@solpay/lambda';
import type { TransactionRequestRouteDeps } from '@solpay/handlers';
import { processSingleton } from '../shared/process-singleton';
import { rateLimiter } from '../shared/rate-limiter';
import { transactionEngine } from '../shared/transaction-engine';

/** Purple `/tx/{kind}/{recordId}`: the transaction engine and the shared rate limits. */
export const transactionRequestRoute = /* @__PURE__ */ processSingleton(
  (): TransactionRequestRouteDeps => {
    const { rateLimits, web } = readConfig(['rateLimits', 'web']);
    return {
      engine: transactionEngine(),
      admission: {
        limiter: rateLimiter(),
        limits: {
          perIpPerMinute: rateLimits.transactionRequestsPerIpPerMinute,
          perRecordPerMinute: rateLimits.transactionRequestsPerRecordPerMinute,
        },
      },
      iconUrl: `${web.checkoutOrigin}/icon.svg`,
    };
  },
);
