import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { IoTClient, ListThingsCommand, ListThingTypesCommand } from "@aws-sdk/client-iot";
import { IoTDataPlaneClient } from "@aws-sdk/client-iot-data-plane";
import { GetBucketVersioningCommand, S3Client } from "@aws-sdk/client-s3";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { KinesisClient, ListStreamsCommand } from "@aws-sdk/client-kinesis";
import { SQSClient } from "@aws-sdk/client-sqs";
import { SNSClient } from "@aws-sdk/client-sns";
import { ListDatabasesCommand, TimestreamWriteClient } from "@aws-sdk/client-timestream-write";
import { IAMClient } from "@aws-sdk/client-iam";
import { KMSClient } from "@aws-sdk/client-kms";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import { STSClient } from "@aws-sdk/client-sts";
import type { AwsClientFactoryOptions } from "@/lib/aws/client-types";
import {
  createClientFactory,
  RATE_LIMIT_NAME,
  READ_ONLY_GUARD_NAME,
  signingNameOf,
} from "@/lib/aws/create-client-factory";
import { classifyAwsError } from "@/lib/aws/classify-aws-error";
import { jsonError, startLocalEndpoint, type LocalEndpoint, type LocalResponse } from "@/lib/aws/testing/start-local-endpoint";
import { testCredentials } from "@/lib/aws/testing/static-credentials";

let endpoint: LocalEndpoint | undefined;

async function serve(respond: (index: number) => LocalResponse, envName = "AWS_ENDPOINT_URL") {
  endpoint = await startLocalEndpoint((_request, index) => respond(index));
  // "localhost" rather than the IP: the SDK sends S3 requests to an IP address path-style anyway.
  vi.stubEnv(envName, endpoint.url.replace("127.0.0.1", "localhost"));
  return endpoint;
}

function factory(options: Partial<AwsClientFactoryOptions> = {}) {
  return createClientFactory({ region: "eu-west-1", credentials: testCredentials, ...options });
}

function observer() {
  return { onCall: vi.fn(), onThrottle: vi.fn() };
}

beforeEach(() => {
  // No jitter: retries go out as soon as their token bucket allows, which keeps these tests fast.
  vi.spyOn(Math, "random").mockReturnValue(0);
});
afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await endpoint?.close();
  endpoint = undefined;
});

describe("createClientFactory", () => {
  it("honours AWS_ENDPOINT_URL and reports each attempt to the observer", async () => {
    const server = await serve(() => ({ body: JSON.stringify({ things: [{ thingName: "t1" }] }) }));
    const calls = observer();
    const out = await factory({ observer: calls }).get(IoTClient).send(new ListThingsCommand({ maxResults: 5 }));
    expect(out.things?.[0]?.thingName).toBe("t1");
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.url).toBe("/things?maxResults=5");
    expect(calls.onCall).toHaveBeenCalledWith("iot", "ListThings");
    expect(calls.onThrottle).not.toHaveBeenCalled();
  });

  it("retries throttling, counting every attempt and every throttle", async () => {
    const server = await serve((i) => (i < 2 ? jsonError(429, "ThrottlingException", "Rate exceeded") : { body: "{}" }));
    const calls = observer();
    const out = await factory({ observer: calls }).get(IoTClient).send(new ListThingsCommand({}));
    expect(out.$metadata.attempts).toBe(3);
    expect(server.requests).toHaveLength(3);
    expect(calls.onCall).toHaveBeenCalledTimes(3);
    expect(calls.onThrottle).toHaveBeenCalledTimes(2);
    expect(calls.onThrottle).toHaveBeenCalledWith("iot", "ListThings");
  });

  it("retries any 5xx, including ones the SDK alone would not (507), but not 501 Not Implemented", async () => {
    const server = await serve((i) => (i === 0 ? jsonError(507, "InsufficientStorage") : { body: "{}" }));
    await factory().get(IoTClient).send(new ListThingsCommand({}));
    expect(server.requests).toHaveLength(2);
    await endpoint?.close();
    const notImplemented = await serve(() => jsonError(501, "InternalFailure", "API action 'ListThings' for service 'iot' not yet implemented"));
    const error = await factory()
      .get(IoTClient)
      .send(new ListThingsCommand({}))
      .catch((e: unknown) => e);
    expect(notImplemented.requests).toHaveLength(1);
    expect(classifyAwsError(error, { operation: "ListThings" }).code).toBe("OperationNotOffered");
  });

  it("keeps a retry quota per operation: one that always fails does not use up the retries of the others", async () => {
    // ListThingTypes always answers 503; ListThings fails once, then works.
    let listThingsCalls = 0;
    endpoint = await startLocalEndpoint((request) => {
      if (request.url.startsWith("/thing-types")) return jsonError(503, "ServiceUnavailableException");
      listThingsCalls++;
      return listThingsCalls === 1 ? jsonError(503, "ServiceUnavailableException") : { body: "{}" };
    });
    vi.stubEnv("AWS_ENDPOINT_URL", endpoint.url);
    const client = factory({ quotaOverrides: { "iot:ListThingTypes": 1000 } }).get(IoTClient);
    // Far more failed retries than the SDK's retry quota (500 tokens, 14 a retry) allows.
    for (let i = 0; i < 10; i++) await client.send(new ListThingTypesCommand({})).catch(() => undefined);
    const typeAttempts = endpoint.requests.filter((r) => r.url.startsWith("/thing-types")).length;
    expect(typeAttempts).toBeLessThan(10 * 8);
    await expect(client.send(new ListThingsCommand({}))).resolves.toBeDefined();
    expect(listThingsCalls).toBe(2);
  });

  it("speaks HTTP/1.1 with every client, Kinesis included", async () => {
    const f = factory();
    for (const ClientClass of [IoTClient, IoTDataPlaneClient, S3Client, DynamoDBClient, LambdaClient, KinesisClient, SQSClient, SNSClient, TimestreamWriteClient, IAMClient, KMSClient, CloudWatchLogsClient, CloudTrailClient, STSClient]) {
      const client = f.get(ClientClass as unknown as new (config: unknown) => { config: { requestHandler: { metadata?: { handlerProtocol?: string } } } });
      expect(client.config.requestHandler.metadata?.handlerProtocol, ClientClass.name).toBe("http/1.1");
    }
    // The local endpoint is a plain HTTP/1.1 server, as many AWS-compatible endpoints are.
    const server = await serve(() => ({ headers: { "content-type": "application/x-amz-json-1.1" }, body: JSON.stringify({ StreamNames: ["s1"], HasMoreStreams: false }) }));
    const out = await factory().get(KinesisClient).send(new ListStreamsCommand({}));
    expect(out.StreamNames).toEqual(["s1"]);
    expect(server.requests[0]?.headers["x-amz-target"]).toBe("Kinesis_20131202.ListStreams");
  });

  it.each(["environment", "code"] as const)("keeps Timestream on an endpoint configured in the %s, without endpoint discovery", async (where) => {
    const answer = (request: { headers: Record<string, unknown> }) =>
      String(request.headers["x-amz-target"]).endsWith("DescribeEndpoints")
        ? { headers: { "content-type": "application/x-amz-json-1.0" }, body: JSON.stringify({ Endpoints: [{ Address: "ingest.timestream.eu-west-1.amazonaws.com", CachePeriodInMinutes: 1440 }] }) }
        : { headers: { "content-type": "application/x-amz-json-1.0" }, body: JSON.stringify({ Databases: [{ DatabaseName: "telemetry" }] }) };
    endpoint = await startLocalEndpoint((request) => answer(request));
    if (where === "environment") vi.stubEnv("AWS_ENDPOINT_URL", endpoint.url);
    const client = factory(where === "code" ? { endpoint: endpoint.url } : {}).get(TimestreamWriteClient);
    const out = await client.send(new ListDatabasesCommand({}));
    expect(out.Databases?.[0]?.DatabaseName).toBe("telemetry");
    await client.send(new ListDatabasesCommand({}));
    expect(endpoint.requests.map((r) => String(r.headers["x-amz-target"]))).toEqual(["Timestream_20181101.ListDatabases", "Timestream_20181101.ListDatabases"]);
  });

  it("gives up after maxAttempts with a classified server error", async () => {
    const server = await serve(() => jsonError(503, "ServiceUnavailableException"));
    const error = await factory({ maxAttempts: 3 })
      .get(IoTClient)
      .send(new ListThingsCommand({}))
      .catch((e: unknown) => e);
    expect(server.requests).toHaveLength(3);
    expect(classifyAwsError(error, { operation: "ListThings" })).toMatchObject({
      code: "ServiceUnavailable",
      retryable: true,
    });
  });

  it("does not retry a client error", async () => {
    const server = await serve(() => jsonError(400, "InvalidRequestException"));
    await expect(factory().get(IoTClient).send(new ListThingsCommand({}))).rejects.toMatchObject({
      name: "InvalidRequestException",
    });
    expect(server.requests).toHaveLength(1);
  });

  it("paces each operation at its quota, retries included", async () => {
    const server = await serve((i) => (i === 1 ? jsonError(429, "ThrottlingException") : { body: "{}" }));
    const sentAt: number[] = [];
    const calls = { onCall: () => sentAt.push(performance.now()), onThrottle: vi.fn() };
    const client = factory({ quotaOverrides: { "iot:ListThings": 5 }, observer: calls }).get(IoTClient);
    // Three calls at 5 TPS, the second of which is throttled once: four attempts, 200 ms apart.
    await Promise.all([1, 2, 3].map(() => client.send(new ListThingsCommand({}))));
    expect(server.requests).toHaveLength(4);
    expect(sentAt).toHaveLength(4);
    // Attempt i leaves no earlier than i intervals after the first (less the first one's own
    // few milliseconds of latency after its token).
    const first = sentAt[0] ?? 0;
    sentAt.forEach((t, i) => expect(t - first).toBeGreaterThanOrEqual(200 * i - 15));
  });

  it("keeps a separate bucket per operation", async () => {
    const server = await serve(() => ({ body: "{}" }));
    const client = factory({ quotaOverrides: { "iot:ListThings": 1, "iot:ListThingTypes": 1 } }).get(IoTClient);
    const started = performance.now();
    await Promise.all([client.send(new ListThingsCommand({})), client.send(new ListThingTypesCommand({}))]);
    expect(server.requests).toHaveLength(2);
    expect(performance.now() - started).toBeLessThan(900);
  });

  it("stops waiting for a token when the factory's signal fires, without sending", async () => {
    const server = await serve(() => ({ body: "{}" }));
    const controller = new AbortController();
    const client = factory({ quotaOverrides: { "iot:ListThings": 0.1 }, signal: controller.signal }).get(IoTClient);
    await client.send(new ListThingsCommand({}));
    const waiting = client.send(new ListThingsCommand({}));
    setTimeout(() => controller.abort(new Error("scan cancelled")), 50);
    await expect(waiting).rejects.toThrow("scan cancelled");
    expect(server.requests).toHaveLength(1);
  });

  it("sends S3 requests path-style when an endpoint override is in effect", async () => {
    const server = await serve(
      () => ({
        headers: { "content-type": "application/xml" },
        body: '<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Status>Enabled</Status></VersioningConfiguration>',
      }),
      "AWS_ENDPOINT_URL_S3",
    );
    const out = await factory().get(S3Client).send(new GetBucketVersioningCommand({ Bucket: "telemetry-archive" }));
    expect(out.Status).toBe("Enabled");
    expect(server.requests[0]?.url).toMatch(/^\/telemetry-archive\/?\?versioning/);
    expect(server.requests[0]?.headers.host).toBe(`localhost:${new URL(server.url).port}`);
  });

  it("caches one client per class, installs its middleware in the right places, and knows its quota service", () => {
    const f = factory();
    const cases = [
      [IoTClient, "iot"],
      [IoTDataPlaneClient, "iotdata"],
      [S3Client, "s3"],
      [DynamoDBClient, "dynamodb"],
      [LambdaClient, "lambda"],
      [KinesisClient, "kinesis"],
      [SQSClient, "sqs"],
      [SNSClient, "sns"],
      [TimestreamWriteClient, "timestream"],
      [IAMClient, "iam"],
      [KMSClient, "kms"],
      [CloudWatchLogsClient, "logs"],
      [CloudTrailClient, "cloudtrail"],
      [STSClient, "sts"],
    ] as const;
    for (const [ClientClass, service] of cases) {
      const client = f.get(ClientClass as unknown as new (config: unknown) => { middlewareStack: { identify(): string[] } });
      expect(f.get(ClientClass as unknown as new (config: unknown) => unknown)).toBe(client);
      expect(signingNameOf(client)).toBe(service);
      const order = client.middlewareStack.identify();
      const at = (name: string) => order.findIndex((entry) => entry.startsWith(`${name} `));
      expect(order[at(READ_ONLY_GUARD_NAME)]).toContain("initialize");
      expect(at(RATE_LIMIT_NAME)).toBeGreaterThan(at("retryMiddleware"));
      expect(at(RATE_LIMIT_NAME)).toBeLessThan(at("httpSigningMiddleware"));
    }
  });

  it("hands out factories for other regions of the same connection", () => {
    const f = factory();
    expect(f.forRegion?.("eu-west-1")).toBe(f);
    const other = f.forRegion?.("ap-southeast-1");
    expect(other?.region).toBe("ap-southeast-1");
    expect(f.forRegion?.("ap-southeast-1")).toBe(other);
  });
});
