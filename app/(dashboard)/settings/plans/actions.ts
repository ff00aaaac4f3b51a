"use server";
import { z } from "zod";
import { defineAction } from "@/lib/auth/define-action";
import { planInputSchema } from "@/lib/plans/plan-input";
import { archivePlan, createPlan, updatePlan } from "@/lib/plans/save-plan";

const planId = z.string().min(1).max(64);

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

export const updatePlanAction = defineAction({
  permission: "plan.manage",
  input: planInputSchema.extend({ planId }),
  run: ({ planId: id, ...input }, { user }) => updatePlan(user.organizationId, id, input),
  audit: {
    action: "plan.update",
    target: (input) => ({ type: "plan", id: input.planId }),
    planId: (input) => input.planId,
    details: (input) => ({ name: input.name, sourceRegions: input.sourceRegions, targetRegions: input.targetRegions }),
  },
});

export const archivePlanAction = defineAction({
  permission: "plan.manage",
  input: z.object({ planId }),
  run: (input, { user }) => archivePlan(user.organizationId, input.planId),
  audit: { action: "plan.archive", target: (input) => ({ type: "plan", id: input.planId }), planId: (input) => input.planId },
});
