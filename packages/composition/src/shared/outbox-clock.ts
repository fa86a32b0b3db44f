import { systemClock, type Clock } from '@solpay/domain';
import { readConfig } from '@solpay/lambda';
import { createScaledClock } from '@solpay/queue';
import { processSingleton } from './process-singleton';

/** The clock of the outbox (scaled by `RETRY_TIME_SCALE` in tests; one per process). */
export const outboxClock = /* @__PURE__ */ processSingleton((): Clock => {
  const scale = readConfig(['queue']).queue.retryTimeScale;
  return scale === 1 ? systemClock : createScaledClock(scale);
});
