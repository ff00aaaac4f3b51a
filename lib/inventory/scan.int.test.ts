import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { createScan } from "@/lib/inventory/start-scan";
import { runScanInline } from "@/lib/inventory/run-scan-inline";
import { scanCounts } from "@/lib/inventory/scan-counts";
import { expectedCounts, estateSummary } from "@/doubles/aws/estate";
import { countDifferences, createInventoryFixture, type InventoryFixture } from "@/lib/testing/inventory-fixture";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import { loadScopedPlan } from "@/lib/plans/scoped-plan";

useTestDatabase();

let fx: InventoryFixture;
beforeAll(async () => {
  fx = await createInventoryFixture({ things: 150 });
});
afterAll(async () => fx?.stop());

function nonZero(counts: Record<string, Record<string, number>>) {
  return Object.fromEntries(
    Object.entries(counts)
      .map(([region, byKind]) => [region, Object.fromEntries(Object.entries(byKind).filter(([, n]) => n > 0))] as const)
      .filter(([, byKind]) => Object.keys(byKind).length > 0),
  );
}

describe("a summary scan of the stand-in estate", () => {
  let scanId: string;
  let status: string;
  beforeAll(async () => {
    const created = await createScan(await loadScopedPlan(fx.organizationId, fx.planId), { mode: "summary", includeShadows: false }, { requestedById: null, origin: "cli" });
    scanId = created.scanId;
    status = await runScanInline(scanId, created.parts);
  }, 300_000);

  it("reads every resource of every kind in every region, exactly, and nothing else", async () => {
    // Both ways: a kind or region the scan stored that the estate does not hold is a difference too.
    expect(countDifferences(nonZero(await scanCounts(scanId)), nonZero(expectedCounts(fx.estate)))).toEqual([]);
  });

  it("ends partial with the malformed policy listed, and nothing else wrong", async () => {
    expect(status).toBe("partial");
    const issues = await db().scanIssue.findMany({ where: { scanId } });
    expect(issues.map((i) => i.code).sort()).toEqual(issues.map(() => "MalformedPolicy"));
    expect(issues.length).toBe(estateSummary(fx.estate).notable.malformedPolicies.length);
  });

  it("links rules to the stack they write to, and keeps a reference to a deleted function as dangling", async () => {
    const { rows } = await pool().query<{ type: string; to_kind: string; dangling: boolean }>(
      `SELECT r.type, r.to_kind, NOT EXISTS (SELECT 1 FROM resources t WHERE t.scan_id = r.scan_id AND t.arn = r.to_arn) AS dangling
       FROM resource_relations r JOIN resources f ON f.scan_id = r.scan_id AND f.arn = r.from_arn
       WHERE r.scan_id = $1 AND f.kind = 'AWS::IoT::TopicRule'`,
      [scanId],
    );
    const kinds = new Set(rows.map((r) => r.to_kind));
    for (const k of ["AWS::S3::Bucket", "AWS::DynamoDB::Table", "AWS::Lambda::Function", "AWS::Kinesis::Stream", "AWS::SQS::Queue", "AWS::SNS::Topic", "AWS::IAM::Role"]) {
      expect(kinds.has(k), k).toBe(true);
    }
    const danglingFunctions = rows.filter((r) => r.dangling && r.to_kind === "AWS::Lambda::Function");
    expect(danglingFunctions.length).toBeGreaterThan(0);
  });

  it("never stores a Lambda environment variable's value", async () => {
    const secrets = estateSummary(fx.estate).notable.lambdaSecretValues;
    expect(secrets.length).toBeGreaterThan(0);
    const { rows } = await pool().query<{ n: string }>(`SELECT count(*) AS n FROM resources WHERE scan_id = $1 AND raw::text LIKE ANY($2)`, [
      scanId,
      secrets.map((s) => `%${s}%`),
    ]);
    expect(Number(rows[0]!.n)).toBe(0);
  });

  it("stores hostile tag values as they were received", async () => {
    const { rows } = await pool().query<{ tags: Record<string, string> }>(`SELECT tags FROM resources WHERE scan_id = $1 AND tags::text LIKE '%<script>%'`, [scanId]);
    expect(rows.length).toBeGreaterThan(0);
    expect(Object.values(rows[0]!.tags).some((v) => v.includes("<script>alert(1)</script>"))).toBe(true);
  });

  it("records the calls it made per API", async () => {
    const stats = await db().scanApiStat.findMany({ where: { scanId } });
    const listThings = stats.filter((s) => s.operation === "ListThings");
    expect(listThings.map((s) => s.region).sort()).toEqual([...fx.regions].sort());
    expect(listThings.every((s) => s.calls === 1)).toBe(true); // 150 things fit one page of 250
  });
});
