import "server-only";
import { onShutdown, startServerProcess } from "@/lib/start-server-process";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { JOBS } from "@/lib/jobs/job-registry";
import { createQueueClient } from "@/lib/jobs/create-queue-client";
import type { JobDefinition } from "@/lib/jobs/define-job";
import type { JobName } from "@/lib/jobs/job-payloads";

/**
 * A worker process: takes jobs from the Postgres queue and runs them. Start as many as you like,
 * on as many machines as you like (`npm run worker`); each job runs once at a time, and a job
 * whose worker died is retried by another after it expires.
 */
async function main() {
  await startServerProcess("worker");
  const log = logger().child({ role: "worker" });
  const boss = await createQueueClient("worker");
  const stopping = new AbortController();
  const concurrency = env().SILKROUTE_WORKER_CONCURRENCY;
  for (const job of Object.values(JOBS) as JobDefinition<JobName>[]) {
    if (job.settings.cron) await boss.schedule(job.name, job.settings.cron, {}, { tz: "UTC" });
    for (let i = 0; i < concurrency; i++) {
      await boss.work(job.name, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([item]) => {
        if (!item) return;
        const started = Date.now();
        log.info({ job: job.name, jobId: item.id }, "job started");
        try {
          await job.run(job.parse(item.data), { jobId: item.id, signal: stopping.signal });
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
