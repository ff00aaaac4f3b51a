import "server-only";
import { enqueueJob } from "@/lib/jobs/queue";
import { createScan, type ScanRequest } from "@/lib/inventory/start-scan";
import { reopenScan } from "@/lib/inventory/scan-controls";

/** Starts a scan from the web: records it and queues its parts for the workers. */
export async function queueScan(organizationId: string, request: ScanRequest, requestedById: string) {
  const created = await createScan(organizationId, request, { requestedById, origin: "web" });
  for (const part of created.parts) {
    await enqueueJob("inventory.scan-part", { scanId: created.scanId, part, attempt: 1, slice: 0 }, { key: `${created.scanId}:${part}:1:0` });
  }
  return created;
}

/** Resumes a stopped scan: its unfinished parts are queued again, from their last stored page. */
export async function queueResume(organizationId: string, scanId: string) {
  const reopened = await reopenScan(organizationId, scanId);
  for (const part of reopened.parts) {
    await enqueueJob("inventory.scan-part", { scanId, part, attempt: reopened.attempt, slice: 0 }, { key: `${scanId}:${part}:${reopened.attempt}:0` });
  }
  return reopened;
}
