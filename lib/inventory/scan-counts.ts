import "server-only";
import { sqlQuery } from "@/lib/db";
import type { KindCounts } from "@/lib/inventory/plan-scan";

/** Resources of a scan per region and kind. */
export async function scanCounts(scanId: string): Promise<KindCounts> {
  const { rows } = await sqlQuery<{ region: string; kind: string; n: string | bigint }>(
    `SELECT region, kind, count(*) AS n FROM resources WHERE scan_id = $1 GROUP BY region, kind`,
    [scanId],
  );
  const counts: KindCounts = {};
  for (const r of rows) (counts[r.region] ??= {})[r.kind] = Number(r.n);
  return counts;
}
