import { withPermission } from "@/lib/auth/with-permission";
import { getScanProgress } from "@/lib/inventory/get-scan-progress";

/** A scan's live progress, issues and plan-versus-actual figures. */
export const GET = withPermission<{ scanId: string }>("inventory.read", async (_req, { user, params }) => {
  return Response.json(await getScanProgress(user.organizationId, params.scanId), { headers: { "cache-control": "no-store" } });
});
