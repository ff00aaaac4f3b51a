import "server-only";
import PgBoss from "pg-boss";
import { onShutdown, startServerProcess } from "@/lib/start-server-process";
import { pool } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { JOBS } from "@/lib/jobs/job-registry";
import { QUEUE_SCHEMA } from "@/lib/jobs/queue";
import type { JobContext } from "@/lib/jobs/define-job";

/**
 * A worker process: takes jobs from the Postgres queue and runs them. Start as many as you like,
 * on as many machines as you like (`npm run worker`); each job runs once at a time, and a job
 * whose worker died is retried by another after it expires.
 */
async function main() {
  await startServerProcess("worker");
  const log = logger().child({ role: "worker" });
  const boss = new PgBoss({
    db: { executeSql: (text: string, values: unknown[]) => pool().query(text, values as unknown[]) },
    schema: QUEUE_SCHEMA,
    supervise: true,
    schedule: true,
    migrate: true,
  });
  boss.on("error", (err) => log.error({ err }, "job queue error"));
  await boss.start();
  const stopping = new AbortController();
  const concurrency = env().SILKROUTE_WORKER_CONCURRENCY;
  for (const job of Object.values(JOBS)) {
    await boss.createQueue(job.name).catch(() => undefined);
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: "UTC" });
    for (let i = 0; i < concurrency; i++) {
      await boss.work(job.name, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([item]) => {
        if (!item) return;
        const started = Date.now();
        log.info({ job: job.name, jobId: item.id }, "job started");
        try {
          const run = job.run as (data: unknown, ctx: JobContext) => Promise<void>;
          await run(job.data.parse(item.data), { jobId: item.id, signal: stopping.signal });
          log.info({ job: job.name, jobId: item.id, ms: Date.now() - started }, "job finished");
        } catch (err) {
          log.error({ err, job: job.name, jobId: item.id }, "job failed");
          throw err;
        }
      });
    }
  }
  log.info({ jobs: Object.keys(JOBS), concurrency }, "worker ready");
  onShutdown(async () => {
    stopping.abort();
    await boss.stop({ graceful: true, timeout: 20_000, wait: true }).catch(() => undefined);
  });
}

await main();
