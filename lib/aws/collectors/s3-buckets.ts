import "server-only";
/**
 * S3 buckets (a global collector: ListBuckets lists every region's buckets once). Per bucket:
 * GetBucketLocation, then from the bucket's own region versioning, default encryption, public
 * access block, replication, object lock, lifecycle and tags.
 *
 * S3 answers "not configured" with an error (NoSuchLifecycleConfiguration and friends); those mean
 * "off" and are stored as null, not reported. A part that could not be read for another reason is
 * left out of raw and reported. Each record's region is the bucket's location (us-east-1 when the
 * LocationConstraint is empty, eu-west-1 for the legacy "EU").
 */
import {
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLocationCommand,
  GetBucketReplicationCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { z } from "zod";
import type { CollectorContext, CollectorDefinition } from "@/lib/aws/collector-types";
import { iamRoleArn, kmsKeyReference, s3BucketArn } from "@/lib/aws/build-arn";
import { withCollectorCalls, type CollectorCalls } from "@/lib/aws/collector-calls";
import { CONFIG_CONCURRENCY, mapConcurrent } from "@/lib/aws/map-concurrent";
import { kindOfArn } from "@/lib/aws/parse-arn";
import { KIND } from "@/lib/aws/resource-kinds";
import { REL } from "@/lib/aws/relation-types";
import { tagsToRecord } from "@/lib/aws/tags-to-record";
import { walkPages } from "@/lib/aws/walk-pages";
import { PAGE_SIZE, s3BucketsPlan } from "@/lib/aws/collectors/s3-buckets.plan";


const bucketSchema = z.looseObject({ Name: z.string().min(1), BucketRegion: z.string().min(1).nullish() });
const locationSchema = z.looseObject({ LocationConstraint: z.string().nullish() });
const versioningSchema = z.looseObject({ Status: z.string().nullish(), MFADelete: z.string().nullish() });
const encryptionSchema = z.looseObject({
  ServerSideEncryptionConfiguration: z
    .looseObject({
      Rules: z
        .array(
          z.looseObject({
            ApplyServerSideEncryptionByDefault: z
              .looseObject({ SSEAlgorithm: z.string().nullish(), KMSMasterKeyID: z.string().nullish() })
              .nullish(),
          }),
        )
        .nullish(),
    })
    .nullish(),
});
const publicAccessBlockSchema = z.looseObject({ PublicAccessBlockConfiguration: z.looseObject({}).nullish() });
const replicationSchema = z.looseObject({
  ReplicationConfiguration: z
    .looseObject({
      Role: z.string().nullish(),
      Rules: z.array(z.looseObject({ Destination: z.looseObject({ Bucket: z.string().min(1).nullish() }).nullish() })).nullish(),
    })
    .nullish(),
});
const objectLockSchema = z.looseObject({ ObjectLockConfiguration: z.looseObject({}).nullish() });
const lifecycleSchema = z.looseObject({ Rules: z.array(z.looseObject({})).nullish() });
const taggingSchema = z.looseObject({ TagSet: z.array(z.looseObject({ Key: z.string(), Value: z.string().nullish() })).nullish() });

/** Where a bucket lives, from GetBucketLocation's LocationConstraint. */
export function bucketRegion(locationConstraint: string | null | undefined): string {
  if (!locationConstraint) return "us-east-1";
  if (locationConstraint === "EU") return "eu-west-1";
  return locationConstraint;
}


export const s3BucketsCollector: CollectorDefinition = {
  ...s3BucketsPlan,
  run: (ctx) =>
    withCollectorCalls(ctx, async (calls) => {
      const s3 = ctx.clients.get(S3Client);
      await walkPages(
        ctx,
        (cursor) =>
          calls.page(s3, new ListBucketsCommand({ MaxBuckets: PAGE_SIZE, ContinuationToken: cursor ?? undefined }), {
            items: "Buckets",
            next: "ContinuationToken",
            item: bucketSchema,
          }),
        async (buckets, batch) => {
          const details = await mapConcurrent(buckets, CONFIG_CONCURRENCY, (bucket) => readBucket(ctx, calls, bucket.Name, bucket.BucketRegion));
          buckets.forEach((bucket, i) => {
            const detail = details[i];
            if (!detail) return; // deleted while the scan ran
            const arn = s3BucketArn(ctx.partition, bucket.Name);
            const scope = { partition: ctx.partition, region: detail.region, accountId: ctx.accountId };
            batch.add({
              kind: KIND.s3Bucket,
              arn,
              name: bucket.Name,
              region: detail.region,
              tags: detail.tags,
              raw: { bucket, ...detail.parts },
            });
            for (const rule of detail.encryption?.ServerSideEncryptionConfiguration?.Rules ?? []) {
              const key = rule.ApplyServerSideEncryptionByDefault?.KMSMasterKeyID;
              const ref = key ? kmsKeyReference(scope, key) : undefined;
              if (ref) batch.relate(arn, ref.arn, REL.encryptedBy, ref.kind);
            }
            const replication = detail.replication?.ReplicationConfiguration;
            for (const rule of replication?.Rules ?? []) {
              const destination = rule.Destination?.Bucket;
              if (destination) {
                const destinationArn = destination.startsWith("arn:") ? destination : s3BucketArn(ctx.partition, destination);
                batch.relate(arn, destinationArn, REL.replicatesTo, kindOfArn(destinationArn) ?? KIND.s3Bucket);
              }
            }
            if (replication?.Role) batch.relate(arn, iamRoleArn(scope, replication.Role), REL.assumesRole, KIND.iamRole);
          });
        },
      );
    }),
};

async function readBucket(ctx: CollectorContext, calls: CollectorCalls, name: string, listedRegion: string | null | undefined) {
  const arn = s3BucketArn(ctx.partition, name);
  const home = ctx.clients.get(S3Client);
  const location = await calls.may(home, new GetBucketLocationCommand({ Bucket: name }), locationSchema, {
    arn,
    absentWhen: ["NoSuchBucket"],
  });
  if (location === null) return undefined;
  const region = location ? bucketRegion(location.LocationConstraint) : (listedRegion ?? ctx.region);
  const s3 = (ctx.clients.forRegion?.(region) ?? ctx.clients).get(S3Client);
  const opts = (absentWhen: string[]) => ({ arn, absentWhen });
  const versioning = await calls.may(s3, new GetBucketVersioningCommand({ Bucket: name }), versioningSchema, { arn });
  const encryption = await calls.may(
    s3,
    new GetBucketEncryptionCommand({ Bucket: name }),
    encryptionSchema,
    opts(["ServerSideEncryptionConfigurationNotFoundError"]),
  );
  const publicAccessBlock = await calls.may(
    s3,
    new GetPublicAccessBlockCommand({ Bucket: name }),
    publicAccessBlockSchema,
    opts(["NoSuchPublicAccessBlockConfiguration"]),
  );
  const replication = await calls.may(
    s3,
    new GetBucketReplicationCommand({ Bucket: name }),
    replicationSchema,
    opts(["ReplicationConfigurationNotFoundError"]),
  );
  const objectLock = await calls.may(
    s3,
    new GetObjectLockConfigurationCommand({ Bucket: name }),
    objectLockSchema,
    opts(["ObjectLockConfigurationNotFoundError"]),
  );
  const lifecycle = await calls.may(
    s3,
    new GetBucketLifecycleConfigurationCommand({ Bucket: name }),
    lifecycleSchema,
    opts(["NoSuchLifecycleConfiguration"]),
  );
  const tagging = await calls.may(s3, new GetBucketTaggingCommand({ Bucket: name }), taggingSchema, opts(["NoSuchTagSet"]));
  // null = not configured (off); a part that could not be read is left out (and was reported).
  const parts: Record<string, unknown> = {};
  const keep = (key: string, value: unknown) => {
    if (value !== undefined) parts[key] = value;
  };
  keep("location", location ? { LocationConstraint: location.LocationConstraint ?? null } : undefined);
  keep("versioning", versioning);
  keep("encryption", encryption === null ? null : encryption?.ServerSideEncryptionConfiguration);
  keep("publicAccessBlock", publicAccessBlock === null ? null : publicAccessBlock?.PublicAccessBlockConfiguration);
  keep("replication", replication === null ? null : replication?.ReplicationConfiguration);
  keep("objectLock", objectLock === null ? null : objectLock?.ObjectLockConfiguration);
  keep("lifecycle", lifecycle === null ? null : lifecycle?.Rules && { Rules: lifecycle.Rules });
  return {
    region,
    parts,
    encryption: encryption ?? undefined,
    replication: replication ?? undefined,
    tags: tagsToRecord(tagging?.TagSet ?? []),
  };
}
