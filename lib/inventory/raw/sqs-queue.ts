import { z } from "zod";

const text = z.string().nullish();

/**
 * An AWS::SQS::Queue (lib/aws/collectors/sqs-queues.ts): its URL and GetQueueAttributes (All).
 * SQS answers every attribute as text: numbers and booleans are strings ("30", "true"), and the
 * redrive and access policies are JSON text.
 */
export const sqsQueueRawSchema = z.looseObject({
  queueUrl: z.string(),
  attributes: z
    .looseObject({
      QueueArn: text,
      KmsMasterKeyId: text,
      KmsDataKeyReusePeriodSeconds: text,
      SqsManagedSseEnabled: text,
      Policy: text,
      RedrivePolicy: text,
      RedriveAllowPolicy: text,
      VisibilityTimeout: text,
      MessageRetentionPeriod: text,
      DelaySeconds: text,
      MaximumMessageSize: text,
      ReceiveMessageWaitTimeSeconds: text,
      FifoQueue: text,
      ContentBasedDeduplication: text,
      CreatedTimestamp: text,
      LastModifiedTimestamp: text,
    })
    .optional(),
});

export type SqsQueueRaw = z.infer<typeof sqsQueueRawSchema>;
