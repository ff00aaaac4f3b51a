import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** A plan of the organisation, or NOT_FOUND (also for another organisation's plan). */
export async function findPlan(organizationId: string, planId: string) {
  const plan = await db().migrationPlan.findFirst({ where: { id: planId, organizationId } });
  if (!plan) throw new AppError("NOT_FOUND", "This plan does not exist.");
  return plan;
}
