import "server-only";
import type pg from "pg";
import type { GapTally } from "@/lib/aws/collector-types";
import { capString } from "@/lib/aws/to-raw";

/**
 * Adds a batch's gaps (secondary calls that failed after their retries) to its scan: one issue
 * per region, collector, operation and code, whose count grows page by page. Called in the
 * transaction that stores the batch, so a page stored once is counted once, and a page read again
 * after a crash (it was not stored) is counted when it is. The task's error count grows by the
 * same number.
 */
export async function recordGaps(
  client: pg.PoolClient | pg.Pool,
  where: { scanId: string; taskId: string; region: string; collectorId: string },
  tallies: readonly GapTally[],
): Promise<void> {
  const merged = new Map<string, { operation: string; code: string; message: string; arn: string | null; count: number }>();
  for (const t of tallies) {
    if (!(t.count > 0)) continue;
    const operation = capString(t.operation).slice(0, 200);
    const code = capString(t.code).slice(0, 100);
    const key = `${operation}\n${code}`;
    const seen = merged.get(key);
    if (seen) seen.count += t.count;
    else merged.set(key, { operation, code, message: capString(t.message).slice(0, 4000), arn: t.arn ? capString(t.arn) : null, count: Math.floor(t.count) });
  }
  const rows = [...merged.values()];
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO scan_issues (scan_id, region, collector_id, severity, code, message, operation, arn, count, gap)
     SELECT $1, $2, $3, 'warning', t.code, t.message, t.operation, t.arn, t.count, true
     FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::int[]) AS t(operation, code, message, arn, count)
     ON CONFLICT (scan_id, region, collector_id, operation, code) WHERE gap
     DO UPDATE SET count = scan_issues.count + EXCLUDED.count`,
    [
      where.scanId,
      where.region,
      where.collectorId,
      rows.map((r) => r.operation),
      rows.map((r) => r.code),
      rows.map((r) => r.message),
      rows.map((r) => r.arn),
      rows.map((r) => r.count),
    ],
  );
  await client.query(`UPDATE scan_tasks SET errors = errors + $2, updated_at = now() WHERE id = $1`, [
    where.taskId,
    rows.reduce((n, r) => n + r.count, 0),
  ]);
}
