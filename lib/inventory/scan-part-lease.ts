import "server-only";
import type pg from "pg";
import { env } from "@/lib/env";
import { withScanTransaction } from "@/lib/inventory/with-scan-transaction";

/**
 * A part run's lease on the tasks it claimed (lib/inventory/claim-scan-part.ts): its owner id (a
 * random id per run), and an expiry the run renews every tick while it works. Every write the run
 * makes about a task (a page and its cursor, relations, an issue, its counts, its status) happens
 * in a transaction that first finds the task's lease still its own and unexpired, with the row
 * locked; otherwise the transaction is rolled back and the run stops (LeaseLostError). So a run
 * that lost its lease (it stalled past the expiry, or was presumed dead and replaced) can never
 * store a page, move a cursor back or count anything twice. Expiry is judged by the database's
 * clock only, so workers' clocks need not agree. See docs/decisions/0009-scan-part-leases.md.
 */

export class LeaseLostError extends Error {
  constructor(readonly scanId: string, readonly taskIds: string[]) {
    super(`the lease on ${taskIds.length} task(s) of scan ${scanId} is no longer held`);
    this.name = "LeaseLostError";
  }
}

/** How long a claim lasts without renewal (SILKROUTE_SCAN_LEASE_SECONDS). */
export function scanLeaseMs(): number {
  return env().SILKROUTE_SCAN_LEASE_SECONDS * 1000;
}

/**
 * How often a running part renews its lease, writes its counts and looks for a cancel: every 2 s,
 * and at least four times per lease, so one late renewal does not lose it.
 */
export function leaseTickMs(leaseMs: number): number {
  return Math.max(100, Math.min(2000, Math.floor(leaseMs / 4)));
}

export type TaskEnd = "done" | "failed" | "cancelled" | "pending";

export class ScanPartLease {
  private readonly held: Set<string>;
  /** Tasks whose ending transaction is under way: a renewal that misses them has not lost them. */
  private readonly ending = new Set<string>();

  constructor(
    readonly scanId: string,
    readonly owner: string,
    readonly leaseMs: number,
    taskIds: string[],
  ) {
    this.held = new Set(taskIds);
  }

  heldTasks(): string[] {
    return [...this.held].sort();
  }

  /** Locks these tasks' rows and finds them still ours and unexpired, or throws LeaseLostError. */
  async check(client: pg.PoolClient, taskIds: string[]): Promise<void> {
    const ids = [...new Set(taskIds)].sort();
    if (ids.length === 0) return;
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM scan_tasks WHERE id = ANY($1::text[]) AND lease_owner = $2 AND lease_expires_at > now() ORDER BY id FOR UPDATE`,
      [ids, this.owner],
    );
    if (rows.length < ids.length) {
      const ok = new Set(rows.map((r) => r.id));
      throw new LeaseLostError(this.scanId, ids.filter((id) => !ok.has(id)));
    }
  }

  /** Runs `fn` in one transaction that holds the lease of these tasks (every held one by default). */
  write<T>(taskIds: string[] | "held", fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const ids = taskIds === "held" ? this.heldTasks() : taskIds;
    return withScanTransaction(async (client) => {
      await this.check(client, ids);
      return fn(client);
    });
  }

  /** Pushes every held lease's expiry forward, in the caller's transaction; throws LeaseLostError for any it no longer holds. */
  async renew(client: pg.PoolClient): Promise<void> {
    const ids = this.heldTasks();
    if (ids.length === 0) return;
    const { rows } = await client.query<{ id: string }>(
      `UPDATE scan_tasks SET lease_expires_at = now() + $3::int * interval '1 millisecond', heartbeat_at = now()
       WHERE id IN (SELECT id FROM scan_tasks WHERE id = ANY($1::text[]) AND lease_owner = $2 AND lease_expires_at > now() ORDER BY id FOR UPDATE)
       RETURNING id`,
      [ids, this.owner, this.leaseMs],
    );
    const renewed = new Set(rows.map((r) => r.id));
    // A task ended meanwhile (by this run) is not a lost one.
    const lost = ids.filter((id) => !renewed.has(id) && this.held.has(id) && !this.ending.has(id));
    if (lost.length > 0) throw new LeaseLostError(this.scanId, lost);
  }

  /**
   * Ends these tasks with a status and gives their leases up, in one transaction that holds them,
   * after `alsoWrite` (their counts). "done" clears the cursor; "pending" leaves it to resume from.
   */
  async end(taskIds: string[], status: TaskEnd, alsoWrite?: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    const ids = taskIds.filter((id) => this.held.has(id));
    if (ids.length === 0) return;
    for (const id of ids) this.ending.add(id);
    try {
      await this.write(ids, async (client) => {
        await alsoWrite?.(client);
        await client.query(
          `UPDATE scan_tasks SET status = $3::"ScanTaskStatus", lease_owner = NULL, lease_expires_at = NULL, updated_at = now(),
             finished_at = CASE WHEN $3 = 'pending' THEN finished_at ELSE now() END,
             cursor = CASE WHEN $3 = 'done' THEN NULL ELSE cursor END
           WHERE id = ANY($1::text[]) AND lease_owner = $2`,
          [ids, this.owner, status],
        );
      });
      for (const id of ids) this.held.delete(id);
    } finally {
      for (const id of ids) this.ending.delete(id);
    }
  }

  /**
   * Gives up whatever leases are still this run's, writing nothing else: after a failure that kept
   * the run from ending its tasks, so that another run can take them at once instead of waiting
   * for the expiry. A task left running goes back to pending.
   */
  async abandon(): Promise<void> {
    const ids = this.heldTasks();
    if (ids.length === 0) return;
    await withScanTransaction(async (client) => {
      await client.query(
        `UPDATE scan_tasks SET lease_owner = NULL, lease_expires_at = NULL, updated_at = now(),
           status = CASE WHEN status = 'running' THEN 'pending'::"ScanTaskStatus" ELSE status END
         WHERE id IN (SELECT id FROM scan_tasks WHERE id = ANY($1::text[]) AND lease_owner = $2 ORDER BY id FOR UPDATE)`,
        [ids, this.owner],
      );
    });
    this.held.clear();
  }
}
