import { afterEach, describe, expect, it } from "vitest";
import { IoTClient, ListTagsForResourceCommand, ListThingGroupsCommand, ListThingPrincipalsCommand } from "@aws-sdk/client-iot";
import { DescribeTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { GetTopicAttributesCommand, ListTagsForResourceCommand as SnsListTags, SNSClient } from "@aws-sdk/client-sns";
import { GetBucketTaggingCommand, S3Client } from "@aws-sdk/client-s3";
import { KinesisClient, ListStreamsCommand } from "@aws-sdk/client-kinesis";
import { DescribeEndpointsCommand, TimestreamWriteClient } from "@aws-sdk/client-timestream-write";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { classifyAwsError } from "@/lib/aws/classify-aws-error";
import { validateFaultConfig, type FaultAnswer } from "./faults";
import { clientConfig, failure, startTestStandIn, type TestStandIn } from "./test-support";

/**
 * The stand-in as the AWS-compatible endpoints Silkroute must cope with: operations that always
 * fail or that it does not implement, HTTP/1.1 only, and endpoint discovery that names another host.
 */

let t: TestStandIn | undefined;
afterEach(async () => {
  await t?.server.stop();
  t = undefined;
});

describe("fault rules", () => {
  it("fail one operation with a 500 every time, in every service that has it, and nothing else", async () => {
    t = await startTestStandIn({ things: 10, faults: { rules: [{ operation: "ListTagsForResource", answer: "internal", times: Infinity }] } });
    const iot = new IoTClient(clientConfig(t.server));
    const group = t.estate.byRegion["eu-central-1"]!.iot.thingGroups[0]!;
    const groupArn = (await iot.send(new ListThingGroupsCommand({}))).thingGroups?.find((g) => g.groupName === group.name)?.groupArn;
    for (let i = 0; i < 5; i++) {
      const e = await failure(iot.send(new ListTagsForResourceCommand({ resourceArn: groupArn })));
      expect(e).toMatchObject({ name: "InternalFailureException", status: 500 });
    }
    const sns = new SNSClient(clientConfig(t.server));
    const topicArn = `arn:aws:sns:eu-central-1:${t.estate.accountId}:${t.estate.byRegion["eu-central-1"]!.snsTopics[0]!.name}`;
    expect(await failure(sns.send(new SnsListTags({ ResourceArn: topicArn })))).toMatchObject({ status: 500 });
    expect((await sns.send(new GetTopicAttributesCommand({ TopicArn: topicArn }))).Attributes).toBeDefined();
    const stats = t.server.stats();
    expect(stats.byOperation["iot:ListTagsForResource"]).toMatchObject({ calls: 5, faults: 5 });
    expect(stats.byOperation["iot:ListThingGroups"]).toMatchObject({ calls: 1, faults: 0 });
  });

  it("are spent after their number of times, and can be limited to a service and a region", async () => {
    t = await startTestStandIn({ things: 10, faults: { rules: [{ operation: "iot:ListThingGroups", region: "us-east-1", answer: "throttling", times: 2 }] } });
    const east = new IoTClient(clientConfig(t.server, "us-east-1"));
    const west = new IoTClient(clientConfig(t.server, "eu-central-1"));
    expect(await failure(east.send(new ListThingGroupsCommand({})))).toMatchObject({ name: "ThrottlingException", status: 429 });
    expect((await west.send(new ListThingGroupsCommand({}))).thingGroups?.length).toBeGreaterThan(0);
    expect(await failure(east.send(new ListThingGroupsCommand({})))).toMatchObject({ name: "ThrottlingException" });
    expect((await east.send(new ListThingGroupsCommand({}))).thingGroups?.length).toBeGreaterThan(0);
  });

  it.each<[FaultAnswer, string]>([
    ["not-implemented", "OperationNotOffered"],
    ["unknown-operation", "OperationNotOffered"],
    ["no-route", "OperationNotOffered"],
    ["malformed", "MalformedResponse"],
  ])("answer %s the way AWS-compatible endpoints do, in every protocol (%s to Silkroute)", async (answer, code) => {
    t = await startTestStandIn({
      things: 10,
      faults: { rules: ["ListThingPrincipals", "DescribeTable", "GetTopicAttributes", "GetBucketTagging"].map((operation) => ({ operation, answer })) },
    });
    const server = t.server;
    const calls = [
      () => new IoTClient(clientConfig(server)).send(new ListThingPrincipalsCommand({ thingName: "anything" })),
      () => new DynamoDBClient(clientConfig(server)).send(new DescribeTableCommand({ TableName: "anything" })),
      () => new SNSClient(clientConfig(server)).send(new GetTopicAttributesCommand({ TopicArn: "arn:aws:sns:eu-central-1:123456789012:x" })),
      () => new S3Client({ ...clientConfig(server), forcePathStyle: true }).send(new GetBucketTaggingCommand({ Bucket: "anything" })),
    ];
    for (const call of calls) {
      const { error, status } = await failure(call());
      expect(classifyAwsError(error, { operation: "X" }).code, `HTTP ${status}`).toBe(code);
      if (answer === "not-implemented") expect(status).toBe(501);
      if (answer === "no-route") expect(status).toBe(404);
    }
    expect(t.server.stats().faults).toBe(4);
  });

  it("are validated: an unknown answer, a bad count or an unknown setting is refused", () => {
    expect(() => validateFaultConfig({ rules: [{ operation: "ListThings", answer: "explode" }] })).toThrow(/answer must be one of/);
    expect(() => validateFaultConfig({ rules: [{ operation: "ListThings", answer: "internal", times: 0 }] })).toThrow(/times/);
    expect(() => validateFaultConfig({ rules: [{ operation: "ListThings", answer: "internal", status: 500 }] })).toThrow(/unknown rule setting/);
    expect(() => validateFaultConfig({ rules: [{ answer: "internal" }] })).toThrow(/operation/);
    expect(() => validateFaultConfig({ rules: [{ operation: "ListThings", answer: "internal", times: Infinity }] })).not.toThrow();
  });
});

describe("HTTP/1.1-only mode", () => {
  it("refuses an HTTP/2 preface, and serves Kinesis to a client that speaks HTTP/1.1", async () => {
    t = await startTestStandIn({ things: 10, http2: false });
    // The SDK's own Kinesis handler opens with an HTTP/2 preface.
    const h2 = new KinesisClient(clientConfig(t.server));
    await expect(h2.send(new ListStreamsCommand({}))).rejects.toThrow();
    expect(t.server.stats().http2Refused).toBeGreaterThan(0);
    const h1 = new KinesisClient({ ...clientConfig(t.server), requestHandler: new NodeHttpHandler() });
    const out = await h1.send(new ListStreamsCommand({}));
    expect(out.StreamNames).toEqual(t.estate.byRegion["eu-central-1"]!.kinesisStreams.map((s) => s.name).sort());
  });

  it("still serves HTTP/2 when asked to (the default)", async () => {
    t = await startTestStandIn({ things: 10 });
    const out = await new KinesisClient(clientConfig(t.server)).send(new ListStreamsCommand({}));
    expect(out.StreamNames?.length).toBeGreaterThan(0);
    expect(t.server.stats().http2Refused).toBe(0);
  });
});

describe("Timestream endpoint discovery", () => {
  it("answers with the host the request came to, or with the address it is given", async () => {
    t = await startTestStandIn({ things: 10 });
    const own = await new TimestreamWriteClient(clientConfig(t.server)).send(new DescribeEndpointsCommand({}));
    expect(own.Endpoints?.[0]?.Address).toBe("127.0.0.1");
    await t.server.stop();
    t = await startTestStandIn({ things: 10, timestreamDiscoveryAddress: "ingest.timestream.eu-central-1.amazonaws.com" });
    const other = await new TimestreamWriteClient(clientConfig(t.server)).send(new DescribeEndpointsCommand({}));
    expect(other.Endpoints?.[0]?.Address).toBe("ingest.timestream.eu-central-1.amazonaws.com");
  });
});
