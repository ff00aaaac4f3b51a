import { withPlan } from "@/lib/auth/with-permission";
import { listScans } from "@/lib/inventory/list-scans";

/** The plan's scans, newest first. */
export const GET = withPlan<{ planId: string }>("inventory.read", async (_req, { plan }) => {
  return Response.json({ scans: await listScans(plan) });
});
