import { createHash, randomUUID } from 'node:crypto';
import type { SQSEvent } from 'aws-lambda';

/** Builds an SQS event holding one record per body (strings are sent as they are). */
export function buildSqsEvent(
  bodies: readonly unknown[],
  queueArn = 'arn:aws:sqs:us-east-1:000000000000:local',
): SQSEvent {
  return {
    Records: bodies.map((body) => {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      return {
        messageId: randomUUID(),
        receiptHandle: randomUUID(),
        body: text,
        attributes: {
          ApproximateReceiveCount: '1',
          SentTimestamp: String(Date.now()),
          SenderId: 'local',
          ApproximateFirstReceiveTimestamp: String(Date.now()),
        },
        messageAttributes: {},
        md5OfBody: createHash('md5').update(text).digest('hex'),
        eventSource: 'aws:sqs',
        eventSourceARN: queueArn,
        awsRegion: 'us-east-1',
      };
    }),
  };
}
