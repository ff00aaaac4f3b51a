import "server-only";
import PgBoss from "pg-boss";
import { pool, sqlQuery } from "@/lib/db";
import { logger } from "@/lib/log";
import { JOB_NAMES } from "@/lib/jobs/job-payloads";

/**
 * The one place that builds a client of the Postgres-backed job queue (pg-boss,
 * docs/decisions/0004-job-queue.md). It shares the process's pg pool, so it works the same on the
 * embedded database and on a Postgres server. A "sender" (the web process, the command line)
 * only queues jobs; a "worker" also supervises the queue (expiry, retention) and runs the cron
 * schedules.
 */

export const QUEUE_SCHEMA = "pgboss";

export async function createQueueClient(role: "sender" | "worker"): Promise<PgBoss> {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values: unknown[]) => pool().query(text, values as unknown[]) },
    schema: QUEUE_SCHEMA,
    supervise: role === "worker",
    schedule: role === "worker",
    migrate: true,
  });
  boss.on("error", (err) => logger().error({ err, role }, "job queue error"));
  await boss.start();
  for (const name of JOB_NAMES) await boss.createQueue(name).catch(() => undefined);
  return boss;
}

/**
 * A queue client that only sends, through `sqlQuery()`: inside `transaction()` a job is queued in
 * the same transaction as the change that asks for it (both or neither). It is never started
 * (starting would install the queue's schema on another connection); the schema and the queues
 * are created by the workers and by `createQueueClient`.
 */
export function createTransactionalSender(): PgBoss {
  return new PgBoss({
    db: { executeSql: (text: string, values: unknown[]) => sqlQuery(text, values ?? []) },
    schema: QUEUE_SCHEMA,
    supervise: false,
    schedule: false,
    migrate: false,
  });
}
