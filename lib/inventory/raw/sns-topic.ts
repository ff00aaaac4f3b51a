import { z } from "zod";

const text = z.string().nullish();

/**
 * An AWS::SNS::Topic (lib/aws/collectors/sns-topics.ts): its ARN and GetTopicAttributes, all text
 * as SNS answers them (the policies are JSON text). Subscriptions are not read.
 */
export const snsTopicRawSchema = z.looseObject({
  topicArn: z.string(),
  attributes: z
    .looseObject({
      TopicArn: text,
      DisplayName: text,
      Owner: text,
      Policy: text,
      KmsMasterKeyId: text,
      DeliveryPolicy: text,
      EffectiveDeliveryPolicy: text,
      DataProtectionPolicy: text,
      SubscriptionsConfirmed: text,
      SubscriptionsPending: text,
      SubscriptionsDeleted: text,
      FifoTopic: text,
      ContentBasedDeduplication: text,
      SignatureVersion: text,
      TracingConfig: text,
    })
    .optional(),
});

export type SnsTopicRaw = z.infer<typeof snsTopicRawSchema>;
