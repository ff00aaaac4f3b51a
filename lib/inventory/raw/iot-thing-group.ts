import { z } from "zod";

/**
 * An AWS::IoT::ThingGroup (lib/aws/collectors/iot-thing-groups.ts): DescribeThingGroup's answer,
 * or the ListThingGroups entry (groupName, groupArn) when the description could not be read.
 * Membership is stored as "member-of" relations; `memberCount` is how many were listed.
 */
export const iotThingGroupRawSchema = z.looseObject({
  group: z.looseObject({
    thingGroupName: z.string().nullish(),
    thingGroupArn: z.string().nullish(),
    thingGroupId: z.string().nullish(),
    /** The list entry's spelling, when DescribeThingGroup failed. */
    groupName: z.string().nullish(),
    groupArn: z.string().nullish(),
    version: z.number().nullish(),
    thingGroupProperties: z
      .looseObject({
        thingGroupDescription: z.string().nullish(),
        attributePayload: z.looseObject({ attributes: z.record(z.string(), z.string()).nullish(), merge: z.boolean().nullish() }).nullish(),
      })
      .nullish(),
    thingGroupMetadata: z
      .looseObject({
        parentGroupName: z.string().nullish(),
        rootToParentThingGroups: z.array(z.looseObject({ groupName: z.string().nullish(), groupArn: z.string().nullish() })).nullish(),
        creationDate: z.string().nullish(),
      })
      .nullish(),
    /** Dynamic groups: the fleet index query that selects their members. */
    indexName: z.string().nullish(),
    queryString: z.string().nullish(),
    queryVersion: z.string().nullish(),
    status: z.string().nullish(),
  }),
  dynamic: z.boolean(),
  memberCount: z.number().optional(),
});

export type IotThingGroupRaw = z.infer<typeof iotThingGroupRawSchema>;
