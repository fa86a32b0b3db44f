import { discoveryPollWorker } from '@solpay/composition';
import { createDiscoveryPollHandler } from '@solpay/handlers';

/** The scheduled discovery fallback (EventBridge `rate(1 minute)`; every ~2 s locally). */
export const handler = createDiscoveryPollHandler(discoveryPollWorker);
