import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { createScan } from "@/lib/inventory/start-scan";
import { runScanInline } from "@/lib/inventory/run-scan-inline";
import { reopenScan } from "@/lib/inventory/scan-controls";
import { scanCounts } from "@/lib/inventory/scan-counts";
import { expectedCounts } from "@/doubles/aws/estate";
import { countDifferences, createInventoryFixture, type InventoryFixture } from "@/lib/testing/inventory-fixture";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import { loadScopedPlan, loadScopedScan } from "@/lib/plans/scoped-plan";

const test = useTestDatabase();
const REGION = "eu-central-1";
const THINGS = 6000; // 24 pages of ListThings at the real quota of 10 per second

let fx: InventoryFixture;
beforeAll(async () => {
  // Real quotas, so the scan takes a few seconds and can be killed in the middle.
  fx = await createInventoryFixture({ regions: [REGION], things: THINGS, quotas: "default", hostile: false });
});
afterAll(async () => fx?.stop());

async function pagesDone(scanId: string, collectorId: string): Promise<number> {
  const task = await db().scanTask.findFirst({ where: { scanId, collectorId } });
  return task?.pagesDone ?? 0;
}

describe("a scan killed in the middle", () => {
  it("resumes from its checkpoints: no finished page read again, no duplicates, exact counts", async () => {
    const created = await createScan(await loadScopedPlan(fx.organizationId, fx.planId), { mode: "summary", includeShadows: false }, { requestedById: null, origin: "cli" });
    const worker = spawn(process.execPath, ["bin/run.mjs", "lib/testing/fixtures/scan-part-runner.ts", test.url(), created.scanId, ...created.parts], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let killedAfter = 0;
    try {
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        killedAfter = await pagesDone(created.scanId, "iot.things");
        if (killedAfter >= 8) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      worker.kill("SIGKILL");
      await new Promise((r) => worker.once("exit", r));
    } finally {
      worker.kill("SIGKILL");
    }
    expect(killedAfter).toBeGreaterThanOrEqual(8);
    const beforeResume = await pagesDone(created.scanId, "iot.things");
    expect(beforeResume).toBeLessThan(THINGS / 250);
    const listThingsBefore = fx.standIn.stats().byOperation["iot:ListThings"]?.calls ?? 0;

    // A worker died: the scan is resumed (as the Resume button does) and run to its end.
    const reopened = await reopenScan(await loadScopedScan(fx.organizationId, created.scanId)).catch(async () => {
      // Nothing has marked it stale yet: age it as a minute without news would.
      await pool().query(`UPDATE scans SET updated_at = now() - interval '2 minutes' WHERE id = $1`, [created.scanId]);
      await pool().query(`UPDATE scan_tasks SET updated_at = now() - interval '2 minutes' WHERE scan_id = $1`, [created.scanId]);
      return reopenScan(await loadScopedScan(fx.organizationId, created.scanId));
    });
    const status = await runScanInline(created.scanId, reopened.parts);
    expect(["complete", "partial"]).toContain(status);

    const listThingsAfter = fx.standIn.stats().byOperation["iot:ListThings"]!.calls;
    const pages = THINGS / 250;
    // Only the pages not yet stored are read again (pages read ahead but not stored before the kill among them).
    expect(listThingsAfter - listThingsBefore).toBeLessThanOrEqual(pages - beforeResume + 2);
    expect(listThingsAfter - listThingsBefore).toBeGreaterThanOrEqual(pages - beforeResume);

    const counts = await scanCounts(created.scanId);
    const expected = expectedCounts(fx.estate);
    expect(counts[REGION]?.["AWS::IoT::Thing"]).toBe(THINGS);
    // Every kind in every region, both ways: a resumed part stores nothing twice and nothing extra.
    expect(countDifferences(counts, expected)).toEqual([]);
    const dupes = await pool().query(`SELECT arn FROM resources WHERE scan_id = $1 GROUP BY arn HAVING count(*) > 1`, [created.scanId]);
    expect(dupes.rows).toEqual([]);
    expect((await db().scan.findUniqueOrThrow({ where: { id: created.scanId } })).attempt).toBe(2);
  }, 180_000);
});
