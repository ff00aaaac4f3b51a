import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { deterministicJobId, queue } from "@/lib/jobs/queue";
import { JOBS } from "@/lib/jobs/job-registry";
import { scanPartJobKey, type JobPayload } from "@/lib/jobs/job-payloads";
import { queueScan } from "@/lib/inventory/queue-scan";
import { loadScopedPlan } from "@/lib/plans/scoped-plan";
import { expectedCounts } from "@/doubles/aws/estate";
import { scanCounts } from "@/lib/inventory/scan-counts";
import { countDifferences, createInventoryFixture, type InventoryFixture } from "@/lib/testing/inventory-fixture";
import { callDifferences, duplicateArns, recordedCalls, servedCalls, taskCountProblems } from "@/lib/testing/scan-accounting";
import { pageWriters, recordTaskWrites, taskWriteProblems, type TaskWriteRecorder } from "@/lib/testing/record-task-writes";
import { useTestDatabase } from "@/lib/testing/use-test-database";

useTestDatabase();

let fx: InventoryFixture;
let recorder: TaskWriteRecorder;
beforeAll(async () => {
  fx = await createInventoryFixture({ things: 60 });
  recorder = await recordTaskWrites();
});
// These tests play the worker: they own the scan-part queue, so jobs other test files queued
// and never ran (scans started through their actions) are removed first.
beforeEach(async () => {
  await (await queue()).purgeQueue(JOBS["inventory.scan-part"].name);
  await (await queue()).purgeQueue(JOBS["mapping.map-scan"].name);
});
afterAll(async () => {
  await recorder?.stop();
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

    // The finished scan queued its mapping, once, however many parts saw it finish.
    const boss = await queue();
    const mapJob = JOBS["mapping.map-scan"];
    const queued = await boss.fetch<{ scanId: string }>(mapJob.name, { batchSize: 10 });
    expect(queued.map((j) => j.data.scanId)).toEqual([created.scanId]);
    await mapJob.run(mapJob.parse(queued[0]!.data), { jobId: queued[0]!.id, signal: new AbortController().signal });
    await boss.complete(mapJob.name, queued[0]!.id);
    const runs = await db().mappingRun.findMany({ where: { scanId: created.scanId } });
    expect(runs.map((r) => r.status)).toEqual(["succeeded"]);
    expect(runs[0]!.proposalCount).toBe(scan.resourceCount);
  }, 180_000);
});

describe("a scan part job delivered twice at once", () => {
  it("runs the part once; the other delivery leaves it, and looks again once the lease would have expired", async () => {
    // A short lease, so that the second look comes soon.
    const previous = process.env.SILKROUTE_SCAN_LEASE_SECONDS;
    process.env.SILKROUTE_SCAN_LEASE_SECONDS = "10";
    resetEnvForTests();
    try {
      const created = await queueScan(await loadScopedPlan(fx.organizationId, fx.planId), { mode: "summary", includeShadows: false }, "someone");
      await recorder.watch(created.scanId);
      fx.standIn.resetStats();
      const boss = await queue();
      const job = JOBS["inventory.scan-part"];
      type Payload = JobPayload<"inventory.scan-part">;
      const items = await boss.fetch<Payload>(job.name, { batchSize: 10 });
      expect(items.map((i) => i.data.part).sort()).toEqual([...fx.regions, "global"].sort());
      const twice = items.find((i) => i.data.part === fx.regions[0])!;
      // The same job in two workers at once, and the other parts as usual.
      const run = (item: (typeof items)[number]) => job.run(job.parse(item.data), { jobId: item.id, signal: new AbortController().signal });
      await Promise.all([run(twice), ...items.map(run)]);
      for (const item of items) await boss.complete(job.name, item.id);

      // One delivery ran the part, alone: every task of the region written by one run.
      const writers = pageWriters(await recorder.writes(created.scanId));
      const regionTasks = Object.entries(writers).filter(([key]) => key.startsWith(`${fx.regions[0]} `));
      expect(regionTasks.length).toBeGreaterThan(10);
      for (const [key, owners] of regionTasks) expect(owners, key).toHaveLength(1);
      expect(new Set(regionTasks.flatMap(([, owners]) => owners)).size).toBe(1);
      // The other found it held and queued a second look after the lease.
      const recheckId = deterministicJobId(job.name, scanPartJobKey({ ...job.parse(twice.data), recheck: 1 }));
      expect((await boss.getJobById(job.name, recheckId))?.state).toBe("created");

      // The workers go on: phase 2, then the second look, which finds the part done.
      const deadline = Date.now() + 120_000;
      for (;;) {
        const [item] = await boss.fetch<Payload>(job.name);
        if (item) {
          await run(item);
          await boss.complete(job.name, item.id);
          continue;
        }
        if ((await boss.getJobById(job.name, recheckId))?.state === "completed") break;
        if (Date.now() > deadline) throw new Error("the second look at the part never ran");
        await sleep(250);
      }
      const scan = await db().scan.findUniqueOrThrow({ where: { id: created.scanId } });
      expect(scan.status).toBe("partial"); // the estate's deliberately malformed policy
      expect(countDifferences(await scanCounts(created.scanId), expectedCounts(fx.estate))).toEqual([]);
      expect(await duplicateArns(created.scanId)).toEqual([]);
      expect(await taskCountProblems(created.scanId)).toEqual([]);
      expect(callDifferences(await recordedCalls(created.scanId), servedCalls(fx.standIn.stats()))).toEqual([]);
      // 60 things per region fit one page: one call per region, the part run once.
      expect(fx.standIn.stats().byOperation["iot:ListThings"]!.calls).toBe(fx.regions.length);
      expect(taskWriteProblems(await recorder.writes(created.scanId))).toEqual([]);
    } finally {
      if (previous === undefined) delete process.env.SILKROUTE_SCAN_LEASE_SECONDS;
      else process.env.SILKROUTE_SCAN_LEASE_SECONDS = previous;
      resetEnvForTests();
    }
  }, 240_000);
});
