import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { DescribeThingCommand, IoTClient, ListThingsCommand } from "@aws-sdk/client-iot";
import { ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CREDENTIALS } from "./server";
import { clientConfig, failure, startTestStandIn, type TestStandIn } from "./test-support";

const ROLE = "arn:aws:iam::123456789012:role/SilkrouteScanner";
const session = { accessKeyId: "ASIASESSIONEXAMPLE01", secretAccessKey: "session-secret-key-000000000000000000000", sessionToken: "session-token-example" };
const expired = { accessKeyId: "ASIAEXPIREDEXAMPLE01", secretAccessKey: "expired-secret-key-000000000000000000000", sessionToken: "expired-token", expired: true };
const unknown = { accessKeyId: "AKIAUNKNOWNEXAMPLE01", secretAccessKey: "whatever-secret-000000000000000000000000" };
const wrongSecret = { accessKeyId: DEFAULT_CREDENTIALS.accessKeyId, secretAccessKey: "not-the-right-secret-000000000000000000" };

let t: TestStandIn;
beforeAll(async () => {
  t = await startTestStandIn({
    things: 20,
    credentials: [DEFAULT_CREDENTIALS, session, expired],
    roles: [{ roleArn: ROLE, externalId: "silkroute-ext-42" }],
    disabledRegions: ["ap-east-1"],
  });
});
afterAll(() => t.server.stop());

describe("authentication", () => {
  it("rejects an unknown access key with each protocol's error", async () => {
    const iot = await failure(new IoTClient(clientConfig(t.server, "eu-central-1", unknown)).send(new ListThingsCommand({})));
    expect(iot).toMatchObject({ name: "UnrecognizedClientException", status: 403 });
    const ddb = await failure(new DynamoDBClient(clientConfig(t.server, "eu-central-1", unknown)).send(new ListTablesCommand({})));
    expect(ddb.name).toBe("UnrecognizedClientException");
    const sts = await failure(new STSClient(clientConfig(t.server, "eu-central-1", unknown)).send(new GetCallerIdentityCommand({})));
    expect(sts).toMatchObject({ name: "InvalidClientTokenId", status: 403 });
    const s3 = await failure(new S3Client(clientConfig(t.server, "eu-central-1", unknown)).send(new ListBucketsCommand({})));
    expect(s3).toMatchObject({ name: "InvalidAccessKeyId", status: 403 });
  });

  it("rejects a bad signature with each protocol's error", async () => {
    expect((await failure(new IoTClient(clientConfig(t.server, "eu-central-1", wrongSecret)).send(new ListThingsCommand({})))).name).toBe("InvalidSignatureException");
    expect((await failure(new DynamoDBClient(clientConfig(t.server, "eu-central-1", wrongSecret)).send(new ListTablesCommand({})))).name).toBe("InvalidSignatureException");
    expect((await failure(new STSClient(clientConfig(t.server, "eu-central-1", wrongSecret)).send(new GetCallerIdentityCommand({})))).name).toBe("SignatureDoesNotMatch");
    expect((await failure(new S3Client(clientConfig(t.server, "eu-central-1", wrongSecret)).send(new ListBucketsCommand({})))).name).toBe("SignatureDoesNotMatch");
  });

  it("answers an expired session as expired", async () => {
    expect((await failure(new IoTClient(clientConfig(t.server, "eu-central-1", expired)).send(new ListThingsCommand({})))).name).toBe("ExpiredTokenException");
    expect((await failure(new S3Client(clientConfig(t.server, "eu-central-1", expired)).send(new ListBucketsCommand({})))).name).toBe("ExpiredToken");
    expect((await failure(new STSClient(clientConfig(t.server, "eu-central-1", expired)).send(new GetCallerIdentityCommand({})))).name).toBe("ExpiredToken");
  });

  it("requires the session token that goes with temporary credentials", async () => {
    const ok = await new IoTClient(clientConfig(t.server, "eu-central-1", session)).send(new ListThingsCommand({}));
    expect(ok.things?.length).toBeGreaterThan(0);
    const { sessionToken: _dropped, ...withoutToken } = session;
    expect((await failure(new IoTClient(clientConfig(t.server, "eu-central-1", withoutToken)).send(new ListThingsCommand({})))).name).toBe("UnrecognizedClientException");
  });

  it("refuses every call in a region that is not enabled", async () => {
    const e = await failure(new IoTClient(clientConfig(t.server, "ap-east-1")).send(new ListThingsCommand({})));
    expect(e).toMatchObject({ name: "UnrecognizedClientException", status: 403, message: "The security token included in the request is invalid" });
    expect((await new IoTClient(clientConfig(t.server, "eu-central-1")).send(new ListThingsCommand({}))).things).toBeDefined();
  });

  it("verifies signatures over awkward paths and query strings", async () => {
    const iot = new IoTClient(clientConfig(t.server));
    for (const value of ["a b", "ü/ä?&=+", "*!'()~", "%41", "x".repeat(300)]) {
      const page = await iot.send(new ListThingsCommand({ attributeName: "site", attributeValue: value }));
      expect(page.things).toEqual([]);
    }
    const missing = await failure(iot.send(new DescribeThingCommand({ thingName: "thing:with_odd-chars" })));
    expect(missing.name).toBe("ResourceNotFoundException");
  });

  it("treats operation names that collide with object properties as unknown operations", async () => {
    const ddb = new DynamoDBClient(clientConfig(t.server));
    ddb.middlewareStack.add(
      (next) => async (args) => {
        (args.request as { headers: Record<string, string> }).headers["x-amz-target"] = "DynamoDB_20120810.constructor";
        return next(args);
      },
      { step: "build" },
    );
    expect(await failure(ddb.send(new ListTablesCommand({})))).toMatchObject({ name: "UnknownOperationException", status: 400 });
  });

  it("answers a request without a signature as unauthenticated", async () => {
    const res = await fetch(`${t.server.url}/things`);
    expect(res.status).toBe(403);
    expect(res.headers.get("x-amzn-errortype")).toBe("MissingAuthenticationTokenException");
  });
});

describe("STS", () => {
  it("tells the caller who it is", async () => {
    const me = await new STSClient(clientConfig(t.server)).send(new GetCallerIdentityCommand({}));
    expect(me).toMatchObject({ Account: "123456789012", Arn: "arn:aws:iam::123456789012:user/silkroute-scanner" });
  });

  it("assumes a role only with the right external id", async () => {
    const sts = new STSClient(clientConfig(t.server));
    const wrong = await failure(sts.send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: "scan", ExternalId: "guess" })));
    expect(wrong).toMatchObject({ name: "AccessDenied", status: 403 });
    const missing = await failure(sts.send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: "scan" })));
    expect(missing.name).toBe("AccessDenied");
    const other = await failure(sts.send(new AssumeRoleCommand({ RoleArn: "arn:aws:iam::123456789012:role/Other", RoleSessionName: "scan", ExternalId: "silkroute-ext-42" })));
    expect(other.name).toBe("AccessDenied");
    const ok = await sts.send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: "scan", ExternalId: "silkroute-ext-42", DurationSeconds: 900 }));
    expect(ok.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    expect(ok.Credentials?.Expiration?.getTime()).toBeGreaterThan(Date.now() + 800_000);
    expect(ok.AssumedRoleUser?.Arn).toBe("arn:aws:sts::123456789012:assumed-role/SilkrouteScanner/scan");
  });

  it("issues credentials every service then accepts, through the SDK's own provider", async () => {
    const credentials = fromTemporaryCredentials({
      params: { RoleArn: ROLE, RoleSessionName: "silkroute-scan", ExternalId: "silkroute-ext-42" },
      masterCredentials: DEFAULT_CREDENTIALS,
      clientConfig: { region: "eu-central-1", endpoint: t.server.url },
    });
    const me = await new STSClient({ region: "eu-central-1", endpoint: t.server.url, credentials }).send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toBe("arn:aws:sts::123456789012:assumed-role/SilkrouteScanner/silkroute-scan");
    expect(me.Account).toBe(t.estate.accountId);
    const things = await new IoTClient({ region: "eu-central-1", endpoint: t.server.url, credentials }).send(new ListThingsCommand({}));
    expect(things.things?.length).toBeGreaterThan(0);
  });
});
