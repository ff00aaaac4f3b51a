"use server";
import { z } from "zod";
import { definePlanAction } from "@/lib/auth/define-action";
import { withdrawInputSchema, withdrawOverride } from "@/lib/mapping/withdraw-override";

const input = withdrawInputSchema.extend({ planId: z.string().min(1).max(64) });

/** An architect withdraws a decision: the resource goes back to what the mapping step proposes. */
export const withdrawOverrideAction = definePlanAction({
  permission: "mapping.decide",
  input,
  plan: (i) => ({ planId: i.planId }),
  run: ({ planId: _planId, ...withdrawal }, { plan }) => withdrawOverride(plan, withdrawal),
  audit: {
    action: "mapping.withdraw",
    target: (i) => ({ type: "resource", id: `${i.kind} ${i.arn}` }),
    details: (i, out) => ({ runId: i.runId, kind: i.kind, arn: i.arn, restoredStatus: out?.status ?? null, reason: i.reason }),
  },
});
