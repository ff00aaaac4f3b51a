"use server";
import { z } from "zod";
import { defineAction } from "@/lib/auth/define-action";
import { scanRequestSchema } from "@/lib/inventory/start-scan";
import { queueResume, queueScan } from "@/lib/inventory/queue-scan";
import { cancelScan } from "@/lib/inventory/scan-controls";

const scanId = z.string().min(1).max(64);

export const startScanAction = defineAction({
  permission: "scan.run",
  input: scanRequestSchema,
  run: async (input, { user }) => {
    const created = await queueScan(user.organizationId, input, user.id);
    return { scanId: created.scanId, leastSeconds: created.estimate.leastSeconds, totalCalls: created.estimate.totalCalls };
  },
  audit: {
    action: "scan.start",
    target: (_i, out) => ({ type: "scan", id: out?.scanId ?? null }),
    planId: (input) => input.planId,
    details: (input, out) => ({ mode: input.mode, includeShadows: input.includeShadows, regions: input.regions ?? "plan", plannedCalls: out?.totalCalls ?? null }),
  },
});

export const cancelScanAction = defineAction({
  permission: "scan.run",
  input: z.object({ scanId }),
  run: (input, { user }) => cancelScan(user.organizationId, input.scanId),
  audit: { action: "scan.cancel", target: (input) => ({ type: "scan", id: input.scanId }), planId: (_i, out) => out?.planId ?? null },
});

export const resumeScanAction = defineAction({
  permission: "scan.run",
  input: z.object({ scanId }),
  run: async (input, { user }) => {
    const reopened = await queueResume(user.organizationId, input.scanId);
    return { planId: reopened.planId, parts: reopened.parts, attempt: reopened.attempt };
  },
  audit: {
    action: "scan.resume",
    target: (input) => ({ type: "scan", id: input.scanId }),
    planId: (_i, out) => out?.planId ?? null,
    details: (_i, out) => ({ parts: out?.parts ?? null, attempt: out?.attempt ?? null }),
  },
});
