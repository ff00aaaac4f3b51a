"use server";
import { z } from "zod";
import { definePlanAction } from "@/lib/auth/define-action";
import { decideProposal, decisionFieldsSchema, refineDecisionTarget } from "@/lib/mapping/decide-proposal";

const input = decisionFieldsSchema.extend({ planId: z.string().min(1).max(64) }).superRefine(refineDecisionTarget);

/** An architect decides an open question or overrides a proposal of the plan's newest mapping, with a reason. */
export const decideProposalAction = definePlanAction({
  permission: "mapping.decide",
  input,
  plan: (i) => ({ planId: i.planId }),
  run: ({ planId: _planId, ...decision }, { plan, user }) => decideProposal(plan, decision, { id: user.id, email: user.email }),
  audit: {
    action: "mapping.decide",
    target: (i) => ({ type: "resource", id: `${i.kind} ${i.arn}` }),
    details: (i, out) => ({ runId: i.runId, kind: i.kind, arn: i.arn, status: i.status, target: i.target, rosType: out?.rosType ?? null, reason: i.reason }),
  },
});
