import { readConfig } from '@solpay/lambda';
import { createSfnClient } from '../../dispatch/create-sfn-client';
import type { RetryConsumerDeps } from '../../workers/create-retry-consumer-handler';
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
