import "server-only";
import { cookies } from "next/headers";
import { listScopedPlans, type ScopedPlan } from "@/lib/plans/scoped-plan";

export const PLAN_COOKIE = "silkroute-plan";

/** The plan the user is looking at: the one chosen in the plan switcher, else the first; only plans of their organisation. */
export async function currentPlan(organizationId: string): Promise<{ plan: ScopedPlan | null; plans: ScopedPlan[] }> {
  const plans = await listScopedPlans(organizationId);
  const chosen = (await cookies()).get(PLAN_COOKIE)?.value;
  const plan = plans.find((p) => p.id === chosen) ?? plans[0] ?? null;
  return { plan, plans };
}
