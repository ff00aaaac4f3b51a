"use server";
import { z } from "zod";
import { definePlanAction } from "@/lib/auth/define-action";
import { archivePlan } from "@/lib/plans/save-plan";

/** An admin archives a plan: it leaves the plan switcher, its scans are kept. */
export const archivePlanAction = definePlanAction({
  permission: "plan.manage",
  input: z.object({ planId: z.string().min(1).max(64) }),
  plan: (input) => ({ planId: input.planId }),
  run: (_input, { plan }) => archivePlan(plan),
  audit: { action: "plan.archive", target: (input) => ({ type: "plan", id: input.planId }) },
});
