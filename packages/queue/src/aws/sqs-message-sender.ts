import type * as SqsSdk from '@aws-sdk/client-sqs';

/** What {@link SqsRetryScheduler} needs of SQS: send one message body to one queue. */
export interface SqsMessageSender {
  /** Sends `body` to the queue at `queueUrl` (SQS `SendMessage`). */
  send(queueUrl: string, body: string): Promise<void>;
  /** Closes the client, if it was ever created. */
  destroy(): void;
}

/**
 * An {@link SqsMessageSender} that loads the SQS SDK and creates its client at the first send.
 * Most invocations never schedule a retry, and the SDK (its client, serializers and the Smithy
 * core) is about a sixth of a handler bundle's code: statically imported, every cold start would
 * run its module top levels for nothing (docs/performance.md, "Cold start").
 */
export function lazySqsMessageSender(
  createClient: (sdk: typeof SqsSdk) => SqsSdk.SQSClient,
): SqsMessageSender {
  let client: SqsSdk.SQSClient | undefined;
  let loading: Promise<{ sdk: typeof SqsSdk; client: SqsSdk.SQSClient }> | undefined;
  return {
    async send(queueUrl, body) {
      loading ??= import('@aws-sdk/client-sqs').then((sdk) => {
        client = createClient(sdk);
        return { sdk, client };
      });
      const loaded = await loading;
      await loaded.client.send(
        new loaded.sdk.SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }),
      );
    },
    destroy() {
      client?.destroy();
    },
  };
}
