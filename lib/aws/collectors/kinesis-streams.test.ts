import { describe, expect, it } from "vitest";
import { DescribeStreamSummaryCommand, KinesisClient, ListStreamsCommand, ListTagsForStreamCommand } from "@aws-sdk/client-kinesis";
import { kinesisStreamsCollector } from "@/lib/aws/collectors/kinesis-streams";
import { KIND } from "@/lib/aws/resource-kinds";
import { edges, resourceNamed, runCollector, storedRaw, useAwsMock } from "@/lib/aws/testing/run-collector";

const kinesis = useAwsMock(KinesisClient);
const STREAM = "arn:aws:kinesis:eu-west-1:123456789012:stream";

describe("kinesis.streams", () => {
  it("reads streams, every page of their tags, and their KMS key", async () => {
    kinesis.on(ListStreamsCommand).resolves({
      StreamNames: ["raw"],
      StreamSummaries: [{ StreamName: "raw", StreamARN: `${STREAM}/raw`, StreamStatus: "ACTIVE" }],
      HasMoreStreams: true,
      NextToken: "n2",
    });
    kinesis.on(ListStreamsCommand, { NextToken: "n2" }).resolves({ StreamNames: ["old"], HasMoreStreams: false });
    kinesis.on(DescribeStreamSummaryCommand, { StreamARN: `${STREAM}/raw` }).resolves({
      StreamDescriptionSummary: { StreamName: "raw", StreamARN: `${STREAM}/raw`, EncryptionType: "KMS", KeyId: "alias/aws/kinesis", RetentionPeriodHours: 24 } as never,
    });
    kinesis.on(ListTagsForStreamCommand).resolves({ Tags: [{ Key: "a", Value: "1" }], HasMoreTags: true });
    kinesis.on(ListTagsForStreamCommand, { ExclusiveStartTagKey: "a" }).resolves({ Tags: [{ Key: "b", Value: "2" }], HasMoreTags: false });
    const run = await runCollector(kinesisStreamsCollector, { mocks: [kinesis] });
    const stream = storedRaw(run, KIND.kinesisStream, "raw").stream;
    expect([stream.StreamARN, stream.StreamStatus, stream.EncryptionType, stream.KeyId, stream.RetentionPeriodHours]).toEqual([`${STREAM}/raw`, "ACTIVE", "KMS", "alias/aws/kinesis", 24]);
    expect(run.cursors).toEqual(["n2", null]);
    expect(resourceNamed(run, "raw")).toMatchObject({ tags: { a: "1", b: "2" }, raw: { stream: { RetentionPeriodHours: 24 } } });
    expect(resourceNamed(run, "old").arn).toBe(`${STREAM}/old`);
    expect(edges(run)).toEqual([`${STREAM}/raw -encrypted-by-> arn:aws:kms:eu-west-1:123456789012:alias/aws/kinesis`]);
  });
});
