"use server";
import { cookies } from "next/headers";
import { z } from "zod";
import { definePlanAction } from "@/lib/auth/define-action";
import { PLAN_COOKIE } from "@/lib/plans/current-plan";

/** Switches the plan the shell shows; only a plan of the user's organisation can be chosen. */
export const selectPlanAction = definePlanAction({
  permission: "plan.read",
  input: z.object({ planId: z.string().min(1).max(64) }),
  plan: (input) => ({ planId: input.planId }),
  run: async (_input, { plan }) => {
    (await cookies()).set(PLAN_COOKIE, plan.id, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
    return { planId: plan.id };
  },
  audit: { action: "plan.select", target: (input) => ({ type: "plan", id: input.planId }) },
});
