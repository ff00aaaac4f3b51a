/**
 * Sums a mapping's proposals into the document `silkroute map --json` prints (the caller adds the
 * scanId): coverage over all proposals, the same per CloudFormation kind, and the proposed target
 * resources per ROS type or target name. Keys are sorted so the output is stable.
 */
import type { MapScanSummary, Proposal, StatusCounts } from "@/lib/mapping/map-scan/map-scan-types";

const emptyCounts = (): StatusCounts => ({ mapped: 0, decision: 0, none: 0, blocked: 0 });

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(record).sort()) out[key] = record[key] as T;
  return out;
}

/** `extraTargets`: target resources no single proposal carries (the default product, topic classes, republish rules). */
export function summarizeMapScan(proposals: readonly Proposal[], extraTargets: Readonly<Record<string, number>> = {}): MapScanSummary {
  const coverage = emptyCounts();
  const byKind: Record<string, StatusCounts> = {};
  const targets: Record<string, number> = {};
  const addTargets = (counts: Readonly<Record<string, number>>) => {
    // Own keys in the order Object.entries gives them, without making the list.
    for (const key in counts) {
      if (!Object.hasOwn(counts, key)) continue;
      const n = counts[key] as number;
      if (n > 0) targets[key] = (targets[key] ?? 0) + n;
    }
  };
  for (const proposal of proposals) {
    coverage[proposal.status] += 1;
    (byKind[proposal.kind] ??= emptyCounts())[proposal.status] += 1;
    addTargets(proposal.targetResources);
  }
  addTargets(extraTargets);
  return { coverage, byKind: sortKeys(byKind), targets: sortKeys(targets) };
}
