import { z } from "zod";
import { withPermission } from "@/lib/auth/with-permission";
import { findPlan } from "@/lib/plans/find-plan";
import { inventorySummary } from "@/lib/inventory/inventory-summary";

/** Counts by kind and region: ?scanId */
export const GET = withPermission<{ planId: string }>("inventory.read", async (req, { user, params }) => {
  await findPlan(user.organizationId, params.planId);
  const scanId = z.string().max(64).optional().parse(new URL(req.url).searchParams.get("scanId") ?? undefined);
  return Response.json(await inventorySummary(params.planId, scanId));
});
