import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db";
import { collectorRegistry } from "@/lib/aws/collector-registry";
import { scanCounts } from "@/lib/inventory/scan-counts";
import { getScanProgress } from "@/lib/inventory/get-scan-progress";
import type { ScanIssueView } from "@/lib/inventory/group-scan-issues";
import { getResource } from "@/lib/inventory/get-resource";
import { loadPlanScope, loadScopedScan } from "@/lib/plans/scoped-plan";
import { estateSummary, expectedCounts } from "@/doubles/aws/estate";
import type { FaultRule, Stats } from "@/doubles/aws/server";
import { countDifferences, createInventoryFixture, scanFixture, type InventoryFixture } from "@/lib/testing/inventory-fixture";
import { useTestDatabase } from "@/lib/testing/use-test-database";

/**
 * Scans through an endpoint whose secondary calls fail after every retry: one operation that
 * always answers 500, and operations it does not implement (as AWS-compatible emulators answer
 * them). What the list calls returned is stored, every resource says what it lacks, the scan
 * lists each failure once with a count, and every collector reads to its last page.
 */

useTestDatabase();

interface GapRow {
  arn: string;
  kind: string;
  region: string;
  tags: Record<string, string>;
  gaps: Array<{ operation: string; code: string }> | null;
}

async function scanned(fx: InventoryFixture, mode: "summary" | "deep") {
  fx.standIn.resetStats();
  const { scanId, status } = await scanFixture(fx, { mode });
  const server = fx.standIn.stats();
  const { rows } = await pool().query<GapRow>(`SELECT arn, kind, region, tags, gaps FROM resources WHERE scan_id = $1`, [scanId]);
  const progress = await getScanProgress(await loadScopedScan(fx.organizationId, scanId));
  return { scanId, status, server, resources: rows, issues: progress.issues };
}

/** The kinds of the collectors that call `operation` (as their declared APIs say). */
function kindsCalling(operation: string, options: { deep?: boolean } = {}): Set<string> {
  return new Set(
    Object.values(collectorRegistry)
      .filter((c) => c.apis.some((api) => api.operation === operation && (options.deep || !api.deepOnly)))
      .flatMap((c) => c.kinds),
  );
}

/** Issues other than the estate's malformed policies, which every scan of it reports. */
const unexpected = (issues: ScanIssueView[]) => issues.filter((i) => i.code !== "MalformedPolicy");

describe("a persistent 500 on ListTagsForResource alone", () => {
  const rules: FaultRule[] = [{ operation: "ListTagsForResource", answer: "internal", times: Infinity }];
  let fx: InventoryFixture;
  let scan: Awaited<ReturnType<typeof scanned>>;
  beforeAll(async () => {
    fx = await createInventoryFixture({ seed: 17, things: 40, faults: { rules } });
    scan = await scanned(fx, "summary");
  }, 300_000);
  afterAll(async () => fx?.stop());

  it("stores and counts everything the estate holds, in every region", async () => {
    expect(countDifferences(await scanCounts(scan.scanId), expectedCounts(fx.estate))).toEqual([]);
  });

  it("gives every resource whose tags come from that operation its gap, and no resource any other", () => {
    const tagged = kindsCalling("ListTagsForResource");
    // Thing types, groups, billing groups, CA certificates, policies, rules, jobs, job templates,
    // role aliases, authorizers, provisioning templates, SNS topics, log groups, Timestream.
    for (const kind of ["AWS::IoT::ThingType", "AWS::IoT::ThingGroup", "AWS::IoT::Policy", "AWS::IoT::TopicRule", "AWS::IoT::Job", "AWS::SNS::Topic", "AWS::Logs::LogGroup", "AWS::Timestream::Table"]) {
      expect(tagged, kind).toContain(kind);
    }
    const tagsGap = [{ operation: "ListTagsForResource", code: "ServiceUnavailable" }];
    const withGap = scan.resources.filter((r) => r.gaps !== null);
    for (const r of scan.resources) {
      // AWS-managed domain configurations cannot be tagged: Silkroute does not ask for their tags.
      const asked = tagged.has(r.kind) && !(r.kind === "AWS::IoT::DomainConfiguration" && /domainconfiguration\/iot:/.test(r.arn));
      expect(r.gaps, `${r.kind} ${r.arn}`).toEqual(asked ? tagsGap : null);
      if (asked) expect(r.tags, r.arn).toEqual({});
    }
    expect(new Set(withGap.map((r) => r.kind)).size).toBeGreaterThanOrEqual(12);
  });

  it("is partial, with one issue for that operation that counts them all", () => {
    expect(scan.status).toBe("partial");
    const issues = unexpected(scan.issues);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ gap: true, operation: "ListTagsForResource", code: "ServiceUnavailable", count: scan.resources.filter((r) => r.gaps).length });
    expect(issues[0]?.regions.sort()).toEqual([...fx.regions].sort());
    expect(scan.issues.filter((i) => i.code === "MalformedPolicy")).toHaveLength(estateSummary(fx.estate).notable.malformedPolicies.length);
  });

  it("asked for the tags of every resource, and retried them within the per-operation retry quota", () => {
    const tags = Object.entries(scan.server.byOperation).filter(([key]) => key.endsWith(":ListTagsForResource"));
    expect(tags.map(([key]) => key.split(":")[0]).sort()).toEqual(["iot", "logs", "sns", "timestream"]);
    for (const [key, s] of tags) expect(s.faults, key).toBe(s.calls);
    const askedFor = scan.resources.filter((r) => r.gaps).length;
    const attempts = tags.reduce((n, [, s]) => n + s.calls, 0);
    expect(attempts).toBeGreaterThanOrEqual(askedFor);
    // Far fewer than eight attempts each: the SDK's retry quota for the operation ran out.
    expect(attempts).toBeLessThan(askedFor * 8);
    expect(scan.server.faults).toBe(attempts);
  });

  it("shows the gap on the resource page", async () => {
    const row = scan.resources.find((r) => r.kind === "AWS::IoT::ThingGroup")!;
    const { rows } = await pool().query<{ id: string }>(`SELECT id::text AS id FROM resources WHERE scan_id = $1 AND arn = $2`, [scan.scanId, row.arn]);
    const { resource } = await loadPlanScope(fx.organizationId, { resourceId: rows[0]!.id });
    expect((await getResource(resource!)).gaps).toEqual([{ operation: "ListTagsForResource", code: "ServiceUnavailable" }]);
  });
});

describe("operations the endpoint does not implement", () => {
  const rules: FaultRule[] = [
    { operation: "DescribeThingGroup", answer: "not-implemented" },
    { operation: "ListThingPrincipals", answer: "unknown-operation" },
    { operation: "DescribeJob", answer: "no-route" },
  ];
  const notOffered = ["DescribeJob", "DescribeThingGroup", "ListThingPrincipals"];
  let fx: InventoryFixture;
  let scan: Awaited<ReturnType<typeof scanned>>;
  let server: Stats;
  beforeAll(async () => {
    fx = await createInventoryFixture({ seed: 19, things: 30, faults: { rules } });
    scan = await scanned(fx, "deep");
    server = scan.server;
  }, 300_000);
  afterAll(async () => fx?.stop());

  it("stores and counts everything the estate holds, in every region, but the roles only DescribeJob names", async () => {
    // The presigned-URL role of a job comes from DescribeJob: a scan that cannot describe jobs
    // does not know it is referenced, and so does not read it. Count the estate without it.
    const seen = structuredClone(fx.estate);
    for (const region of Object.values(seen.byRegion)) for (const job of region.iot.jobs) delete job.presignedUrlRoleArn;
    expect(countDifferences(await scanCounts(scan.scanId), expectedCounts(seen))).toEqual([]);
  });

  it("gives every thing, thing group and job its gap, and no resource any other", () => {
    const expectedGaps = (kind: string) =>
      notOffered.filter((operation) => kindsCalling(operation, { deep: true }).has(kind)).map((operation) => ({ operation, code: "OperationNotOffered" }));
    for (const kind of ["AWS::IoT::Thing", "AWS::IoT::ThingGroup", "AWS::IoT::Job"]) expect(expectedGaps(kind), kind).toHaveLength(1);
    for (const r of scan.resources) {
      const gaps = expectedGaps(r.kind);
      expect(r.gaps, `${r.kind} ${r.arn}`).toEqual(gaps.length > 0 ? gaps : null);
    }
  });

  it("is partial, and says once per operation that the endpoint does not offer it", () => {
    expect(scan.status).toBe("partial");
    const issues = unexpected(scan.issues);
    expect(issues.map((i) => i.operation).sort()).toEqual(notOffered);
    for (const issue of issues) {
      expect(issue).toMatchObject({ gap: true, code: "OperationNotOffered" });
      expect(issue.message).toContain(`This endpoint does not offer ${issue.operation}`);
      expect(issue.message).not.toMatch(/deleted/);
      expect(issue.count).toBe(scan.resources.filter((r) => r.gaps?.some((g) => g.operation === issue.operation)).length);
    }
  });

  it("asked each region once for each operation it does not offer, with no retry", () => {
    for (const operation of notOffered) {
      const s = server.byOperation[`iot:${operation}`];
      expect(s?.calls, operation).toBe(fx.regions.length);
      expect(s?.faults, operation).toBe(fx.regions.length);
    }
  });
});
