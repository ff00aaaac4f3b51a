"use server";
import { z } from "zod";
import { definePlanAction } from "@/lib/auth/define-action";
import { DECIDED_STATUSES, decideProposal } from "@/lib/mapping/decide-proposal";

const input = z.object({
  planId: z.string().min(1).max(64),
  runId: z.string().min(1).max(64),
  kind: z.string().min(1).max(256),
  arn: z.string().min(1).max(2048),
  status: z.enum(DECIDED_STATUSES),
  target: z.string().trim().min(1).max(200).nullable(),
  reason: z.string().trim().min(1, "a reason is required").max(500),
});

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
