import "server-only";
import { pool } from "@/lib/db";
import { resolveScan, type ScanRef } from "@/lib/inventory/resolve-scan";
import type { ScopedPlan } from "@/lib/plans/scoped-plan";

export interface InventorySummary {
  scan: ScanRef | null;
  total: number;
  /** Resources per kind and region. */
  cells: Array<{ kind: string; region: string; count: number }>;
  kinds: Array<{ kind: string; count: number }>;
  regions: Array<{ region: string; count: number }>;
  danglingReferences: number;
}

/** Counts by kind and region for the inventory's chart and filters. */
export async function inventorySummary(plan: ScopedPlan, scanId?: string | null): Promise<InventorySummary> {
  const scan = await resolveScan(plan, scanId);
  if (!scan) return { scan: null, total: 0, cells: [], kinds: [], regions: [], danglingReferences: 0 };
  const [cells, dangling] = await Promise.all([
    scan.kindCounts
      ? { rows: scan.kindCounts.map((c) => ({ kind: c.kind, region: c.region, count: String(c.count) })) }
      : pool().query<{ kind: string; region: string; count: string }>(
          `SELECT kind, region, count(*) AS count FROM resources WHERE scan_id = $1 GROUP BY kind, region ORDER BY kind, region`,
          [scan.id],
        ),
    pool().query<{ n: string }>(
      `SELECT count(*) AS n FROM resource_relations e WHERE e.scan_id = $1
         AND NOT EXISTS (SELECT 1 FROM resources t WHERE t.scan_id = e.scan_id AND t.arn = e.to_arn)`,
      [scan.id],
    ),
  ]);
  const rows = cells.rows.map((r) => ({ kind: r.kind, region: r.region, count: Number(r.count) }));
  const sum = (key: "kind" | "region") => {
    const m = new Map<string, number>();
    for (const r of rows) m.set(r[key], (m.get(r[key]) ?? 0) + r.count);
    return [...m.entries()].sort((a, b) => b[1] - a[1]);
  };
  return {
    scan,
    total: rows.reduce((n, r) => n + r.count, 0),
    cells: rows,
    kinds: sum("kind").map(([kind, count]) => ({ kind, count })),
    regions: sum("region").map(([region, count]) => ({ region, count })),
    danglingReferences: Number(dangling.rows[0]!.n),
  };
}
