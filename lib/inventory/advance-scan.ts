import "server-only";
import { pool } from "@/lib/db";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

/**
 * After a part of a scan stops: decides what comes next. When every phase 1 task is over, the
 * phase 2 collectors are due; when every task is over, the scan is finished and gets its status.
 * The scan row is locked while deciding, so parts finishing at the same moment agree; while any
 * task is held by a live lease, its run decides when it stops.
 */
export type NextStep = { kind: "wait" } | { kind: "phase2"; attempt: number } | { kind: "finished"; status: string };

export async function advanceScan(scanId: string): Promise<NextStep> {
  const client = await pool().connect();
  let finished: { status: string; planId: string; resourceCount: number } | null = null;
  try {
    await client.query("BEGIN");
    const scan = (
      await client.query<{ status: string; attempt: number; cancel_requested: boolean; plan_id: string }>(
        `SELECT status, attempt, cancel_requested, plan_id FROM scans WHERE id = $1 FOR NO KEY UPDATE`,
        [scanId],
      )
    ).rows[0];
    if (!scan || ["complete", "partial", "failed", "cancelled"].includes(scan.status)) {
      await client.query("COMMIT");
      return { kind: "finished", status: scan?.status ?? "failed" };
    }
    const { rows } = await client.query<{ phase: number; status: string; n: string; live: string }>(
      `SELECT phase, status, count(*) AS n, count(*) FILTER (WHERE lease_owner IS NOT NULL AND lease_expires_at > now()) AS live
       FROM scan_tasks WHERE scan_id = $1 GROUP BY phase, status`,
      [scanId],
    );
    const count = (phase: number, statuses: string[]) => rows.filter((r) => r.phase === phase && statuses.includes(r.status)).reduce((n, r) => n + Number(r.n), 0);
    const phase1Open = count(1, ["pending", "running"]);
    const phase2Open = count(2, ["pending", "running"]);
    // A task a run still holds is that run's to finish: it advances the scan when it stops.
    const held = rows.reduce((n, r) => n + Number(r.live), 0);
    if (phase1Open > 0 || held > 0) {
      await client.query("COMMIT");
      return { kind: "wait" };
    }
    if (phase2Open > 0 && !scan.cancel_requested) {
      if (count(1, ["done"]) > 0) {
        await client.query("COMMIT");
        return { kind: "phase2", attempt: scan.attempt };
      }
      // Nothing of phase 1 was read (credentials refused everywhere): phase 2 has nothing to follow.
      await client.query(
        `UPDATE scan_tasks SET status = 'cancelled', finished_at = now(), lease_owner = NULL, lease_expires_at = NULL
         WHERE id IN (SELECT id FROM scan_tasks WHERE scan_id = $1 AND phase = 2 AND status IN ('pending', 'running') ORDER BY id FOR UPDATE)`,
        [scanId],
      );
    }
    if (scan.cancel_requested) {
      await client.query(
        `UPDATE scan_tasks SET status = 'cancelled', finished_at = now(), lease_owner = NULL, lease_expires_at = NULL
         WHERE id IN (SELECT id FROM scan_tasks WHERE scan_id = $1 AND status IN ('pending', 'running') ORDER BY id FOR UPDATE)`,
        [scanId],
      );
    }
    const stats = (
      await client.query<{ resources: string; issues: string; failed: string; first_code: string | null; first_message: string | null }>(
        `SELECT (SELECT count(*) FROM resources WHERE scan_id = $1) AS resources,
                (SELECT count(*) FROM scan_issues WHERE scan_id = $1) AS issues,
                (SELECT count(*) FROM scan_tasks WHERE scan_id = $1 AND status = 'failed') AS failed,
                (SELECT code FROM scan_issues WHERE scan_id = $1 AND severity = 'error' ORDER BY id LIMIT 1) AS first_code,
                (SELECT message FROM scan_issues WHERE scan_id = $1 AND severity = 'error' ORDER BY id LIMIT 1) AS first_message`,
        [scanId],
      )
    ).rows[0]!;
    const resources = Number(stats.resources);
    const troubled = Number(stats.issues) > 0 || Number(stats.failed) > 0;
    const status = scan.cancel_requested ? "cancelled" : resources === 0 && troubled ? "failed" : troubled ? "partial" : "complete";
    await client.query(
      `UPDATE scans SET status = $2, finished_at = now(), updated_at = now(), resource_count = $3, error_code = $4, error_message = $5,
         kind_counts = (SELECT COALESCE(jsonb_agg(jsonb_build_object('region', region, 'kind', kind, 'count', n)), '[]'::jsonb)
                        FROM (SELECT region, kind, count(*) AS n FROM resources WHERE scan_id = $1 GROUP BY region, kind) c)
       WHERE id = $1`,
      [scanId, status, resources, status === "failed" ? stats.first_code : null, status === "failed" ? stats.first_message : null],
    );
    await client.query("COMMIT");
    finished = { status, planId: scan.plan_id, resourceCount: resources };
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
  // A scan adds many rows at once: fresh statistics keep the inventory's query plans right, and a
  // vacuum lets its pages be read from the indexes alone. Housekeeping: the scan is done already.
  void pool()
    .query("VACUUM (ANALYZE) resources, resource_relations")
    .catch(() => undefined);
  await recordAuditEvent({
    actor: null,
    action: "scan.finish",
    outcome: finished.status === "failed" ? "failure" : "success",
    target: { type: "scan", id: scanId },
    planId: finished.planId,
    details: { status: finished.status, resources: finished.resourceCount },
  });
  return { kind: "finished", status: finished.status };
}
