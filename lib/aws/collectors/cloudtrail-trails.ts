import "server-only";
/**
 * CloudTrail trails whose home region is the collector's region (a multi-region trail is recorded
 * once, by its home region; ListTrails lists it in every region). Per trail: DescribeTrails,
 * GetTrailStatus (is it logging) and ListTags. Relations: trail writes-to its S3 bucket, log group
 * and SNS topic; assumes-role its CloudWatch Logs role; encrypted-by its KMS key.
 */
import { CloudTrailClient, DescribeTrailsCommand, GetTrailStatusCommand, ListTagsCommand, ListTrailsCommand } from "@aws-sdk/client-cloudtrail";
import { z } from "zod";
import type { CollectorDefinition } from "@/lib/aws/collector-types";
import { iamRoleArn, kmsKeyReference, s3BucketArn, withoutLogStreamWildcard } from "@/lib/aws/build-arn";
import { withCollectorCalls } from "@/lib/aws/collector-calls";
import { CONFIG_CONCURRENCY, mapConcurrent } from "@/lib/aws/map-concurrent";
import { KIND } from "@/lib/aws/resource-kinds";
import { REL } from "@/lib/aws/relation-types";
import { tagsToRecord } from "@/lib/aws/tags-to-record";
import { walkPages } from "@/lib/aws/walk-pages";
import { cloudtrailTrailsPlan } from "@/lib/aws/collectors/cloudtrail-trails.plan";

const trailInfoSchema = z.looseObject({
  TrailARN: z.string().min(1),
  Name: z.string().min(1).nullish(),
  HomeRegion: z.string().min(1).nullish(),
});
const describeSchema = z.looseObject({
  trailList: z
    .array(
      z.looseObject({
        S3BucketName: z.string().min(1).nullish(),
        SnsTopicARN: z.string().min(1).nullish(),
        CloudWatchLogsLogGroupArn: z.string().min(1).nullish(),
        CloudWatchLogsRoleArn: z.string().min(1).nullish(),
        KmsKeyId: z.string().min(1).nullish(),
      }),
    )
    .nullish(),
});
const statusSchema = z.looseObject({ IsLogging: z.boolean().nullish() });
const tagsSchema = z.looseObject({
  ResourceTagList: z
    .array(z.looseObject({ TagsList: z.array(z.looseObject({ Key: z.string(), Value: z.string().nullish() })).nullish() }))
    .nullish(),
});

export const cloudTrailTrailsCollector: CollectorDefinition = {
  ...cloudtrailTrailsPlan,
  run: (ctx) =>
    withCollectorCalls(ctx, async (calls) => {
      const cloudtrail = ctx.clients.get(CloudTrailClient);
      await walkPages(
        ctx,
        (cursor) =>
          calls.page(cloudtrail, new ListTrailsCommand({ NextToken: cursor ?? undefined }), { items: "Trails", next: "NextToken", item: trailInfoSchema }),
        async (listed, batch) => {
          const own = listed.filter((t) => (t.HomeRegion ?? ctx.region) === ctx.region);
          const details = await mapConcurrent(own, CONFIG_CONCURRENCY, async (info) => {
            const arn = info.TrailARN;
            const described = await calls.may(cloudtrail, new DescribeTrailsCommand({ trailNameList: [arn], includeShadowTrails: false }), describeSchema, {
              arn,
            });
            const status = await calls.may(cloudtrail, new GetTrailStatusCommand({ Name: arn }), statusSchema, { arn });
            const tags = await calls.may(cloudtrail, new ListTagsCommand({ ResourceIdList: [arn] }), tagsSchema, { arn });
            return { info, arn, trail: described?.trailList?.[0], status, tags: tagsToRecord(tags?.ResourceTagList?.[0]?.TagsList ?? []) };
          });
          for (const { info, arn, trail, status, tags } of details) {
            batch.add({
              kind: KIND.cloudTrailTrail,
              arn,
              name: info.Name ?? arn,
              tags,
              raw: { trail: trail ? { ...info, ...trail } : info, ...(status ? { status } : {}) },
            });
            if (trail?.S3BucketName) batch.relate(arn, s3BucketArn(ctx.partition, trail.S3BucketName), REL.writesTo, KIND.s3Bucket);
            if (trail?.CloudWatchLogsLogGroupArn) {
              batch.relate(arn, withoutLogStreamWildcard(trail.CloudWatchLogsLogGroupArn), REL.writesTo, KIND.logGroup);
            }
            if (trail?.SnsTopicARN) batch.relate(arn, trail.SnsTopicARN, REL.writesTo, KIND.snsTopic);
            if (trail?.CloudWatchLogsRoleArn) batch.relate(arn, iamRoleArn(ctx, trail.CloudWatchLogsRoleArn), REL.assumesRole, KIND.iamRole);
            const key = trail?.KmsKeyId ? kmsKeyReference(ctx, trail.KmsKeyId) : undefined;
            if (key) batch.relate(arn, key.arn, REL.encryptedBy, key.kind);
          }
        },
      );
    }),
};
