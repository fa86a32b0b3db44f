import * as z from 'zod';
import { defineConfigSection } from '../config-section';
import { envField } from '../env-field';

/** The retry queue and state machine, local endpoints, and the back-off time scale. */
export const queueSection = defineConfigSection({
  schema: () =>
    z
      .object({
        RETRY_QUEUE_URL: envField.httpUrl().optional(),
        RETRY_DEAD_LETTER_QUEUE_URL: envField.httpUrl().optional(),
        RETRY_STATE_MACHINE_ARN: envField.string().optional(),
        AWS_ENDPOINT_URL_SQS: envField.httpUrl().optional(),
        AWS_ENDPOINT_URL_SFN: envField.httpUrl().optional(),
        RETRY_TIME_SCALE: envField.positiveNumber().default(1),
      })
      .transform((env) => ({
        retryQueueUrl: env.RETRY_QUEUE_URL,
        /** Where exhausted retries are parked for the DLQ alarm and replay. */
        retryDeadLetterQueueUrl: env.RETRY_DEAD_LETTER_QUEUE_URL,
        retryStateMachineArn: env.RETRY_STATE_MACHINE_ARN,
        /** Local SQS endpoint (e.g. fauxqs); unset on AWS. */
        sqsEndpoint: env.AWS_ENDPOINT_URL_SQS,
        /** Local Step Functions endpoint; unset on AWS. */
        sfnEndpoint: env.AWS_ENDPOINT_URL_SFN,
        /** Multiplies back-off delays; below 1 speeds retries up in tests. */
        retryTimeScale: env.RETRY_TIME_SCALE,
      })),
});

/** The `queue` configuration section. */
export type QueueConfig = z.output<typeof queueSection.schema>;
