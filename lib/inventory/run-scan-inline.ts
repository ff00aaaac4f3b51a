import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { runScanPart, type PartOutcome } from "@/lib/inventory/run-scan-part";
import { advanceScan } from "@/lib/inventory/advance-scan";
import { leaseTickMs, scanLeaseMs } from "@/lib/inventory/scan-part-lease";
import { PHASE2_PART } from "@/lib/inventory/start-scan";

/**
 * Runs a recorded scan to its end in this process (the command line, tests, the benchmark):
 * every phase 1 part side by side, then phase 2, then the scan's status. A part another run holds
 * is waited for (it is taken over if that run's lease expires); a part whose lease was lost is
 * claimed again.
 */
export async function runScanInline(scanId: string, parts: string[], options: { signal?: AbortSignal; leaseMs?: number } = {}): Promise<string> {
  const outcomes = await Promise.all(parts.map((part) => runPartToEnd(scanId, part, options)));
  if (outcomes.includes("paused")) return "interrupted";
  let next = await advanceScan(scanId);
  if (next.kind === "phase2") {
    const outcome = await runPartToEnd(scanId, PHASE2_PART, options);
    if (outcome === "paused") return "interrupted";
    next = await advanceScan(scanId);
  }
  return next.kind === "finished" ? next.status : "running";
}

async function runPartToEnd(scanId: string, part: string, options: { signal?: AbortSignal; leaseMs?: number }): Promise<PartOutcome> {
  const pollMs = leaseTickMs(options.leaseMs ?? scanLeaseMs());
  for (;;) {
    if (options.signal?.aborted) return "paused";
    const outcome = await runScanPart(scanId, part, { signal: options.signal, leaseMs: options.leaseMs });
    if (outcome === "lost") continue;
    if (outcome !== "held") return outcome;
    await sleep(pollMs, undefined, { signal: options.signal }).catch(() => undefined);
  }
}
