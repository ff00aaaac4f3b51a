import "server-only";
import { sqlQuery } from "@/lib/db";
import type { ScopedPlan } from "@/lib/plans/scoped-plan";

export interface MappingStatus {
  /** The newest finished scan of the plan (what a mapping would read). */
  newestScan: { id: string; status: string; finishedAt: string | null } | null;
  /** The newest run of any status. */
  latestRun: { id: string; scanId: string; status: "running" | "succeeded" | "failed"; startedAt: string; finishedAt: string | null; failure: string | null } | null;
  /** The newest succeeded run (what the pages show). */
  shownRun: { id: string; scanId: string; finishedAt: string | null; catalogueVersion: string | null } | null;
  /** The newest finished scan has no succeeded run yet (the map shows an older scan, or none). */
  scanUnmapped: boolean;
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/** Where the plan's mapping stands: the scan it would map, the run under way or failed, the run shown. */
export async function readMappingStatus(plan: ScopedPlan): Promise<MappingStatus> {
  const scan = (
    await sqlQuery<{ id: string; status: string; finished_at: Date | null }>(
      `SELECT id, status, finished_at FROM scans WHERE plan_id = $1 AND status IN ('complete', 'partial') ORDER BY created_at DESC LIMIT 1`,
      [plan.id],
    )
  ).rows[0];
  const runs = (
    await sqlQuery<{ id: string; scan_id: string; status: string; started_at: Date; finished_at: Date | null; failure: string | null; catalogue_version: string | null }>(
      `(SELECT id, scan_id, status, started_at, finished_at, failure, catalogue_version FROM mapping_runs WHERE plan_id = $1 ORDER BY started_at DESC LIMIT 1)
       UNION ALL
       (SELECT id, scan_id, status, started_at, finished_at, failure, catalogue_version FROM mapping_runs WHERE plan_id = $1 AND status = 'succeeded' ORDER BY started_at DESC LIMIT 1)`,
      [plan.id],
    )
  ).rows;
  const latest = runs[0];
  const shown = runs.find((r, i) => i > 0 || r.status === "succeeded");
  const mappedScans = scan
    ? Number((await sqlQuery<{ n: string | number }>(`SELECT count(*) AS n FROM mapping_runs WHERE plan_id = $1 AND scan_id = $2 AND status = 'succeeded'`, [plan.id, scan.id])).rows[0]?.n ?? 0)
    : 0;
  return {
    newestScan: scan ? { id: scan.id, status: scan.status, finishedAt: iso(scan.finished_at) } : null,
    latestRun: latest
      ? { id: latest.id, scanId: latest.scan_id, status: latest.status as "running" | "succeeded" | "failed", startedAt: iso(latest.started_at)!, finishedAt: iso(latest.finished_at), failure: latest.failure }
      : null,
    shownRun: shown && shown.status === "succeeded" ? { id: shown.id, scanId: shown.scan_id, finishedAt: iso(shown.finished_at), catalogueVersion: shown.catalogue_version } : null,
    scanUnmapped: scan !== undefined && mappedScans === 0,
  };
}
