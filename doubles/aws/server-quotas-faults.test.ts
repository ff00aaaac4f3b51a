import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { DescribeThingCommand, IoTClient, ListThingPrincipalsCommand, ListThingsCommand } from "@aws-sdk/client-iot";
import { ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_FAULT_TIMEOUT_MS } from "./faults";
import { clientConfig, failure, startTestStandIn, type TestStandIn } from "./test-support";

let t: TestStandIn | undefined;
afterEach(async () => {
  await t?.server.stop();
  t = undefined;
});

async function settle(calls: Array<Promise<unknown>>): Promise<{ ok: number; errors: string[] }> {
  const results = await Promise.allSettled(calls);
  return {
    ok: results.filter((r) => r.status === "fulfilled").length,
    errors: results.flatMap((r) => (r.status === "rejected" ? [(r.reason as Error).name] : [])),
  };
}

describe("quotas", () => {
  it("throttles a burst past the default quota with ThrottlingException and refills within a second", async () => {
    t = await startTestStandIn({ quotas: "default", things: 10 });
    const iot = new IoTClient(clientConfig(t.server));
    // ListThings: 10 calls per second, one second's worth of burst, refilling continuously
    const started = performance.now();
    const burst = await settle(Array.from({ length: 30 }, () => iot.send(new ListThingsCommand({}))));
    const seconds = (performance.now() - started) / 1000;
    expect(burst.ok).toBeGreaterThanOrEqual(10);
    expect(burst.ok).toBeLessThanOrEqual(10 + Math.ceil(10 * seconds));
    expect(burst.errors.length).toBeGreaterThan(0);
    expect(new Set(burst.errors)).toEqual(new Set(["ThrottlingException"]));
    const throttled = await failure(iot.send(new ListThingsCommand({})));
    expect(throttled.status).toBe(429);
    const stats = t.server.stats();
    expect(stats.byOperation["iot:ListThings"]?.throttles).toBe(burst.errors.length + 1);
    expect(stats.throttles).toBe(burst.errors.length + 1);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await iot.send(new ListThingsCommand({}))).things).toBeDefined();
  });

  it("keeps a bucket per operation: DescribeThing has its own, larger quota", async () => {
    t = await startTestStandIn({ quotas: "default", things: 10 });
    const iot = new IoTClient(clientConfig(t.server));
    const name = t.estate.byRegion["eu-central-1"]?.iot.things[0]?.name;
    const describes = await settle(Array.from({ length: 40 }, () => iot.send(new DescribeThingCommand({ thingName: name }))));
    expect(describes.ok).toBe(40);
  });

  it("lets the SDK's retries ride out throttling", { timeout: 30_000 }, async () => {
    t = await startTestStandIn({ quotas: "default", things: 10 });
    const iot = new IoTClient({ ...clientConfig(t.server), maxAttempts: 8 });
    const burst = await settle(Array.from({ length: 14 }, () => iot.send(new ListThingsCommand({}))));
    expect(burst.ok).toBe(14);
    expect(t.server.stats().throttles).toBeGreaterThan(0);
  });

  it("answers each protocol's throttling error, and takes overrides", async () => {
    t = await startTestStandIn({ quotas: { "s3:ListBuckets": 1, "sts:GetCallerIdentity": 1, "dynamodb:ListTables": 1, ListThingPrincipals: 1 }, things: 10 });
    const s3 = new S3Client(clientConfig(t.server));
    await s3.send(new ListBucketsCommand({}));
    expect(await failure(s3.send(new ListBucketsCommand({})))).toMatchObject({ name: "SlowDown", status: 503 });
    const sts = new STSClient(clientConfig(t.server));
    await sts.send(new GetCallerIdentityCommand({}));
    expect(await failure(sts.send(new GetCallerIdentityCommand({})))).toMatchObject({ name: "Throttling", status: 400 });
    const ddb = new DynamoDBClient(clientConfig(t.server));
    await ddb.send(new ListTablesCommand({}));
    expect((await failure(ddb.send(new ListTablesCommand({})))).name).toBe("ThrottlingException");
    const iot = new IoTClient(clientConfig(t.server));
    const thingName = t.estate.byRegion["eu-central-1"]?.iot.things[0]?.name;
    await iot.send(new ListThingPrincipalsCommand({ thingName }));
    expect((await failure(iot.send(new ListThingPrincipalsCommand({ thingName })))).name).toBe("ThrottlingException");
  });

  it("counts quotas per region", async () => {
    t = await startTestStandIn({ quotas: { ListThings: 1 }, things: 10 });
    await new IoTClient(clientConfig(t.server, "eu-central-1")).send(new ListThingsCommand({}));
    await new IoTClient(clientConfig(t.server, "us-east-1")).send(new ListThingsCommand({}));
    expect((await failure(new IoTClient(clientConfig(t.server, "us-east-1")).send(new ListThingsCommand({})))).name).toBe("ThrottlingException");
  });

  it("does not throttle when quotas are off", async () => {
    t = await startTestStandIn({ quotas: "off", things: 10 });
    const iot = new IoTClient(clientConfig(t.server));
    expect((await settle(Array.from({ length: 60 }, () => iot.send(new ListThingsCommand({}))))).ok).toBe(60);
  });
});

describe("faults", () => {
  it("answers internal errors in each service's shape, only for the chosen operations", async () => {
    t = await startTestStandIn({ faults: { error5xxRate: 1, operations: ["ListThings", "s3:ListBuckets", "GetCallerIdentity", "ListTables"] }, things: 10 });
    const iot = new IoTClient(clientConfig(t.server));
    expect(await failure(iot.send(new ListThingsCommand({})))).toMatchObject({ name: "InternalFailureException", status: 500 });
    const name = t.estate.byRegion["eu-central-1"]?.iot.things[0]?.name;
    expect((await iot.send(new DescribeThingCommand({ thingName: name }))).thingName).toBe(name);
    expect((await failure(new S3Client(clientConfig(t.server)).send(new ListBucketsCommand({})))).name).toBe("InternalError");
    expect((await failure(new STSClient(clientConfig(t.server)).send(new GetCallerIdentityCommand({})))).name).toBe("InternalFailure");
    expect((await failure(new DynamoDBClient(clientConfig(t.server)).send(new ListTablesCommand({})))).name).toBe("InternalServerError");
    expect(t.server.stats().byOperation["iot:ListThings"]?.faults).toBe(1);
  });

  it("decides which calls fail from the seed, the same way every time", async () => {
    t = await startTestStandIn({ things: 10 });
    const iot = new IoTClient(clientConfig(t.server));
    const pattern = async () => {
      const out: boolean[] = [];
      for (let i = 0; i < 24; i++) out.push(await iot.send(new ListThingsCommand({})).then(() => true, () => false));
      return out;
    };
    t.server.setFaults({ error5xxRate: 0.5, seed: 7 });
    const first = await pattern();
    t.server.setFaults({ error5xxRate: 0.5, seed: 7 });
    const second = await pattern();
    t.server.setFaults({ error5xxRate: 0.5, seed: 8 });
    const third = await pattern();
    expect(second).toEqual(first);
    expect(third).not.toEqual(first);
    expect(first.filter((x) => !x).length).toBeGreaterThan(4);
    expect(first.filter((x) => x).length).toBeGreaterThan(4);
  });

  it("holds a timed-out call and then cuts the connection", async () => {
    t = await startTestStandIn({ faults: { timeoutRate: 1, timeoutMs: 150 }, things: 10 });
    const started = performance.now();
    const e = await failure(new IoTClient(clientConfig(t.server)).send(new ListThingsCommand({})));
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(e.name).not.toBe("ThrottlingException");
    expect(t.server.stats().faults).toBe(1);
    expect(DEFAULT_FAULT_TIMEOUT_MS).toBeGreaterThan(1000);
  });

  it("slows calls down", async () => {
    t = await startTestStandIn({ faults: { slowMs: 120 }, things: 10 });
    const started = performance.now();
    await new IoTClient(clientConfig(t.server)).send(new ListThingsCommand({}));
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it("denies access with the service's real error, scoped to a service, operation and region", async () => {
    t = await startTestStandIn({
      faults: { accessDenied: [{ service: "iot", operation: "ListThingPrincipals", region: "us-east-1" }, { service: "s3" }] },
      things: 10,
    });
    const thing = (region: string) => t?.estate.byRegion[region]?.iot.things[0]?.name;
    const east = await failure(new IoTClient(clientConfig(t.server, "us-east-1")).send(new ListThingPrincipalsCommand({ thingName: thing("us-east-1") })));
    expect(east).toMatchObject({ name: "AccessDeniedException", status: 403 });
    expect(east.message).toContain("iot:ListThingPrincipals");
    const eu = await new IoTClient(clientConfig(t.server, "eu-central-1")).send(new ListThingPrincipalsCommand({ thingName: thing("eu-central-1") }));
    expect(eu.principals).toBeDefined();
    expect(await failure(new S3Client(clientConfig(t.server)).send(new ListBucketsCommand({})))).toMatchObject({ name: "AccessDenied", status: 403 });
  });

  it("takes faults at run time over HTTP and reports stats per service:operation", async () => {
    t = await startTestStandIn({ things: 10 });
    const iot = new IoTClient(clientConfig(t.server));
    await iot.send(new ListThingsCommand({}));
    const set = await fetch(`${t.server.url}/__standin/faults`, { method: "POST", body: JSON.stringify({ error5xxRate: 1, operations: ["ListThings"] }) });
    expect(set.status).toBe(200);
    expect((await failure(iot.send(new ListThingsCommand({})))).status).toBe(500);
    const bad = await fetch(`${t.server.url}/__standin/faults`, { method: "POST", body: JSON.stringify({ error5xxRate: 3 }) });
    expect(bad.status).toBe(400);
    const stats = (await (await fetch(`${t.server.url}/__standin/stats`)).json()) as { calls: number; byOperation: Record<string, { calls: number; faults: number }> };
    expect(stats.byOperation["iot:ListThings"]).toMatchObject({ calls: 2, faults: 1 });
    t.server.resetStats();
    expect(t.server.stats().calls).toBe(0);
    await fetch(`${t.server.url}/__standin/faults`, { method: "POST", body: "{}" });
    expect((await iot.send(new ListThingsCommand({}))).things).toBeDefined();
  });
});
