import "server-only";
import { sqlQuery } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { defineJob } from "@/lib/jobs/define-job";
import { runMapping } from "@/lib/mapping/runs/run-mapping";
import { loadScopedScan } from "@/lib/plans/scoped-plan";

/**
 * Maps a scan once it has finished (queued by the scan's last part, keyed by the scan so it is
 * queued once). A scan that is gone or not mappable is left alone; a run of the same plan still
 * under way makes the job fail and come back after its retry delay.
 */
export const mapScanJob = defineJob("mapping.map-scan", async (data) => {
  const owner = (
    await sqlQuery<{ organization_id: string }>(
      `SELECT p.organization_id FROM scans s JOIN migration_plans p ON p.id = s.plan_id WHERE s.id = $1`,
      [data.scanId],
    )
  ).rows[0];
  if (!owner) return;
  const scan = await loadScopedScan(owner.organization_id, data.scanId);
  try {
    await runMapping(scan, { actor: null });
  } catch (err) {
    if (isAppError(err) && err.reason !== "mappingRunning") return;
    throw err;
  }
});
