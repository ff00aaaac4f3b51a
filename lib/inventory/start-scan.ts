import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { db, transaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { COLLECTOR_IDS, collectorPlans } from "@/lib/aws/collector-plans";
import { GLOBAL_PART, partsOf, planScan, type ScanEstimate } from "@/lib/inventory/plan-scan";
import { scanCounts } from "@/lib/inventory/scan-counts";
import type { CollectorPlan } from "@/lib/aws/collector-types";
import type { ScopedPlan } from "@/lib/plans/scoped-plan";

export const scanOptionsSchema = z.object({
  mode: z.enum(["summary", "deep"]),
  includeShadows: z.boolean().default(false),
  /** A subset of the plan's regions; all of them when absent. */
  regions: z.array(z.string().min(1).max(32)).max(40).optional(),
});
export type ScanOptions = z.infer<typeof scanOptionsSchema>;

/** A scan asked for from outside: the plan it is of and its options. */
export const scanRequestSchema = scanOptionsSchema.extend({ planId: z.string().min(1).max(64) });
export type ScanRequest = z.infer<typeof scanRequestSchema>;

export const PHASE2_PART = "phase2";

/** Every collector's plan (what it calls), never its code: planning a scan loads no AWS SDK client. */
export function allCollectors(): Array<{ id: string; collector: CollectorPlan }> {
  return COLLECTOR_IDS.map((id) => ({ id, collector: collectorPlans[id] as CollectorPlan }));
}

/** The plan, its connection and regions, checked, for a scan or its estimate. */
async function scanTarget(scoped: ScopedPlan, request: ScanOptions) {
  const plan = await db().migrationPlan.findFirst({
    where: { id: scoped.id, organizationId: scoped.organizationId },
    include: { sourceConnection: true },
  });
  if (!plan) throw new AppError("NOT_FOUND", "planNotFound");
  if (plan.status === "archived") throw new AppError("CONFLICT", "planArchived");
  const connection = plan.sourceConnection;
  if (!connection) throw new AppError("CONFLICT", "planNoConnection");
  const available = plan.sourceRegions.length > 0 ? plan.sourceRegions : connection.regions;
  const regions = request.regions?.length ? request.regions : available;
  const unknown = regions.filter((r) => !available.includes(r));
  if (unknown.length) throw new AppError("VALIDATION_FAILED", "planRegionsUnknown", { regions: unknown.join(", ") });
  if (regions.length === 0) throw new AppError("VALIDATION_FAILED", "planNoRegions");
  const previous = await db().scan.findFirst({
    where: { planId: plan.id, status: { in: ["complete", "partial"] } },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  return { plan, connection, regions, previous };
}

/** What a scan would call and how long the quotas make it take at least, before it starts. */
export async function estimateScan(scoped: ScopedPlan, request: ScanOptions): Promise<ScanEstimate> {
  const { connection, regions, previous } = await scanTarget(scoped, request);
  return planScan({
    collectors: allCollectors().map((c) => c.collector),
    regions,
    mode: request.mode,
    includeShadows: request.mode === "deep" && request.includeShadows,
    counts: previous ? await scanCounts(previous.id) : null,
    quotaOverrides: (connection.quotaOverrides as Record<string, number> | null) ?? undefined,
  });
}

/**
 * Records a scan and its tasks (one per region and collector, checkpointed page by page) and
 * returns it; the caller queues it for the workers (web) or runs it in-process (command line).
 */
export async function createScan(
  scoped: ScopedPlan,
  request: ScanOptions,
  options: { requestedById: string | null; origin: "web" | "cli" },
): Promise<{ scanId: string; parts: string[]; estimate: ScanEstimate }> {
  const { plan, connection, regions, previous } = await scanTarget(scoped, request);
  const includeShadows = request.mode === "deep" && request.includeShadows;
  const collectors = allCollectors();
  const estimate = planScan({
    collectors: collectors.map((c) => c.collector),
    regions,
    mode: request.mode,
    includeShadows,
    counts: previous ? await scanCounts(previous.id) : null,
    quotaOverrides: (connection.quotaOverrides as Record<string, number> | null) ?? undefined,
  });
  const scanId = crypto.randomUUID();
  const tasks = collectors.flatMap(({ id, collector }) =>
    partsOf(collector, regions).map((region) => ({ id: crypto.randomUUID(), scanId, region, collectorId: id, phase: collector.phase })),
  );
  await transaction(async () => {
    await db().scan.create({
      data: {
        id: scanId,
        planId: plan.id,
        connectionId: connection.id,
        mode: request.mode,
        includeShadows,
        regions,
        origin: options.origin,
        requestedById: options.requestedById,
        previousScanId: previous?.id ?? null,
        estimate: estimate as never,
      },
    });
    await db().scanTask.createMany({ data: tasks });
  });
  const parts = [...new Set(tasks.filter((t) => t.phase === 1).map((t) => t.region))];
  return { scanId, parts: parts.sort((a, b) => (a === GLOBAL_PART ? 1 : b === GLOBAL_PART ? -1 : a.localeCompare(b))), estimate };
}
