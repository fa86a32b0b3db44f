import { createDiscoveryPollHandler, discoveryPollWorker } from '@solpay/services';

/** The scheduled discovery fallback (EventBridge `rate(1 minute)`; every ~2 s locally). */
export const handler = createDiscoveryPollHandler(discoveryPollWorker);
