import { readConfig } from '@solpay/lambda';
import type { PortalApiDeps } from '@solpay/handlers';
import { createWeb3WalletInspector } from '@solpay/adapters';
import { createPrismaPortalRecords } from '@solpay/persistence';
import { solanaConnection } from '../shared/solana-connection';
import { tokenCipher } from '../shared/token-cipher';
import { onFirstUse } from '../shared/on-first-use';
import { prismaClient } from '../shared/prisma-client';
import { processSingleton } from '../shared/process-singleton';
import { transactionEngine } from '../shared/transaction-engine';
import { merchantPolicy } from './merchant-policy';
import { shopifyOAuth } from './shopify-oauth';
import { merchantOnboarding } from './merchant-onboarding';

/** Purple `ANY /portal/{proxy+}`. */
export const portalApiRoute = /* @__PURE__ */ processSingleton((): PortalApiDeps => {
  const { web, shopify, solana } = readConfig(['web', 'shopify', 'solana']);
  return {
    merchant: {
      ...merchantOnboarding(),
      portalRecords: createPrismaPortalRecords(prismaClient()),
      oauth: shopifyOAuth(),
      cipher: tokenCipher(),
      // Built when a merchant saves a wallet: the web3.js connection loads the Solana packages.
      wallets: onFirstUse(() => createWeb3WalletInspector(solanaConnection())),
      policy: merchantPolicy(),
    },
    engine: transactionEngine(),
    settings: {
      sessionSecret: web.sessionSecret,
      purpleOrigin: web.purpleOrigin,
      portalOrigin: web.portalOrigin,
      shopifyAdminOrigin: shopify.adminOrigin,
      cluster: solana.cluster,
      rpcUrl: solana.rpcUrl,
    },
  };
});
