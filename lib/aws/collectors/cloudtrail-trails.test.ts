import { describe, expect, it } from "vitest";
import { CloudTrailClient, DescribeTrailsCommand, GetTrailStatusCommand, ListTagsCommand, ListTrailsCommand } from "@aws-sdk/client-cloudtrail";
import { cloudTrailTrailsCollector } from "@/lib/aws/collectors/cloudtrail-trails";
import { KIND } from "@/lib/aws/resource-kinds";
import { edges, resourceNamed, runCollector, storedRaw, useAwsMock } from "@/lib/aws/testing/run-collector";

const cloudtrail = useAwsMock(CloudTrailClient);
const TRAIL = "arn:aws:cloudtrail:eu-west-1:123456789012:trail";

describe("cloudtrail.trails", () => {
  it("records trails homed in the region with their destinations", async () => {
    cloudtrail.on(ListTrailsCommand).resolves({
      Trails: [
        { TrailARN: `${TRAIL}/org`, Name: "org", HomeRegion: "eu-west-1" },
        { TrailARN: "arn:aws:cloudtrail:us-east-1:123456789012:trail/global", Name: "global", HomeRegion: "us-east-1" },
      ],
    });
    cloudtrail.on(DescribeTrailsCommand).resolves({
      trailList: [
        {
          Name: "org",
          S3BucketName: "audit-logs",
          IsMultiRegionTrail: true,
          LogFileValidationEnabled: true,
          CloudWatchLogsLogGroupArn: "arn:aws:logs:eu-west-1:123456789012:log-group:trail:*",
          CloudWatchLogsRoleArn: "arn:aws:iam::123456789012:role/trail-to-logs",
          KmsKeyId: "arn:aws:kms:eu-west-1:123456789012:key/k-5",
        },
      ],
    });
    cloudtrail.on(GetTrailStatusCommand).resolves({ IsLogging: true });
    cloudtrail.on(ListTagsCommand).resolves({ ResourceTagList: [{ ResourceId: `${TRAIL}/org`, TagsList: [{ Key: "k", Value: "v" }] }] });
    const run = await runCollector(cloudTrailTrailsCollector, { mocks: [cloudtrail] });
    const org = storedRaw(run, KIND.cloudTrailTrail, "org");
    expect([org.trail.TrailARN, org.trail.S3BucketName, org.trail.IsMultiRegionTrail, org.trail.KmsKeyId, org.status?.IsLogging]).toEqual([
      `${TRAIL}/org`,
      "audit-logs",
      true,
      "arn:aws:kms:eu-west-1:123456789012:key/k-5",
      true,
    ]);
    expect(run.resources.map((r) => r.name)).toEqual(["org"]);
    expect(resourceNamed(run, "org")).toMatchObject({ tags: { k: "v" }, raw: { status: { IsLogging: true }, trail: { LogFileValidationEnabled: true } } });
    expect(edges(run)).toEqual([
      `${TRAIL}/org -assumes-role-> arn:aws:iam::123456789012:role/trail-to-logs`,
      `${TRAIL}/org -encrypted-by-> arn:aws:kms:eu-west-1:123456789012:key/k-5`,
      `${TRAIL}/org -writes-to-> arn:aws:logs:eu-west-1:123456789012:log-group:trail`,
      `${TRAIL}/org -writes-to-> arn:aws:s3:::audit-logs`,
    ]);
  });
});
