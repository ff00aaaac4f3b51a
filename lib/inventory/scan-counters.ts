import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type pg from "pg";
import type { ApiCallObserver } from "@/lib/aws/client-types";

/**
 * Counts the API calls and throttles of a running scan part, per task (through the async
 * context the collector runs in) and per (region, API), and writes them to the database now and
 * then, so live progress and the scan's plan-versus-actual figures stay current.
 */
export class ScanCounters {
  private readonly taskContext = new AsyncLocalStorage<string>();
  private readonly tasks = new Map<string, { calls: number; throttles: number }>();
  private readonly apis = new Map<string, { calls: number; throttles: number }>();

  runAs<T>(taskId: string, fn: () => Promise<T>): Promise<T> {
    return this.taskContext.run(taskId, fn);
  }

  observer(region: string): ApiCallObserver {
    const bump = (service: string, operation: string, field: "calls" | "throttles") => {
      const taskId = this.taskContext.getStore();
      if (taskId) {
        const t = this.tasks.get(taskId) ?? { calls: 0, throttles: 0 };
        t[field]++;
        this.tasks.set(taskId, t);
      }
      const key = `${region}\n${service}\n${operation}`;
      const a = this.apis.get(key) ?? { calls: 0, throttles: 0 };
      a[field]++;
      this.apis.set(key, a);
    };
    return {
      onCall: (service, operation) => bump(service, operation, "calls"),
      onThrottle: (service, operation) => bump(service, operation, "throttles"),
    };
  }

  /** Adds what was counted since the last flush to the database, and starts counting afresh. */
  async flush(client: pg.Pool | pg.PoolClient, scanId: string): Promise<void> {
    const tasks = [...this.tasks.entries()];
    const apis = [...this.apis.entries()];
    this.tasks.clear();
    this.apis.clear();
    if (tasks.length) {
      await client.query(
        `UPDATE scan_tasks t SET calls_made = t.calls_made + d.calls, throttles = t.throttles + d.throttles, updated_at = now()
         FROM unnest($1::text[], $2::int[], $3::int[]) AS d(id, calls, throttles) WHERE t.id = d.id`,
        [tasks.map(([id]) => id), tasks.map(([, v]) => v.calls), tasks.map(([, v]) => v.throttles)],
      );
    }
    if (apis.length) {
      const parts = apis.map(([key]) => key.split("\n"));
      await client.query(
        `INSERT INTO scan_api_stats (scan_id, region, service, operation, calls, throttles)
         SELECT $1, d.region, d.service, d.operation, d.calls, d.throttles
         FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::int[]) AS d(region, service, operation, calls, throttles)
         ON CONFLICT (scan_id, region, service, operation) DO UPDATE SET
           calls = scan_api_stats.calls + EXCLUDED.calls, throttles = scan_api_stats.throttles + EXCLUDED.throttles`,
        [
          scanId,
          parts.map((p) => p[0]),
          parts.map((p) => p[1]),
          parts.map((p) => p[2]),
          apis.map(([, v]) => v.calls),
          apis.map(([, v]) => v.throttles),
        ],
      );
    }
  }
}
