import { readConfig } from '@solpay/lambda';
import type { CheckoutStatusRouteDeps } from '@solpay/handlers';
import { prismaClient } from '../shared/prisma-client';
import { processSingleton } from '../shared/process-singleton';
import { transactionEngine } from '../shared/transaction-engine';

/** Purple `GET /checkout/payments/{paymentId}`: the stored payment, checked on chain. */
export const checkoutStatusRoute = /* @__PURE__ */ processSingleton((): CheckoutStatusRouteDeps => {
  const { web } = readConfig(['web']);
  return {
    checkout: {
      prisma: prismaClient(),
      engine: transactionEngine(),
      purpleOrigin: web.purpleOrigin,
    },
    checkoutOrigin: web.checkoutOrigin,
  };
});
