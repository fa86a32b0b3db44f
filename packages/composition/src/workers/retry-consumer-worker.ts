import { readConfig } from '@solpay/lambda';
import { createSfnClient } from '@solpay/adapters';
import type { RetryConsumerDeps } from '@solpay/handlers';
import { processSingleton } from '../shared/process-singleton';

/** The retry queue's consumer: Step Functions (the local emulator at `SFN_ENDPOINT` when set). */
export const retryConsumerWorker = /* @__PURE__ */ processSingleton((): RetryConsumerDeps => {
  const { queue } = readConfig(['queue']);
  const sfn = processSingleton(
    () => createSfnClient(queue),
    (client) => client.destroy(),
  );
  return { stateMachineArn: queue.retryStateMachineArn, sfn };
});
