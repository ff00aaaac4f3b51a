import { z } from "zod";

/**
 * An AWS::CloudTrail::Trail (lib/aws/collectors/cloudtrail-trails.ts): the ListTrails entry merged
 * with DescribeTrails (destinations, multi-region, validation, encryption) and GetTrailStatus.
 */
export const cloudTrailTrailRawSchema = z.looseObject({
  trail: z.looseObject({
    TrailARN: z.string(),
    Name: z.string().nullish(),
    HomeRegion: z.string().nullish(),
    S3BucketName: z.string().nullish(),
    S3KeyPrefix: z.string().nullish(),
    SnsTopicName: z.string().nullish(),
    SnsTopicARN: z.string().nullish(),
    IncludeGlobalServiceEvents: z.boolean().nullish(),
    IsMultiRegionTrail: z.boolean().nullish(),
    IsOrganizationTrail: z.boolean().nullish(),
    LogFileValidationEnabled: z.boolean().nullish(),
    CloudWatchLogsLogGroupArn: z.string().nullish(),
    CloudWatchLogsRoleArn: z.string().nullish(),
    KmsKeyId: z.string().nullish(),
    HasCustomEventSelectors: z.boolean().nullish(),
    HasInsightSelectors: z.boolean().nullish(),
  }),
  status: z
    .looseObject({
      IsLogging: z.boolean().nullish(),
      LatestDeliveryError: z.string().nullish(),
      LatestDeliveryTime: z.string().nullish(),
      StartLoggingTime: z.string().nullish(),
      StopLoggingTime: z.string().nullish(),
    })
    .optional(),
});

export type CloudTrailTrailRaw = z.infer<typeof cloudTrailTrailRawSchema>;
