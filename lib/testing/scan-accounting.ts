import { pool } from "@/lib/db";
import { collectorRegistry } from "@/lib/aws/collector-registry";
import type { Stats } from "@/doubles/aws/server";

/**
 * What a scan says it did, set against what the stand-in AWS saw: calls per operation, and each
 * task's items against the rows stored.
 */

/** Calls the scan recorded (scan_api_stats), per "service:Operation", summed over regions. */
export async function recordedCalls(scanId: string): Promise<Record<string, number>> {
  const { rows } = await pool().query<{ key: string; calls: string }>(
    `SELECT service || ':' || operation AS key, sum(calls) AS calls FROM scan_api_stats WHERE scan_id = $1 GROUP BY 1`,
    [scanId],
  );
  return Object.fromEntries(rows.filter((r) => Number(r.calls) > 0).map((r) => [r.key, Number(r.calls)]));
}

/** Calls the stand-in received, per "service:Operation". */
export function servedCalls(stats: Stats): Record<string, number> {
  return Object.fromEntries(
    Object.entries(stats.byOperation)
      .filter(([, s]) => s.calls > 0)
      .map(([key, s]) => [key, s.calls]),
  );
}

/** served - before, per key. */
export function callsSince(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, n] of Object.entries(after)) if (n - (before[key] ?? 0) !== 0) out[key] = n - (before[key] ?? 0);
  return out;
}

/** Every operation whose count differs, both ways, as "op: recorded N, served M". */
export function callDifferences(recorded: Record<string, number>, served: Record<string, number>): string[] {
  const out: string[] = [];
  for (const key of new Set([...Object.keys(recorded), ...Object.keys(served)])) {
    if ((recorded[key] ?? 0) !== (served[key] ?? 0)) out.push(`${key}: recorded ${recorded[key] ?? 0}, served ${served[key] ?? 0}`);
  }
  return out.sort();
}

/**
 * Every task whose items_found differs from the rows the scan stored of its kinds (in its region,
 * or in any region for a global collector), and calls_made against scan_api_stats: the calls of
 * the tasks are the scan's calls less those the parts make before their tasks (who the account is).
 */
export async function taskCountProblems(scanId: string): Promise<string[]> {
  const tasks = (
    await pool().query<{ region: string; collector_id: string; items_found: number; calls_made: number }>(
      `SELECT region, collector_id, items_found, calls_made FROM scan_tasks WHERE scan_id = $1`,
      [scanId],
    )
  ).rows;
  const stored = (await pool().query<{ region: string; kind: string; n: string }>(`SELECT region, kind, count(*) AS n FROM resources WHERE scan_id = $1 GROUP BY 1, 2`, [scanId])).rows;
  const problems: string[] = [];
  for (const t of tasks) {
    const collector = collectorRegistry[t.collector_id as keyof typeof collectorRegistry];
    if (!collector) continue;
    const rows = stored
      .filter((s) => (collector.kinds as readonly string[]).includes(s.kind) && (collector.scope === "global" || s.region === t.region))
      .reduce((n, s) => n + Number(s.n), 0);
    if (rows !== t.items_found) problems.push(`${t.region} ${t.collector_id}: items_found ${t.items_found}, rows stored ${rows}`);
  }
  const calls = (
    await pool().query<{ total: string | null; identify: string | null }>(
      `SELECT sum(calls) AS total, sum(calls) FILTER (WHERE service = 'sts' AND operation = 'GetCallerIdentity') AS identify FROM scan_api_stats WHERE scan_id = $1`,
      [scanId],
    )
  ).rows[0]!;
  const taskCalls = tasks.reduce((n, t) => n + t.calls_made, 0);
  if (taskCalls !== Number(calls.total ?? 0) - Number(calls.identify ?? 0)) {
    problems.push(`calls_made of the tasks ${taskCalls}, calls recorded per API ${calls.total} of which ${calls.identify ?? 0} identify the account`);
  }
  return problems;
}

/** The scan's resources stored more than once (there must be none). */
export async function duplicateArns(scanId: string): Promise<string[]> {
  const { rows } = await pool().query<{ arn: string }>(`SELECT arn FROM resources WHERE scan_id = $1 GROUP BY arn HAVING count(*) > 1`, [scanId]);
  return rows.map((r) => r.arn);
}
