import { z } from "zod";

/**
 * An AWS::IoT::BillingGroup (lib/aws/collectors/iot-billing-groups.ts): DescribeBillingGroup's
 * answer, or the list entry (groupName, groupArn) when it could not be read.
 */
export const iotBillingGroupRawSchema = z.looseObject({
  billingGroup: z.looseObject({
    billingGroupName: z.string().nullish(),
    billingGroupArn: z.string().nullish(),
    billingGroupId: z.string().nullish(),
    groupName: z.string().nullish(),
    groupArn: z.string().nullish(),
    version: z.number().nullish(),
    billingGroupProperties: z.looseObject({ billingGroupDescription: z.string().nullish() }).nullish(),
    billingGroupMetadata: z.looseObject({ creationDate: z.string().nullish() }).nullish(),
  }),
  memberCount: z.number().optional(),
});

export type IotBillingGroupRaw = z.infer<typeof iotBillingGroupRawSchema>;
