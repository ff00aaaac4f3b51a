import "server-only";
import { db, sqlQuery, transaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ScopedScan } from "@/lib/plans/scoped-plan";

async function scanOf(scoped: ScopedScan) {
  const scan = await db().scan.findFirst({ where: { id: scoped.id, planId: scoped.plan.id } });
  if (!scan) throw new AppError("NOT_FOUND", "scanNotFound");
  return scan;
}

/** Asks a queued or running scan to stop; its parts stop at the next page, keeping what they read. */
export async function cancelScan(scoped: ScopedScan): Promise<{ planId: string }> {
  const scanId = scoped.id;
  const scan = await scanOf(scoped);
  if (!["queued", "running"].includes(scan.status)) throw new AppError("CONFLICT", "scanNotCancellable");
  await db().scan.update({ where: { id: scanId }, data: { cancelRequested: true } });
  return { planId: scan.planId };
}

/**
 * Continues a scan that stopped (failed, partial, cancelled, or interrupted): its unfinished
 * tasks start again from their last stored page; finished ones are kept. Returns the parts to
 * run and the new attempt number.
 */
export async function reopenScan(scoped: ScopedScan): Promise<{ planId: string; parts: string[]; attempt: number }> {
  const scanId = scoped.id;
  const scan = await scanOf(scoped);
  if (scan.status === "complete") throw new AppError("CONFLICT", "scanComplete");
  if (["queued", "running"].includes(scan.status) && !scan.cancelRequested) {
    // A running scan whose worker died: nothing has touched it for a while.
    const stale = Date.now() - scan.updatedAt.getTime() > 60_000;
    const recent = await db().scanTask.findFirst({ where: { scanId, updatedAt: { gt: new Date(Date.now() - 60_000) } } });
    if (!stale || recent) throw new AppError("CONFLICT", "scanStillRunning");
  }
  // A partial scan whose every part finished (its issues come from what AWS returned, e.g. a
  // malformed policy) has nothing to run again: reopening it would leave it queued with no work.
  const unfinished = await db().scanTask.count({ where: { scanId, status: { in: ["failed", "cancelled", "running", "pending"] } } });
  if (unfinished === 0) throw new AppError("CONFLICT", "scanNothingToResume");
  return transaction(async () => {
    const reset = await sqlQuery<{ region: string; collector_id: string; phase: number }>(
      `UPDATE scan_tasks SET status = 'pending', finished_at = NULL, updated_at = now()
       WHERE scan_id = $1 AND status IN ('failed', 'cancelled', 'running', 'pending') RETURNING region, collector_id, phase`,
      [scanId],
    );
    // Problems of the tasks that run again are theirs to report again; the others' stay. So do
    // the gaps: they belong to pages that are stored and will not be read again.
    await sqlQuery(
      `DELETE FROM scan_issues i WHERE i.scan_id = $1 AND NOT i.gap AND (i.collector_id IS NULL OR EXISTS (
         SELECT 1 FROM scan_tasks t WHERE t.scan_id = i.scan_id AND t.collector_id = i.collector_id AND t.region = i.region AND t.status = 'pending'))`,
      [scanId],
    );
    const updated = await sqlQuery<{ attempt: number }>(
      `UPDATE scans SET status = 'queued', cancel_requested = false, finished_at = NULL, error_code = NULL, error_message = NULL, attempt = attempt + 1, updated_at = now()
       WHERE id = $1 RETURNING attempt`,
      [scanId],
    );
    const phase1 = [...new Set(reset.rows.filter((r) => r.phase === 1).map((r) => r.region))];
    const parts = phase1.length > 0 ? phase1 : reset.rows.length > 0 ? ["phase2"] : [];
    return { planId: scan.planId, parts, attempt: Number(updated.rows[0]!.attempt) };
  });
}
