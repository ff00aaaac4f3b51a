import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { PlanInput } from "@/lib/plans/plan-input";
import type { ScopedPlan } from "@/lib/plans/scoped-plan";

async function checkConnection(organizationId: string, connectionId: string | null) {
  if (!connectionId) return;
  const connection = await db().cloudConnection.findFirst({ where: { id: connectionId, organizationId, provider: "aws" } });
  if (!connection) throw new AppError("NOT_FOUND", "chosenConnectionNotFound");
}

export async function createPlan(organizationId: string, input: PlanInput, createdById: string | null): Promise<{ id: string }> {
  await checkConnection(organizationId, input.sourceConnectionId);
  const id = crypto.randomUUID();
  await db().migrationPlan.create({
    data: {
      id,
      organizationId,
      name: input.name,
      description: input.description,
      sourceConnectionId: input.sourceConnectionId,
      sourceRegions: [...new Set(input.sourceRegions)],
      targetRegions: [...new Set(input.targetRegions)],
      createdById,
    },
  });
  return { id };
}

export async function updatePlan(plan: ScopedPlan, input: PlanInput): Promise<void> {
  await checkConnection(plan.organizationId, input.sourceConnectionId);
  const updated = await db().migrationPlan.updateMany({
    where: { id: plan.id, organizationId: plan.organizationId },
    data: {
      name: input.name,
      description: input.description,
      sourceConnectionId: input.sourceConnectionId,
      sourceRegions: [...new Set(input.sourceRegions)],
      targetRegions: [...new Set(input.targetRegions)],
    },
  });
  if (updated.count === 0) throw new AppError("NOT_FOUND", "planNotFound");
}

export async function archivePlan(plan: ScopedPlan): Promise<void> {
  const updated = await db().migrationPlan.updateMany({ where: { id: plan.id, organizationId: plan.organizationId }, data: { status: "archived" } });
  if (updated.count === 0) throw new AppError("NOT_FOUND", "planNotFound");
}
