import "server-only";
import { db } from "@/lib/db";
import type { ScopedPlan } from "@/lib/plans/scoped-plan";
import type { StatusCounts } from "@/lib/mapping/map-scan/map-scan-types";
import { SERVICE_MAP_GRAPH_VERSION, type ServiceMapGraph } from "@/lib/mapping/service-map/service-map-types";

/** The service map of a plan: its newest succeeded mapping run, with the stored graph and counts. */
export interface ServiceMapView {
  runId: string;
  scanId: string;
  startedAt: string;
  finishedAt: string | null;
  catalogueVersion: string | null;
  proposalCount: number;
  coverage: StatusCounts | null;
  byKind: Record<string, StatusCounts> | null;
  /** Null when the run stored no graph (or one of a version this code does not draw). */
  graph: ServiceMapGraph | null;
}

const isGraph = (value: unknown): value is ServiceMapGraph =>
  typeof value === "object" &&
  value !== null &&
  (value as { version?: unknown }).version === SERVICE_MAP_GRAPH_VERSION &&
  Array.isArray((value as { nodes?: unknown }).nodes) &&
  Array.isArray((value as { edges?: unknown }).edges);

/** The newest mapping run of the plan that succeeded; null when the plan has none yet. */
export async function readServiceMap(plan: ScopedPlan): Promise<ServiceMapView | null> {
  const run = await db().mappingRun.findFirst({
    where: { planId: plan.id, status: "succeeded" },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    select: { id: true, scanId: true, startedAt: true, finishedAt: true, catalogueVersion: true, proposalCount: true, coverage: true, byKind: true, graph: true },
  });
  if (!run) return null;
  return {
    runId: run.id,
    scanId: run.scanId,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    catalogueVersion: run.catalogueVersion,
    proposalCount: run.proposalCount,
    coverage: (run.coverage as StatusCounts | null) ?? null,
    byKind: (run.byKind as Record<string, StatusCounts> | null) ?? null,
    graph: isGraph(run.graph) ? run.graph : null,
  };
}
