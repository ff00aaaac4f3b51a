"use server";
import { z } from "zod";
import { definePlanAction } from "@/lib/auth/define-action";
import { cancelScan } from "@/lib/inventory/scan-controls";

/** An engineer stops a queued or running scan; what it read is kept. */
export const cancelScanAction = definePlanAction({
  permission: "scan.run",
  input: z.object({ scanId: z.string().min(1).max(64) }),
  plan: (input) => ({ scanId: input.scanId }),
  run: (_input, { scan }) => cancelScan(scan!),
  audit: { action: "scan.cancel", target: (input) => ({ type: "scan", id: input.scanId }) },
});
