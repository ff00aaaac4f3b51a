import "server-only";
import { sqlQuery } from "@/lib/db";
import type { ScopedPlan } from "@/lib/plans/scoped-plan";
import type { StatusCounts } from "@/lib/mapping/map-scan/map-scan-types";
import { readNewestMappingRun } from "@/lib/mapping/read-newest-mapping-run";
import { emptyStatusCounts } from "@/lib/mapping/recount-mapping-run";

export interface MappingCoverage {
  run: { id: string; scanId: string; catalogueVersion: string | null; startedAt: string; finishedAt: string | null } | null;
  /** A newer run is mapping now: the figures will change when it ends. */
  runningNewer: boolean;
  coverage: StatusCounts;
  total: number;
  /** Per kind, largest first. */
  byKind: Array<{ kind: string; counts: StatusCounts; total: number }>;
  /** The plan's overrides, and those whose resource changed since the decision (in the newest run). */
  overrides: number;
  staleOverrides: number;
}

/** How much of the estate the newest mapping run maps, per status and per kind, with the plan's overrides counted. */
export async function readMappingCoverage(plan: ScopedPlan): Promise<MappingCoverage> {
  const run = await readNewestMappingRun(plan);
  const { rows: overrideRows } = await sqlQuery<{ n: number }>(`SELECT count(*)::int AS n FROM mapping_overrides WHERE plan_id = $1`, [plan.id]);
  const overrides = Number(overrideRows[0]?.n ?? 0);
  const { rows: runningRows } = await sqlQuery<{ n: number }>(
    `SELECT count(*)::int AS n FROM mapping_runs WHERE plan_id = $1 AND status = 'running' AND started_at >= $2`,
    [plan.id, run?.startedAt ?? new Date(0)],
  );
  const runningNewer = Number(runningRows[0]?.n ?? 0) > 0;
  if (!run) return { run: null, runningNewer, coverage: emptyStatusCounts(), total: 0, byKind: [], overrides, staleOverrides: 0 };

  const { rows } = await sqlQuery<{ coverage: Partial<StatusCounts> | null; by_kind: Record<string, Partial<StatusCounts>> | null; stale: number }>(
    `SELECT coverage, by_kind, (SELECT count(*)::int FROM mapping_proposals WHERE run_id = $1 AND override_stale) AS stale FROM mapping_runs WHERE id = $1`,
    [run.id],
  );
  const row = rows[0];
  const normalise = (c: Partial<StatusCounts> | null | undefined): StatusCounts => {
    const out = emptyStatusCounts();
    for (const key of Object.keys(out) as Array<keyof StatusCounts>) out[key] = Number(c?.[key] ?? 0) || 0;
    return out;
  };
  const sum = (c: StatusCounts) => c.mapped + c.decision + c.none + c.blocked;
  const coverage = normalise(row?.coverage);
  const byKind = Object.entries(row?.by_kind ?? {})
    .map(([kind, counts]) => ({ kind, counts: normalise(counts), total: sum(normalise(counts)) }))
    .sort((a, b) => b.total - a.total || a.kind.localeCompare(b.kind));
  return {
    run: { id: run.id, scanId: run.scanId, catalogueVersion: run.catalogueVersion, startedAt: run.startedAt.toISOString(), finishedAt: run.finishedAt?.toISOString() ?? null },
    runningNewer,
    coverage,
    total: sum(coverage),
    byKind,
    overrides,
    staleOverrides: Number(row?.stale ?? 0),
  };
}
