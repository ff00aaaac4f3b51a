import "server-only";
import { sqlQuery } from "@/lib/db";
import type { ScopedPlan } from "@/lib/plans/scoped-plan";

/** A stored mapping run of a plan, as the decision, coverage and export code reads it. */
export interface MappingRunRef {
  id: string;
  planId: string;
  scanId: string;
  catalogueVersion: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

interface RunRow {
  id: string;
  plan_id: string;
  scan_id: string;
  catalogue_version: string | null;
  started_at: Date;
  finished_at: Date | null;
}

/**
 * The plan's newest mapping run that succeeded (what the coverage page, the open decisions and the
 * export show), or null when the plan has none. `lock` takes the run's row lock for the rest of the
 * open transaction, so two decisions on one run recount its coverage one after the other.
 */
export async function readNewestMappingRun(plan: ScopedPlan, options: { lock?: boolean } = {}): Promise<MappingRunRef | null> {
  const { rows } = await sqlQuery<RunRow>(
    `SELECT id, plan_id, scan_id, catalogue_version, started_at, finished_at FROM mapping_runs
      WHERE plan_id = $1 AND status = 'succeeded' ORDER BY started_at DESC, id DESC LIMIT 1${options.lock ? " FOR UPDATE" : ""}`,
    [plan.id],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    planId: row.plan_id,
    scanId: row.scan_id,
    catalogueVersion: row.catalogue_version,
    startedAt: new Date(row.started_at),
    finishedAt: row.finished_at ? new Date(row.finished_at) : null,
  };
}
