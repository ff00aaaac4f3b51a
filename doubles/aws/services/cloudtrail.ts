/**
 * AWS CloudTrail (awsJson1_1): trails, their status and tags. A multi-region trail shows up in
 * every region as a shadow trail, with its home region.
 */
import { arns } from "../arns";
import { defineJsonService, str } from "../define-json-service";
import type { CloudTrailTrail } from "../estate-types";
import { AwsError } from "../protocol";
import { JSON_ERRORS } from "../service-errors";
import type { CallContext } from "../service-types";

function trailArn(ctx: CallContext, t: CloudTrailTrail): string {
  return arns.cloudTrail({ accountId: ctx.accountId, region: t.homeRegion }, t.name);
}

/** A trail by name (home region only) or by ARN (any region it is visible in). */
function findTrail(ctx: CallContext, ref: string): CloudTrailTrail | undefined {
  const visible = ctx.index.visibleTrails;
  if (ref.startsWith("arn:")) return visible.find((t) => trailArn(ctx, t) === ref);
  return visible.find((t) => t.name === ref && t.homeRegion === ctx.region);
}

function trailShape(ctx: CallContext, t: CloudTrailTrail) {
  return {
    Name: t.name,
    S3BucketName: t.s3BucketName,
    S3KeyPrefix: t.s3KeyPrefix,
    IncludeGlobalServiceEvents: t.includeGlobalServiceEvents,
    IsMultiRegionTrail: t.isMultiRegionTrail,
    HomeRegion: t.homeRegion,
    TrailARN: trailArn(ctx, t),
    LogFileValidationEnabled: t.logFileValidationEnabled,
    CloudWatchLogsLogGroupArn: t.cloudWatchLogsLogGroupArn,
    CloudWatchLogsRoleArn: t.cloudWatchLogsRoleArn,
    KmsKeyId: t.kmsKeyArn,
    HasCustomEventSelectors: false,
    HasInsightSelectors: false,
    IsOrganizationTrail: t.isOrganizationTrail,
  };
}

export const cloudtrailService = defineJsonService({
  id: "cloudtrail",
  signingNames: ["cloudtrail"],
  protocol: "awsJson1_1",
  errorTypePrefix: "com.amazonaws.cloudtrail.v20131101#",
  errors: JSON_ERRORS,
  handlers: {
    DescribeTrails(ctx, input) {
      const names = Array.isArray(input.trailNameList) ? (input.trailNameList as unknown[]).map(String) : [];
      const includeShadow = input.includeShadowTrails !== false;
      let trails = ctx.index.visibleTrails.filter((t) => includeShadow || t.homeRegion === ctx.region);
      if (names.length > 0) trails = names.map((n) => findTrail(ctx, n)).filter((t): t is CloudTrailTrail => t !== undefined);
      return { trailList: trails.map((t) => trailShape(ctx, t)) };
    },

    ListTrails(ctx) {
      return { Trails: ctx.index.visibleTrails.map((t) => ({ TrailARN: trailArn(ctx, t), Name: t.name, HomeRegion: t.homeRegion })) };
    },

    GetTrailStatus(ctx, input) {
      const name = str(input, "Name", "InvalidTrailNameException");
      const t = name ? findTrail(ctx, name) : undefined;
      if (!t) throw new AwsError(400, "TrailNotFoundException", `Unknown trail: ${name} for the user: ${ctx.accountId}`);
      const now = Math.floor(Date.now() / 1000);
      return {
        IsLogging: t.isLogging,
        LatestDeliveryTime: t.isLogging ? now - 300 : undefined,
        LatestDigestDeliveryTime: t.isLogging && t.logFileValidationEnabled ? now - 1800 : undefined,
        StartLoggingTime: 1_641_081_600,
        StopLoggingTime: t.isLogging ? undefined : 1_700_000_000,
        LatestCloudWatchLogsDeliveryTime: t.cloudWatchLogsLogGroupArn && t.isLogging ? now - 120 : undefined,
        TimeLoggingStarted: "2022-01-02T00:00:00Z",
        TimeLoggingStopped: t.isLogging ? undefined : "2023-11-14T22:13:20Z",
      };
    },

    ListTags(ctx, input) {
      const ids = Array.isArray(input.ResourceIdList) ? (input.ResourceIdList as unknown[]).map(String) : [];
      if (ids.length === 0) throw new AwsError(400, "InvalidParameterException", "ResourceIdList must not be empty.");
      return {
        ResourceTagList: ids.map((id) => {
          const t = findTrail(ctx, id);
          if (!t) throw new AwsError(400, "ResourceNotFoundException", `Resource ${id} does not exist.`);
          return { ResourceId: id, TagsList: Object.entries(t.tags).map(([Key, Value]) => ({ Key, Value })) };
        }),
      };
    },
  },
});
