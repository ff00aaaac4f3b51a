"use server";
import { defineAction } from "@/lib/auth/define-action";
import { planInputSchema } from "@/lib/plans/plan-input";
import { createPlan } from "@/lib/plans/save-plan";

/** An admin creates a migration plan in the organisation. */
export const createPlanAction = defineAction({
  permission: "plan.manage",
  input: planInputSchema,
  run: (input, { user }) => createPlan(user.organizationId, input, user.id),
  audit: {
    action: "plan.create",
    target: (_i, out) => ({ type: "plan", id: out?.id ?? null }),
    planId: (_i, out) => out?.id ?? null,
    details: (input) => ({ name: input.name, sourceRegions: input.sourceRegions, targetRegions: input.targetRegions }),
  },
});
