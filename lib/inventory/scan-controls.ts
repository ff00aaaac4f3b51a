import "server-only";
import type pg from "pg";
import { AppError } from "@/lib/errors";
import type { ScopedScan } from "@/lib/plans/scoped-plan";
import { scanLeaseMs } from "@/lib/inventory/scan-part-lease";
import { withScanTransaction } from "@/lib/inventory/with-scan-transaction";

/**
 * Cancel and resume, each decided under the scan row's lock (so two at once are decided one
 * after the other), and "still running" decided from the tasks' leases: a task a part run holds
 * by a live lease is being worked on, whatever the scan's status or cancel flag says.
 */

interface ScanRow {
  status: string;
  cancel_requested: boolean;
  plan_id: string;
  /** The scan was queued (created or reopened) within the last lease period. */
  recently_queued: boolean;
}

/**
 * Locks the scan row FOR NO KEY UPDATE: that serialises every decision about the scan (cancel,
 * resume, a part's claim, advancing it) without blocking the foreign-key checks of what a running
 * part writes meanwhile (issues, call counts), which would otherwise deadlock with a resume that
 * waits for that part's task rows.
 */
async function lockScan(client: pg.PoolClient, scoped: ScopedScan): Promise<ScanRow> {
  const { rows } = await client.query<ScanRow>(
    `SELECT status, cancel_requested, plan_id, (status = 'queued' AND updated_at > now() - $3::int * interval '1 millisecond') AS recently_queued
     FROM scans WHERE id = $1 AND plan_id = $2 FOR NO KEY UPDATE`,
    [scoped.id, scoped.plan.id, scanLeaseMs()],
  );
  const scan = rows[0];
  if (!scan) throw new AppError("NOT_FOUND", "scanNotFound");
  return scan;
}

/**
 * Asks a queued or running scan to stop. Its parts see it at their next tick (every 2 s) and stop
 * at the page in hand, keeping what they read, and give up their leases.
 */
export async function cancelScan(scoped: ScopedScan): Promise<{ planId: string }> {
  return withScanTransaction(async (client) => {
    const scan = await lockScan(client, scoped);
    if (!["queued", "running"].includes(scan.status)) throw new AppError("CONFLICT", "scanNotCancellable");
    await client.query(`UPDATE scans SET cancel_requested = true, updated_at = now() WHERE id = $1`, [scoped.id]);
    return { planId: scan.plan_id };
  });
}

/**
 * Continues a scan that stopped (failed, partial, cancelled, or interrupted): its unfinished
 * tasks start again from their last stored page; finished ones are kept. Returns the parts to
 * run and the new attempt number.
 *
 * Refused while any task of the scan is held by a live lease (scanStillRunning, or scanStillStopping
 * when a cancel was asked for and its runs have not stopped yet: they stop within seconds), and
 * while the scan waits for a worker after being queued (scanStillRunning), so two resumes at once
 * give one new attempt. A run that died is replaced once its lease has expired.
 */
export async function reopenScan(scoped: ScopedScan): Promise<{ planId: string; parts: string[]; attempt: number }> {
  const scanId = scoped.id;
  return withScanTransaction(async (client) => {
    const scan = await lockScan(client, scoped);
    if (scan.status === "complete") throw new AppError("CONFLICT", "scanComplete");
    const tasks = (
      await client.query<{ status: string; live: boolean }>(
        `SELECT status, (lease_owner IS NOT NULL AND lease_expires_at > now()) AS live FROM scan_tasks WHERE scan_id = $1 ORDER BY id FOR UPDATE`,
        [scanId],
      )
    ).rows;
    if (tasks.some((t) => t.live)) throw new AppError("CONFLICT", scan.cancel_requested ? "scanStillStopping" : "scanStillRunning");
    if (scan.recently_queued && !scan.cancel_requested) throw new AppError("CONFLICT", "scanStillRunning");
    // A partial scan whose every part finished (its issues come from what AWS returned, e.g. a
    // malformed policy) has nothing to run again: reopening it would leave it queued with no work.
    if (!tasks.some((t) => ["failed", "cancelled", "running", "pending"].includes(t.status))) throw new AppError("CONFLICT", "scanNothingToResume");
    const reset = await client.query<{ region: string; collector_id: string; phase: number }>(
      `UPDATE scan_tasks SET status = 'pending', finished_at = NULL, lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
       WHERE scan_id = $1 AND status IN ('failed', 'cancelled', 'running', 'pending') RETURNING region, collector_id, phase`,
      [scanId],
    );
    // Problems of the tasks that run again are theirs to report again; the others' stay. So do
    // the gaps: they belong to pages that are stored and will not be read again.
    await client.query(
      `DELETE FROM scan_issues i WHERE i.scan_id = $1 AND NOT i.gap AND (i.collector_id IS NULL OR EXISTS (
         SELECT 1 FROM scan_tasks t WHERE t.scan_id = i.scan_id AND t.collector_id = i.collector_id AND t.region = i.region AND t.status = 'pending'))`,
      [scanId],
    );
    const updated = await client.query<{ attempt: number }>(
      `UPDATE scans SET status = 'queued', cancel_requested = false, finished_at = NULL, error_code = NULL, error_message = NULL, attempt = attempt + 1, updated_at = now()
       WHERE id = $1 RETURNING attempt`,
      [scanId],
    );
    const phase1 = [...new Set(reset.rows.filter((r) => r.phase === 1).map((r) => r.region))];
    const parts = phase1.length > 0 ? phase1 : reset.rows.length > 0 ? ["phase2"] : [];
    return { planId: scan.plan_id, parts, attempt: updated.rows[0]!.attempt };
  });
}
