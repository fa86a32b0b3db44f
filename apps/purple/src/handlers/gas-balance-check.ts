import { createGasBalanceCheckHandler, gasBalanceCheckWorker } from '@solpay/services';

/** Scheduled gas wallet check (EventBridge `rate(5 minutes)`): balance metric and low-balance alert. */
export const handler = createGasBalanceCheckHandler(gasBalanceCheckWorker);
