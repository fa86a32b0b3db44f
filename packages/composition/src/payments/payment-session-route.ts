import { systemClock } from '@solpay/domain';
import { readConfig } from '@solpay/lambda';
import { createPythOracle } from '@solpay/adapters';
import type { PaymentSessionRouteDeps } from '@solpay/handlers';
import { createPrismaSessionStore } from '@solpay/persistence';
import { solanaConnection } from '../shared/solana-connection';
import { prismaClient } from '../shared/prisma-client';
import { processSingleton } from '../shared/process-singleton';
import { settlementTokens } from '../shared/settlement-tokens';

/** Green `POST /payment`: records in PostgreSQL, prices from the Pyth oracle on chain. */
export const paymentSessionRoute = /* @__PURE__ */ processSingleton((): PaymentSessionRouteDeps => {
  const { solana, web, shopify } = readConfig(['solana', 'web', 'shopify']);
  return {
    session: {
      sessions: createPrismaSessionStore(prismaClient()),
      settlement: {
        tokens: settlementTokens(),
        testCluster: solana.cluster !== 'mainnet-beta',
        checkoutOrigin: web.checkoutOrigin,
        paymentTtlMinutes: web.paymentTtlMinutes,
        priceLimits: solana.priceLimits,
      },
      oracle: createPythOracle(solanaConnection(), solana.pythShard),
      clock: systemClock,
    },
    apiVersion: shopify.apiVersion,
  };
});
