import crypto from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pool } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { queue } from "@/lib/jobs/queue";
import { JOBS } from "@/lib/jobs/job-registry";
import { requestMapping } from "@/lib/mapping/runs/request-mapping";
import { readMappingStatus } from "@/lib/mapping/runs/read-mapping-status";
import { runMapping } from "@/lib/mapping/runs/run-mapping";
import { loadScopedPlan, loadScopedScan } from "@/lib/plans/scoped-plan";
import { createInventoryFixture, scanFixture, type InventoryFixture } from "@/lib/testing/inventory-fixture";
import { useTestDatabase } from "@/lib/testing/use-test-database";

/** "Map again" and the status panel: what an architect's request queues, and what the pages are told. */
useTestDatabase();

let fx: InventoryFixture;
beforeAll(async () => {
  fx = await createInventoryFixture({ regions: ["eu-central-1"], things: 20 });
}, 300_000);
beforeEach(async () => {
  await (await queue()).purgeQueue(JOBS["mapping.map-scan"].name);
});
afterAll(async () => {
  await fx?.stop();
  await (await queue()).stop({ graceful: false, wait: true }).catch(() => undefined);
});

const reasonOf = (e: unknown) => (isAppError(e) ? e.reason : String(e));

describe("asking for a mapping", () => {
  it("says there is nothing to map before a scan has finished", async () => {
    const plan = await loadScopedPlan(fx.organizationId, fx.planId);
    expect(reasonOf(await requestMapping(plan).catch((e: unknown) => e))).toBe("mappingNoScan");
    expect(await readMappingStatus(plan)).toMatchObject({ newestScan: null, latestRun: null, shownRun: null, scanUnmapped: false });
  });

  it("queues one job per request however often it is clicked, and a new one once the scan has been mapped", async () => {
    const { scanId } = await scanFixture(fx);
    const plan = await loadScopedPlan(fx.organizationId, fx.planId);
    expect(await readMappingStatus(plan)).toMatchObject({ newestScan: { id: scanId }, shownRun: null, scanUnmapped: true });
    const first = await requestMapping(plan);
    const again = await requestMapping(plan);
    expect(first).toEqual({ scanId, queued: true });
    expect(again).toEqual({ scanId, queued: false });
    const boss = await queue();
    const jobs = await boss.fetch<{ scanId: string }>(JOBS["mapping.map-scan"].name, { batchSize: 10 });
    expect(jobs.map((j) => j.data.scanId)).toEqual([scanId]);

    const run = await runMapping(await loadScopedScan(fx.organizationId, scanId));
    expect(await readMappingStatus(plan)).toMatchObject({ latestRun: { id: run.runId, status: "succeeded" }, shownRun: { id: run.runId, scanId }, scanUnmapped: false });
    expect(await requestMapping(plan)).toEqual({ scanId, queued: true });
  });

  it("is refused while a run is under way, and for a scan of another plan", async () => {
    const plan = await loadScopedPlan(fx.organizationId, fx.planId);
    const scanId = (await readMappingStatus(plan)).newestScan!.id;
    const id = crypto.randomUUID();
    await pool().query(`INSERT INTO mapping_runs (id, plan_id, scan_id, status) VALUES ($1, $2, $3, 'running')`, [id, fx.planId, scanId]);
    try {
      expect(reasonOf(await requestMapping(plan).catch((e: unknown) => e))).toBe("mappingRunning");
      const status = await readMappingStatus(plan);
      expect(status.latestRun).toMatchObject({ id, status: "running" });
      expect(status.shownRun).not.toBeNull();
    } finally {
      await pool().query(`DELETE FROM mapping_runs WHERE id = $1`, [id]);
    }
    expect(reasonOf(await requestMapping(plan, "not-a-scan-of-this-plan").catch((e: unknown) => e))).toBe("scanNotFound");
  });
});
