import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { scanCounts } from "@/lib/inventory/scan-counts";
import { estateSummary, expectedCounts, type Estate, type RegionEstate } from "@/doubles/aws/estate";
import { countDifferences, createInventoryFixture, scanFixture, type InventoryFixture } from "@/lib/testing/inventory-fixture";
import { useTestDatabase } from "@/lib/testing/use-test-database";

/**
 * Scans that AWS partly refuses: one API denied in one region, and a region the account has not
 * enabled. Each ends partial with one clear issue saying what was refused where, and everything
 * else read exactly.
 */

useTestDatabase();

/** The estate as a scan sees it when it cannot list Lambda functions in `region`. */
function withoutFunctionsIn(estate: Estate, region: string): Estate {
  const r = estate.byRegion[region] as RegionEstate;
  return { ...estate, byRegion: { ...estate.byRegion, [region]: { ...r, lambdaFunctions: [] } } };
}

async function issuesOf(scanId: string) {
  return db().scanIssue.findMany({ where: { scanId }, orderBy: { id: "asc" } });
}

describe("Lambda ListFunctions denied in one region", () => {
  const DENIED = "us-east-1";
  let fx: InventoryFixture;
  let scanId: string;
  let status: string;
  beforeAll(async () => {
    fx = await createInventoryFixture({ seed: 3, things: 40, faults: { accessDenied: [{ service: "lambda", operation: "ListFunctions", region: DENIED }] } });
    ({ scanId, status } = await scanFixture(fx));
  }, 120_000);
  afterAll(async () => fx?.stop());

  it("ends partial with one issue naming the API and the region", async () => {
    expect(status).toBe("partial");
    const issues = (await issuesOf(scanId)).filter((i) => i.code !== "MalformedPolicy");
    expect(issues).toHaveLength(1);
    const [issue] = issues;
    expect(issue).toMatchObject({ region: DENIED, collectorId: "lambda.functions", severity: "error", code: "AccessDenied" });
    expect(issue?.message).toContain("ListFunctions");
    expect(issue?.message).toContain(DENIED);
    // AWS's own wording (with the caller's ARN) stays in the log
    expect(issue?.message).not.toMatch(/not authorized to perform|arn:aws/);
    const task = await db().scanTask.findFirst({ where: { scanId, region: DENIED, collectorId: "lambda.functions" } });
    expect(task?.status).toBe("failed");
  });

  it("reads everything else exactly: the other region's functions, and what only the denied functions referenced is missing", async () => {
    expect(fx.estate.byRegion[DENIED]?.lambdaFunctions.length).toBeGreaterThan(0);
    const expected = expectedCounts(withoutFunctionsIn(fx.estate, DENIED));
    expect(expected[DENIED]?.["AWS::KMS::Key"]).toBeLessThan(expectedCounts(fx.estate)[DENIED]?.["AWS::KMS::Key"] ?? 0);
    expect(countDifferences(await scanCounts(scanId), expected)).toEqual([]);
    const malformed = (await issuesOf(scanId)).filter((i) => i.code === "MalformedPolicy");
    expect(malformed).toHaveLength(estateSummary(fx.estate).notable.malformedPolicies.length);
  });
});

describe("a region that is not enabled", () => {
  const DISABLED = "ap-east-1";
  let fx: InventoryFixture;
  let scanId: string;
  let status: string;
  beforeAll(async () => {
    // The account has its fleet in one region; the connection also names an opt-in region it never enabled.
    fx = await createInventoryFixture({ seed: 4, things: 40, regions: ["eu-central-1"], connectionRegions: ["eu-central-1", DISABLED], disabledRegions: [DISABLED] });
    ({ scanId, status } = await scanFixture(fx));
  }, 120_000);
  afterAll(async () => fx?.stop());

  it("ends partial with one issue for that region, saying it is not enabled", async () => {
    expect(status).toBe("partial");
    const issues = (await issuesOf(scanId)).filter((i) => i.region === DISABLED);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: "error", code: "RegionNotEnabled" });
    expect(issues[0]?.message).toContain(`${DISABLED} is not enabled`);
    expect(issues[0]?.message).not.toMatch(/security token/i);
    const tasks = await db().scanTask.findMany({ where: { scanId, region: DISABLED, phase: 1 } });
    expect(tasks.length).toBeGreaterThan(10);
    expect(tasks.every((t) => t.status === "failed")).toBe(true);
  });

  it("reads the enabled region and the global resources exactly", async () => {
    expect(countDifferences(await scanCounts(scanId), expectedCounts(fx.estate))).toEqual([]);
    const others = (await issuesOf(scanId)).filter((i) => i.region !== DISABLED);
    expect(others.map((i) => i.code)).toEqual(estateSummary(fx.estate).notable.malformedPolicies.map(() => "MalformedPolicy"));
  });
});
