import { z } from "zod";
import { withPlan } from "@/lib/auth/with-permission";
import { inventorySummary } from "@/lib/inventory/inventory-summary";

/** Counts by kind and region: ?scanId */
export const GET = withPlan<{ planId: string }>("inventory.read", async (req, { plan }) => {
  const scanId = z.string().max(64).optional().parse(new URL(req.url).searchParams.get("scanId") ?? undefined);
  return Response.json(await inventorySummary(plan, scanId));
});
