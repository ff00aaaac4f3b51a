import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, pool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createScan } from "@/lib/inventory/start-scan";
import { runScanInline } from "@/lib/inventory/run-scan-inline";
import { runScanPart } from "@/lib/inventory/run-scan-part";
import { reopenScan } from "@/lib/inventory/scan-controls";
import { scanCounts } from "@/lib/inventory/scan-counts";
import { READ_AHEAD_PAGES } from "@/lib/aws/walk-pages";
import { expectedCounts } from "@/doubles/aws/estate";
import { countDifferences, createInventoryFixture, type InventoryFixture } from "@/lib/testing/inventory-fixture";
import { callDifferences, callsSince, duplicateArns, recordedCalls, servedCalls, taskCountProblems } from "@/lib/testing/scan-accounting";
import { pageWriters, recordTaskWrites, taskWriteProblems, type TaskWriteRecorder } from "@/lib/testing/record-task-writes";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import { loadScopedPlan, loadScopedScan } from "@/lib/plans/scoped-plan";

/**
 * A worker killed (SIGKILL) in the middle of a part, holding its lease: nobody else runs the part
 * while the lease lives, and once it has expired a resume, or another worker, takes the part over
 * from the dead worker's last stored page. The scan ends with exactly what the stand-in served,
 * and the calls recorded are exactly the calls the stand-in received, less only those the dead
 * worker made for pages it never stored.
 */

const test = useTestDatabase();
const REGION = "eu-central-1";
const THINGS = 6000; // 24 pages of ListThings at the real quota of 10 per second
const PAGES = THINGS / 250;
/** The killed worker's lease: short, so the test waits for it to expire. */
const DEAD_LEASE_SECONDS = 15;

let fx: InventoryFixture;
let recorder: TaskWriteRecorder;
beforeAll(async () => {
  // Real quotas, so the scan takes a few seconds and can be killed in the middle.
  fx = await createInventoryFixture({ regions: [REGION], things: THINGS, quotas: "default", hostile: false });
  recorder = await recordTaskWrites();
});
afterAll(async () => {
  await recorder?.stop();
  await fx?.stop();
});

async function pagesDone(scanId: string, collectorId: string): Promise<number> {
  const task = await db().scanTask.findFirst({ where: { scanId, collectorId } });
  return task?.pagesDone ?? 0;
}

async function liveLeases(scanId: string): Promise<number> {
  const { rows } = await pool().query<{ n: string }>(`SELECT count(*) AS n FROM scan_tasks WHERE scan_id = $1 AND lease_owner IS NOT NULL AND lease_expires_at > now()`, [scanId]);
  return Number(rows[0]!.n);
}

/** Starts a scan's parts in a worker process and kills it (SIGKILL) once 8 pages of things are stored. */
async function killWorkerMidScan(scanId: string, parts: string[]): Promise<number> {
  const worker = spawn(process.execPath, ["bin/run.mjs", "lib/testing/fixtures/scan-part-runner.ts", test.url(), scanId, ...parts], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, SILKROUTE_SCAN_LEASE_SECONDS: String(DEAD_LEASE_SECONDS), LOG_LEVEL: "warn" },
  });
  let output = "";
  worker.stdout.on("data", (d: Buffer) => (output += d.toString()));
  worker.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise((r) => worker.once("exit", r));
  let killedAfter = 0;
  try {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && worker.exitCode === null) {
      killedAfter = await pagesDone(scanId, "iot.things");
      if (killedAfter >= 8) break;
      await sleep(100);
    }
  } finally {
    worker.kill("SIGKILL");
    await exited;
  }
  expect(killedAfter, output).toBeGreaterThanOrEqual(8);
  return pagesDone(scanId, "iot.things");
}

async function newScan() {
  const created = await createScan(await loadScopedPlan(fx.organizationId, fx.planId), { mode: "summary", includeShadows: false }, { requestedById: null, origin: "cli" });
  await recorder.watch(created.scanId);
  fx.standIn.resetStats();
  return created;
}

/** What the dead worker left: what the stand-in served and what the scan recorded, at its death. */
async function atDeath(scanId: string) {
  return { served: servedCalls(fx.standIn.stats()), recorded: await recordedCalls(scanId), pages: await pagesDone(scanId, "iot.things") };
}

async function expectExactTakeover(scanId: string, death: Awaited<ReturnType<typeof atDeath>>): Promise<void> {
  const served = servedCalls(fx.standIn.stats());
  const recorded = await recordedCalls(scanId);
  // What ran after the death was counted exactly.
  expect(callDifferences(callsSince(recorded, death.recorded), callsSince(served, death.served))).toEqual([]);
  // The dead worker's calls were counted, except those for pages it never stored (read ahead,
  // or in hand): those pages were read again, and counted, by the run that took over.
  for (const [op, n] of Object.entries(death.recorded)) expect(n, op).toBeLessThanOrEqual(death.served[op] ?? 0);
  const lostListThings = (death.served["iot:ListThings"] ?? 0) - (death.recorded["iot:ListThings"] ?? 0);
  expect(lostListThings).toBeLessThanOrEqual(READ_AHEAD_PAGES + 1);
  // Only the pages not yet stored were read again, once each.
  expect(served["iot:ListThings"]! - death.served["iot:ListThings"]!).toBe(PAGES - death.pages);

  const expected = expectedCounts(fx.estate);
  expect(countDifferences(await scanCounts(scanId), expected)).toEqual([]);
  expect(await duplicateArns(scanId)).toEqual([]);
  expect(await taskCountProblems(scanId)).toEqual([]);
  const writes = await recorder.writes(scanId);
  expect(taskWriteProblems(writes)).toEqual([]);
  // The dead worker, then the one that took over.
  expect(pageWriters(writes)[`${REGION} iot.things`]).toHaveLength(2);
}

describe("a worker killed in the middle of a part", () => {
  it("holds the part until its lease expires; then a resume takes it over from its checkpoints, with exact counts", async () => {
    const created = await newScan();
    await killWorkerMidScan(created.scanId, created.parts);
    const death = await atDeath(created.scanId);
    expect(death.pages).toBeLessThan(PAGES);

    // The dead worker's lease still lives: no resume, and no other run of the part, until it expires.
    const scoped = await loadScopedScan(fx.organizationId, created.scanId);
    const refused = await reopenScan(scoped).then(
      () => "accepted",
      (err: unknown) => (err instanceof AppError ? `${err.code} ${err.reason}` : String(err)),
    );
    expect(refused).toBe("CONFLICT scanStillRunning");
    expect(await runScanPart(created.scanId, REGION)).toBe("held");
    expect(callsSince(servedCalls(fx.standIn.stats()), death.served)).toEqual({});

    const deadline = Date.now() + 120_000;
    while ((await liveLeases(created.scanId)) > 0) {
      if (Date.now() > deadline) throw new Error("the dead worker's lease did not expire");
      await sleep(200);
    }
    const reopened = await reopenScan(scoped);
    expect(reopened.attempt).toBe(2);
    expect(await runScanInline(created.scanId, reopened.parts)).toBe("partial"); // the estate's malformed policy
    await expectExactTakeover(created.scanId, death);
  }, 240_000);

  it("is taken over by another worker once the lease expires, without a resume", async () => {
    const created = await newScan();
    await killWorkerMidScan(created.scanId, created.parts);
    const death = await atDeath(created.scanId);
    expect(death.pages).toBeLessThan(PAGES);
    expect(await liveLeases(created.scanId)).toBeGreaterThan(0);

    // A worker handed the part (a retried job) waits for the lease to expire, then runs it.
    expect(await runScanInline(created.scanId, created.parts)).toBe("partial");
    expect((await db().scan.findUniqueOrThrow({ where: { id: created.scanId } })).attempt).toBe(1);
    await expectExactTakeover(created.scanId, death);
  }, 240_000);
});
