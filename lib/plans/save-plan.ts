import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { PlanInput } from "@/lib/plans/plan-input";

async function checkConnection(organizationId: string, connectionId: string | null) {
  if (!connectionId) return;
  const connection = await db().cloudConnection.findFirst({ where: { id: connectionId, organizationId, provider: "aws" } });
  if (!connection) throw new AppError("NOT_FOUND", "The chosen AWS connection does not exist.");
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

export async function updatePlan(organizationId: string, planId: string, input: PlanInput): Promise<void> {
  await checkConnection(organizationId, input.sourceConnectionId);
  const updated = await db().migrationPlan.updateMany({
    where: { id: planId, organizationId },
    data: {
      name: input.name,
      description: input.description,
      sourceConnectionId: input.sourceConnectionId,
      sourceRegions: [...new Set(input.sourceRegions)],
      targetRegions: [...new Set(input.targetRegions)],
    },
  });
  if (updated.count === 0) throw new AppError("NOT_FOUND", "This plan does not exist.");
}

export async function archivePlan(organizationId: string, planId: string): Promise<void> {
  const updated = await db().migrationPlan.updateMany({ where: { id: planId, organizationId }, data: { status: "archived" } });
  if (updated.count === 0) throw new AppError("NOT_FOUND", "This plan does not exist.");
}
