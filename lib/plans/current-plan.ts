import "server-only";
import { cookies } from "next/headers";
import { listPlans, type PlanSummary } from "@/lib/plans/list-plans";

export const PLAN_COOKIE = "silkroute-plan";

/** The plan the user is looking at: the one chosen in the plan switcher, else the first. */
export async function currentPlan(organizationId: string): Promise<{ plan: PlanSummary | null; plans: PlanSummary[] }> {
  const plans = await listPlans(organizationId);
  const chosen = (await cookies()).get(PLAN_COOKIE)?.value;
  const plan = plans.find((p) => p.id === chosen) ?? plans[0] ?? null;
  return { plan, plans };
}
