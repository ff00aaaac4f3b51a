import "server-only";
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { runScanPart } from "@/lib/inventory/run-scan-part";
import { advanceScan } from "@/lib/inventory/advance-scan";
import { PHASE2_PART } from "@/lib/inventory/start-scan";

/** How long one job works on a part before it hands over to a fresh job (checkpointed). */
const SLICE_MS = 10 * 60_000;

/**
 * One part of a scan (a region, "global", or "phase2") in a worker. Parts of one scan run on any
 * workers side by side. A long part works in slices: when its slice is over it stops at a page
 * boundary and queues its continuation, so a worker that dies loses at most one page and the
 * queue hands the rest to another worker within minutes.
 */
export const runScanPartJob = defineJob({
  name: "inventory.scan-part",
  data: z.object({ scanId: z.string().min(1), part: z.string().min(1).max(64), attempt: z.number().int().min(1), slice: z.number().int().min(0).default(0) }),
  retryLimit: 5,
  retryDelaySeconds: 10,
  expireInMinutes: 20,
  async run(data, ctx) {
    const { enqueueJob } = await import("@/lib/jobs/queue");
    const outcome = await runScanPart(data.scanId, data.part, { deadline: Date.now() + SLICE_MS, signal: ctx.signal });
    if (outcome === "paused") {
      await enqueueJob("inventory.scan-part", { ...data, slice: data.slice + 1 }, { key: `${data.scanId}:${data.part}:${data.attempt}:${data.slice + 1}` });
      return;
    }
    const next = await advanceScan(data.scanId);
    if (next.kind === "phase2") {
      await enqueueJob("inventory.scan-part", { scanId: data.scanId, part: PHASE2_PART, attempt: next.attempt, slice: 0 }, { key: `${data.scanId}:${PHASE2_PART}:${next.attempt}:0` });
    }
  },
});
