import "server-only";
import { sqlQuery } from "@/lib/db";
import type { ProposalStatus, StatusCounts } from "@/lib/mapping/map-scan/map-scan-types";
import { recountGraphNode } from "@/lib/mapping/service-map/build-service-map-graph";
import type { ServiceMapGraph } from "@/lib/mapping/service-map/service-map-types";

export const PROPOSAL_STATUSES: readonly ProposalStatus[] = ["mapped", "decision", "none", "blocked"];

export function emptyStatusCounts(): StatusCounts {
  return { mapped: 0, decision: 0, none: 0, blocked: 0 };
}

function addCount(counts: StatusCounts, status: string, n: number) {
  if ((PROPOSAL_STATUSES as readonly string[]).includes(status)) counts[status as ProposalStatus] += n;
}

/**
 * After proposals of a run changed (a decision, a withdrawn override): the run's coverage and
 * counts per kind counted again from its proposals (GROUP BY on the run, over the run/status/kind
 * index), the counts of the service-map nodes those proposals are drawn in, and the run's target
 * resource counts moved by `targetDelta` (what the changed proposals add minus what they added).
 * Call it inside the transaction of the change, holding the run's row lock.
 */
export async function recountMappingRun(runId: string, change: { nodeIds: ReadonlyArray<string | null>; targetDelta: Readonly<Record<string, number>> }): Promise<{ coverage: StatusCounts; byKind: Record<string, StatusCounts> }> {
  const { rows } = await sqlQuery<{ kind: string; status: string; n: number }>(
    `SELECT kind, status, count(*)::int AS n FROM mapping_proposals WHERE run_id = $1 GROUP BY kind, status ORDER BY kind, status`,
    [runId],
  );
  const coverage = emptyStatusCounts();
  const byKind: Record<string, StatusCounts> = {};
  for (const row of rows) {
    const n = Number(row.n);
    addCount(coverage, row.status, n);
    addCount((byKind[row.kind] ??= emptyStatusCounts()), row.status, n);
  }

  const { rows: runRows } = await sqlQuery<{ graph: unknown; targets: Record<string, number> | null }>(`SELECT graph, targets FROM mapping_runs WHERE id = $1`, [runId]);
  let graph: unknown = runRows[0]?.graph ?? null;
  for (const nodeId of new Set(change.nodeIds)) {
    if (!nodeId || graph === null) continue;
    const { rows: nodeRows } = await sqlQuery<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM mapping_proposals WHERE run_id = $1 AND node_id = $2 GROUP BY status`,
      [runId, nodeId],
    );
    const counts = emptyStatusCounts();
    for (const row of nodeRows) addCount(counts, row.status, Number(row.n));
    if (typeof graph === "object" && graph !== null && Array.isArray((graph as { nodes?: unknown }).nodes)) graph = recountGraphNode(graph as ServiceMapGraph, nodeId, counts);
  }

  const targets: Record<string, number> = { ...(runRows[0]?.targets ?? {}) };
  for (const [key, delta] of Object.entries(change.targetDelta)) {
    if (delta === 0) continue;
    const next = (targets[key] ?? 0) + delta;
    if (next > 0) targets[key] = next;
    else delete targets[key];
  }

  await sqlQuery(`UPDATE mapping_runs SET coverage = $2::jsonb, by_kind = $3::jsonb, graph = $4::jsonb, targets = $5::jsonb WHERE id = $1`, [
    runId,
    JSON.stringify(coverage),
    JSON.stringify(byKind),
    graph === null ? null : JSON.stringify(graph),
    JSON.stringify(targets),
  ]);
  return { coverage, byKind };
}

/** What replacing one proposal's target resources does to the run's counts. */
export function targetResourcesDelta(before: Readonly<Record<string, number>>, after: Readonly<Record<string, number>>): Record<string, number> {
  const delta: Record<string, number> = {};
  for (const [key, n] of Object.entries(before)) delta[key] = (delta[key] ?? 0) - n;
  for (const [key, n] of Object.entries(after)) delta[key] = (delta[key] ?? 0) + n;
  return delta;
}
