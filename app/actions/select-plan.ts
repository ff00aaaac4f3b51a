"use server";
import { cookies } from "next/headers";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { listPlans } from "@/lib/plans/list-plans";
import { PLAN_COOKIE } from "@/lib/plans/current-plan";

/** Switches the plan the shell shows; only plans of the user's organisation can be chosen. */
export async function selectPlan(planId: unknown): Promise<{ ok: boolean }> {
  const parsed = z.string().max(64).safeParse(planId);
  const user = await getCurrentUser();
  if (!parsed.success || !user) return { ok: false };
  const plans = await listPlans(user.organizationId);
  if (!plans.some((p) => p.id === parsed.data)) return { ok: false };
  (await cookies()).set(PLAN_COOKIE, parsed.data, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
  return { ok: true };
}
