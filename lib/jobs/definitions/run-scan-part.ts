import "server-only";
import { defineJob } from "@/lib/jobs/define-job";
import { enqueueJob } from "@/lib/jobs/queue";
import { jobKey, scanPartJobKey } from "@/lib/jobs/job-payloads";
import { runScanPart } from "@/lib/inventory/run-scan-part";
import { advanceScan } from "@/lib/inventory/advance-scan";
import { scanLeaseMs } from "@/lib/inventory/scan-part-lease";
import { PHASE2_PART } from "@/lib/inventory/start-scan";

/** How long one job works on a part before it hands over to a fresh job (checkpointed). */
const SLICE_MS = 10 * 60_000;

/**
 * One part of a scan (a region, "global", or "phase2") in a worker. Parts of one scan run on any
 * workers side by side; one part runs in one worker at a time (its lease). A long part works in
 * slices: when its slice is over it stops at a page boundary and queues its continuation, so a
 * worker that dies loses at most the pages in hand, and its part is taken over once its lease
 * expires. A job that finds its part held by another run (the same job delivered twice, a retry
 * while the first run lives on) does not run it: it looks again once that run's lease would have
 * expired, so the part is never left without a runner if the holder dies.
 */
export const runScanPartJob = defineJob("inventory.scan-part", async (data, ctx) => {
  const outcome = await runScanPart(data.scanId, data.part, { deadline: Date.now() + SLICE_MS, signal: ctx.signal });
  if (outcome === "held") {
    const next = { ...data, recheck: data.recheck + 1 };
    await enqueueJob("inventory.scan-part", next, { key: scanPartJobKey(next), startAfterSeconds: Math.ceil(scanLeaseMs() / 1000) + 1 });
    return;
  }
  if (outcome === "paused" || outcome === "lost") {
    const next = { ...data, slice: data.slice + 1, recheck: 0 };
    await enqueueJob("inventory.scan-part", next, { key: scanPartJobKey(next) });
    return;
  }
  const next = await advanceScan(data.scanId);
  if (next.kind === "phase2") {
    const payload = { scanId: data.scanId, part: PHASE2_PART, attempt: next.attempt, slice: 0 };
    await enqueueJob("inventory.scan-part", payload, { key: scanPartJobKey(payload) });
  }
  // A finished scan is mapped at once, so the service map follows the inventory.
  if (next.kind === "finished" && (next.status === "complete" || next.status === "partial")) {
    await enqueueJob("mapping.map-scan", { scanId: data.scanId }, { key: jobKey("map", data.scanId) });
  }
});
