import "server-only";
import { sqlQuery } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { jobKey } from "@/lib/jobs/job-payloads";
import { enqueueJob } from "@/lib/jobs/queue";
import type { ScopedPlan } from "@/lib/plans/scoped-plan";

/**
 * Queues a mapping of a finished scan of the plan (the newest by default) for the workers. Keyed by
 * the scan and the runs it already has, so a double click queues one run, and a run asked for
 * again later (after a catalogue edit or a change of the plan's choices) is a new one.
 */
export async function requestMapping(plan: ScopedPlan, scanId?: string | null): Promise<{ scanId: string; queued: boolean }> {
  const scan = (
    await sqlQuery<{ id: string; status: string }>(
      scanId
        ? `SELECT id, status FROM scans WHERE plan_id = $1 AND id = $2`
        : `SELECT id, status FROM scans WHERE plan_id = $1 AND status IN ('complete', 'partial') ORDER BY created_at DESC LIMIT 1`,
      scanId ? [plan.id, scanId] : [plan.id],
    )
  ).rows[0];
  if (!scan) throw new AppError(scanId ? "NOT_FOUND" : "CONFLICT", scanId ? "scanNotFound" : "mappingNoScan");
  if (!["complete", "partial"].includes(scan.status)) throw new AppError("CONFLICT", "mappingScanNotFinished", { status: scan.status });
  const running = await sqlQuery(`SELECT 1 FROM mapping_runs WHERE plan_id = $1 AND status = 'running' AND started_at > now() - interval '30 minutes'`, [plan.id]);
  if (running.rows.length > 0) throw new AppError("CONFLICT", "mappingRunning");
  const runs = Number((await sqlQuery<{ n: string | number }>(`SELECT count(*) AS n FROM mapping_runs WHERE plan_id = $1 AND scan_id = $2`, [plan.id, scan.id])).rows[0]?.n ?? 0);
  const id = await enqueueJob("mapping.map-scan", { scanId: scan.id }, { key: jobKey("map", scan.id, "request", runs) });
  return { scanId: scan.id, queued: id !== null };
}
