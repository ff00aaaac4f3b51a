import { z } from "zod";

/**
 * An AWS::IoT::TopicRuleDestination (lib/aws/collectors/iot-rule-destinations.ts): an HTTP
 * confirmation URL (credentials removed) or a VPC destination for in-VPC actions such as Kafka.
 */
export const iotTopicRuleDestinationRawSchema = z.looseObject({
  destination: z.looseObject({
    arn: z.string(),
    status: z.string().nullish(),
    statusReason: z.string().nullish(),
    createdAt: z.string().nullish(),
    lastUpdatedAt: z.string().nullish(),
    httpUrlSummary: z.looseObject({ confirmationUrl: z.string().nullish() }).nullish(),
    vpcDestinationSummary: z
      .looseObject({
        vpcId: z.string().nullish(),
        subnetIds: z.array(z.string()).nullish(),
        securityGroups: z.array(z.string()).nullish(),
        roleArn: z.string().nullish(),
      })
      .nullish(),
  }),
});

export type IotTopicRuleDestinationRaw = z.infer<typeof iotTopicRuleDestinationRawSchema>;
