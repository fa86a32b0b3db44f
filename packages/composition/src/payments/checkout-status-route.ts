import { readConfig } from '@solpay/lambda';
import type { CheckoutStatusRouteDeps } from '@solpay/handlers';
import { loadCheckoutPayment } from '@solpay/persistence';
import { prismaClient } from '../shared/prisma-client';
import { processSingleton } from '../shared/process-singleton';
import { transactionEngine } from '../shared/transaction-engine';

/** Purple `GET /checkout/payments/{paymentId}`: the stored payment, checked on chain. */
export const checkoutStatusRoute = /* @__PURE__ */ processSingleton((): CheckoutStatusRouteDeps => {
  const { web } = readConfig(['web']);
  const checkout = {
    prisma: prismaClient(),
    engine: transactionEngine(),
    purpleOrigin: web.purpleOrigin,
  };
  return {
    checkoutPayments: { load: (paymentId) => loadCheckoutPayment(checkout, paymentId) },
    checkoutOrigin: web.checkoutOrigin,
  };
});
