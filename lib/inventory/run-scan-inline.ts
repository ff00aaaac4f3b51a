import "server-only";
import { runScanPart } from "@/lib/inventory/run-scan-part";
import { advanceScan } from "@/lib/inventory/advance-scan";
import { PHASE2_PART } from "@/lib/inventory/start-scan";

/**
 * Runs a recorded scan to its end in this process (the command line, tests, the benchmark):
 * every phase 1 part side by side, then phase 2, then the scan's status.
 */
export async function runScanInline(scanId: string, parts: string[], options: { signal?: AbortSignal } = {}): Promise<string> {
  const outcomes = await Promise.all(parts.map((part) => runScanPart(scanId, part, { signal: options.signal })));
  if (outcomes.includes("paused")) return "interrupted";
  let next = await advanceScan(scanId);
  if (next.kind === "phase2") {
    const outcome = await runScanPart(scanId, PHASE2_PART, { signal: options.signal });
    if (outcome === "paused") return "interrupted";
    next = await advanceScan(scanId);
  }
  return next.kind === "finished" ? next.status : "running";
}
