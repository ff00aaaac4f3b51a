import { withPermission } from "@/lib/auth/with-permission";
import { findPlan } from "@/lib/plans/find-plan";
import { listScans } from "@/lib/inventory/list-scans";

export const GET = withPermission<{ planId: string }>("inventory.read", async (_req, { user, params }) => {
  await findPlan(user.organizationId, params.planId);
  return Response.json({ scans: await listScans(params.planId) });
});
