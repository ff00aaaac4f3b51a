import "server-only";
import { setMaxListeners } from "node:events";
import type pg from "pg";
import { db, pool } from "@/lib/db";
import { logger } from "@/lib/log";
import { AppError } from "@/lib/errors";
import { collectorRegistry, getCollector } from "@/lib/aws/collector-registry";
import { classifyAwsError } from "@/lib/aws/classify-aws-error";
import { identifyAccountInRegion } from "@/lib/aws/identify-account";
import type { AwsClientFactory } from "@/lib/aws/client-types";
import type { CollectorContext, CollectorIssue, EmitBatch } from "@/lib/aws/collector-types";
import { openConnectionFrom, type OpenConnection } from "@/lib/connections/open-connection";
import { storeBatch } from "@/lib/inventory/store-batch";
import { ScanCounters, taskTotal, writeCounts } from "@/lib/inventory/scan-counters";
import { claimScanPart, type ClaimedTask } from "@/lib/inventory/claim-scan-part";
import { LeaseLostError, leaseTickMs, scanLeaseMs, type TaskEnd } from "@/lib/inventory/scan-part-lease";
import { withScanTransaction } from "@/lib/inventory/with-scan-transaction";
import { GLOBAL_PART } from "@/lib/inventory/plan-scan";
import { PHASE2_PART } from "@/lib/inventory/start-scan";
import { capString } from "@/lib/aws/to-raw";
import { recordGaps } from "@/lib/inventory/record-gaps";
import { AwsOperationError } from "@/lib/aws/aws-operation-error";

/**
 * Runs one part of a scan: the regional collectors of one region, the global collectors
 * ("global"), or the collectors that read what the others referenced ("phase2"). Collectors of a
 * part run side by side, each paced by its APIs' token buckets. Every page is stored together
 * with its cursor in one short transaction, so a part stopped at any point (killed worker,
 * cancel, the time slice of a job running out) resumes without reading a finished page again.
 *
 * One run at a time works on a part: it claims the part's tasks with a lease first
 * (claim-scan-part.ts), renews it every tick while it works, writes nothing about a task without
 * finding the lease still its own in the same transaction (scan-part-lease.ts), and gives the
 * leases up when it stops. A part another run holds is "held"; a run that finds its lease gone
 * stops at once ("lost"), and every write it still tries is refused.
 */

/** Errors that mean every call of this part will fail the same way: stop the part, say it once. */
const PART_FATAL = new Set(["InvalidCredentials", "ExpiredCredentials", "RegionNotEnabled"]);

/**
 * finished: nothing more to do here (the caller advances the scan); paused: stopped at a page
 * boundary for the deadline or the worker stopping; cancelled; held: another run holds the part;
 * lost: this run's lease was lost (or could not be renewed in time) and it stopped.
 */
export type PartOutcome = "finished" | "paused" | "cancelled" | "held" | "lost";

export interface RunPartOptions {
  /** Stop (checkpointed) after this time, so a long part continues in a fresh job. */
  deadline?: number;
  /** The worker is stopping. */
  signal?: AbortSignal;
  /** How long the claim on the part's tasks lasts without renewal, in ms (SILKROUTE_SCAN_LEASE_SECONDS by default). */
  leaseMs?: number;
}

class StopScan extends Error {
  constructor(readonly reason: "cancelled" | "paused" | "lost") {
    super(`scan ${reason}`);
  }
}

export async function runScanPart(scanId: string, part: string, options: RunPartOptions = {}): Promise<PartOutcome> {
  const leaseMs = options.leaseMs ?? scanLeaseMs();
  const scan = await db().scan.findUnique({ where: { id: scanId }, include: { connection: true } });
  if (!scan) throw new AppError("NOT_FOUND", "scanNotFound");
  const claimedAt = Date.now();
  const claim = await claimScanPart(scanId, part, leaseMs);
  if (claim.kind !== "claimed") return claim.kind;
  const { lease, tasks } = claim;
  const log = logger().child({ scanId, part, lease: lease.owner });
  const home = scan.regions[0] ?? "us-east-1";

  const stop = new AbortController();
  // Every collector and SDK call of the part listens to this one signal.
  setMaxListeners(10_000, stop.signal);
  let stopReason: StopScan | null = null;
  const halt = (reason: StopScan) => {
    stopReason ??= reason;
    stop.abort(reason);
  };
  const onWorkerStop = () => halt(new StopScan("paused"));
  options.signal?.addEventListener("abort", onWorkerStop, { once: true });
  if (options.signal?.aborted) onWorkerStop();

  const counters = new ScanCounters();

  /** A write refused for a lost lease stops the part; the collector that asked stops with it. */
  const stopIfLeaseLost = (err: unknown): never => {
    if (err instanceof LeaseLostError) {
      if (!stopReason) log.warn({ tasks: err.taskIds }, "the part's lease was lost: it stops without writing anything more");
      halt(new StopScan("lost"));
      throw stopReason!;
    }
    throw err;
  };

  /** A write about these tasks (every held one when null), in one transaction that holds their lease. */
  const write = <T>(taskIds: string[] | null, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> => lease.write(taskIds ?? "held", fn).catch(stopIfLeaseLost);

  const issue = async (taskId: string | null, region: string, collectorId: string | null, i: CollectorIssue) => {
    await write(taskId ? [taskId] : null, async (client) => {
      await client.query(
        `INSERT INTO scan_issues (scan_id, region, collector_id, severity, code, message, operation, arn) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
        [scanId, region, collectorId, i.severity, capString(i.code).slice(0, 100), capString(i.message).slice(0, 4000), i.operation ?? null, i.arn ? capString(i.arn) : null],
      );
      if (taskId) await client.query(`UPDATE scan_tasks SET errors = errors + 1, updated_at = now() WHERE id = $1`, [taskId]);
    });
  };

  /** Ends tasks with a status, writing their counts and giving up their leases in one transaction. */
  const endTasks = async (ids: string[], status: TaskEnd) => {
    const delta = counters.take(ids);
    try {
      await lease.end(ids, status, (client) => writeCounts(client, scanId, delta));
    } catch (err) {
      if (err instanceof LeaseLostError) {
        halt(new StopScan("lost"));
        return;
      }
      counters.restore(delta);
      throw err;
    }
  };

  /** Ends a task as the stop asks (cancelled, or pending to resume from its cursor); a lost lease leaves it to its new owner. */
  const endStopped = async (ids: string[]) => {
    await endTasks(ids, stopReason?.reason === "cancelled" ? "cancelled" : "pending");
  };

  // The lease is renewed, the counts written and cancellation looked for every tick, in one
  // transaction. A run whose lease runs out before it could renew it (the database out of reach,
  // the process stalled) stops calling AWS at once: another run may have the part by then.
  const tickMs = leaseTickMs(leaseMs);
  let ticking = true;
  let tickTimer: NodeJS.Timeout | undefined;
  let currentTick: Promise<void> = Promise.resolve();
  const lapsed = () => {
    log.warn({ leaseMs }, "the part's lease ran out before it could be renewed: it stops, and another run may take it over");
    halt(new StopScan("lost"));
  };
  let lapse = setTimeout(lapsed, Math.max(0, leaseMs - (Date.now() - claimedAt)));
  const tick = async () => {
    const started = Date.now();
    const held = lease.heldTasks();
    if (held.length === 0) return;
    const delta = counters.take(held);
    try {
      const cancelRequested = await withScanTransaction(async (client) => {
        await lease.renew(client);
        await writeCounts(client, scanId, delta);
        const row = await client.query<{ cancel_requested: boolean }>(`SELECT cancel_requested FROM scans WHERE id = $1`, [scanId]);
        return row.rows[0]?.cancel_requested !== false;
      });
      clearTimeout(lapse);
      lapse = setTimeout(lapsed, Math.max(0, leaseMs - (Date.now() - started)));
      if (cancelRequested) halt(new StopScan("cancelled"));
      else if (options.deadline && Date.now() > options.deadline) halt(new StopScan("paused"));
    } catch (err) {
      if (err instanceof LeaseLostError) {
        log.warn({ tasks: err.taskIds }, "the part's lease was lost: another run owns its tasks now");
        halt(new StopScan("lost"));
      } else {
        counters.restore(delta);
        log.warn({ err }, "could not renew the part's lease");
      }
    }
  };
  const schedule = () => {
    if (!ticking) return;
    tickTimer = setTimeout(() => {
      currentTick = tick().finally(schedule);
    }, tickMs);
  };
  schedule();
  const stopTicking = async () => {
    ticking = false;
    clearTimeout(tickTimer);
    clearTimeout(lapse);
    await currentTick.catch(() => undefined);
  };

  try {
    return await runClaimed();
  } finally {
    await stopTicking();
    options.signal?.removeEventListener("abort", onWorkerStop);
    // Whatever is still this run's (a task a failure kept from ending) is given up, so that
    // another run can take it at once rather than after the expiry.
    await lease.abandon().catch((err) => log.warn({ err }, "could not give up the part's lease"));
  }

  async function runClaimed(): Promise<PartOutcome> {
    const outcome = (): PartOutcome => (stopReason ? stopReason.reason : "finished");

    // Credentials, clients, and who the account is.
    let connection: OpenConnection;
    try {
      if (!scan!.connection) throw new AppError("CONFLICT", "scanConnectionRemoved");
      connection = openConnectionFrom(scan!.connection);
    } catch (err) {
      const message = err instanceof Error ? err.message : "The connection cannot be used.";
      await issue(null, part, null, { severity: "error", code: "InvalidSettings", message }).catch(ignoreStop);
      await endTasks(lease.heldTasks(), "failed").catch(ignoreStop);
      return outcome();
    }
    const factories = new Map<string, AwsClientFactory>();
    // One factory per part label, not per AWS region: global collectors call from the home region,
    // and their calls must count under "global" (as the scan's plan lists them), not under the home
    // region, even in phase 2 where a home-region factory exists already.
    const factoryFor = (region: string) => {
      const r = region === GLOBAL_PART ? home : region;
      let f = factories.get(region);
      if (!f) {
        f = connection.factory(r, { observer: counters.observer(region), signal: stop.signal });
        factories.set(region, f);
      }
      return f;
    };
    let accountId = scan!.accountId;
    const partitionOf = (arn: string) => arn.split(":")[1] ?? "aws";
    let partition = "aws";
    try {
      // A region the account has not enabled answers like wrong credentials; identifyAccountInRegion tells them apart.
      const identity = await identifyAccountInRegion(factoryFor(part === PHASE2_PART ? home : part), factoryFor(home), stop.signal);
      accountId = identity.accountId;
      partition = identity.partition ?? partitionOf(identity.arn);
      if (!scan!.accountId) await db().scan.updateMany({ where: { id: scanId, accountId: null }, data: { accountId } });
    } catch (err) {
      if (stopReason) {
        await endStopped(lease.heldTasks()).catch(ignoreStop);
        return outcome();
      }
      const c = classifyAwsError(err, { operation: "GetCallerIdentity", region: part });
      await issue(null, part, null, { severity: "error", code: c.code, message: c.message, operation: "GetCallerIdentity" }).catch(ignoreStop);
      await endTasks(lease.heldTasks(), "failed").catch(ignoreStop);
      return outcome();
    }

    let partFatal: string | null = null;
    const runTask = async (task: ClaimedTask): Promise<void> => {
      const collector = getCollector(task.collectorId);
      if (!collector) {
        await issue(task.id, task.region, task.collectorId, { severity: "error", code: "UnknownCollector", message: `This version of Silkroute has no collector ${task.collectorId}.` });
        await endTasks([task.id], "failed");
        return;
      }
      let lastPageStored = false;
      const ctx: CollectorContext = {
        region: task.region === GLOBAL_PART ? home : task.region,
        accountId: accountId!,
        partition,
        mode: scan!.mode,
        includeShadows: scan!.includeShadows,
        clients: factoryFor(task.region),
        resumeCursor: task.cursor,
        signal: stop.signal,
        emit: async (batch: EmitBatch) => {
          if (stopReason) throw stopReason;
          // The page, its cursor and the calls counted for the task so far, in one transaction
          // that stores nothing unless the task's lease is still this run's.
          const delta = counters.take([task.id]);
          const own = taskTotal(delta, task.id);
          try {
            await withScanTransaction(async (client) => {
              const stored = await storeBatch(client, { scanId, planId: scan!.planId }, batch.resources, batch.relations);
              // What the page's resources could not read, counted once per operation and code.
              await recordGaps(client, { scanId, taskId: task.id, region: task.region, collectorId: task.collectorId }, batch.gaps ?? []);
              // The last page (no cursor after it) finishes the task at once: a run stopped or
              // killed after it must not read the task again from the start.
              const updated = await client.query(
                `UPDATE scan_tasks SET cursor = $3, pages_done = pages_done + 1, items_found = items_found + $4,
                   calls_made = calls_made + $5, throttles = throttles + $6, updated_at = now(),
                   status = CASE WHEN $3::text IS NULL THEN 'done'::"ScanTaskStatus" ELSE status END,
                   finished_at = CASE WHEN $3::text IS NULL THEN now() ELSE finished_at END
                 WHERE id = $1 AND lease_owner = $2 AND lease_expires_at > now()`,
                [task.id, lease.owner, batch.nextCursor, stored.resources, own.calls, own.throttles],
              );
              if (updated.rowCount === 0) throw new LeaseLostError(scanId, [task.id]);
              await writeCounts(client, scanId, delta, { tasks: false });
            });
          } catch (err) {
            if (!(err instanceof LeaseLostError)) counters.restore(delta);
            stopIfLeaseLost(err);
          }
          if (batch.nextCursor === null) lastPageStored = true;
          if (options.deadline && Date.now() > options.deadline) halt(new StopScan("paused"));
        },
        storeRelations: async (relations) => {
          if (stopReason) throw stopReason;
          // Stored first and the lease checked after, in the same transaction, as a page is: every
          // transaction that inserts rows takes its task's row after them, which keeps Postgres's
          // row locks in one order (no deadlock with a renewal holding the part's task rows).
          await withScanTransaction(async (client) => {
            await storeBatch(client, { scanId, planId: scan!.planId }, [], relations);
            await lease.check(client, [task.id]);
          }).catch(stopIfLeaseLost);
        },
        report: (i) => issue(task.id, task.region, task.collectorId, i),
        referencedArns: async (kind) => {
          const { rows } = await pool().query<{ to_arn: string }>(
            `SELECT DISTINCT to_arn FROM resource_relations WHERE scan_id = $1 AND to_kind = $2 ORDER BY to_arn`,
            [scanId, kind],
          );
          return rows.map((r) => r.to_arn);
        },
      };
      try {
        await counters.runAs(task.id, () => collector.run(ctx));
        await endTasks([task.id], "done");
        return;
      } catch (err) {
        if (stopReason) {
          if (lastPageStored) await endTasks([task.id], "done");
          else await endStopped([task.id]);
          return;
        }
        const c = classifyAwsError(err, { region: ctx.region });
        if (PART_FATAL.has(c.code)) {
          if (!partFatal) {
            partFatal = c.code;
            await issue(task.id, task.region, task.collectorId, { severity: "error", code: c.code, message: c.message });
          }
        } else {
          log.warn({ err, collector: task.collectorId }, "collector failed");
          const operation = err instanceof AwsOperationError ? err.operation : undefined;
          await issue(task.id, task.region, task.collectorId, { severity: "error", code: c.code, message: c.message, ...(operation ? { operation } : {}) });
        }
        // Every page was stored already: the task is done, with its problem reported.
        await endTasks([task.id], lastPageStored ? "done" : "failed");
      }
    };

    // A task whose own bookkeeping fails (the database refused an issue or its ending) stops the
    // others at their next page, and the part fails once they have all stopped.
    const results = await Promise.allSettled(
      tasks.map((t) =>
        runTask(t).catch((err: unknown) => {
          if (err instanceof StopScan || err instanceof LeaseLostError) return;
          halt(new StopScan("paused"));
          throw err;
        }),
      ),
    );
    const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failure) throw failure.reason;
    return outcome();
  }
}

/** A write refused because the run stopped (its lease lost) needs nothing more: the outcome says so. */
function ignoreStop(err: unknown): void {
  if (err instanceof StopScan || err instanceof LeaseLostError) return;
  throw err;
}

/** Collectors of a phase, for tests and tools. */
export function collectorsOfPhase(phase: 1 | 2): string[] {
  return Object.entries(collectorRegistry)
    .filter(([, c]) => c.phase === phase)
    .map(([id]) => id);
}
