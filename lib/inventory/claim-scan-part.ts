import "server-only";
import crypto from "node:crypto";
import { ScanPartLease } from "@/lib/inventory/scan-part-lease";
import { withScanTransaction } from "@/lib/inventory/with-scan-transaction";
import { PHASE2_PART } from "@/lib/inventory/start-scan";

export interface ClaimedTask {
  id: string;
  region: string;
  collectorId: string;
  /** The cursor stored with the task's last page, read under the claim's lock. */
  cursor: string | null;
}

export type PartClaim =
  | { kind: "claimed"; lease: ScanPartLease; tasks: ClaimedTask[] }
  /** Nothing to run: the scan is over, or every task of the part is. */
  | { kind: "finished" }
  /** Another run holds the part's tasks, until at most `until` unless it renews its lease. */
  | { kind: "held"; until: Date }
  /** The scan was cancelled before this part started: its open tasks are marked cancelled. */
  | { kind: "cancelled" };

const FINAL = ["complete", "partial", "failed", "cancelled"];

/**
 * Claims every open task of one part of a scan (a region, "global" or "phase2") for one run, in
 * one transaction under the scan row's lock and the tasks' row locks: all of them or none. A part
 * whose tasks another run holds by a live lease is left to it ("held"); tasks whose lease expired
 * (their run died or stalled) are free to claim. The cursor each task resumes from is read under
 * the same lock, so it is the one the previous owner stored last.
 */
export async function claimScanPart(scanId: string, part: string, leaseMs: number): Promise<PartClaim> {
  const phase = part === PHASE2_PART ? 2 : 1;
  return withScanTransaction(async (client) => {
    const scan = (
      await client.query<{ status: string; cancel_requested: boolean }>(`SELECT status, cancel_requested FROM scans WHERE id = $1 FOR NO KEY UPDATE`, [scanId])
    ).rows[0];
    if (!scan || FINAL.includes(scan.status)) return { kind: "finished" };
    const { rows } = await client.query<{ id: string; region: string; collector_id: string; cursor: string | null; lease_expires_at: Date | null; live: boolean }>(
      `SELECT id, region, collector_id, cursor, lease_expires_at, (lease_owner IS NOT NULL AND lease_expires_at > now()) AS live
       FROM scan_tasks
       WHERE scan_id = $1 AND phase = $2 AND ($3::text IS NULL OR region = $3) AND status IN ('pending', 'running')
       ORDER BY id FOR UPDATE`,
      [scanId, phase, phase === 1 ? part : null],
    );
    if (rows.length === 0) return { kind: "finished" };
    const live = rows.filter((r) => r.live);
    if (live.length > 0) {
      return { kind: "held", until: new Date(Math.max(...live.map((r) => r.lease_expires_at!.getTime()))) };
    }
    const ids = rows.map((r) => r.id);
    if (scan.cancel_requested) {
      await client.query(
        `UPDATE scan_tasks SET status = 'cancelled', finished_at = now(), lease_owner = NULL, lease_expires_at = NULL, updated_at = now() WHERE id = ANY($1::text[])`,
        [ids],
      );
      return { kind: "cancelled" };
    }
    const owner = crypto.randomUUID();
    await client.query(
      `UPDATE scan_tasks SET lease_owner = $2, lease_expires_at = now() + $3::int * interval '1 millisecond', heartbeat_at = now(),
         status = 'running', started_at = now(), updated_at = now()
       WHERE id = ANY($1::text[])`,
      [ids, owner, leaseMs],
    );
    await client.query(`UPDATE scans SET status = 'running', started_at = now(), updated_at = now() WHERE id = $1 AND status = 'queued'`, [scanId]);
    return {
      kind: "claimed",
      lease: new ScanPartLease(scanId, owner, leaseMs, ids),
      tasks: rows.map((r) => ({ id: r.id, region: r.region, collectorId: r.collector_id, cursor: r.cursor })),
    };
  });
}
