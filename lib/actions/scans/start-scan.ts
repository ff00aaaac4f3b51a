"use server";
import { definePlanAction } from "@/lib/auth/define-action";
import { scanRequestSchema } from "@/lib/inventory/start-scan";
import { queueScan } from "@/lib/inventory/queue-scan";

/** An engineer starts a scan of the plan's AWS account; its parts go to the workers. */
export const startScanAction = definePlanAction({
  permission: "scan.run",
  input: scanRequestSchema,
  plan: (input) => ({ planId: input.planId }),
  run: async ({ planId: _planId, ...options }, { user, plan }) => {
    const created = await queueScan(plan, options, user.id);
    return { scanId: created.scanId, leastSeconds: created.estimate.leastSeconds, totalCalls: created.estimate.totalCalls };
  },
  audit: {
    action: "scan.start",
    target: (_i, out) => ({ type: "scan", id: out?.scanId ?? null }),
    details: (input, out) => ({ mode: input.mode, includeShadows: input.includeShadows, regions: input.regions ?? "plan", plannedCalls: out?.totalCalls ?? null }),
  },
});
