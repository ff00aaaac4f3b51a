"use server";
import { z } from "zod";
import { definePlanAction } from "@/lib/auth/define-action";
import { planInputSchema } from "@/lib/plans/plan-input";
import { updatePlan } from "@/lib/plans/save-plan";

/** An admin changes a plan's name, connection and regions. */
export const updatePlanAction = definePlanAction({
  permission: "plan.manage",
  input: planInputSchema.extend({ planId: z.string().min(1).max(64) }),
  plan: (input) => ({ planId: input.planId }),
  run: ({ planId: _planId, ...input }, { plan }) => updatePlan(plan, input),
  audit: {
    action: "plan.update",
    target: (input) => ({ type: "plan", id: input.planId }),
    details: (input) => ({ name: input.name, sourceConnectionId: input.sourceConnectionId, sourceRegions: input.sourceRegions, targetRegions: input.targetRegions }),
  },
});
