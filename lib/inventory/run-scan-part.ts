import "server-only";
import { setMaxListeners } from "node:events";
import { db, pool } from "@/lib/db";
import { logger } from "@/lib/log";
import { AppError } from "@/lib/errors";
import { collectorRegistry, getCollector } from "@/lib/aws/collector-registry";
import { classifyAwsError } from "@/lib/aws/classify-aws-error";
import { AwsOperationError } from "@/lib/aws/aws-operation-error";
import { identifyAccountInRegion } from "@/lib/aws/identify-account";
import type { AwsClientFactory } from "@/lib/aws/client-types";
import type { CollectorContext, CollectorIssue, EmitBatch } from "@/lib/aws/collector-types";
import { openConnectionFrom, type OpenConnection } from "@/lib/connections/open-connection";
import { storeBatch } from "@/lib/inventory/store-batch";
import { recordGaps } from "@/lib/inventory/record-gaps";
import { ScanCounters } from "@/lib/inventory/scan-counters";
import { GLOBAL_PART } from "@/lib/inventory/plan-scan";
import { PHASE2_PART } from "@/lib/inventory/start-scan";
import { capString } from "@/lib/aws/to-raw";

/**
 * Runs one part of a scan: the regional collectors of one region, the global collectors
 * ("global"), or the collectors that read what the others referenced ("phase2"). Collectors of a
 * part run side by side, each paced by its APIs' token buckets. Every page is stored together
 * with its cursor in one short transaction, so a part stopped at any point (killed worker,
 * cancel, the time slice of a job running out) resumes without reading a finished page again.
 */

/** Errors that mean every call of this part will fail the same way: stop the part, say it once. */
const PART_FATAL = new Set(["InvalidCredentials", "ExpiredCredentials", "RegionNotEnabled"]);

export type PartOutcome = "finished" | "paused" | "cancelled";

export interface RunPartOptions {
  /** Stop (checkpointed) after this time, so a long part continues in a fresh job. */
  deadline?: number;
  /** The worker is stopping. */
  signal?: AbortSignal;
}

class StopScan extends Error {
  constructor(readonly reason: "cancelled" | "paused") {
    super(`scan ${reason}`);
  }
}

interface TaskRow {
  id: string;
  region: string;
  collectorId: string;
  cursor: string | null;
}

export async function runScanPart(scanId: string, part: string, options: RunPartOptions = {}): Promise<PartOutcome> {
  const log = logger().child({ scanId, part });
  const scan = await db().scan.findUnique({ where: { id: scanId }, include: { connection: true, plan: { select: { organizationId: true } } } });
  if (!scan) throw new AppError("NOT_FOUND", "scanNotFound");
  const phase = part === PHASE2_PART ? 2 : 1;
  const tasks: TaskRow[] = await db().scanTask.findMany({
    where: { scanId, phase, ...(phase === 1 ? { region: part } : {}), status: { in: ["pending", "running"] } },
    select: { id: true, region: true, collectorId: true, cursor: true },
  });
  if (["complete", "partial", "failed", "cancelled"].includes(scan.status) || tasks.length === 0) return "finished";
  if (scan.cancelRequested) {
    await db().scanTask.updateMany({ where: { id: { in: tasks.map((t) => t.id) } }, data: { status: "cancelled", finishedAt: new Date() } });
    return "cancelled";
  }
  await db().scan.updateMany({ where: { id: scanId, status: "queued" }, data: { status: "running", startedAt: new Date() } });

  const home = scan.regions[0] ?? "us-east-1";
  const stop = new AbortController();
  // Every collector and SDK call of the part listens to this one signal.
  setMaxListeners(10_000, stop.signal);
  let stopReason: StopScan | null = null;
  const halt = (reason: StopScan) => {
    stopReason ??= reason;
    stop.abort(reason);
  };
  options.signal?.addEventListener("abort", () => halt(new StopScan("paused")), { once: true });

  const issue = async (taskId: string | null, region: string, collectorId: string | null, i: CollectorIssue) => {
    await pool().query(
      `INSERT INTO scan_issues (scan_id, region, collector_id, severity, code, message, operation, arn) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
      [scanId, region, collectorId, i.severity, capString(i.code).slice(0, 100), capString(i.message).slice(0, 4000), i.operation ?? null, i.arn ? capString(i.arn) : null],
    );
    if (taskId) await pool().query(`UPDATE scan_tasks SET errors = errors + 1, updated_at = now() WHERE id = $1`, [taskId]);
  };

  const failTasks = async (ids: string[], status: "failed" | "cancelled" | "pending") => {
    if (ids.length === 0) return;
    await db().scanTask.updateMany({ where: { id: { in: ids } }, data: { status, ...(status === "pending" ? {} : { finishedAt: new Date() }) } });
  };

  // Credentials, clients, and who the account is.
  let connection: OpenConnection;
  try {
    if (!scan.connection) throw new AppError("CONFLICT", "scanConnectionRemoved");
    connection = openConnectionFrom(scan.connection);
  } catch (err) {
    const message = err instanceof Error ? err.message : "The connection cannot be used.";
    await issue(null, part, null, { severity: "error", code: "InvalidSettings", message });
    await failTasks(tasks.map((t) => t.id), "failed");
    return "finished";
  }
  const counters = new ScanCounters();
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
  let accountId = scan.accountId;
  const partitionOf = (arn: string) => arn.split(":")[1] ?? "aws";
  let partition = "aws";
  try {
    // A region the account has not enabled answers like wrong credentials; identifyAccountInRegion tells them apart.
    const identity = await counters.runAs("identify", () => identifyAccountInRegion(factoryFor(part === PHASE2_PART ? home : part), factoryFor(home), stop.signal));
    accountId = identity.accountId;
    partition = identity.partition ?? partitionOf(identity.arn);
    if (!scan.accountId) await db().scan.update({ where: { id: scanId }, data: { accountId } });
  } catch (err) {
    const c = classifyAwsError(err, { operation: "GetCallerIdentity", region: part });
    await issue(null, part, null, { severity: "error", code: c.code, message: c.message, operation: "GetCallerIdentity" });
    await failTasks(tasks.map((t) => t.id), "failed");
    await counters.flush(pool(), scanId).catch(() => undefined);
    return "finished";
  }

  // Cancellation and the job's time slice are checked while collectors run.
  let cancelPoll: NodeJS.Timeout | undefined;
  const pollCancel = async () => {
    const row = await db().scan.findUnique({ where: { id: scanId }, select: { cancelRequested: true } }).catch(() => null);
    if (row?.cancelRequested) halt(new StopScan("cancelled"));
    else if (options.deadline && Date.now() > options.deadline) halt(new StopScan("paused"));
    await counters.flush(pool(), scanId).catch((err) => log.warn({ err }, "could not record call counts"));
  };
  cancelPoll = setInterval(() => void pollCancel(), 2000);

  let partFatal: string | null = null;
  const runTask = async (task: TaskRow): Promise<void> => {
    const collector = getCollector(task.collectorId);
    if (!collector) {
      await issue(task.id, task.region, task.collectorId, { severity: "error", code: "UnknownCollector", message: `This version of Silkroute has no collector ${task.collectorId}.` });
      await failTasks([task.id], "failed");
      return;
    }
    await db().scanTask.update({ where: { id: task.id }, data: { status: "running", startedAt: new Date() } });
    const ctx: CollectorContext = {
      region: task.region === GLOBAL_PART ? home : task.region,
      accountId: accountId!,
      partition,
      mode: scan.mode,
      includeShadows: scan.includeShadows,
      clients: factoryFor(task.region),
      resumeCursor: task.cursor,
      signal: stop.signal,
      emit: async (batch: EmitBatch) => {
        if (stopReason) throw stopReason;
        const client = await pool().connect();
        try {
          await client.query("BEGIN");
          const stored = await storeBatch(client, { scanId, planId: scan.planId }, batch.resources, batch.relations);
          await recordGaps(client, { scanId, taskId: task.id, region: task.region, collectorId: task.collectorId }, batch.gaps ?? []);
          await client.query(
            `UPDATE scan_tasks SET cursor = $2, pages_done = pages_done + 1, items_found = items_found + $3, updated_at = now() WHERE id = $1`,
            [task.id, batch.nextCursor, stored.resources],
          );
          await client.query("COMMIT");
        } catch (err) {
          await client.query("ROLLBACK").catch(() => undefined);
          throw err;
        } finally {
          client.release();
        }
        if (options.deadline && Date.now() > options.deadline) halt(new StopScan("paused"));
      },
      storeRelations: async (relations) => {
        if (stopReason) throw stopReason;
        await storeBatch(pool(), { scanId, planId: scan.planId }, [], relations);
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
      await db().scanTask.update({ where: { id: task.id }, data: { status: "done", cursor: null, finishedAt: new Date() } });
    } catch (err) {
      if (stopReason) {
        await failTasks([task.id], stopReason.reason === "cancelled" ? "cancelled" : "pending");
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
      await failTasks([task.id], "failed");
    }
  };

  try {
    await Promise.all(tasks.map((t) => runTask(t)));
  } finally {
    clearInterval(cancelPoll);
    cancelPoll = undefined;
    await counters.flush(pool(), scanId).catch((err) => log.warn({ err }, "could not record call counts"));
  }
  const reason = stopReason as StopScan | null;
  if (reason?.reason === "cancelled") return "cancelled";
  if (reason?.reason === "paused") return "paused";
  return "finished";
}

/** Collectors of a phase, for tests and tools. */
export function collectorsOfPhase(phase: 1 | 2): string[] {
  return Object.entries(collectorRegistry)
    .filter(([, c]) => c.phase === phase)
    .map(([id]) => id);
}
