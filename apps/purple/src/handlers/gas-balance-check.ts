import { gasBalanceCheckWorker } from '@solpay/composition';
import { createGasBalanceCheckHandler } from '@solpay/handlers';

/** Scheduled gas wallet check (EventBridge `rate(5 minutes)`): balance metric and low-balance alert. */
export const handler = createGasBalanceCheckHandler(gasBalanceCheckWorker);
