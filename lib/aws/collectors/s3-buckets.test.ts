import { describe, expect, it } from "vitest";
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
import { bucketRegion, s3BucketsCollector } from "@/lib/aws/collectors/s3-buckets";
import { KIND } from "@/lib/aws/resource-kinds";
import { awsError, edges, resourceNamed, runCollector, storedRaw, useAwsMock } from "@/lib/aws/testing/run-collector";

const s3 = useAwsMock(S3Client);

function notConfigured() {
  s3.on(GetBucketEncryptionCommand).rejects(awsError("ServerSideEncryptionConfigurationNotFoundError", 404));
  s3.on(GetPublicAccessBlockCommand).rejects(awsError("NoSuchPublicAccessBlockConfiguration", 404));
  s3.on(GetBucketReplicationCommand).rejects(awsError("ReplicationConfigurationNotFoundError", 404));
  s3.on(GetObjectLockConfigurationCommand).rejects(awsError("ObjectLockConfigurationNotFoundError", 404));
  s3.on(GetBucketLifecycleConfigurationCommand).rejects(awsError("NoSuchLifecycleConfiguration", 404));
  s3.on(GetBucketTaggingCommand).rejects(awsError("NoSuchTagSet", 404));
}

describe("s3.buckets", () => {
  it("knows a bucket's region from its location constraint", () => {
    expect(bucketRegion("")).toBe("us-east-1");
    expect(bucketRegion(undefined)).toBe("us-east-1");
    expect(bucketRegion("EU")).toBe("eu-west-1");
    expect(bucketRegion("ap-southeast-1")).toBe("ap-southeast-1");
  });

  it("reads 'not configured' answers as off, not as errors", async () => {
    s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: "plain-bucket" }] });
    s3.on(GetBucketLocationCommand).resolves({});
    s3.on(GetBucketVersioningCommand).resolves({});
    notConfigured();
    const run = await runCollector(s3BucketsCollector, { mocks: [s3] });
    expect(run.issues).toEqual([]);
    expect(resourceNamed(run, "plain-bucket")).toMatchObject({
      arn: "arn:aws:s3:::plain-bucket",
      region: "us-east-1",
      tags: {},
      raw: { encryption: null, publicAccessBlock: null, replication: null, objectLock: null, lifecycle: null, location: { LocationConstraint: null } },
    });
    expect(new Set(run.operations).size).toBe(9);
  });

  it("records configuration, relations, hostile tags, and reports what it could not read", async () => {
    s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: "telemetry-archive" }], ContinuationToken: "c2" });
    s3.on(ListBucketsCommand, { ContinuationToken: "c2" }).resolves({ Buckets: [{ Name: "deleted-meanwhile" }] });
    s3.on(GetBucketLocationCommand, { Bucket: "telemetry-archive" }).resolves({ LocationConstraint: "eu-central-1" });
    s3.on(GetBucketLocationCommand, { Bucket: "deleted-meanwhile" }).rejects(awsError("NoSuchBucket", 404));
    s3.on(GetBucketVersioningCommand).resolves({ Status: "Enabled" });
    s3.on(GetBucketEncryptionCommand).resolves({
      ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms", KMSMasterKeyID: "alias/lake" } }] },
    });
    s3.on(GetPublicAccessBlockCommand).resolves({ PublicAccessBlockConfiguration: { BlockPublicAcls: true } });
    s3.on(GetBucketReplicationCommand).rejects(awsError("AccessDenied", 403));
    s3.on(GetObjectLockConfigurationCommand).rejects(awsError("ObjectLockConfigurationNotFoundError", 404));
    s3.on(GetBucketLifecycleConfigurationCommand).resolves({ Rules: [{ ID: "expire", Status: "Enabled" }] });
    s3.on(GetBucketTaggingCommand).resolves({ TagSet: [{ Key: "<b>owner</b>", Value: "javascript:alert(document.cookie)" }] });
    const run = await runCollector(s3BucketsCollector, { mocks: [s3] });
    expect(run.cursors).toEqual(["c2", null]);
    expect(run.resources.map((r) => r.name)).toEqual(["telemetry-archive"]);
    const bucket = resourceNamed(run, "telemetry-archive");
    const typed = storedRaw(run, KIND.s3Bucket, "telemetry-archive");
    expect([
      typed.location?.LocationConstraint,
      typed.versioning?.Status,
      typed.encryption?.Rules?.[0]?.ApplyServerSideEncryptionByDefault?.KMSMasterKeyID,
      typed.publicAccessBlock?.BlockPublicAcls,
      typed.objectLock,
      typed.lifecycle?.Rules[0]?.ID,
      typed.replication,
    ]).toEqual(["eu-central-1", "Enabled", "alias/lake", true, null, "expire", undefined]);
    expect(bucket.region).toBe("eu-central-1");
    expect(bucket.tags).toEqual({ "<b>owner</b>": "javascript:alert(document.cookie)" });
    expect(bucket.raw).toMatchObject({ versioning: { Status: "Enabled" }, objectLock: null, lifecycle: { Rules: [{ ID: "expire" }] } });
    expect(bucket.raw).not.toHaveProperty("replication");
    expect(edges(run)).toEqual(["arn:aws:s3:::telemetry-archive -encrypted-by-> arn:aws:kms:eu-central-1:123456789012:alias/lake"]);
    expect(run.relations[0]?.toKind).toBe("AWS::KMS::Alias");
    expect(bucket.gaps).toEqual([{ operation: "GetBucketReplication", code: "AccessDenied" }]);
    expect(run.gaps).toEqual([expect.objectContaining({ code: "AccessDenied", operation: "GetBucketReplication", count: 1, arn: "arn:aws:s3:::telemetry-archive" })]);
    expect(run.issues).toEqual([]);
  });

  it("relates replication to its destination bucket and role", async () => {
    s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: "src" }] });
    notConfigured();
    s3.on(GetBucketReplicationCommand).resolves({
      ReplicationConfiguration: { Role: "arn:aws:iam::123456789012:role/s3-repl", Rules: [{ Status: "Enabled", Destination: { Bucket: "arn:aws:s3:::dst" } }] },
    });
    const run = await runCollector(s3BucketsCollector, { mocks: [s3] });
    expect(edges(run)).toEqual([
      "arn:aws:s3:::src -assumes-role-> arn:aws:iam::123456789012:role/s3-repl",
      "arn:aws:s3:::src -replicates-to-> arn:aws:s3:::dst",
    ]);
  });
});
