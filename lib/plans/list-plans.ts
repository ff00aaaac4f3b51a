import "server-only";
import { db } from "@/lib/db";

export interface PlanSummary {
  id: string;
  name: string;
  description: string | null;
  status: string;
  sourceRegions: string[];
  targetRegions: string[];
  sourceConnectionId: string | null;
}

export async function listPlans(organizationId: string): Promise<PlanSummary[]> {
  const plans = await db().migrationPlan.findMany({
    where: { organizationId, status: { not: "archived" } },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, description: true, status: true, sourceRegions: true, targetRegions: true, sourceConnectionId: true },
  });
  return plans;
}
