import "server-only";
import { enqueueJob } from "@/lib/jobs/queue";
import { scanPartJobKey } from "@/lib/jobs/job-payloads";
import { createScan, type ScanOptions } from "@/lib/inventory/start-scan";
import { reopenScan } from "@/lib/inventory/scan-controls";
import type { ScopedPlan, ScopedScan } from "@/lib/plans/scoped-plan";

async function queueParts(scanId: string, parts: string[], attempt: number) {
  for (const part of parts) {
    const payload = { scanId, part, attempt, slice: 0 };
    await enqueueJob("inventory.scan-part", payload, { key: scanPartJobKey(payload) });
  }
}

/** Starts a scan from the web: records it and queues its parts for the workers. */
export async function queueScan(plan: ScopedPlan, request: ScanOptions, requestedById: string) {
  const created = await createScan(plan, request, { requestedById, origin: "web" });
  await queueParts(created.scanId, created.parts, 1);
  return created;
}

/** Resumes a stopped scan: its unfinished parts are queued again, from their last stored page. */
export async function queueResume(scan: ScopedScan) {
  const reopened = await reopenScan(scan);
  await queueParts(scan.id, reopened.parts, reopened.attempt);
  return reopened;
}
