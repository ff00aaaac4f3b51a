import type dns from "node:dns";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { IoTClient, ListThingsCommand } from "@aws-sdk/client-iot";
import { IoTDataPlaneClient, ListRetainedMessagesCommand } from "@aws-sdk/client-iot-data-plane";
import { ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { LambdaClient, ListFunctionsCommand } from "@aws-sdk/client-lambda";
import { KinesisClient, ListStreamsCommand } from "@aws-sdk/client-kinesis";
import { ListQueuesCommand, SQSClient } from "@aws-sdk/client-sqs";
import { ListTopicsCommand, SNSClient } from "@aws-sdk/client-sns";
import { ListDatabasesCommand, TimestreamWriteClient } from "@aws-sdk/client-timestream-write";
import { IAMClient, ListRolesCommand } from "@aws-sdk/client-iam";
import { KMSClient, ListKeysCommand } from "@aws-sdk/client-kms";
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { CloudTrailClient, DescribeTrailsCommand } from "@aws-sdk/client-cloudtrail";
import { createClientFactory } from "@/lib/aws/create-client-factory";
import { classifyAwsError } from "@/lib/aws/classify-aws-error";
import { EndpointRefusedError } from "@/lib/aws/endpoint-refused-error";
import { testCredentials } from "@/lib/aws/testing/static-credentials";
import { startLocalEndpoint, type LocalEndpoint } from "@/lib/aws/testing/start-local-endpoint";
import { createEndpointAgents } from "@/lib/connections/create-endpoint-agents";

const strict = { allowPrivate: false };
const lenient = { allowPrivate: true };

const STS_ANSWER = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/reader</Arn><UserId>AIDA</UserId><Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>`;

let endpoint: LocalEndpoint;
let port: number;
beforeAll(async () => {
  endpoint = await startLocalEndpoint(() => ({ status: 200, headers: { "content-type": "text/xml" }, body: STS_ANSWER }));
  port = Number(new URL(endpoint.url).port);
});
afterAll(() => endpoint.close());

/** A resolver that answers each lookup of any name with the next address of the list (a rebinding DNS server). */
function rebinding(...addresses: string[]): typeof dns.lookup {
  let i = 0;
  return ((_host: string, _options: dns.LookupOptions, callback: (err: Error | null, addresses: dns.LookupAddress[]) => void) => {
    const address = addresses[Math.min(i++, addresses.length - 1)]!;
    callback(null, [{ address, family: address.includes(":") ? 6 : 4 }]);
  }) as unknown as typeof dns.lookup;
}

function get(url: string, agent: http.Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers: { connection: "close" } }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      })
      .on("error", reject);
  });
}

describe("the agents of a connection's custom endpoint", () => {
  it("refuse a loopback address unless private endpoints are allowed", async () => {
    await expect(get(`http://127.0.0.1:${port}/`, createEndpointAgents(strict).httpAgent)).rejects.toBeInstanceOf(EndpointRefusedError);
    await expect(get(`http://[::ffff:127.0.0.1]:${port}/`, createEndpointAgents(strict).httpAgent)).rejects.toMatchObject({ reason: "connectionEndpointPrivate" });
    expect(await get(`http://127.0.0.1:${port}/`, createEndpointAgents(lenient).httpAgent)).toBe(200);
  });

  it("check the address a host name resolves to at connect time, so DNS rebinding is refused", async () => {
    const agents = createEndpointAgents(lenient, rebinding("127.0.0.1", "169.254.169.254"));
    // The first lookup gives an allowed address: the request goes through.
    expect(await get(`http://aws.rebind.test:${port}/`, agents.httpAgent)).toBe(200);
    // The same name now resolves to the metadata address: the next socket is refused before connecting.
    const refused = await get(`http://aws.rebind.test:${port}/`, agents.httpAgent).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(EndpointRefusedError);
    expect(refused).toMatchObject({ reason: "connectionEndpointMetadata", params: { host: "aws.rebind.test", via: "169.254.169.254" } });
    // A metadata service's own name is refused without a lookup.
    await expect(get(`http://metadata.google.internal:${port}/`, createEndpointAgents(lenient, rebinding("127.0.0.1")).httpAgent)).rejects.toMatchObject({ reason: "connectionEndpointMetadata" });
  });

  it("are used by the SDK clients, whose calls then fail with EndpointRefused and no retry", async () => {
    const before = endpoint.requests.length;
    const factory = (rules: typeof strict, resolve?: typeof dns.lookup) =>
      createClientFactory({ region: "eu-central-1", credentials: testCredentials, endpoint: `http://sts.rebind.test:${port}`, agents: () => createEndpointAgents(rules, resolve), maxAttempts: 3 });
    const ok = await factory(lenient, rebinding("127.0.0.1")).get(STSClient).send(new GetCallerIdentityCommand({}));
    expect(ok.Account).toBe("123456789012");
    expect(endpoint.requests.length).toBe(before + 1);
    const err = await factory(lenient, rebinding("169.254.169.254")).get(STSClient).send(new GetCallerIdentityCommand({})).catch((e: unknown) => e);
    expect(classifyAwsError(err)).toMatchObject({ code: "EndpointRefused", retryable: false });
    expect((err as Error).message).toContain("is a cloud metadata service (its name resolves to 169.254.169.254)");
    const loopback = await factory(strict, rebinding("127.0.0.1")).get(STSClient).send(new GetCallerIdentityCommand({})).catch((e: unknown) => e);
    expect(classifyAwsError(loopback).code).toBe("EndpointRefused");
    // Nothing reached the endpoint after the first call.
    expect(endpoint.requests.length).toBe(before + 1);
  });

  // Every client class the collectors use, with one of its reads. Each must open its sockets
  // through the connection's agents, so that the connect-time check applies to it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const clients: Array<[string, new (config: any) => { send(command: any): Promise<unknown> }, () => unknown]> = [
    ["IoT", IoTClient, () => new ListThingsCommand({})],
    ["IoT data plane", IoTDataPlaneClient, () => new ListRetainedMessagesCommand({})],
    ["S3", S3Client, () => new ListBucketsCommand({})],
    ["DynamoDB", DynamoDBClient, () => new ListTablesCommand({})],
    ["Lambda", LambdaClient, () => new ListFunctionsCommand({})],
    ["SQS", SQSClient, () => new ListQueuesCommand({})],
    ["SNS", SNSClient, () => new ListTopicsCommand({})],
    ["Timestream", TimestreamWriteClient, () => new ListDatabasesCommand({})],
    ["IAM", IAMClient, () => new ListRolesCommand({})],
    ["KMS", KMSClient, () => new ListKeysCommand({})],
    ["CloudWatch Logs", CloudWatchLogsClient, () => new DescribeLogGroupsCommand({})],
    ["CloudTrail", CloudTrailClient, () => new DescribeTrailsCommand({})],
    ["STS", STSClient, () => new GetCallerIdentityCommand({})],
  ];
  async function refusedThroughAgents(ClientClass: (typeof clients)[number][1], command: () => unknown) {
    const before = endpoint.requests.length;
    const factory = createClientFactory({ region: "eu-central-1", credentials: testCredentials, endpoint: endpoint.url, agents: () => createEndpointAgents(strict), maxAttempts: 1 });
    const err = await factory.get(ClientClass).send(command()).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err, "the call must fail").not.toBeNull();
    expect(classifyAwsError(err).code).toBe("EndpointRefused");
    expect(endpoint.requests.length).toBe(before);
  }
  it.each(clients)("%s opens its sockets through them", async (_name, ClientClass, command) => {
    await refusedThroughAgents(ClientClass, command);
  });
  // Kinesis's SDK default is an HTTP/2 handler, which would ignore HTTP agents; Silkroute gives
  // every client an HTTP/1.1 handler (create-client-factory.ts), so its sockets go through them too.
  it("Kinesis opens its sockets through them", async () => {
    await refusedThroughAgents(KinesisClient, () => new ListStreamsCommand({}));
  });
});
