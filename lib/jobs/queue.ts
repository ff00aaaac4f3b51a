import "server-only";
import crypto from "node:crypto";
import type PgBoss from "pg-boss";
import { createQueueClient, createTransactionalSender, QUEUE_SCHEMA } from "@/lib/jobs/create-queue-client";
import { inTransaction, sqlQuery } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { JOB_PAYLOADS, JOB_SETTINGS, type JobName, type JobPayloadInput } from "@/lib/jobs/job-payloads";

/**
 * Queueing jobs from any process. This module knows job names and payload schemas only, never
 * their handlers, so queueing a scan does not load what runs it.
 */

const g = globalThis as typeof globalThis & { __silkrouteBoss?: Promise<PgBoss>; __silkrouteTxSender?: PgBoss };

/** This process's queue client for sending (created on first use). */
export function queue(): Promise<PgBoss> {
  g.__silkrouteBoss ??= createQueueClient("sender").catch((err) => {
    g.__silkrouteBoss = undefined;
    throw err;
  });
  return g.__silkrouteBoss;
}

/** A job id derived from a key, so sending the same work twice queues it once. */
export function deterministicJobId(name: string, key: string): string {
  const hex = crypto.createHash("sha256").update(`${name}\n${key}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export async function enqueueJob<N extends JobName>(
  name: N,
  data: JobPayloadInput<N>,
  options: { key?: string; startAfterSeconds?: number } = {},
): Promise<string | null> {
  const settings = JOB_SETTINGS[name];
  const parsed = JOB_PAYLOADS[name].parse(data) as object;
  let boss: PgBoss;
  if (inTransaction()) {
    // Queued in the caller's transaction, so the job exists exactly when the change that asks
    // for it was committed. The queue must exist already (workers create it when they start).
    const known = await sqlQuery(`SELECT 1 FROM ${QUEUE_SCHEMA}.queue WHERE name = $1`, [name]).catch(() => ({ rows: [] }));
    if (known.rows.length === 0) throw new AppError("DATABASE_UNAVAILABLE", "jobQueueNotReady");
    g.__silkrouteTxSender ??= createTransactionalSender();
    boss = g.__silkrouteTxSender;
  } else {
    boss = await queue();
  }
  return boss.send(name, parsed, {
    ...(options.key ? { id: deterministicJobId(name, options.key) } : {}),
    ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
    retryLimit: settings.retryLimit,
    retryDelay: settings.retryDelaySeconds,
    retryBackoff: true,
    expireInMinutes: settings.expireInMinutes,
  });
}
