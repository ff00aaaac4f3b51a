import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { scanCounts } from "@/lib/inventory/scan-counts";
import { expectedCounts } from "@/doubles/aws/estate";
import { DEFAULT_CREDENTIALS } from "@/doubles/aws/server";
import { countDifferences, createInventoryFixture, scanFixture, type InventoryFixture } from "@/lib/testing/inventory-fixture";
import { useTestDatabase } from "@/lib/testing/use-test-database";

/**
 * How a scan gets in: credentials AWS refuses fail the scan with a clear message of Silkroute's
 * own; a role assumed with the right external id reads the estate, with the wrong one the scan
 * fails saying the role could not be assumed.
 */

useTestDatabase();

/** AWS's own wording that must stay in the log and out of what users see. */
const AWS_WORDING = /signature|security token|not authorized to perform|arn:aws|Exception/i;

describe("credentials AWS does not accept", () => {
  let fx: InventoryFixture;
  beforeAll(async () => {
    fx = await createInventoryFixture({ seed: 2, things: 10, credentials: { accessKeyId: DEFAULT_CREDENTIALS.accessKeyId, secretAccessKey: "not-the-secret-aws-has-for-this-key" } });
  });
  afterAll(async () => fx?.stop());

  it("fail the scan with a clear message and nothing stored", async () => {
    const { scanId, status } = await scanFixture(fx);
    expect(status).toBe("failed");
    const scan = await db().scan.findUniqueOrThrow({ where: { id: scanId } });
    expect(scan.errorCode).toBe("InvalidCredentials");
    expect(scan.errorMessage).toMatch(/did not accept the credentials/);
    expect(scan.errorMessage).not.toMatch(AWS_WORDING);
    expect(scan.resourceCount).toBe(0);
    // one issue per part of the scan (each region, the global part, phase 2), not one per collector
    const issues = await db().scanIssue.findMany({ where: { scanId } });
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i) => i.code === "InvalidCredentials" && i.collectorId === null)).toBe(true);
    expect(issues.length).toBeLessThanOrEqual(fx.regions.length + 2);
  });
});

describe("a connection that assumes a role with an external id", () => {
  const ROLE = { roleArn: "arn:aws:iam::123456789012:role/SilkrouteReader", externalId: "silkroute-7f3a9c" };
  const saved: Record<string, string | undefined> = {};
  const SOURCE_ENV = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"] as const;

  // The source credentials come from the default chain: here, the environment.
  beforeEach(() => {
    for (const name of SOURCE_ENV) saved[name] = process.env[name];
    delete process.env.AWS_SESSION_TOKEN;
    delete process.env.AWS_PROFILE;
    process.env.AWS_ACCESS_KEY_ID = DEFAULT_CREDENTIALS.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = DEFAULT_CREDENTIALS.secretAccessKey;
  });
  afterEach(() => {
    for (const name of SOURCE_ENV) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it("reads the estate with the right external id", async () => {
    const fx = await createInventoryFixture({ seed: 2, things: 30, roles: [ROLE], assumeRole: ROLE });
    try {
      fx.standIn.resetStats();
      const { scanId, status } = await scanFixture(fx);
      expect(countDifferences(await scanCounts(scanId), expectedCounts(fx.estate))).toEqual([]);
      expect(status).toBe("partial"); // the malformed policies
      const issues = await db().scanIssue.findMany({ where: { scanId } });
      expect(issues.every((i) => i.code === "MalformedPolicy")).toBe(true);
      const scan = await db().scan.findUniqueOrThrow({ where: { id: scanId } });
      expect(scan.accountId).toBe(fx.estate.accountId);
      // the role is assumed once per part of the scan, not once per call
      const assumed = fx.standIn.stats().byOperation["sts:AssumeRole"]?.calls ?? 0;
      expect(assumed).toBeGreaterThan(0);
      expect(assumed).toBeLessThanOrEqual(fx.regions.length + 2);
    } finally {
      await fx.stop();
    }
  }, 60_000);

  it("fails with a clear AccessDenied message when the external id is wrong", async () => {
    const fx = await createInventoryFixture({ seed: 2, things: 10, roles: [ROLE], assumeRole: { roleArn: ROLE.roleArn, externalId: "someone-elses-id" } });
    try {
      const { scanId, status } = await scanFixture(fx);
      expect(status).toBe("failed");
      const scan = await db().scan.findUniqueOrThrow({ where: { id: scanId } });
      expect(scan.errorCode).toBe("AccessDenied");
      expect(scan.errorMessage).toMatch(/role could not be assumed/);
      expect(scan.errorMessage).toMatch(/external id/);
      expect(scan.errorMessage).not.toMatch(AWS_WORDING);
      expect(fx.standIn.stats().byOperation["sts:GetCallerIdentity"]?.calls ?? 0).toBe(0);
    } finally {
      await fx.stop();
    }
  }, 60_000);
});
