import "server-only";
import { db, pool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ScopedScan } from "@/lib/plans/scoped-plan";
import { collectorPlans } from "@/lib/aws/collector-plans";
import type { ScanEstimate } from "@/lib/inventory/plan-scan";
import { GLOBAL_PART } from "@/lib/inventory/plan-scan";
import { groupIssues, type ScanIssueView } from "@/lib/inventory/group-scan-issues";

export interface TaskProgress {
  collectorId: string;
  kind: string;
  status: string;
  found: number;
  pages: number;
  calls: number;
  throttles: number;
  errors: number;
}

export interface RegionProgress {
  region: string;
  status: "pending" | "running" | "done" | "failed" | "cancelled";
  found: number;
  calls: number;
  throttles: number;
  errors: number;
  /** Least time left by the scan plan, from the calls still to make (null when unknown). */
  secondsLeft: number | null;
  tasks: TaskProgress[];
}

export interface ScanProgress {
  id: string;
  planId: string;
  status: string;
  mode: string;
  includeShadows: boolean;
  regions: string[];
  accountId: string | null;
  cancelRequested: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  resourceCount: number;
  estimate: ScanEstimate | null;
  byRegion: RegionProgress[];
  issues: ScanIssueView[];
  apiStats: Array<{ region: string; service: string; operation: string; calls: number; throttles: number }>;
  totals: { found: number; calls: number; throttles: number; errors: number; secondsLeft: number | null };
}

const ORDER = ["running", "pending", "failed", "cancelled", "done"] as const;

/** Live progress of a scan: per region and collector, with calls, throttles, errors and time left. */
export async function getScanProgress(scoped: ScopedScan): Promise<ScanProgress> {
  const scanId = scoped.id;
  const scan = await db().scan.findFirst({ where: { id: scanId, planId: scoped.plan.id } });
  if (!scan) throw new AppError("NOT_FOUND", "scanNotFound");
  const [tasks, issues, stats] = await Promise.all([
    db().scanTask.findMany({ where: { scanId }, orderBy: [{ region: "asc" }, { collectorId: "asc" }] }),
    db().scanIssue.findMany({ where: { scanId }, orderBy: { id: "asc" }, take: 500 }),
    pool().query<{ region: string; service: string; operation: string; calls: number; throttles: number }>(
      `SELECT region, service, operation, calls, throttles FROM scan_api_stats WHERE scan_id = $1 ORDER BY calls DESC`,
      [scanId],
    ),
  ]);
  const estimate = (scan.estimate as ScanEstimate | null) ?? null;
  const made = new Map(stats.rows.map((s) => [`${s.region}\n${s.service}\n${s.operation}`, s.calls]));
  const secondsLeftFor = (region: string): number | null => {
    if (!estimate || estimate.basedOn !== "previous-scan") return null;
    let left = 0;
    for (const c of estimate.calls.filter((c) => c.region === region)) {
      const done = made.get(`${c.region}\n${c.service}\n${c.operation}`) ?? 0;
      left = Math.max(left, Math.max(0, c.calls - done) / c.tps);
    }
    return left;
  };
  const regions = [...new Set(tasks.map((t) => t.region))].sort((a, b) => (a === GLOBAL_PART ? 1 : b === GLOBAL_PART ? -1 : a.localeCompare(b)));
  const byRegion: RegionProgress[] = regions.map((region) => {
    const own = tasks.filter((t) => t.region === region);
    const statusOf = (): RegionProgress["status"] => {
      for (const s of ORDER) if (own.some((t) => t.status === s)) return s === "done" ? "done" : s;
      return "pending";
    };
    const finished = own.every((t) => !["pending", "running"].includes(t.status));
    return {
      region,
      status: statusOf(),
      found: own.reduce((n, t) => n + t.itemsFound, 0),
      calls: own.reduce((n, t) => n + t.callsMade, 0),
      throttles: own.reduce((n, t) => n + t.throttles, 0),
      errors: own.reduce((n, t) => n + t.errors, 0),
      secondsLeft: finished ? 0 : secondsLeftFor(region),
      tasks: own.map((t) => ({
        collectorId: t.collectorId,
        kind: (collectorPlans as Record<string, { kinds: string[] }>)[t.collectorId]?.kinds[0] ?? t.collectorId,
        status: t.status,
        found: t.itemsFound,
        pages: t.pagesDone,
        calls: t.callsMade,
        throttles: t.throttles,
        errors: t.errors,
      })),
    };
  });
  const lefts = byRegion.map((r) => r.secondsLeft);
  return {
    id: scan.id,
    planId: scan.planId,
    status: scan.status,
    mode: scan.mode,
    includeShadows: scan.includeShadows,
    regions: scan.regions,
    accountId: scan.accountId,
    cancelRequested: scan.cancelRequested,
    createdAt: scan.createdAt.toISOString(),
    startedAt: scan.startedAt?.toISOString() ?? null,
    finishedAt: scan.finishedAt?.toISOString() ?? null,
    errorCode: scan.errorCode,
    errorMessage: scan.errorMessage,
    resourceCount: scan.status === "running" || scan.status === "queued" ? byRegion.reduce((n, r) => n + r.found, 0) : scan.resourceCount,
    estimate,
    byRegion,
    issues: groupIssues(issues),
    apiStats: stats.rows,
    totals: {
      found: byRegion.reduce((n, r) => n + r.found, 0),
      calls: byRegion.reduce((n, r) => n + r.calls, 0),
      throttles: byRegion.reduce((n, r) => n + r.throttles, 0),
      errors: byRegion.reduce((n, r) => n + r.errors, 0),
      secondsLeft: lefts.some((l) => l === null) ? null : Math.max(0, ...(lefts as number[])),
    },
  };
}
