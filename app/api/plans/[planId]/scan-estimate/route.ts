import { withPermission } from "@/lib/auth/with-permission";
import { estimateScan, scanRequestSchema } from "@/lib/inventory/start-scan";

/** The plan of a scan before it starts: POST { mode, includeShadows, regions? } */
export const POST = withPermission<{ planId: string }>("scan.run", async (req, { user, params }) => {
  const body = scanRequestSchema.omit({ planId: true }).parse(await req.json().catch(() => ({})));
  return Response.json(await estimateScan(user.organizationId, { ...body, planId: params.planId }));
});
