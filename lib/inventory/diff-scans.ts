import "server-only";
import { z } from "zod";
import { db, pool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ScopedScan } from "@/lib/plans/scoped-plan";

/**
 * What changed between two scans of a plan, matched by ARN: resources added, removed, and
 * changed (same ARN, different content: kind, name, tags or raw data).
 */

export const diffQuerySchema = z.object({
  base: z.string().max(64).optional(),
  change: z.enum(["added", "removed", "changed"]).optional(),
  kind: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type DiffQuery = z.infer<typeof diffQuerySchema>;

export interface ScanDiff {
  base: { id: string; createdAt: string } | null;
  head: { id: string; createdAt: string };
  totals: { added: number; removed: number; changed: number; unchanged: number };
  byKind: Array<{ kind: string; added: number; removed: number; changed: number }>;
  rows: Array<{ change: "added" | "removed" | "changed"; arn: string; kind: string; region: string; name: string; resourceId: string | null }>;
  total: number;
  page: number;
  pageSize: number;
}

const DIFF_CTE = `
  WITH a AS (SELECT arn, kind, region, name, content_hash, id FROM resources WHERE scan_id = $1),
       b AS (SELECT arn, kind, region, name, content_hash, id FROM resources WHERE scan_id = $2),
       d AS (
         SELECT CASE WHEN a.arn IS NULL THEN 'added' WHEN b.arn IS NULL THEN 'removed'
                     WHEN a.content_hash <> b.content_hash THEN 'changed' ELSE 'unchanged' END AS change,
                COALESCE(b.arn, a.arn) AS arn, COALESCE(b.kind, a.kind) AS kind, COALESCE(b.region, a.region) AS region,
                COALESCE(b.name, a.name) AS name, COALESCE(b.id, a.id)::text AS resource_id
         FROM a FULL OUTER JOIN b ON a.arn = b.arn)`;

export async function diffScans(scan: ScopedScan, query: DiffQuery): Promise<ScanDiff> {
  const head = await db().scan.findFirst({ where: { id: scan.id, planId: scan.plan.id } });
  if (!head) throw new AppError("NOT_FOUND", "scanNotFound");
  const baseId = query.base ?? head.previousScanId;
  const base = baseId ? await db().scan.findFirst({ where: { id: baseId, planId: head.planId } }) : null;
  if (query.base && !base) throw new AppError("NOT_FOUND", "scanCompareNotFound");
  const baseParam = base?.id ?? "";
  const filters: string[] = ["change <> 'unchanged'"];
  const params: unknown[] = [baseParam, head.id];
  if (query.change) {
    params.push(query.change);
    filters.push(`change = $${params.length}`);
  }
  if (query.kind) {
    params.push(query.kind);
    filters.push(`kind = $${params.length}`);
  }
  const offset = (query.page - 1) * query.pageSize;
  const [byKind, rows, count] = await Promise.all([
    pool().query<{ kind: string; change: string; n: string }>(`${DIFF_CTE} SELECT kind, change, count(*) AS n FROM d GROUP BY kind, change`, [baseParam, head.id]),
    pool().query<{ change: "added" | "removed" | "changed"; arn: string; kind: string; region: string; name: string; resource_id: string | null }>(
      `${DIFF_CTE} SELECT change, arn, kind, region, name, resource_id FROM d WHERE ${filters.join(" AND ")} ORDER BY kind, arn LIMIT ${query.pageSize} OFFSET ${offset}`,
      params,
    ),
    pool().query<{ n: string }>(`${DIFF_CTE} SELECT count(*) AS n FROM d WHERE ${filters.join(" AND ")}`, params),
  ]);
  const totals = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  const kinds = new Map<string, { kind: string; added: number; removed: number; changed: number }>();
  for (const r of byKind.rows) {
    const n = Number(r.n);
    totals[r.change as keyof typeof totals] += n;
    if (r.change === "unchanged") continue;
    const k = kinds.get(r.kind) ?? { kind: r.kind, added: 0, removed: 0, changed: 0 };
    k[r.change as "added" | "removed" | "changed"] += n;
    kinds.set(r.kind, k);
  }
  return {
    base: base ? { id: base.id, createdAt: base.createdAt.toISOString() } : null,
    head: { id: head.id, createdAt: head.createdAt.toISOString() },
    totals,
    byKind: [...kinds.values()].sort((a, b) => a.kind.localeCompare(b.kind)),
    rows: rows.rows.map((r) => ({ change: r.change, arn: r.arn, kind: r.kind, region: r.region, name: r.name, resourceId: r.change === "removed" ? null : r.resource_id })),
    total: Number(count.rows[0]!.n),
    page: query.page,
    pageSize: query.pageSize,
  };
}
