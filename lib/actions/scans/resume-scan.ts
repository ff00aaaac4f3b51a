"use server";
import { z } from "zod";
import { definePlanAction } from "@/lib/auth/define-action";
import { queueResume } from "@/lib/inventory/queue-scan";

/** An engineer continues a stopped scan from its last stored page. */
export const resumeScanAction = definePlanAction({
  permission: "scan.run",
  input: z.object({ scanId: z.string().min(1).max(64) }),
  plan: (input) => ({ scanId: input.scanId }),
  run: async (_input, { scan }) => {
    const reopened = await queueResume(scan!);
    return { planId: reopened.planId, parts: reopened.parts, attempt: reopened.attempt };
  },
  audit: {
    action: "scan.resume",
    target: (input) => ({ type: "scan", id: input.scanId }),
    details: (_i, out) => ({ parts: out?.parts ?? null, attempt: out?.attempt ?? null }),
  },
});
