import { SFNClient } from '@aws-sdk/client-sfn';
import type { QueueConfig } from '@solpay/lambda';

/**
 * The Step Functions client of the retry consumer (the only function that starts executions, so
 * the only bundle carrying this SDK client): the local emulator at `SFN_ENDPOINT` when set.
 */
export function createSfnClient(queue: Pick<QueueConfig, 'sfnEndpoint'>): SFNClient {
  return new SFNClient(
    queue.sfnEndpoint
      ? {
          endpoint: queue.sfnEndpoint,
          region: 'us-east-1',
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : {},
  );
}
