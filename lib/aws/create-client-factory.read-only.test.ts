/**
 * The read-only guard at run time: commands that could change the AWS account are refused by
 * factory-built clients before anything goes on the wire. This file is the one place outside the
 * stand-in AWS server that imports such commands (read-only-imports.test.ts allows it by name).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  CreateThingCommand,
  CreateTopicRuleCommand,
  DeleteThingCommand,
  IoTClient,
  ListThingsCommand,
  UpdateThingCommand,
} from "@aws-sdk/client-iot";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { DeleteTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { createClientFactory } from "@/lib/aws/create-client-factory";
import { ReadOnlyViolationError } from "@/lib/aws/read-only-violation-error";
import { classifyAwsError } from "@/lib/aws/classify-aws-error";
import { startLocalEndpoint, type LocalEndpoint } from "@/lib/aws/testing/start-local-endpoint";
import { testCredentials } from "@/lib/aws/testing/static-credentials";

describe("read-only guard", () => {
  let endpoint: LocalEndpoint;
  const observer = { onCall: vi.fn(), onThrottle: vi.fn() };

  beforeAll(async () => {
    endpoint = await startLocalEndpoint(() => ({ body: JSON.stringify({ things: [] }) }));
    vi.stubEnv("AWS_ENDPOINT_URL", endpoint.url);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await endpoint.close();
  });

  const factory = () => createClientFactory({ region: "eu-west-1", credentials: testCredentials, observer });

  it.each([
    ["CreateThing", () => factory().get(IoTClient).send(new CreateThingCommand({ thingName: "x" }))],
    ["UpdateThing", () => factory().get(IoTClient).send(new UpdateThingCommand({ thingName: "x" }))],
    ["DeleteThing", () => factory().get(IoTClient).send(new DeleteThingCommand({ thingName: "x" }))],
    [
      "CreateTopicRule",
      () =>
        factory()
          .get(IoTClient)
          .send(new CreateTopicRuleCommand({ ruleName: "r", topicRulePayload: { sql: "SELECT 1", actions: [] } })),
    ],
    ["PutObject", () => factory().get(S3Client).send(new PutObjectCommand({ Bucket: "b", Key: "k", Body: "x" }))],
    ["DeleteTable", () => factory().get(DynamoDBClient).send(new DeleteTableCommand({ TableName: "t" }))],
    ["AssumeRole", () => factory().get(STSClient).send(new AssumeRoleCommand({ RoleArn: "arn:aws:iam::1:role/r", RoleSessionName: "s" }))],
  ])("refuses %s before anything is sent", async (operation, send) => {
    const before = endpoint.requests.length;
    const error = await send().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ReadOnlyViolationError);
    expect((error as ReadOnlyViolationError).operation).toBe(operation);
    expect((error as Error).message).toContain(`${operation}: Silkroute reads AWS read-only`);
    expect(classifyAwsError(error).code).toBe("ReadOnlyViolation");
    expect(endpoint.requests.length).toBe(before);
    expect(observer.onCall).not.toHaveBeenCalled();
  });

  it("still sends read operations through the same client", async () => {
    const client = factory().get(IoTClient);
    await expect(client.send(new DeleteThingCommand({ thingName: "x" }))).rejects.toBeInstanceOf(ReadOnlyViolationError);
    const before = endpoint.requests.length;
    await client.send(new ListThingsCommand({}));
    expect(endpoint.requests.length).toBe(before + 1);
    expect(endpoint.requests.at(-1)?.url).toMatch(/^\/things/);
  });
});
