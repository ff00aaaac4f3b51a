import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createScan } from "@/lib/inventory/start-scan";
import { runScanInline } from "@/lib/inventory/run-scan-inline";
import { runScanPart } from "@/lib/inventory/run-scan-part";
import { cancelScan, reopenScan } from "@/lib/inventory/scan-controls";
import { scanCounts } from "@/lib/inventory/scan-counts";
import { expectedCounts } from "@/doubles/aws/estate";
import { countDifferences, createInventoryFixture, type InventoryFixture } from "@/lib/testing/inventory-fixture";
import { callDifferences, duplicateArns, recordedCalls, servedCalls, taskCountProblems } from "@/lib/testing/scan-accounting";
import { pageWriters, recordTaskWrites, taskWriteProblems, type TaskWriteRecorder } from "@/lib/testing/record-task-writes";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import { loadScopedPlan, loadScopedScan } from "@/lib/plans/scoped-plan";

/**
 * One run per scan part, whatever arrives at once: two resumes, a cancel and a resume, two runs
 * handed the same part. Each scan must end with exactly what the stand-in served (per region and
 * kind), each task's items equal to the rows stored, the calls recorded equal to the calls the
 * stand-in received, and no task's cursor ever moving back.
 */

useTestDatabase();

const REGION = "eu-central-1";
/** 80 pages of ListThings at AWS's real quota: long enough to be caught in the middle. */
const THINGS = 20_000;
const THINGS_TASK = `${REGION} iot.things`;

let fx: InventoryFixture;
let recorder: TaskWriteRecorder;
beforeAll(async () => {
  fx = await createInventoryFixture({ regions: [REGION], things: THINGS, quotas: "default", hostile: false });
  recorder = await recordTaskWrites();
});
afterAll(async () => {
  await recorder?.stop();
  await fx?.stop();
});

async function newScan() {
  const created = await createScan(await loadScopedPlan(fx.organizationId, fx.planId), { mode: "summary", includeShadows: false }, { requestedById: null, origin: "cli" });
  await recorder.watch(created.scanId);
  fx.standIn.resetStats();
  return { ...created, scoped: await loadScopedScan(fx.organizationId, created.scanId) };
}

async function thingPages(scanId: string): Promise<number> {
  const task = await db().scanTask.findFirst({ where: { scanId, collectorId: "iot.things" } });
  return task?.pagesDone ?? 0;
}

async function waitForThingPages(scanId: string, pages: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  while ((await thingPages(scanId)) < pages) {
    if (Date.now() > deadline) throw new Error(`the things collector did not reach ${pages} pages`);
    await sleep(50);
  }
}

function refusal(err: unknown): string {
  return err instanceof AppError ? `${err.code} ${err.reason}` : String(err);
}

/** Exactly what the stand-in served, counted once, and no cursor going back. */
async function expectExactScan(scanId: string): Promise<void> {
  expect(countDifferences(await scanCounts(scanId), expectedCounts(fx.estate))).toEqual([]);
  expect(await duplicateArns(scanId)).toEqual([]);
  expect(await taskCountProblems(scanId)).toEqual([]);
  expect(callDifferences(await recordedCalls(scanId), servedCalls(fx.standIn.stats()))).toEqual([]);
  expect(taskWriteProblems(await recorder.writes(scanId))).toEqual([]);
}

describe("one run per scan part", () => {
  it("gives two resumes of a stopped scan at once one new attempt, and refuses the other", async () => {
    const scan = await newScan();
    const first = runScanInline(scan.scanId, scan.parts);
    await waitForThingPages(scan.scanId, 4);
    await cancelScan(scan.scoped);
    expect(await first).toBe("cancelled");
    const pagesBefore = await thingPages(scan.scanId);
    expect(pagesBefore).toBeLessThan(THINGS / 250);

    const results = await Promise.allSettled([reopenScan(scan.scoped), reopenScan(scan.scoped)]);
    const accepted = results.filter((r) => r.status === "fulfilled").map((r) => r.value);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => refusal(r.reason));
    expect(accepted).toHaveLength(1);
    expect(refused).toEqual(["CONFLICT scanStillRunning"]);

    // Every accepted resume queues its parts: run them all, as workers would.
    const statuses = await Promise.all(accepted.map((r) => runScanInline(scan.scanId, r.parts)));
    expect(statuses).toEqual(["partial"]); // the estate's deliberately malformed policy
    expect((await db().scan.findUniqueOrThrow({ where: { id: scan.scanId } })).attempt).toBe(2);
    // Only the pages not stored before were read again.
    expect(fx.standIn.stats().byOperation["iot:ListThings"]!.calls).toBeLessThanOrEqual(THINGS / 250 + 4);
    await expectExactScan(scan.scanId);
  }, 300_000);

  it("refuses a resume sent with a cancel while the part runs, until the cancelled run has stopped", async () => {
    const scan = await newScan();
    const first = runScanInline(scan.scanId, scan.parts);
    await waitForThingPages(scan.scanId, 8);
    const [cancelled, resumed] = await Promise.allSettled([cancelScan(scan.scoped), reopenScan(scan.scoped)]);
    expect(cancelled.status).toBe("fulfilled");
    expect(resumed.status).toBe("rejected");
    expect(["CONFLICT scanStillStopping", "CONFLICT scanStillRunning"]).toContain(refusal((resumed as PromiseRejectedResult).reason));

    // Resuming is refused for as long as the cancelled run holds the part; then it is accepted.
    let reopened: Awaited<ReturnType<typeof reopenScan>> | null = null;
    const deadline = Date.now() + 120_000;
    while (!reopened) {
      try {
        reopened = await reopenScan(scan.scoped);
      } catch (err) {
        expect(["CONFLICT scanStillStopping", "CONFLICT scanStillRunning"]).toContain(refusal(err));
        if (Date.now() > deadline) throw err;
        await sleep(50);
      }
    }
    const second = runScanInline(scan.scanId, reopened.parts);
    // The cancelled run's own ending found the scan resumed already, or cancelled it.
    expect(["cancelled", "running"]).toContain(await first);
    expect(await second).toBe("partial");
    expect(await thingPages(scan.scanId)).toBe(THINGS / 250);
    // The cancelled run stopped in the middle, and the resumed one took over from its cursor.
    expect(pageWriters(await recorder.writes(scan.scanId))[THINGS_TASK]).toHaveLength(2);
    await expectExactScan(scan.scanId);
  }, 300_000);

  it("lets one of two runs handed the same part at once run it, and the other leave it", async () => {
    const scan = await newScan();
    const outcomes = await Promise.all([runScanPart(scan.scanId, REGION), runScanPart(scan.scanId, REGION)]);
    expect(outcomes.sort()).toEqual(["finished", "held"]);
    expect(pageWriters(await recorder.writes(scan.scanId))[THINGS_TASK]).toHaveLength(1);
    expect(fx.standIn.stats().byOperation["iot:ListThings"]!.calls).toBe(THINGS / 250);
    // The rest of the scan (global, then phase 2), and the part again: nothing left to do there.
    expect(await runScanInline(scan.scanId, scan.parts)).toBe("partial");
    expect(fx.standIn.stats().byOperation["iot:ListThings"]!.calls).toBe(THINGS / 250);
    await expectExactScan(scan.scanId);
  }, 300_000);
});
