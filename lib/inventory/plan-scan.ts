import type { CollectorPlan, ScanMode } from "@/lib/aws/collector-types";
import { quotaFor } from "@/lib/aws/default-quotas";

/**
 * The plan shown before a scan starts: how many calls each API will take in each region and the
 * least time the API quotas allow for them. Quotas are per account and region, and each API has
 * its own bucket, so APIs and regions proceed side by side: the least time is the slowest
 * (region, API) pair. Counts come from the plan's previous scan; a first scan knows none, so its
 * plan shows the minimum (one page per list).
 * Pure: the scan engine and the benchmark both use it.
 */

export const GLOBAL_PART = "global";

export interface PlannedCall {
  region: string;
  service: string;
  operation: string;
  calls: number;
  tps: number;
  seconds: number;
  deepOnly: boolean;
}

export interface ScanEstimate {
  mode: ScanMode;
  includeShadows: boolean;
  basedOn: "previous-scan" | "minimum";
  calls: PlannedCall[];
  totalCalls: number;
  leastSeconds: number;
  byRegion: Record<string, { calls: number; leastSeconds: number }>;
}

export type KindCounts = Record<string, Record<string, number>>;

export interface PlanScanInput {
  collectors: CollectorPlan[];
  regions: string[];
  mode: ScanMode;
  includeShadows: boolean;
  /** Resources per region and kind from the previous scan ("global" included), or null. */
  counts: KindCounts | null;
  quotaOverrides?: Record<string, number>;
}

/** Which part of a scan a collector runs in: its region, "global", or per region in phase 2. */
export function partsOf(collector: CollectorPlan, regions: string[]): string[] {
  return collector.scope === "global" ? [GLOBAL_PART] : regions;
}

export function planScan(input: PlanScanInput): ScanEstimate {
  const count = (region: string, kind: string): number => {
    if (!input.counts) return 0;
    if (region === GLOBAL_PART) return Object.values(input.counts).reduce((n, byKind) => n + (byKind[kind] ?? 0), 0);
    return input.counts[region]?.[kind] ?? 0;
  };
  const totals = new Map<string, PlannedCall>();
  for (const collector of input.collectors) {
    for (const region of partsOf(collector, input.regions)) {
      for (const api of collector.apis) {
        if (api.deepOnly && input.mode !== "deep") continue;
        if (api.shadowsOnly && !input.includeShadows) continue;
        let calls: number;
        switch (api.calls.type) {
          case "pages":
            calls = Math.max(1, Math.ceil(count(region, api.calls.of) / api.calls.pageSize));
            break;
          case "per-item":
            calls = count(region, api.calls.of) * (api.calls.perItem ?? 1);
            break;
          case "fixed":
            calls = api.calls.count;
            break;
        }
        if (calls === 0) continue;
        const service = api.service ?? collector.service;
        const operation = api.bucket ?? api.operation;
        const key = `${region}\n${service}\n${operation}`;
        const existing = totals.get(key);
        if (existing) existing.calls += calls;
        else
          totals.set(key, {
            region,
            service,
            operation,
            calls,
            tps: quotaFor(service, operation, input.quotaOverrides),
            seconds: 0,
            deepOnly: Boolean(api.deepOnly),
          });
      }
    }
  }
  const calls = [...totals.values()].map((c) => ({ ...c, seconds: c.calls / c.tps })).sort((a, b) => b.seconds - a.seconds);
  const byRegion: ScanEstimate["byRegion"] = {};
  for (const c of calls) {
    const r = (byRegion[c.region] ??= { calls: 0, leastSeconds: 0 });
    r.calls += c.calls;
    r.leastSeconds = Math.max(r.leastSeconds, c.seconds);
  }
  return {
    mode: input.mode,
    includeShadows: input.includeShadows,
    basedOn: input.counts ? "previous-scan" : "minimum",
    calls,
    totalCalls: calls.reduce((n, c) => n + c.calls, 0),
    leastSeconds: calls.reduce((m, c) => Math.max(m, c.seconds), 0),
    byRegion,
  };
}

/** The least time the quotas allow for calls actually made: the slowest (region, API) pair. */
export function leastSecondsFor(made: Array<{ region: string; service: string; operation: string; calls: number }>, quotaOverrides?: Record<string, number>): number {
  return made.reduce((m, c) => Math.max(m, c.calls / quotaFor(c.service, c.operation, quotaOverrides)), 0);
}
