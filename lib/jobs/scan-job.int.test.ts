import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { queue } from "@/lib/jobs/queue";
import { JOBS } from "@/lib/jobs/job-registry";
import { queueScan } from "@/lib/inventory/queue-scan";
import { loadScopedPlan } from "@/lib/plans/scoped-plan";
import { expectedCounts } from "@/doubles/aws/estate";
import { scanCounts } from "@/lib/inventory/scan-counts";
import { countDifferences, createInventoryFixture, type InventoryFixture } from "@/lib/testing/inventory-fixture";
import { useTestDatabase } from "@/lib/testing/use-test-database";

useTestDatabase();

let fx: InventoryFixture;
beforeAll(async () => {
  fx = await createInventoryFixture({ things: 60 });
});
afterAll(async () => {
  await fx?.stop();
  await (await queue()).stop({ graceful: false, wait: true }).catch(() => undefined);
});

/** Plays the worker: takes scan-part jobs from the queue and runs them until none are left. */
async function drain(): Promise<string[]> {
  const boss = await queue();
  const job = JOBS["inventory.scan-part"];
  const ran: string[] = [];
  for (let idle = 0; idle < 3; ) {
    const [item] = await boss.fetch<{ scanId: string; part: string; attempt: number; slice: number }>(job.name);
    if (!item) {
      idle++;
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    idle = 0;
    ran.push(item.data.part);
    await job.run(job.parse(item.data), { jobId: item.id, signal: new AbortController().signal });
    await boss.complete(job.name, item.id);
  }
  return ran;
}

describe("a scan started from the web", () => {
  it("runs as queued jobs: one per region and global, then phase 2, then it is finished", async () => {
    const created = await queueScan(await loadScopedPlan(fx.organizationId, fx.planId), { mode: "summary", includeShadows: false }, "someone");
    const parts = await drain();
    expect(parts.sort()).toEqual([...fx.regions, "global", "phase2"].sort());
    const scan = await db().scan.findUniqueOrThrow({ where: { id: created.scanId } });
    expect(scan.status).toBe("partial"); // the estate's deliberately malformed policy
    expect(scan.finishedAt).not.toBeNull();
    const counts = await scanCounts(created.scanId);
    // Every kind in every region, both ways.
    expect(countDifferences(counts, expectedCounts(fx.estate))).toEqual([]);
    expect((scan.kindCounts as unknown[]).length).toBeGreaterThan(10);
  }, 180_000);
});
