import "server-only";
import { db } from "@/lib/db";
import type { ScopedPlan } from "@/lib/plans/scoped-plan";

export interface PlanMappingChoices {
  /** The catalogue target AWS IoT Core things become; null: the default (IoT Platform). */
  iotTarget: string | null;
  /** Per CloudFormation kind, the candidate the plan chose. */
  kindTargets: Record<string, string>;
  /** Per source AWS region, the Alibaba region chosen by an architect. */
  targetRegionBySource: Record<string, string>;
}

function stringRecord(value: unknown): Record<string, string> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === "string"));
}

/** The mapping choices stored on the plan. */
export async function readPlanMappingChoices(plan: ScopedPlan): Promise<PlanMappingChoices> {
  const row = await db().migrationPlan.findFirst({
    where: { id: plan.id, organizationId: plan.organizationId },
    select: { iotTarget: true, kindTargets: true, targetRegionBySource: true },
  });
  return { iotTarget: row?.iotTarget ?? null, kindTargets: stringRecord(row?.kindTargets), targetRegionBySource: stringRecord(row?.targetRegionBySource) };
}
