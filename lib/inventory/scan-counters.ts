import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type pg from "pg";
import type { ApiCallObserver } from "@/lib/aws/client-types";

/**
 * Counts the API calls and throttles of a running scan part, per task (through the async
 * context the collector runs in) and per (region, API), until they are written.
 *
 * The counts are written only in transactions that hold the part's lease: a task's counts with
 * each page of that task, the rest with each lease renewal and when the part stops. A part that
 * loses its lease, or dies, loses only what it had not written yet: calls made since its task's
 * last stored page, for pages not stored (read ahead, or in hand), which the next owner reads
 * again and counts itself. No call is ever counted twice, and none by a part that no longer owns
 * the work.
 */

/** The part's own calls, made outside any task (who the account is). */
const PART = "";

export interface Tally {
  calls: number;
  throttles: number;
}

export interface CountDelta {
  /** Per task, sorted by id. */
  tasks: Array<{ id: string; calls: number; throttles: number }>;
  /** Per (region, service, operation), sorted, so concurrent writers lock the rows in one order. */
  apis: Array<{ region: string; service: string; operation: string; calls: number; throttles: number }>;
  /** What was taken, per owner, to put back if its transaction does not commit. */
  readonly taken: ReadonlyArray<readonly [owner: string, byApi: ReadonlyMap<string, Tally>]>;
}

export class ScanCounters {
  private readonly taskContext = new AsyncLocalStorage<string>();
  /** owner (a task id, or PART) -> "region\nservice\noperation" -> tally */
  private readonly pending = new Map<string, Map<string, Tally>>();

  runAs<T>(taskId: string, fn: () => Promise<T>): Promise<T> {
    return this.taskContext.run(taskId, fn);
  }

  observer(region: string): ApiCallObserver {
    const bump = (service: string, operation: string, field: keyof Tally) => {
      this.add(this.taskContext.getStore() ?? PART, `${region}\n${service}\n${operation}`, field === "calls" ? 1 : 0, field === "throttles" ? 1 : 0);
    };
    return {
      onCall: (service, operation) => bump(service, operation, "calls"),
      onThrottle: (service, operation) => bump(service, operation, "throttles"),
    };
  }

  /**
   * Takes (and forgets) what was counted for these tasks and for the part itself, or for
   * everything when no tasks are named.
   */
  take(taskIds?: string[]): CountDelta {
    const owners = taskIds ? [...taskIds, PART] : [...this.pending.keys()];
    const taken: Array<[string, Map<string, Tally>]> = [];
    const tasks: CountDelta["tasks"] = [];
    const apis = new Map<string, Tally>();
    for (const owner of owners) {
      const byApi = this.pending.get(owner);
      if (!byApi) continue;
      this.pending.delete(owner);
      taken.push([owner, byApi]);
      const total = { calls: 0, throttles: 0 };
      for (const [key, t] of byApi) {
        total.calls += t.calls;
        total.throttles += t.throttles;
        const a = apis.get(key) ?? { calls: 0, throttles: 0 };
        a.calls += t.calls;
        a.throttles += t.throttles;
        apis.set(key, a);
      }
      if (owner !== PART) tasks.push({ id: owner, ...total });
    }
    tasks.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return {
      tasks,
      apis: [...apis.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, t]) => {
          const [region, service, operation] = key.split("\n") as [string, string, string];
          return { region, service, operation, ...t };
        }),
      taken,
    };
  }

  /** Puts back counts whose transaction did not commit, so that a later write carries them. */
  restore(delta: CountDelta): void {
    for (const [owner, byApi] of delta.taken) for (const [key, t] of byApi) this.add(owner, key, t.calls, t.throttles);
  }

  private add(owner: string, key: string, calls: number, throttles: number): void {
    let byApi = this.pending.get(owner);
    if (!byApi) {
      byApi = new Map();
      this.pending.set(owner, byApi);
    }
    const t = byApi.get(key) ?? { calls: 0, throttles: 0 };
    t.calls += calls;
    t.throttles += throttles;
    byApi.set(key, t);
  }
}

/** The total of a task in a delta, for the page write that carries it. */
export function taskTotal(delta: CountDelta, taskId: string): { calls: number; throttles: number } {
  const t = delta.tasks.find((x) => x.id === taskId);
  return { calls: t?.calls ?? 0, throttles: t?.throttles ?? 0 };
}

/**
 * Writes a delta: the API counts always, the per-task counts unless the caller wrote them
 * already (a page write adds its task's counts to the task's row itself). The caller holds the
 * lease of every task in the delta, in this transaction.
 */
export async function writeCounts(client: pg.PoolClient, scanId: string, delta: CountDelta, options: { tasks?: boolean } = {}): Promise<void> {
  const tasks = options.tasks === false ? [] : delta.tasks.filter((t) => t.calls > 0 || t.throttles > 0);
  if (tasks.length) {
    await client.query(
      `UPDATE scan_tasks t SET calls_made = t.calls_made + d.calls, throttles = t.throttles + d.throttles, updated_at = now()
       FROM unnest($1::text[], $2::int[], $3::int[]) AS d(id, calls, throttles) WHERE t.id = d.id`,
      [tasks.map((t) => t.id), tasks.map((t) => t.calls), tasks.map((t) => t.throttles)],
    );
  }
  if (delta.apis.length) {
    await client.query(
      `INSERT INTO scan_api_stats (scan_id, region, service, operation, calls, throttles)
       SELECT $1, d.region, d.service, d.operation, d.calls, d.throttles
       FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::int[]) WITH ORDINALITY AS d(region, service, operation, calls, throttles, n)
       ORDER BY d.n
       ON CONFLICT (scan_id, region, service, operation) DO UPDATE SET
         calls = scan_api_stats.calls + EXCLUDED.calls, throttles = scan_api_stats.throttles + EXCLUDED.throttles`,
      [
        scanId,
        delta.apis.map((a) => a.region),
        delta.apis.map((a) => a.service),
        delta.apis.map((a) => a.operation),
        delta.apis.map((a) => a.calls),
        delta.apis.map((a) => a.throttles),
      ],
    );
  }
}
