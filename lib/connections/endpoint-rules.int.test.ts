import crypto from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { createConnection, updateConnection } from "@/lib/connections/save-connection";
import { testConnection } from "@/lib/connections/test-connection";
import type { AwsConnectionInput } from "@/lib/connections/connection-input";
import { createPlan } from "@/lib/plans/save-plan";
import { loadScopedPlan } from "@/lib/plans/scoped-plan";
import { createScan } from "@/lib/inventory/start-scan";
import { runScanInline } from "@/lib/inventory/run-scan-inline";
import { startLocalEndpoint, type LocalEndpoint } from "@/lib/aws/testing/start-local-endpoint";
import { generateEstate } from "@/doubles/aws/estate";
import { DEFAULT_CREDENTIALS, startAwsStandIn, type AwsStandIn } from "@/doubles/aws/server";
import { useTestDatabase } from "@/lib/testing/use-test-database";

useTestDatabase();

/**
 * A connection's custom endpoint, entered by an admin, may not point Silkroute at a metadata
 * service, a link-local address, or (unless SILKROUTE_ALLOW_PRIVATE_ENDPOINTS=true) this host or
 * the private network, neither when it is saved nor when a test or a scan connects.
 */
let standIn: AwsStandIn;
let hostile: LocalEndpoint;
let organizationId: string;
const port = () => new URL(standIn.url).port;

function allowPrivate(allowed: boolean) {
  process.env.SILKROUTE_ALLOW_PRIVATE_ENDPOINTS = allowed ? "true" : "false";
  resetEnvForTests();
}

const input = (endpointUrl: string, name = `Endpoint ${crypto.randomUUID().slice(0, 8)}`): AwsConnectionInput => ({
  name,
  authMode: "access-keys",
  accessKeyId: DEFAULT_CREDENTIALS.accessKeyId,
  secretAccessKey: DEFAULT_CREDENTIALS.secretAccessKey,
  profile: null,
  roleArn: null,
  externalId: null,
  endpointUrl,
  regions: ["eu-central-1"],
});

async function refusalOfSave(endpointUrl: string): Promise<string | null> {
  const before = await db().cloudConnection.count({ where: { organizationId } });
  const err = await createConnection(organizationId, input(endpointUrl), null).then(
    () => null,
    (e: unknown) => e,
  );
  if (err === null) return null;
  expect(err).toBeInstanceOf(AppError);
  expect(await db().cloudConnection.count({ where: { organizationId } })).toBe(before);
  return (err as AppError).reason;
}

beforeAll(async () => {
  standIn = await startAwsStandIn({ estate: generateEstate({ seed: 3, regions: ["eu-central-1"], thingsPerRegion: 5 }), quotas: "off" });
  // An endpoint that answers with text a test must not echo: an error naming a password, a caller ARN with markup.
  hostile = await startLocalEndpoint((req) =>
    req.body.includes("GetCallerIdentity") && req.headers["x-hostile-mode"] !== "error"
      ? {
          status: 200,
          headers: { "content-type": "text/xml" },
          body: `<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/&lt;img src=x onerror=alert(1)&gt;</Arn><Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>`,
        }
      : {
          status: 400,
          headers: { "content-type": "text/xml" },
          body: `<ErrorResponse><Error><Type>Sender</Type><Code>Internal DB password=hunter2 at 10.0.0.5</Code><Message>${"leak hunter2 ".repeat(200)}</Message></Error></ErrorResponse>`,
        },
  );
  organizationId = `org-${crypto.randomUUID()}`;
  await db().organization.create({ data: { id: organizationId, name: "Endpoint rules test" } });
});
afterEach(() => allowPrivate(true));
afterAll(async () => {
  allowPrivate(true);
  await standIn?.stop();
  await hostile?.close();
});

describe("saving a connection's endpoint", () => {
  it("refuses metadata and link-local addresses, whatever the setting, in every spelling", async () => {
    for (const allowed of [false, true]) {
      allowPrivate(allowed);
      expect(await refusalOfSave("http://169.254.169.254/latest/meta-data/")).toBe("connectionEndpointMetadata");
      expect(await refusalOfSave("http://2852039166/")).toBe("connectionEndpointMetadata");
      expect(await refusalOfSave("http://0xA9FEA9FE/")).toBe("connectionEndpointMetadata");
      expect(await refusalOfSave("http://[fd00:ec2::254]/")).toBe("connectionEndpointMetadata");
      expect(await refusalOfSave("http://[::ffff:169.254.169.254]/")).toBe("connectionEndpointMetadata");
      expect(await refusalOfSave("http://metadata.google.internal/")).toBe("connectionEndpointMetadata");
      expect(await refusalOfSave("http://100.100.100.200/")).toBe("connectionEndpointMetadata");
      expect(await refusalOfSave("http://169.254.12.34:4566")).toBe("connectionEndpointLinkLocal");
      expect(await refusalOfSave("http://[fe80::1]:4566")).toBe("connectionEndpointLinkLocal");
    }
  });

  it("accepts 127.0.0.1 and names resolving to loopback only when private endpoints are allowed", async () => {
    allowPrivate(false);
    expect(await refusalOfSave(`http://127.0.0.1:${port()}`)).toBe("connectionEndpointPrivate");
    expect(await refusalOfSave(`http://localhost:${port()}`)).toBe("connectionEndpointPrivate");
    expect(await refusalOfSave("http://10.1.2.3:4566")).toBe("connectionEndpointPrivate");
    allowPrivate(true);
    expect(await refusalOfSave(`http://127.0.0.1:${port()}`)).toBeNull();
    expect(await refusalOfSave(`http://localhost:${port()}`)).toBeNull();
    // Changing a saved connection meets the same rules.
    allowPrivate(false);
    const { id } = await db().cloudConnection.findFirstOrThrow({ where: { organizationId, endpointUrl: `http://127.0.0.1:${port()}` } });
    await expect(updateConnection(organizationId, id, input(`http://127.0.0.1:${port()}`, "Changed"))).rejects.toMatchObject({ reason: "connectionEndpointPrivate" });
    await expect(updateConnection(organizationId, id, input("http://169.254.169.254", "Changed"))).rejects.toMatchObject({ reason: "connectionEndpointMetadata" });
  });
});

describe("testing and scanning through a connection's endpoint", () => {
  it("connects to 127.0.0.1 only while private endpoints are allowed, for the test and for a scan", async () => {
    allowPrivate(true);
    const { id } = await createConnection(organizationId, input(standIn.url), null);
    const ok = await testConnection(organizationId, id);
    expect(ok).toMatchObject({ ok: true, accountId: "123456789012" });

    allowPrivate(false);
    const calls = standIn.stats().calls;
    const refused = await testConnection(organizationId, id);
    expect(refused).toMatchObject({ ok: false, accountId: null, error: { code: "EndpointRefused", reason: "connectionEndpointPrivate" } });
    expect(refused.error!.message).toContain("SILKROUTE_ALLOW_PRIVATE_ENDPOINTS=true");
    const { id: planId } = await createPlan(organizationId, { name: `Plan ${id}`, description: null, sourceConnectionId: id, sourceRegions: ["eu-central-1"], targetRegions: [] }, null);
    const scan = await createScan(await loadScopedPlan(organizationId, planId), { mode: "summary", includeShadows: false }, { requestedById: null, origin: "cli" });
    expect(await runScanInline(scan.scanId, scan.parts)).toBe("failed");
    const issues = await db().scanIssue.findMany({ where: { scanId: scan.scanId } });
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i) => /loopback or private address/.test(i.message))).toBe(true);
    // Nothing reached the stand-in while refused.
    expect(standIn.stats().calls).toBe(calls);
  });

  it("checks the address a host name resolves to when it connects, not only when it was saved", async () => {
    allowPrivate(true);
    const { id } = await createConnection(organizationId, input(`http://localhost:${port()}`), null);
    expect((await testConnection(organizationId, id)).ok).toBe(true);
    allowPrivate(false);
    // "localhost" passes the check of the URL as written; the address it resolves to is refused at connect time.
    expect(await testConnection(organizationId, id)).toMatchObject({ ok: false, error: { code: "EndpointRefused", reason: "connectionEndpointPrivate", params: { host: "localhost" } } });
  });

  it("refuses a connection stored with a metadata endpoint before these rules existed", async () => {
    allowPrivate(true);
    const id = crypto.randomUUID();
    await db().cloudConnection.create({
      data: { id, organizationId, provider: "aws", name: `Old ${id}`, authMode: "default-chain", endpointUrl: "http://169.254.169.254", regions: ["eu-central-1"] },
    });
    const result = await testConnection(organizationId, id);
    expect(result).toMatchObject({ ok: false, error: { code: "EndpointRefused", reason: "connectionEndpointMetadata" } });
    const row = await db().cloudConnection.findUniqueOrThrow({ where: { id } });
    expect(row.lastTestOk).toBe(false);
    expect(row.lastTestMessage).toMatch(/cloud metadata service/);
  });

  it("shows nothing of an endpoint's answer beyond a short message of its own", async () => {
    allowPrivate(true);
    const { id } = await createConnection(organizationId, input(hostile.url), null);
    const result = await testConnection(organizationId, id);
    // The caller ARN with markup is not shown; the account id of the expected shape is.
    expect(result.accountId).toBe("123456789012");
    expect(result.identity).toBeNull();
    const region = result.regions[0]!;
    expect(region.ok).toBe(false);
    expect(region.message!.length).toBeLessThanOrEqual(300);
    const everything = JSON.stringify(result) + JSON.stringify(await db().cloudConnection.findUniqueOrThrow({ where: { id } }));
    expect(everything).not.toContain("hunter2");
    expect(everything).not.toContain("10.0.0.5");
    expect(everything).not.toContain("<img");
  });
});
