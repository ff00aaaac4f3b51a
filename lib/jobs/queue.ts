import "server-only";
import crypto from "node:crypto";
import PgBoss from "pg-boss";
import { pool } from "@/lib/db";
import { logger } from "@/lib/log";
import { JOBS, type JobName } from "@/lib/jobs/job-registry";
import type { z } from "zod";

/**
 * The Postgres-backed job queue (pg-boss, docs/decisions/0004-job-queue.md). It shares the
 * app's pg pool, so it works the same on the embedded database and on a Postgres server, and any
 * number of worker processes on any number of machines take jobs from it.
 */

const g = globalThis as typeof globalThis & { __silkrouteBoss?: Promise<PgBoss> };

export const QUEUE_SCHEMA = "pgboss";

export function queue(): Promise<PgBoss> {
  g.__silkrouteBoss ??= (async () => {
    const boss = new PgBoss({
      db: { executeSql: (text: string, values: unknown[]) => pool().query(text, values as unknown[]) },
      schema: QUEUE_SCHEMA,
      // The web process only sends jobs; maintenance and cron run in workers.
      supervise: false,
      schedule: false,
      migrate: true,
    });
    boss.on("error", (err) => logger().error({ err }, "job queue error"));
    await boss.start();
    for (const job of Object.values(JOBS)) await boss.createQueue(job.name).catch(() => undefined);
    return boss;
  })();
  return g.__silkrouteBoss;
}

/** A job id derived from a key, so sending the same work twice queues it once. */
export function deterministicJobId(name: string, key: string): string {
  const hex = crypto.createHash("sha256").update(`${name}\n${key}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export async function enqueueJob<N extends JobName>(
  name: N,
  data: z.input<(typeof JOBS)[N]["data"]>,
  options: { key?: string; startAfterSeconds?: number } = {},
): Promise<string | null> {
  const job = JOBS[name];
  const parsed = job.data.parse(data) as object;
  const boss = await queue();
  return boss.send(name, parsed, {
    ...(options.key ? { id: deterministicJobId(name, options.key) } : {}),
    ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
    retryLimit: job.retryLimit ?? 3,
    retryDelay: job.retryDelaySeconds ?? 5,
    retryBackoff: true,
    expireInMinutes: job.expireInMinutes ?? 15,
  });
}
