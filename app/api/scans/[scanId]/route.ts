import { withPlan } from "@/lib/auth/with-permission";
import { getScanProgress } from "@/lib/inventory/get-scan-progress";

/** A scan's live progress, issues and plan-versus-actual figures. */
export const GET = withPlan<{ scanId: string }>("inventory.read", async (_req, { scan }) => {
  return Response.json(await getScanProgress(scan), { headers: { "cache-control": "no-store" } });
});
